using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// verify_blob_kzg_proof_batch: for every blob its commitment and proof are decoded, its challenge
    /// z_i and evaluation y_i computed (shared out over <see cref="ManagedKzgOptions.MaxDegreeOfParallelism"/>
    /// threads), then verify_kzg_proof_batch checks all openings at once.
    /// </summary>
    public static bool VerifyBlobKzgProofBatch(ManagedKzgSettings settings, ReadOnlySpan<byte> blobs,
        ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs)
    {
        int n = commitments.Length;
        var c = new G1Affine[n];
        var p = new G1Affine[n];
        var zs = new Fr[n];
        var ys = new Fr[n];
        var errors = new Exception?[n];
        var blobArray = blobs.ToArray();
        var commitmentArray = commitments.ToArray();
        var proofArray = proofs.ToArray();

        // 1. Per blob: bytes_to_kzg_commitment, blob_to_polynomial, compute_challenge,
        //    evaluate_polynomial_in_evaluation_form, bytes_to_kzg_proof.
        void PerBlob(int i)
        {
            try
            {
                var blob = blobArray.AsSpan(i * KzgConstants.BytesPerBlob, KzgConstants.BytesPerBlob);
                c[i] = BytesToKzgCommitment(commitmentArray[i], n == 1 ? "commitment" : $"commitment {i}");
                var polynomial = new ulong[4 * Domain.Size];
                BlobToPolynomial(blob, polynomial);
                zs[i] = ComputeChallenge(blob, commitmentArray[i].Bytes);
                ys[i] = EvaluatePolynomialInEvaluationForm(polynomial, zs[i]);
                p[i] = BytesToKzgProof(proofArray[i], n == 1 ? "proof" : $"proof {i}");
            }
            catch (Exception e)
            {
                errors[i] = e;
            }
        }
        int dop = Math.Min(settings.Options.MaxDegreeOfParallelism, n);
        if (dop <= 1) for (int i = 0; i < n; i++) PerBlob(i);
        else Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = dop }, PerBlob);
        // The first bad input in order is reported, as a sequential run would.
        foreach (var e in errors)
        {
            if (e is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e);
        }

        // 2. verify_kzg_proof_batch.
        return VerifyKzgProofBatch(settings, commitments, c, zs, ys, proofs, p);
    }
}
