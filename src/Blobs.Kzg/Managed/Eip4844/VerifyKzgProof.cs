namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>verify_kzg_proof: decodes and validates the commitment and the proof, then verify_kzg_proof_impl.</summary>
    public static bool VerifyKzgProof(ManagedKzgSettings settings, in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof)
    {
        // 1. bytes_to_kzg_commitment, bytes_to_bls_field (z, y), bytes_to_kzg_proof.
        var c = BytesToKzgCommitment(commitment);
        var zFr = ToFr(z);
        var yFr = ToFr(y);
        var p = BytesToKzgProof(proof);
        // 2. The pairing check.
        return VerifyKzgProofImpl(settings, c, zFr, yFr, p);
    }
}
