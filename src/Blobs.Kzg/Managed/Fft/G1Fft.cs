using System.Numerics;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Radix-2 FFTs over G1 (points as coefficients, the same transform as <see cref="FrFft"/>: X[k] = Σⱼ [ωʲᵏ]x[j]),
/// for power-of-two sizes up to <see cref="MaxSize"/>, in the same two in-place shapes (decimation in frequency:
/// natural input, bit-reversed output; decimation in time: bit-reversed input, natural output). The values stay in
/// affine coordinates: every stage is one batch of twiddle multiplications (<see cref="G1Glv.MultiplyBatch"/>: GLV
/// split and NAF of the fixed roots of unity prepared once, tables and results normalised with shared inversions)
/// and one batch of butterflies (<see cref="G1BatchAffine.SumAndDifference"/>: a + t and a − t share one
/// denominator). Butterflies with twiddle 1 and points at infinity cost no multiplication. With a degree of
/// parallelism above 1, each stage's butterflies are split into that many independent batches on separate threads.
/// </summary>
public static class G1Fft
{
    /// <summary>The largest supported transform.</summary>
    public const int MaxSize = FrFft.MaxSize;

    private const int NafWidth = 5;
    private static readonly GlvScalar?[] s_forward = new GlvScalar?[MaxSize];
    private static readonly GlvScalar?[] s_inverse = new GlvScalar?[MaxSize];
    private static readonly GlvScalar?[] s_inverseSizes = new GlvScalar?[FrFft.MaxLog2Size + 1];
    private static readonly bool[] s_forwardReady = new bool[FrFft.MaxLog2Size + 1];
    private static readonly bool[] s_inverseReady = new bool[FrFft.MaxLog2Size + 1];

    /// <summary>Forward transform, decimation in frequency: natural input, bit-reversed output.</summary>
    public static void ForwardToBitReversed(Span<G1Affine> values, int maxDegreeOfParallelism = 1) =>
        Run(values, Twiddles(values.Length, inverse: false), frequency: true, maxDegreeOfParallelism);

    /// <summary>Forward transform, decimation in time: bit-reversed input, natural output.</summary>
    public static void ForwardFromBitReversed(Span<G1Affine> values, int maxDegreeOfParallelism = 1) =>
        Run(values, Twiddles(values.Length, inverse: false), frequency: false, maxDegreeOfParallelism);

    /// <summary>Inverse transform without the 1/n factor, decimation in time: bit-reversed input, natural output.</summary>
    public static void InverseFromBitReversedUnscaled(Span<G1Affine> values, int maxDegreeOfParallelism = 1) =>
        Run(values, Twiddles(values.Length, inverse: true), frequency: false, maxDegreeOfParallelism);

    /// <summary>Inverse transform without the 1/n factor, decimation in frequency: natural input, bit-reversed output.</summary>
    public static void InverseToBitReversedUnscaled(Span<G1Affine> values, int maxDegreeOfParallelism = 1) =>
        Run(values, Twiddles(values.Length, inverse: true), frequency: true, maxDegreeOfParallelism);

    /// <summary>Inverse transform (with the 1/n factor), decimation in time: bit-reversed input, natural output.</summary>
    public static void InverseFromBitReversed(Span<G1Affine> values, int maxDegreeOfParallelism = 1)
    {
        InverseFromBitReversedUnscaled(values, maxDegreeOfParallelism);
        var factor = InverseSize(values.Length);
        var scalars = new GlvScalar[values.Length];
        scalars.AsSpan().Fill(factor);
        G1Glv.MultiplyBatch(values, scalars, values);
    }

    /// <summary>The spec's fft over G1 in natural order, in place.</summary>
    public static void Forward(Span<G1Affine> values, int maxDegreeOfParallelism = 1)
    {
        ForwardToBitReversed(values, maxDegreeOfParallelism);
        BitReversal.Permute(values);
    }

    /// <summary>The inverse fft over G1 in natural order (with the 1/n factor), in place.</summary>
    public static void Inverse(Span<G1Affine> values, int maxDegreeOfParallelism = 1)
    {
        BitReversal.Permute(values);
        InverseFromBitReversed(values, maxDegreeOfParallelism);
    }

