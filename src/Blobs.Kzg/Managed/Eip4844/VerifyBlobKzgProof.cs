using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// verify_blob_kzg_proof: the proof must open the blob's polynomial at the Fiat–Shamir challenge of
    /// (blob, commitment) to the polynomial's value there.
    /// </summary>
    public static bool VerifyBlobKzgProof(ManagedKzgSettings settings, ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof)
    {
        // 1. bytes_to_kzg_commitment, blob_to_polynomial.
        var c = BytesToKzgCommitment(commitment);
        var polynomial = new ulong[4 * Domain.Size];
        BlobToPolynomial(blob, polynomial);
        // 2. compute_challenge, evaluate_polynomial_in_evaluation_form.
        Fr z = ComputeChallenge(blob, commitment.Bytes);
        Fr y = EvaluatePolynomialInEvaluationForm(polynomial, z);
        // 3. bytes_to_kzg_proof, verify_kzg_proof_impl.
        var p = BytesToKzgProof(proof);
        return VerifyKzgProofImpl(settings, c, z, y, p);
    }
}
