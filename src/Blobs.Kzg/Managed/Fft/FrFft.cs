using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Radix-2 FFTs over the BLS12-381 scalar field for power-of-two sizes up to <see cref="MaxSize"/>
/// (the fulu spec's <c>fft_field</c> and <c>coset_fft_field</c>, computed in place in O(n log n)).
/// The transform of size n maps x to X[k] = Σⱼ x[j]·ωⁿ^(j·k) with ωₙ the spec's root of unity of
/// order n (<c>compute_roots_of_unity</c>: 7^((r−1)/n)); the inverse divides by n.
/// <para>
/// Besides the natural-order forms the spec uses, the in-place kernels come in the two shapes that
/// avoid a separate bit-reversal pass: decimation in frequency (natural input, bit-reversed output)
/// and decimation in time (bit-reversed input, natural output). Blobs and cells are stored in
/// bit-reversed order, so most callers never permute anything.
/// </para>
/// <para>
/// Twiddles: one table per direction serves every size, because the twiddles of a butterfly stage
/// of half-width h are the powers of the root of order 2h whatever n is: entry h + j holds
/// ω₂ₕ^j (j &lt; h). The tables are built once (8191 elements each).
/// </para>
/// </summary>
public static class FrFft
{
    /// <summary>The largest supported transform: FIELD_ELEMENTS_PER_EXT_BLOB.</summary>
    public const int MaxSize = 8192;

    /// <summary>log2 of <see cref="MaxSize"/>.</summary>
    public const int MaxLog2Size = 13;

    private static readonly Fr[] s_forward = BuildTwiddles(inverse: false);
    private static readonly Fr[] s_inverse = BuildTwiddles(inverse: true);
    private static readonly Fr[] s_inverseSizes = BuildInverseSizes();

    /// <summary>The spec's PRIMITIVE_ROOT_OF_UNITY (7), the shift of <c>coset_fft_field</c>.</summary>
    public static Fr CosetShift { get; } = Fr.FromUInt64(7);

    /// <summary>The inverse of <see cref="CosetShift"/>.</summary>
    public static Fr InverseCosetShift { get; } = Fr.FromUInt64(7).Invert();

    /// <summary>The root of unity of order <paramref name="n"/> (a power of two ≤ <see cref="MaxSize"/>): 7^((r−1)/n).</summary>
    public static Fr RootOfUnity(int n) => CheckSize(n) switch
    {
        1 => Fr.One,
        2 => s_minusOne,
        // The root of order n is the twiddle j = 1 of the stage with half-width n/2.
        _ => s_forward[n / 2 + 1],
    };

    /// <summary>compute_roots_of_unity(n): ω⁰, ω¹, …, ωⁿ⁻¹ for the root ω of order n.</summary>
    public static Fr[] RootsOfUnity(int n)
    {
        Fr w = RootOfUnity(n);
        var roots = new Fr[n];
        roots[0] = Fr.One;
        for (int i = 1; i < n; i++) roots[i] = roots[i - 1] * w;
        return roots;
    }

    private static readonly Fr s_minusOne = -Fr.One;

    /// <summary>1/n in the field, for a power of two n ≤ <see cref="MaxSize"/>.</summary>
    public static Fr InverseOfSize(int n) => s_inverseSizes[BitOperations.Log2((uint)CheckSize(n))];

    /// <summary>fft_field(values, roots) with the result in natural order, in place.</summary>
    public static void Forward(Span<Fr> values)
    {
        ForwardToBitReversed(values);
        BitReversal.Permute(values);
    }

    /// <summary>fft_field(values, roots, inv=True) with the result in natural order, in place.</summary>
    public static void Inverse(Span<Fr> values)
    {
        InverseToBitReversed(values);
        BitReversal.Permute(values);
    }

    /// <summary>coset_fft_field(values, roots): evaluations at 7·ωᵏ, natural order, in place.</summary>
    public static void CosetForward(Span<Fr> values)
    {
        ScaleByPowers(values, CosetShift);
        Forward(values);
    }

    /// <summary>coset_fft_field(values, roots, inv=True): coefficients from evaluations at 7·ωᵏ, in place.</summary>
    public static void CosetInverse(Span<Fr> values)
    {
        Inverse(values);
        ScaleByPowers(values, InverseCosetShift);
    }

