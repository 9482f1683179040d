using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// compute_blob_kzg_proof: the proof for the blob's polynomial at the Fiat–Shamir challenge of
    /// (blob, commitment). The commitment must be a valid G1 point (it is not checked against the blob).
    /// </summary>
    public static KzgProof ComputeBlobKzgProof(ManagedKzgSettings settings, ReadOnlySpan<byte> blob, in KzgCommitment commitment)
    {
        // 1. bytes_to_kzg_commitment (validation only).
        BytesToKzgCommitment(commitment);
        // 2. blob_to_polynomial, compute_challenge.
        var polynomial = new ulong[4 * Domain.Size];
        BlobToPolynomial(blob, polynomial);
        Fr challenge = ComputeChallenge(blob, commitment.Bytes);
        // 3. compute_kzg_proof_impl at the challenge.
        var (proof, _) = ComputeKzgProofImpl(settings, polynomial, challenge);
        return ToProof(proof);
    }
}
