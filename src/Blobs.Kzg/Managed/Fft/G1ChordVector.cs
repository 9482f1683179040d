using System.Runtime.CompilerServices;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Batched affine chord additions on eight AVX-512 lanes (<see cref="FpVector"/>: radix-2^28 Montgomery products,
/// eight at a time, several times the throughput of the scalar <see cref="Fp.Mul"/>). The shared inversion of
/// Montgomery's trick runs as eight interleaved prefix chains, one per lane, whose eight totals are inverted together
/// on the scalar side. Only chords: the caller keeps infinity operands, doublings and P + (−P) out of the batch
/// (<see cref="Eip7594.AffineBuckets"/> and <see cref="G1BatchAffine"/> sort them out with one comparison of x-coordinates).
/// </summary>
internal static class G1ChordVector
{
    /// <summary>True when the CPU runs AVX-512 natively (otherwise callers use the scalar formulas).</summary>
    public static bool IsSupported => FpVector.IsSupported;

    /// <summary>Below this many additions the scalar formulas are as fast.</summary>
    public const int MinimumBatch = 32;

    private const int Lanes = FpVector.Lanes, Limbs = FpVector.Limbs;

    [ThreadStatic] private static FpV[]? t_scratch;

    /// <summary>
    /// (sx[k], sy[k]) ← (sx[k], sy[k]) + (px[k], py[k]) for every k, all chords: neither point at infinity and
    /// sx[k] ≠ px[k]. The length must be a multiple of eight (pad with any chord, e.g. two distinct x values).
    /// </summary>
    public static void AddChords(Span<Fp> sx, Span<Fp> sy, ReadOnlySpan<Fp> px, ReadOnlySpan<Fp> py)
    {
        int n = sx.Length;
        if (n % Lanes != 0 || sy.Length != n || px.Length != n || py.Length != n) throw new ArgumentException("chord batch: lengths must match and be a multiple of eight");
        int chunks = n / Lanes;
        var scratch = t_scratch;
        if (scratch is null || scratch.Length < 6 * chunks) t_scratch = scratch = new FpV[Math.Max(6 * chunks, 6 * 64)];
        var PX = scratch.AsSpan(0, chunks);
        var PY = scratch.AsSpan(chunks, chunks);
        var SX = scratch.AsSpan(2 * chunks, chunks);
        var SY = scratch.AsSpan(3 * chunks, chunks);
        var D = scratch.AsSpan(4 * chunks, chunks);
        var prefix = scratch.AsSpan(5 * chunks, chunks);

        // 1. Load, denominators d = x_P − x_S, eight prefix-product chains.
        Span<Fp> ones = stackalloc Fp[Lanes];
        ones.Fill(Fp.One);
        Unsafe.SkipInit(out FpV acc);
        FpVector.Load(ones, ref acc);
        for (int c = 0; c < chunks; c++)
        {
            FpVector.Load(px.Slice(c * Lanes, Lanes), ref PX[c]);
            FpVector.Load(py.Slice(c * Lanes, Lanes), ref PY[c]);
            FpVector.Load(sx.Slice(c * Lanes, Lanes), ref SX[c]);
            FpVector.Load(sy.Slice(c * Lanes, Lanes), ref SY[c]);
            Sub(ref D[c], PX[c], SX[c]);
            prefix[c] = acc;
            FpVector.MontMul(ref acc, acc, D[c]);
        }

        // 2. Invert the eight chain totals on the scalar side (one inversion).
        Span<Fp> totals = stackalloc Fp[Lanes];
        FpVector.Store(acc, totals);
        Fp.BatchInverse(totals);
        Unsafe.SkipInit(out FpV inverse);
        FpVector.Load(totals, ref inverse);

        // 3. Back to front: 1/d, λ = (y_P − y_S)/d, x₃ = λ² − x_S − x_P, y₃ = λ(x_S − x₃) − y_S.
        Unsafe.SkipInit(out FpV dInv);
        Unsafe.SkipInit(out FpV t);
        Unsafe.SkipInit(out FpV lambda);
        Unsafe.SkipInit(out FpV x3);
        Unsafe.SkipInit(out FpV y3);
        for (int c = chunks - 1; c >= 0; c--)
        {
            FpVector.MontMul(ref dInv, inverse, prefix[c]);
            FpVector.MontMul(ref inverse, inverse, D[c]);
            Sub(ref t, PY[c], SY[c]);
            FpVector.MontMul(ref lambda, t, dInv);
            FpVector.MontMul(ref t, lambda, lambda);
            Sub(ref t, t, SX[c]);
            Sub(ref x3, t, PX[c]);
            FpVector.ReduceWeak(ref x3);
            Sub(ref t, SX[c], x3);
            FpVector.MontMul(ref y3, lambda, t);
            Sub(ref y3, y3, SY[c]);
            FpVector.Store(x3, sx.Slice(c * Lanes, Lanes));
            FpVector.Store(y3, sy.Slice(c * Lanes, Lanes));
        }
    }

    /// <summary>r = a − b + 4p, normalized (b normalized and below 2p, so every limb stays non-negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Sub(ref FpV r, in FpV a, in FpV b)
    {
        for (int i = 0; i < Limbs; i++) r[i] = a[i] + FpVector.Bias4PLimb(i) - b[i];
        FpVector.Normalize(ref r);
    }
}
