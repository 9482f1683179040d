using System.Buffers.Binary;
using System.Security.Cryptography;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// verify_kzg_proof_batch: with r = hash_to_bls_field of every input and r_i = r^i,
    /// e(Σ r_i·π_i, −[τ]G2)·e(Σ r_i·(C_i − [y_i]G1) + Σ r_i·z_i·π_i, G2) = 1 — evaluated here as
    /// e(B, −G2)·e(A, [τ]G2) = 1 with A = Σ r_i·π_i and B = Σ r_i·C_i + Σ (r_i·z_i)·π_i − (Σ r_i·y_i)·G1
    /// (two MSMs, one two-pair pairing check with the setup's prepared G2 points).
    /// </summary>
    public static bool VerifyKzgProofBatch(ManagedKzgSettings settings,
        ReadOnlySpan<KzgCommitment> commitmentBytes, ReadOnlySpan<G1Affine> commitments,
        ReadOnlySpan<Fr> zs, ReadOnlySpan<Fr> ys,
        ReadOnlySpan<KzgProof> proofBytes, ReadOnlySpan<G1Affine> proofs)
    {
        int n = commitments.Length;
        // 1. r from the transcript: domain ‖ degree (8 bytes) ‖ count (8 bytes) ‖ (C_i ‖ z_i ‖ y_i ‖ π_i)*.
        Fr r;
        using (var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
        {
            Span<byte> buffer = stackalloc byte[48 + 32 + 32 + 48];
            sha.AppendData(RandomChallengeKzgBatchDomain);
            BinaryPrimitives.WriteUInt64BigEndian(buffer, KzgConstants.FieldElementsPerBlob);
            BinaryPrimitives.WriteUInt64BigEndian(buffer[8..], (ulong)n);
            sha.AppendData(buffer[..16]);
            for (int i = 0; i < n; i++)
            {
                commitmentBytes[i].Bytes.CopyTo(buffer);
                zs[i].ToBytesBigEndian(buffer.Slice(48, 32));
                ys[i].ToBytesBigEndian(buffer.Slice(80, 32));
                proofBytes[i].Bytes.CopyTo(buffer[112..]);
                sha.AppendData(buffer);
            }
            Span<byte> digest = stackalloc byte[32];
            sha.GetHashAndReset(digest);
            r = HashToBlsField(digest);
        }

        // 2. compute_powers(r, n), and the scalars of both combinations.
        var aScalars = new Fr[n];
        var bPoints = new G1Affine[2 * n + 1];
        var bScalars = new Fr[2 * n + 1];
        Fr power = Fr.One, ySum = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            aScalars[i] = power;
            bPoints[i] = commitments[i];
            bScalars[i] = power;
            bPoints[n + i] = proofs[i];
            bScalars[n + i] = power * zs[i];
            ySum += power * ys[i];
            power *= r;
        }
        bPoints[2 * n] = G1Affine.Generator;
        bScalars[2 * n] = -ySum;

        // 3. The two linear combinations.
        int dop = settings.Options.MaxDegreeOfParallelism;
        var a = G1Msm.Multiply(proofs, aScalars, dop).ToAffine();
        var b = G1Msm.Multiply(bPoints, bScalars, dop).ToAffine();

        // 4. One pairing check.
        return Pairing.PairingProductIsOne([(b, settings.NegG2Prepared), (a, settings.TauG2Prepared)]);
    }
}