    private static GlvScalar InverseSize(int n)
    {
        int log = BitOperations.Log2((uint)n);
        return s_inverseSizes[log] ??= GlvScalar.Create(FrFft.InverseOfSize(n), NafWidth);
    }

    /// <summary>The prepared twiddles for a transform of size n (entry h + j = ω₂ₕ^j, j ≥ 1), built on first use.</summary>
    private static GlvScalar?[] Twiddles(int n, bool inverse)
    {
        if (n < 1 || n > MaxSize || !BitOperations.IsPow2(n))
            throw new ArgumentException($"G1 FFT size must be a power of two from 1 to {MaxSize}, got {n}");
        var table = inverse ? s_inverse : s_forward;
        var ready = inverse ? s_inverseReady : s_forwardReady;
        int log = BitOperations.Log2((uint)n);
        if (!Volatile.Read(ref ready[log]))
        {
            lock (table)
            {
                var fr = FrFft.Twiddles(inverse);
                // Entries h + 0 (the powers of two) are 1 and never multiplied.
                for (int i = 3; i < n; i++)
                    if ((i & (i - 1)) != 0) table[i] ??= GlvScalar.Create(fr[i], NafWidth);
                Volatile.Write(ref ready[log], true);
            }
        }
        return table;
    }

    private static void Run(Span<G1Affine> values, GlvScalar?[] twiddles, bool frequency, int dop)
    {
        int n = values.Length;
        if (n == 1) return;
        int half = n / 2;
        int parts = Math.Clamp(dop, 1, half);
        var x = parts > 1 ? values.ToArray() : null;
        for (int s = 0; s < BitOperations.Log2((uint)n); s++)
        {
            int h = frequency ? half >> s : 1 << s;
            if (x is null) Stage(values, h, twiddles, frequency, 0, half);
            else
            {
                var array = x;
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts },
                    p => Stage(array, h, twiddles, frequency, p * half / parts, (p + 1) * half / parts));
            }
        }
        x?.CopyTo(values);
    }

    /// <summary>Butterflies [from, to) of the stage with half-width h (butterfly k: j = k mod h, a at 2h·(k div h) + j, b at a + h).</summary>
    private static void Stage(Span<G1Affine> x, int h, GlvScalar?[] twiddles, bool frequency, int from, int to)
    {
        int count = to - from;
        var a = new G1Affine[count];
        var b = new G1Affine[count];
        for (int k = 0; k < count; k++)
        {
            int bf = from + k, j = bf % h, ia = (bf / h) * 2 * h + j;
            a[k] = x[ia];
            b[k] = x[ia + h];
        }
        var scratch = new Fp[2 * count];
        if (frequency)
        {
            // DIF: (a, b) ← (a + b, (a − b)·ω).
            G1BatchAffine.SumAndDifference(a, b, a, b, scratch);
            MultiplyTwiddles(b, h, twiddles, from);
        }
        else
        {
            // DIT: t = b·ω, (a, b) ← (a + t, a − t).
            MultiplyTwiddles(b, h, twiddles, from);
            G1BatchAffine.SumAndDifference(a, b, a, b, scratch);
        }
        for (int k = 0; k < count; k++)
        {
            int bf = from + k, j = bf % h, ia = (bf / h) * 2 * h + j;
            x[ia] = a[k];
            x[ia + h] = b[k];
        }
    }

    /// <summary>values[k] ← values[k]·ω₂ₕ^j for the butterflies k whose twiddle is not 1 and whose point is not infinity.</summary>
    private static void MultiplyTwiddles(Span<G1Affine> values, int h, GlvScalar?[] twiddles, int from)
    {
        var index = new List<int>(values.Length);
        for (int k = 0; k < values.Length; k++)
            if ((from + k) % h != 0 && !values[k].IsInfinity) index.Add(k);
        if (index.Count == 0) return;
        var points = new G1Affine[index.Count];
        var scalars = new GlvScalar[index.Count];
        for (int i = 0; i < index.Count; i++)
        {
            points[i] = values[index[i]];
            scalars[i] = twiddles[h + (from + index[i]) % h]!;
        }
        G1Glv.MultiplyBatch(points, scalars, points);
        for (int i = 0; i < index.Count; i++) values[index[i]] = points[i];
    }
}
