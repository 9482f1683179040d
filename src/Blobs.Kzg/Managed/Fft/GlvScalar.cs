using System.Numerics;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// A fixed scalar k prepared for GLV multiplication on G1 (Gallant–Lambert–Vanstone 2001): k ≡ k₁ + k₂·λ (mod r)
/// with |k₁|, |k₂| &lt; 2¹²⁸, where λ = z² − 1 (z the BLS parameter) is the eigenvalue of the endomorphism
/// φ(x, y) = (β·x, y) on G1, so [k]P = [k₁]P + [k₂]φ(P): half the doublings of a plain double-and-add.
/// Both halves are recoded in width-w NAF (odd digits in (−2^(w−1), 2^(w−1)), at most one non-zero digit in
/// any w consecutive positions), their signs folded into the digits. Built once per fixed scalar (the
/// twiddles of a G1 FFT); the decomposition uses <see cref="BigInteger"/>, which never runs per point.
/// </summary>
public sealed class GlvScalar
{
    /// <summary>λ = z² − 1 = 0xac45a4010001a40200000000ffffffff, a primitive cube root of unity mod r.</summary>
    public static readonly BigInteger Lambda = BigInteger.Parse("0ac45a4010001a40200000000ffffffff", System.Globalization.NumberStyles.HexNumber);

    private static readonly BigInteger s_r = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    private GlvScalar(sbyte[] naf1, sbyte[] naf2, int window, BigInteger k1, BigInteger k2)
    {
        Naf1 = naf1;
        Naf2 = naf2;
        Window = window;
        K1 = k1;
        K2 = k2;
        Fixed1 = FixedWindows(BigInteger.Abs(k1));
        Fixed2 = FixedWindows(BigInteger.Abs(k2));
    }

    /// <summary>Number of fixed signed 4-bit windows that cover a half (|kᵢ| &lt; 2¹²⁸, plus the last carry).</summary>
    public const int FixedWindowCount = 33;

    /// <summary>
    /// |k₁| in fixed signed 4-bit windows (digits in [−8, 8], index = window, value Σ dᵢ·16ⁱ): every scalar has its
    /// additions at the same positions, which the lane-parallel multiplication needs.
    /// </summary>
    public sbyte[] Fixed1 { get; }

    /// <summary>|k₂| in fixed signed 4-bit windows.</summary>
    public sbyte[] Fixed2 { get; }

    private static sbyte[] FixedWindows(BigInteger k)
    {
        var digits = new sbyte[FixedWindowCount];
        int carry = 0;
        for (int i = 0; i < FixedWindowCount; i++)
        {
            int d = (int)(k & 15) + carry;
            k >>= 4;
            if (d > 8) { d -= 16; carry = 1; } else carry = 0;
            digits[i] = (sbyte)d;
        }
        if (!k.IsZero || carry != 0) throw new InvalidOperationException("GLV half longer than 128 bits");
        return digits;
    }

    /// <summary>The width-w NAF digits of k₁ (index = bit position).</summary>
    public sbyte[] Naf1 { get; }

    /// <summary>The width-w NAF digits of k₂ (index = bit position).</summary>
    public sbyte[] Naf2 { get; }

    /// <summary>The NAF width w (the point tables hold the odd multiples 1, 3, …, 2^(w−1) − 1).</summary>
    public int Window { get; }

    /// <summary>k₁ (signed).</summary>
    public BigInteger K1 { get; }

    /// <summary>k₂ (signed).</summary>
    public BigInteger K2 { get; }

    /// <summary>Number of doublings a multiplication takes: the longer NAF's length minus one.</summary>
    public int Length => Math.Max(Naf1.Length, Naf2.Length);

    /// <summary>Decomposes <paramref name="k"/> and recodes both halves with NAF width <paramref name="window"/> (2…7).</summary>
    public static GlvScalar Create(in Fr k, int window = 5)
    {
        if (window is < 2 or > 7) throw new ArgumentOutOfRangeException(nameof(window), "NAF width must be 2…7");
        var bytes = new byte[32];
        k.ToBytesBigEndian(bytes);
        var (k1, k2) = Decompose(new BigInteger(bytes, isUnsigned: true, isBigEndian: true));
        return new GlvScalar(Naf(k1, window), Naf(k2, window), window, k1, k2);
    }

    /// <summary>
    /// Babai rounding in the lattice {(a, b) : a + b·λ ≡ 0 (mod r)} with the short basis (λ, −1), (1, λ + 1)
    /// (its determinant is λ² + λ + 1 = r): k₁ + k₂·λ ≡ k and both are below 2¹²⁸ in absolute value.
    /// </summary>
    public static (BigInteger K1, BigInteger K2) Decompose(BigInteger k)
    {
        k %= s_r;
        if (k.Sign < 0) k += s_r;
        // (k, 0) = β₁·(λ, −1) + β₂·(1, λ + 1) with β₁ = k(λ + 1)/r, β₂ = k/r; round both.
        BigInteger b1 = RoundDiv(k * (Lambda + 1), s_r);
        BigInteger b2 = RoundDiv(k, s_r);
        BigInteger k1 = k - b1 * Lambda - b2;
        BigInteger k2 = b1 - b2 * (Lambda + 1);
        return (k1, k2);
    }

    private static BigInteger RoundDiv(BigInteger a, BigInteger b) => (2 * a + b) / (2 * b);

    private static sbyte[] Naf(BigInteger value, int w)
    {
        int sign = value.Sign;
        var k = BigInteger.Abs(value);
        var digits = new List<sbyte>();
        int full = 1 << w, half = 1 << (w - 1);
        while (!k.IsZero)
        {
            int d = 0;
            if (!k.IsEven)
            {
                d = (int)(k % full);
                if (d >= half) d -= full;
                k -= d;
            }
            digits.Add((sbyte)(sign < 0 ? -d : d));
            k >>= 1;
        }
        return digits.ToArray();
    }
}
