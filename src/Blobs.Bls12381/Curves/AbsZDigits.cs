namespace Blobs.Bls12381;

/// <summary>
/// Scalars written in base |z| (z = −0xd201000000010000, the BLS parameter), for the endomorphism-accelerated
/// multiplications: G1's φ acts as −z² and G2's ψ as z on their prime-order subgroups.
/// </summary>
internal static class AbsZDigits
{
    /// <summary>Divides the little-endian limbs by |z| in place and returns the remainder.</summary>
    public static ulong DivRem(Span<ulong> limbs)
    {
        UInt128 rem = 0;
        for (int l = limbs.Length - 1; l >= 0; l--)
        {
            UInt128 cur = (rem << 64) | limbs[l];
            limbs[l] = (ulong)(cur / G1Affine.AbsZ);
            rem = cur % G1Affine.AbsZ;
        }
        return (ulong)rem;
    }

    /// <summary>
    /// k = d0 + d1·z² for a scalar below r (four limbs): two divisions by |z|, k = (q·|z| + r1)·|z| + r0,
    /// d0 = r1·|z| + r0, d1 = q; both below z² ≈ 2^128.
    /// </summary>
    public static (UInt128 D0, UInt128 D1) SplitByZSquared(ReadOnlySpan<ulong> limbs4)
    {
        Span<ulong> q = stackalloc ulong[4];
        limbs4[..4].CopyTo(q);
        ulong r0 = DivRem(q);
        ulong r1 = DivRem(q);
        return ((UInt128)r1 * G1Affine.AbsZ + r0, ((UInt128)q[1] << 64) | q[0]);
    }
}
