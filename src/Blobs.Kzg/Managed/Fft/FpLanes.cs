using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Additive helpers over <see cref="FpV"/> (eight base-field values in AVX-512 lanes, radix 2^28, lazily reduced) for
/// the lane-parallel curve formulas: sums, differences with a "borrowed" multiple of p added so that every limb stays
/// non-negative, small multiples, lane selection. Every result is normalized; the comments of the callers track how
/// many multiples of p a value may reach (<see cref="FpVector.MontMul"/> takes operands below 16p, returns below 1.1p).
/// </summary>
internal static class FpLanes
{
    private const int Limbs = FpVector.Limbs;

    /// <summary>4p, 8p, 16p and 32p in borrowed form (limbs 0…12 in [2^28 − 1, 2^29)): a + kp − b stays non-negative limb by limb.</summary>
    private static readonly ulong[] s_bias4 = Borrowed(4), s_bias8 = Borrowed(8), s_bias16 = Borrowed(16), s_bias32 = Borrowed(32);

    private static ulong[] Borrowed(ulong k)
    {
        var b = FpVector.MultipleOfP(k);
        for (int i = 0; i < Limbs - 1; i++)
        {
            b[i] += 1UL << FpVector.LimbBits;
            b[i + 1] -= 1;
        }
        return b;
    }

    /// <summary>r = a + b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref FpV r, in FpV a, in FpV b)
    {
        for (int i = 0; i < Limbs; i++) r[i] = a[i] + b[i];
        FpVector.Normalize(ref r);
    }

    /// <summary>r = a − b + kp for k ∈ {4, 8, 16, 32}: the caller guarantees b &lt; a + kp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Sub(ref FpV r, in FpV a, in FpV b, int k)
    {
        var bias = k switch { 4 => s_bias4, 8 => s_bias8, 16 => s_bias16, 32 => s_bias32, _ => throw new ArgumentOutOfRangeException(nameof(k)) };
        for (int i = 0; i < Limbs; i++) r[i] = a[i] + Vector512.Create(bias[i]) - b[i];
        FpVector.Normalize(ref r);
    }

    /// <summary>r = kp − a (the negation), for a &lt; kp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Negate(ref FpV r, in FpV a, int k)
    {
        var bias = k switch { 4 => s_bias4, 8 => s_bias8, 16 => s_bias16, 32 => s_bias32, _ => throw new ArgumentOutOfRangeException(nameof(k)) };
        for (int i = 0; i < Limbs; i++) r[i] = Vector512.Create(bias[i]) - a[i];
        FpVector.Normalize(ref r);
    }

    /// <summary>r = c·a for a small constant c (c·a below 2^392).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Times(ref FpV r, in FpV a, uint c)
    {
        var k = Vector512.Create((ulong)c);
        for (int i = 0; i < Limbs; i++) r[i] = a[i] * k;
        FpVector.Normalize(ref r);
    }

    /// <summary>r = a² (Montgomery).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Square(ref FpV r, in FpV a) => FpVector.MontMul(ref r, a, a);

    /// <summary>r = a·b (Montgomery).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(ref FpV r, in FpV a, in FpV b) => FpVector.MontMul(ref r, a, b);

    /// <summary>r = mask ? b : a, lane by lane (mask lanes all ones or all zeros).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Select(ref FpV r, in FpV a, in FpV b, Vector512<ulong> mask)
    {
        for (int i = 0; i < Limbs; i++) r[i] = Vector512.ConditionalSelect(mask, b[i], a[i]);
    }

    /// <summary>The same scalar in every lane.</summary>
    public static FpV Broadcast(in Fp value)
    {
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        lanes.Fill(value);
        Unsafe.SkipInit(out FpV r);
        FpVector.Load(lanes, ref r);
        return r;
    }

    /// <summary>Lanes whose value is ≡ 0 mod p (the value is brought to canonical form on the scalar side).</summary>
    public static byte ZeroLanes(in FpV v)
    {
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        FpVector.Store(v, lanes);
        byte mask = 0;
        for (int j = 0; j < lanes.Length; j++) if (lanes[j].IsZero) mask |= (byte)(1 << j);
        return mask;
    }

    /// <summary>r = a^e for an exponent given as little-endian 64-bit limbs (fixed 4-bit windows, same exponent in every lane).</summary>
    public static void Pow(ref FpV r, in FpV a, ReadOnlySpan<ulong> exponent, in FpV one)
    {
        var table = new FpV[16];
        table[0] = one;
        table[1] = a;
        for (int i = 2; i < 16; i++) FpVector.MontMul(ref table[i], table[i - 1], a);
        bool started = false;
        r = one;
        for (int limb = exponent.Length - 1; limb >= 0; limb--)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int nibble = (int)((exponent[limb] >> shift) & 0xF);
                if (started)
                {
                    for (int s = 0; s < 4; s++) FpVector.MontMul(ref r, r, r);
                    if (nibble != 0) FpVector.MontMul(ref r, r, table[nibble]);
                }
                else if (nibble != 0)
                {
                    r = table[nibble];
                    started = true;
                }
            }
        }
    }
}
