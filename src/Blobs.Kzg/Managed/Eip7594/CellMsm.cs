using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// A variable-base multi-scalar multiplication for the small MSMs of verify_cell_kzg_proof_batch (a few to a few
/// hundred points): Pippenger's bucket method with signed c-bit digits (2^(c−1) buckets per window), Jacobian
/// buckets filled by mixed additions, the windows joined by c doublings each.
/// </summary>
internal static class CellMsm
{
    /// <summary>Σ scalars[i]·points[i] (g1_lincomb).</summary>
    public static G1Jacobian Compute(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        if (points.Length != scalars.Length) throw new ArgumentException($"MSM: {points.Length} points, {scalars.Length} scalars");
        int n = points.Length;
        if (n == 0) return G1Jacobian.Infinity;
        int c = n < 8 ? 3 : n < 32 ? 4 : n < 96 ? 5 : n < 256 ? 6 : n < 1024 ? 7 : 8;
        int windows = (255 + c) / c + 1;

        // 1. Signed digits of every scalar, window by window.
        var digits = new int[n * windows];
        Span<ulong> limbs = stackalloc ulong[4];
        int full = 1 << c, half = 1 << (c - 1);
        for (int i = 0; i < n; i++)
        {
            scalars[i].ToCanonicalLimbs(limbs);
            int carry = 0;
            for (int w = 0; w < windows; w++)
            {
                int bit = w * c;
                int d = carry + (int)Bits(limbs, bit, c);
                if (d >= half) { d -= full; carry = 1; } else carry = 0;
                digits[i * windows + w] = d;
            }
        }

        // 2. Windows from the top: acc ← 2^c·acc + Σ_b b·bucket_b.
        var buckets = new G1Jacobian[half];
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int w = windows - 1; w >= 0; w--)
        {
            for (int s = 0; s < c && !acc.IsInfinity; s++) acc = G1Jacobian.Double(acc);
            buckets.AsSpan().Fill(G1Jacobian.Infinity);
            bool any = false;
            for (int i = 0; i < n; i++)
            {
                int d = digits[i * windows + w];
                if (d == 0) continue;
                any = true;
                ref G1Jacobian b = ref buckets[(d > 0 ? d : -d) - 1];
                b = G1Jacobian.AddMixed(b, d > 0 ? points[i] : G1Affine.Negate(points[i]));
            }
            if (!any) continue;
            G1Jacobian running = G1Jacobian.Infinity, sum = G1Jacobian.Infinity;
            for (int b = half - 1; b >= 0; b--)
            {
                running = G1Jacobian.Add(running, buckets[b]);
                sum = G1Jacobian.Add(sum, running);
            }
            acc = G1Jacobian.Add(acc, sum);
        }
        return acc;
    }

    /// <summary>Bits [bit, bit + count) of a little-endian 256-bit value (zero beyond).</summary>
    private static ulong Bits(ReadOnlySpan<ulong> limbs, int bit, int count)
    {
        if (bit >= 256) return 0;
        int limb = bit >> 6, shift = bit & 63;
        ulong v = limbs[limb] >> shift;
        if (shift + count > 64 && limb + 1 < 4) v |= limbs[limb + 1] << (64 - shift);
        return v & ((1UL << count) - 1);
    }
}
