using System.Runtime.CompilerServices;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// The 128 multi-scalar multiplications of FK20 (64 fixed bases each) over <see cref="Fk20Tables"/>: each scalar is
/// cut into signed c-bit digits d (c = <see cref="Fk20Tables.WindowBits"/>), and the table point of (base, window) goes
/// to bucket |d| (negated when d &lt; 0) of its MSM, so an MSM is Σ_b b·S_b over 2^(c−1) bucket sums. Buckets are filled with affine additions in batches that
/// share one field inversion (Montgomery's trick: about 6 multiplications per addition instead of 11 for a mixed
/// Jacobian addition); an addition whose bucket is already in the current batch waits for the next one.
/// </summary>
internal static class Fk20Msm
{
    private const int Buckets = 1 << (Fk20Tables.WindowBits - 1);

    /// <summary>results[i] = Σₜ scalars[i·64 + t]·base(t, i) for the MSMs i in [from, to).</summary>
    public static void Run(Fk20Tables tables, ReadOnlySpan<Fr> scalars, Span<G1Affine> results, int from, int to)
    {
        const int columns = Fk20.Columns, windows = Fk20Tables.Windows;
        int msms = to - from;
        const int bits = Fk20Tables.WindowBits, full = 1 << bits;
        // 1. Signed digits in [−2^(c−1), 2^(c−1)), laid out [m][t][i] (the table's order). Scalars are below
        //    r < 2^255, so the top window never carries out.
        var digits = new short[windows * columns * msms];
        Span<ulong> limbs = stackalloc ulong[5];
        for (int i = 0; i < msms; i++)
            for (int t = 0; t < columns; t++)
            {
                scalars[(from + i) * columns + t].ToCanonicalLimbs(limbs);
                limbs[4] = 0;
                int carry = 0;
                for (int m = 0; m < windows; m++)
                {
                    int bit = m * bits, limb = bit >> 6, shift = bit & 63;
                    ulong v = limbs[limb] >> shift;
                    if (shift + bits > 64) v |= limbs[limb + 1] << (64 - shift);
                    int d = (int)(v & (full - 1)) + carry;
                    if (d >= Buckets) { d -= full; carry = 1; } else carry = 0;
                    digits[(m * columns + t) * msms + i] = (short)d;
                }
            }

        // 2. Bucket sums.
        var state = new AffineBuckets(msms * Buckets, tables.Table);
        for (int m = 0; m < windows; m++)
            for (int t = 0; t < columns; t++)
            {
                int digitBase = (m * columns + t) * msms;
                int tableBase = Fk20Tables.Index(m, t, from);
                for (int i = 0; i < msms; i++)
                {
                    int d = digits[digitBase + i];
                    if (d == 0) continue;
                    state.Offer(i * Buckets + (d > 0 ? d : -d) - 1, (tableBase + i) | (d < 0 ? AffineBuckets.NegativeBit : 0));
                }
            }
        state.Drain();

        // 3. Σ_b b·S_b per MSM by running sums R_b = Σ_{b' ≥ b} S_b', T = Σ_b R_b, every step one batch of affine
        //    additions across the MSMs (empty buckets are infinity).
        var running = new G1Affine[msms];
        var total = results.Slice(from, msms);
        total.Fill(G1Affine.Infinity);
        var step = new G1Affine[msms];
        var scratch = new Fp[2 * msms];
        for (int b = Buckets - 1; b >= 0; b--)
        {
            for (int i = 0; i < msms; i++)
            {
                int q = i * Buckets + b;
                step[i] = state.Filled[q] ? state.Sums[q] : G1Affine.Infinity;
            }
            G1BatchAffine.AddAssign(running, step, scratch);
            G1BatchAffine.AddAssign(total, running, scratch);
        }
    }
}
