using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>compute_kzg_proof: the proof that p(z) = y for the blob's polynomial p, and y.</summary>
    public static (KzgProof Proof, FieldElement Y) ComputeKzgProof(ManagedKzgSettings settings, ReadOnlySpan<byte> blob, in FieldElement z)
    {
        // 1. bytes_to_bls_field(z_bytes), blob_to_polynomial(blob).
        Fr zFr = ToFr(z);
        var polynomial = new ulong[4 * Domain.Size];
        BlobToPolynomial(blob, polynomial);
        // 2. compute_kzg_proof_impl.
        var (proof, y) = ComputeKzgProofImpl(settings, polynomial, zFr);
        return (ToProof(proof), ToFieldElement(y));
    }
}
