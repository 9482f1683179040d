namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// blob_to_kzg_commitment: g1_lincomb(bit_reversal_permutation(KZG_SETUP_G1_LAGRANGE), blob_to_polynomial(blob)),
    /// one fixed-base MSM over the setup's precomputed tables.
    /// </summary>
    public static KzgCommitment BlobToKzgCommitment(ManagedKzgSettings settings, ReadOnlySpan<byte> blob)
    {
        // 1. The blob's elements are the scalars (canonical, checked by the context).
        var limbs = new ulong[4 * Domain.Size];
        BlobToPolynomial(blob, limbs);
        // 2. g1_lincomb over the Lagrange basis.
        return ToCommitment(settings.LagrangeTable.Multiply(limbs));
    }
}