    /// <summary>values[i] ← values[i]·factorⁱ (the spec's <c>shift_vals</c>).</summary>
    public static void ScaleByPowers(Span<Fr> values, in Fr factor)
    {
        Fr power = Fr.One;
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = values[i] * power;
            power *= factor;
        }
    }

    /// <summary>values[i] ← values[i]·factor.</summary>
    public static void Scale(Span<Fr> values, in Fr factor)
    {
        for (int i = 0; i < values.Length; i++) values[i] = values[i] * factor;
    }

    /// <summary>Forward transform, decimation in frequency: natural-order input, bit-reversed output, in place.</summary>
    public static void ForwardToBitReversed(Span<Fr> values) => Dif(values, s_forward);

    /// <summary>
    /// <see cref="ForwardToBitReversed"/> of a vector whose upper half is zero (a polynomial of degree
    /// &lt; n/2 evaluated over n points, e.g. a blob's extension): the first stage reduces to
    /// b ← a·ωʲ, then the halves are independent transforms of size n/2. The upper half of the input
    /// is ignored.
    /// </summary>
    public static void ForwardToBitReversedZeroUpperHalf(Span<Fr> values)
    {
        int n = CheckSize(values.Length);
        if (n == 1) return;
        int h = n >> 1;
        ref Fr x = ref MemoryMarshal.GetReference(values);
        ref Fr w = ref MemoryMarshal.GetArrayDataReference(s_forward);
        Unsafe.Add(ref x, h) = x;
        for (int j = 1; j < h; j++)
            Unsafe.Add(ref x, h + j) = Unsafe.Add(ref x, j) * Unsafe.Add(ref w, h + j);
        Dif(values[..h], s_forward);
        Dif(values[h..], s_forward);
    }

    /// <summary>Inverse transform (including the 1/n factor), decimation in frequency: natural-order input, bit-reversed output.</summary>
    public static void InverseToBitReversed(Span<Fr> values)
    {
        Dif(values, s_inverse);
        Scale(values, InverseOfSize(values.Length));
    }

    /// <summary>Forward transform, decimation in time: bit-reversed input, natural-order output, in place.</summary>
    public static void ForwardFromBitReversed(Span<Fr> values) => Dit(values, s_forward);

    /// <summary>Inverse transform (including the 1/n factor), decimation in time: bit-reversed input, natural-order output.</summary>
    public static void InverseFromBitReversed(Span<Fr> values)
    {
        Dit(values, s_inverse);
        Scale(values, InverseOfSize(values.Length));
    }

    /// <summary>
    /// Inverse transform without the 1/n factor (decimation in time: bit-reversed input, natural output);
    /// for callers that fold 1/n into another multiplication.
    /// </summary>
    public static void InverseFromBitReversedUnscaled(Span<Fr> values) => Dit(values, s_inverse);

    /// <summary>The twiddle table of one direction: entry h + j is ω₂ₕ^j (or its inverse), j &lt; h.</summary>
    internal static ReadOnlySpan<Fr> Twiddles(bool inverse) => inverse ? s_inverse : s_forward;

    private static void Dif(Span<Fr> values, Fr[] twiddles)
    {
        int n = CheckSize(values.Length);
        ref Fr x = ref MemoryMarshal.GetReference(values);
        ref Fr w = ref MemoryMarshal.GetArrayDataReference(twiddles);
        for (int h = n >> 1; h >= 1; h >>= 1)
        {
            for (int s = 0; s < n; s += h << 1)
            {
                ref Fr a0 = ref Unsafe.Add(ref x, s);
                ref Fr b0 = ref Unsafe.Add(ref x, s + h);
                // j = 0: twiddle 1.
                Fr t0 = a0 - b0;
                a0 = a0 + b0;
                b0 = t0;
                for (int j = 1; j < h; j++)
                {
                    ref Fr a = ref Unsafe.Add(ref a0, j);
                    ref Fr b = ref Unsafe.Add(ref b0, j);
                    Fr t = a - b;
                    a = a + b;
                    b = t * Unsafe.Add(ref w, h + j);
                }
            }
        }
    }

    private static void Dit(Span<Fr> values, Fr[] twiddles)
    {
        int n = CheckSize(values.Length);
        ref Fr x = ref MemoryMarshal.GetReference(values);
        ref Fr w = ref MemoryMarshal.GetArrayDataReference(twiddles);
        for (int h = 1; h < n; h <<= 1)
        {
            for (int s = 0; s < n; s += h << 1)
            {
                ref Fr a0 = ref Unsafe.Add(ref x, s);
                ref Fr b0 = ref Unsafe.Add(ref x, s + h);
                Fr u0 = b0;
                b0 = a0 - u0;
                a0 = a0 + u0;
                for (int j = 1; j < h; j++)
                {
                    ref Fr a = ref Unsafe.Add(ref a0, j);
                    ref Fr b = ref Unsafe.Add(ref b0, j);
                    Fr t = b * Unsafe.Add(ref w, h + j);
                    b = a - t;
                    a = a + t;
                }
            }
        }
    }

    private static int CheckSize(int n)
    {
        if (n < 1 || n > MaxSize || !BitOperations.IsPow2(n))
            throw new ArgumentException($"FFT size must be a power of two from 1 to {MaxSize}, got {n}");
        return n;
    }

    private static Fr[] BuildTwiddles(bool inverse)
    {
        // Entry h + j = ω₂ₕ^j. The root of order 2h is the square of the root of order 4h, so start
        // from the root of order MaxSize and square downwards.
        var table = new Fr[MaxSize];
        Fr root = Fr.RootOfUnity(MaxLog2Size);
        if (inverse) root = root.Invert();
        for (int h = MaxSize / 2; h >= 1; h >>= 1)
        {
            Fr p = Fr.One;
            for (int j = 0; j < h; j++)
            {
                table[h + j] = p;
                p *= root;
            }
            root = root.Square();
        }
        return table;
    }

    private static Fr[] BuildInverseSizes()
    {
        var result = new Fr[MaxLog2Size + 1];
        Fr half = Fr.FromUInt64(2).Invert();
        result[0] = Fr.One;
        for (int i = 1; i <= MaxLog2Size; i++) result[i] = result[i - 1] * half;
        return result;
    }
}
