using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// Several multi-scalar multiplications over the same points (LL = Σ rᵏ·proofₖ and RLP = Σ rᵏhₖ⁶⁴·proofₖ of
/// verify_cell_kzg_proof_batch) in one bucket pass: signed c-bit digits, one group of 2^(c−1) buckets per
/// (product, window), every bucket addition of every window batched in affine coordinates (<see cref="AffineBuckets"/>),
/// the bucket reductions of all groups run side by side as batched affine running sums, then each product's windows
/// are joined by c doublings apiece.
/// </summary>
internal static class SharedBaseMsm
{
    /// <summary>results[j] = Σᵢ scalars[j][i]·points[i].</summary>
    public static void Compute(G1Affine[] points, ReadOnlySpan<Fr[]> scalars, Span<G1Jacobian> results, int window = 5)
    {
        int n = points.Length, products = scalars.Length;
        int half = 1 << (window - 1), full = 1 << window;
        int windows = 256 / window + 1;
        int groups = products * windows;

        // 1. Digits, straight into the buckets: bucket (j, w, |d| − 1).
        var buckets = new AffineBuckets(groups * half, points);
        Span<ulong> limbs = stackalloc ulong[4];
        for (int j = 0; j < products; j++)
        {
            if (scalars[j].Length != n) throw new ArgumentException($"MSM: {n} points, {scalars[j].Length} scalars");
            for (int i = 0; i < n; i++)
            {
                scalars[j][i].ToCanonicalLimbs(limbs);
                int carry = 0;
                for (int w = 0; w < windows; w++)
                {
                    int d = carry + (int)Bits(limbs, w * window, window);
                    if (d >= half) { d -= full; carry = 1; } else carry = 0;
                    if (d != 0) buckets.Offer((j * windows + w) * half + (d > 0 ? d : -d) - 1, i | (d < 0 ? AffineBuckets.NegativeBit : 0));
                }
            }
        }
        buckets.Drain();

        // 2. Σ_b b·S_b for every group at once.
        var running = new G1Affine[groups];
        var total = new G1Affine[groups];
        var step = new G1Affine[groups];
        var scratch = new Fp[2 * groups];
        for (int b = half - 1; b >= 0; b--)
        {
            for (int g = 0; g < groups; g++)
            {
                int q = g * half + b;
                step[g] = buckets.Filled[q] ? buckets.Sums[q] : G1Affine.Infinity;
            }
            G1BatchAffine.AddAssign(running, step, scratch);
            G1BatchAffine.AddAssign(total, running, scratch);
        }

        // 3. Join the windows of each product from the top.
        for (int j = 0; j < products; j++)
        {
            G1Jacobian acc = G1Jacobian.Infinity;
            for (int w = windows - 1; w >= 0; w--)
            {
                for (int s = 0; s < window && !acc.IsInfinity; s++) acc = G1Jacobian.Double(acc);
                acc = G1Jacobian.AddMixed(acc, total[j * windows + w]);
            }
            results[j] = acc;
        }
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
