using System.Numerics;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Radix-2 FFTs over G1 (points as coefficients, the same transform as <see cref="FrFft"/>: X[k] = Σⱼ [ωʲᵏ]x[j]),
/// for power-of-two sizes up to <see cref="MaxSize"/>, in the same two in-place shapes (decimation in frequency:
/// natural input, bit-reversed output; decimation in time: bit-reversed input, natural output). Every butterfly
/// multiplies a point by a fixed root of unity; the twiddles are prepared once as <see cref="GlvScalar"/> (GLV
/// split and NAF), so each multiplication costs about 128 doublings. Butterflies with twiddle 1 and points at
/// infinity cost no multiplication. A stage's butterflies are independent: with a degree of parallelism above 1
/// they are spread over threads.
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
    public static void ForwardToBitReversed(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1) =>
        Dif(values, Twiddles(values.Length, inverse: false), maxDegreeOfParallelism);

    /// <summary>Forward transform, decimation in time: bit-reversed input, natural output.</summary>
    public static void ForwardFromBitReversed(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1) =>
        Dit(values, Twiddles(values.Length, inverse: false), maxDegreeOfParallelism);

    /// <summary>Inverse transform without the 1/n factor, decimation in time: bit-reversed input, natural output.</summary>
    public static void InverseFromBitReversedUnscaled(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1) =>
        Dit(values, Twiddles(values.Length, inverse: true), maxDegreeOfParallelism);

    /// <summary>Inverse transform without the 1/n factor, decimation in frequency: natural input, bit-reversed output.</summary>
    public static void InverseToBitReversedUnscaled(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1) =>
        Dif(values, Twiddles(values.Length, inverse: true), maxDegreeOfParallelism);

    /// <summary>Inverse transform (with the 1/n factor), decimation in time: bit-reversed input, natural output.</summary>
    public static void InverseFromBitReversed(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1)
    {
        InverseFromBitReversedUnscaled(values, maxDegreeOfParallelism);
        Scale(values, InverseSize(values.Length));
    }

    /// <summary>The spec's fft over G1 in natural order, in place.</summary>
    public static void Forward(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1)
    {
        ForwardToBitReversed(values, maxDegreeOfParallelism);
        BitReversal.Permute(values);
    }

    /// <summary>The inverse fft over G1 in natural order (with the 1/n factor), in place.</summary>
    public static void Inverse(Span<G1Jacobian> values, int maxDegreeOfParallelism = 1)
    {
        BitReversal.Permute(values);
        InverseFromBitReversed(values, maxDegreeOfParallelism);
    }

    private static void Scale(Span<G1Jacobian> values, GlvScalar factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] = G1Glv.Multiply(values[i], factor);
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

    private static void Dif(Span<G1Jacobian> x, GlvScalar?[] w, int dop)
    {
        int n = x.Length;
        var array = dop > 1 ? x.ToArray() : null;
        for (int h = n >> 1; h >= 1; h >>= 1)
        {
            if (array is not null)
            {
                int half = h;
                Parallel.For(0, n / 2, new ParallelOptions { MaxDegreeOfParallelism = dop }, k =>
                {
                    int s = (k / half) * 2 * half, j = k % half;
                    DifButterfly(ref array[s + j], ref array[s + j + half], j == 0 ? null : w[half + j]);
                });
            }
            else
            {
                for (int s = 0; s < n; s += h << 1)
                    for (int j = 0; j < h; j++)
                        DifButterfly(ref x[s + j], ref x[s + j + h], j == 0 ? null : w[h + j]);
            }
        }
        array?.CopyTo(x);
    }

    private static void Dit(Span<G1Jacobian> x, GlvScalar?[] w, int dop)
    {
        int n = x.Length;
        var array = dop > 1 ? x.ToArray() : null;
        for (int h = 1; h < n; h <<= 1)
        {
            if (array is not null)
            {
                int half = h;
                Parallel.For(0, n / 2, new ParallelOptions { MaxDegreeOfParallelism = dop }, k =>
                {
                    int s = (k / half) * 2 * half, j = k % half;
                    DitButterfly(ref array[s + j], ref array[s + j + half], j == 0 ? null : w[half + j]);
                });
            }
            else
            {
                for (int s = 0; s < n; s += h << 1)
                    for (int j = 0; j < h; j++)
                        DitButterfly(ref x[s + j], ref x[s + j + h], j == 0 ? null : w[h + j]);
            }
        }
        array?.CopyTo(x);
    }

    /// <summary>(a, b) ← (a + b, (a − b)·w).</summary>
    private static void DifButterfly(ref G1Jacobian a, ref G1Jacobian b, GlvScalar? w)
    {
        if (b.IsInfinity)
        {
            b = w is null ? a : G1Glv.Multiply(a, w);
            return;
        }
        G1Jacobian d = G1Jacobian.Sub(a, b);
        a = G1Jacobian.Add(a, b);
        b = w is null ? d : G1Glv.Multiply(d, w);
    }

    /// <summary>(a, b) ← (a + b·w, a − b·w).</summary>
    private static void DitButterfly(ref G1Jacobian a, ref G1Jacobian b, GlvScalar? w)
    {
        if (b.IsInfinity)
        {
            b = a;
            return;
        }
        G1Jacobian t = w is null ? b : G1Glv.Multiply(b, w);
        b = G1Jacobian.Sub(a, t);
        a = G1Jacobian.Add(a, t);
    }
}
