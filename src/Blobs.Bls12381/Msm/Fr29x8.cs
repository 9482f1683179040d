using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>Nine 512-bit vectors: limb j of eight scalar-field elements, one element per 64-bit lane.</summary>
[InlineArray(9)]
internal struct V9
{
    private Vector512<ulong> _limb;
}

/// <summary>
/// Eight BLS12-381 scalar-field elements at once on AVX-512: 9 limbs of 29 bits per element in the
/// 64-bit lanes of 9 vectors, Montgomery form with R'' = 2^261 (the same scheme as <see cref="Fp29x8"/>).
/// </summary>
/// <remarks>
/// <see cref="Mul"/> takes values below 2^258 and returns values below 2r. A "plain" operand (a canonical
/// value, not in Montgomery form) times a Montgomery-form operand gives the plain product, which is
/// how blob elements enter without a conversion.
/// </remarks>
internal static partial class Fr29x8
{
    /// <summary>Limbs per element.</summary>
    public const int Limbs = 9;

    /// <summary>2^29 − 1.</summary>
    public const ulong LimbMask = (1UL << 29) - 1;

    // r in 29-bit limbs.
    private static ReadOnlySpan<ulong> RLimbs =>
        [0x00000001UL, 0x1ffffff8UL, 0x1f96ffbfUL, 0x1b4805ffUL, 0x1d80553bUL, 0x0c0404d0UL, 0x1520cce7UL, 0x0a6533afUL, 0x0073eda7UL];

    /// <summary>2^261 mod r as a field element: x · this = the value whose canonical limbs are x's R''-form.</summary>
    private static readonly Fr s_toR261 = Fr.FromBytesBigEndianReduce(
        Convert.FromHexString("4d043f429eefbe41fe2eedcd5dbeee8b1a25272e0072d84600000045ffffffba"));

    /// <summary>2^−261 mod r.</summary>
    private static readonly Fr s_fromR261 = s_toR261.Invert();

    /// <summary>Writes the R''-Montgomery form of <paramref name="x"/> as 9 limbs of 29 bits (below r).</summary>
    public static void Pack(in Fr x, Span<ulong> dest9) => SplitCanonical(x * s_toR261, dest9);

    /// <summary>Writes the canonical value of <paramref name="x"/> (plain, not Montgomery) as 9 limbs of 29 bits.</summary>
    public static void SplitCanonical(in Fr x, Span<ulong> dest9)
    {
        Span<ulong> c = stackalloc ulong[4];
        x.ToCanonicalLimbs(c);
        SplitLimbs(c[0], c[1], c[2], c[3], dest9);
    }

    /// <summary>Splits a 256-bit value (four 64-bit limbs) into 9 limbs of 29 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SplitLimbs(ulong l0, ulong l1, ulong l2, ulong l3, Span<ulong> dest9)
    {
        for (int j = 0; j < Limbs; j++)
        {
            dest9[j] = l0 & LimbMask;
            l0 = (l0 >> 29) | (l1 << 35);
            l1 = (l1 >> 29) | (l2 << 35);
            l2 = (l2 >> 29) | (l3 << 35);
            l3 >>= 29;
        }
    }

    /// <summary>The value of 9 normalized limbs (below 2^261) reduced modulo r, as a plain (non-Montgomery) field element.</summary>
    public static Fr JoinPlain(ReadOnlySpan<ulong> limbs9)
    {
        // value = Σ limb_j·2^(29j) < 2^261: build 5 words, then reduce modulo r through the big-endian reducer.
        Span<byte> bytes = stackalloc byte[40];
        bytes.Clear();
        ulong w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0;
        for (int j = Limbs - 1; j >= 0; j--)
        {
            w4 = (w4 << 29) | (w3 >> 35);
            w3 = (w3 << 29) | (w2 >> 35);
            w2 = (w2 << 29) | (w1 >> 35);
            w1 = (w1 << 29) | (w0 >> 35);
            w0 = (w0 << 29) | limbs9[j];
        }
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes, w4);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[8..], w3);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[16..], w2);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[24..], w1);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(bytes[32..], w0);
        return Fr.FromBytesBigEndianReduce(bytes);
    }

    /// <summary>The element whose R''-Montgomery form the limbs hold.</summary>
    public static Fr JoinMontgomery(ReadOnlySpan<ulong> limbs9) => JoinPlain(limbs9) * s_fromR261;

    /// <summary>The same 9 limbs in every lane.</summary>
    public static void Broadcast(ref V9 r, ReadOnlySpan<ulong> limbs9)
    {
        for (int j = 0; j < Limbs; j++) r[j] = Vector512.Create(limbs9[j]);
    }

    /// <summary>Loads a [limb][lane] block of 9·8 limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load(ref V9 r, ulong* block)
    {
        for (int j = 0; j < Limbs; j++) r[j] = Vector512.Load(block + 8 * j);
    }

    /// <summary>Stores into a [limb][lane] block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(in V9 a, ulong* block)
    {
        for (int j = 0; j < Limbs; j++) a[j].Store(block + 8 * j);
    }

    /// <summary>
    /// Loads eight 256-bit values stored as four 64-bit limbs each (at <paramref name="words"/>, value i at
    /// words[4i…4i+3]) and splits them into 29-bit limbs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void LoadWords(ref V9 r, ulong* words)
    {
        var w0 = Gather(words);
        var w1 = Gather(words + 1);
        var w2 = Gather(words + 2);
        var w3 = Gather(words + 3);
        var mask = Vector512.Create(LimbMask);
        r[0] = w0 & mask;
        r[1] = (w0 >> 29) & mask;
        r[2] = ((w0 >> 58) | (w1 << 6)) & mask;
        r[3] = (w1 >> 23) & mask;
        r[4] = ((w1 >> 52) | (w2 << 12)) & mask;
        r[5] = (w2 >> 17) & mask;
        r[6] = ((w2 >> 46) | (w3 << 18)) & mask;
        r[7] = (w3 >> 11) & mask;
        r[8] = w3 >> 40;
    }

    /// <summary>words[0], words[4], …, words[28] as one vector (two four-lane AVX2 gathers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe Vector512<ulong> Gather(ulong* words)
    {
        var idx = Vector128.Create(0, 4, 8, 12);
        var lo = Avx2.GatherVector256((long*)words, idx, 8).AsUInt64();
        var hi = Avx2.GatherVector256((long*)words + 16, idx, 8).AsUInt64();
        return Vector512.Create(lo, hi);
    }

    /// <summary>
    /// Reduces a normalized value below 2r to below r and writes the eight values as four 64-bit limbs
    /// each at <paramref name="words"/> (value i at words[4i…4i+3]).
    /// </summary>
    public static unsafe void StoreWordsReduced(in V9 a, ulong* words)
    {
        // t = a − r; keep a where t is negative.
        V9 t = default;
        var mask = Vector512.Create(LimbMask).AsInt64();
        var carry = Vector512<long>.Zero;
        ReadOnlySpan<ulong> r = RLimbs;
        for (int j = 0; j < Limbs; j++)
        {
            var s = a[j].AsInt64() - Vector512.Create((long)r[j]) + carry;
            if (j < Limbs - 1)
            {
                carry = Avx512F.ShiftRightArithmetic(s, 29);
                s &= mask;
            }
            t[j] = s.AsUInt64();
        }
        var negative = Avx512F.ShiftRightArithmetic(t[Limbs - 1].AsInt64(), 63).AsUInt64();
        V9 v = default;
        for (int j = 0; j < Limbs; j++) v[j] = Vector512.ConditionalSelect(negative, a[j], t[j]);
        var w0 = v[0] | (v[1] << 29) | (v[2] << 58);
        var w1 = (v[2] >> 6) | (v[3] << 23) | (v[4] << 52);
        var w2 = (v[4] >> 12) | (v[5] << 17) | (v[6] << 46);
        var w3 = (v[6] >> 18) | (v[7] << 11) | (v[8] << 40);
        ulong* tmp = stackalloc ulong[32];
        w0.Store(tmp);
        w1.Store(tmp + 8);
        w2.Store(tmp + 16);
        w3.Store(tmp + 24);
        for (int l = 0; l < 8; l++)
        {
            words[4 * l] = tmp[l];
            words[4 * l + 1] = tmp[8 + l];
            words[4 * l + 2] = tmp[16 + l];
            words[4 * l + 3] = tmp[24 + l];
        }
    }

    /// <summary>r = a − b + 4r (normalized); non-negative for b below 4r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubAdd4R(ref V9 r, in V9 a, in V9 b)
    {
        var mask = Vector512.Create(LimbMask).AsInt64();
        var carry = Vector512<long>.Zero;
        ReadOnlySpan<ulong> m = RLimbs;
        for (int j = 0; j < Limbs - 1; j++)
        {
            var s = a[j].AsInt64() - b[j].AsInt64() + Vector512.Create((long)(m[j] << 2)) + carry;
            carry = Avx512F.ShiftRightArithmetic(s, 29);
            r[j] = (s & mask).AsUInt64();
        }
        r[Limbs - 1] = (a[Limbs - 1].AsInt64() - b[Limbs - 1].AsInt64() + Vector512.Create((long)(m[Limbs - 1] << 2)) + carry).AsUInt64();
    }

    /// <summary>acc += a limb-wise without carries (for sums of many values below 2r: limbs stay far below 2^64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Accumulate(ref V9 acc, in V9 a)
    {
        for (int j = 0; j < Limbs; j++) acc[j] += a[j];
    }

    /// <summary>
    /// Replaces every lane by its inverse (R''-form in and out) with one scalar inversion for the eight
    /// lanes. Returns a bit mask of the lanes that were zero modulo r (their result is zero).
    /// </summary>
    public static unsafe int InvertLanes(ref V9 v)
    {
        ulong* block = stackalloc ulong[Limbs * 8];
        Normalize(ref v);
        Store(v, block);
        Span<Fr> lanes = stackalloc Fr[8];
        Span<ulong> limbs = stackalloc ulong[Limbs];
        int zeros = 0;
        for (int l = 0; l < 8; l++)
        {
            for (int j = 0; j < Limbs; j++) limbs[j] = block[8 * j + l];
            lanes[l] = JoinMontgomery(limbs);
            if (lanes[l].IsZero) zeros |= 1 << l;
        }
        Fr.BatchInvert(lanes);
        for (int l = 0; l < 8; l++)
        {
            Pack(lanes[l], limbs);
            for (int j = 0; j < Limbs; j++) block[8 * j + l] = limbs[j];
        }
        Load(ref v, block);
        return zeros;
    }

    /// <summary>Sum of the eight lanes' plain values (each limb any 64-bit value), modulo r.</summary>
    public static unsafe Fr SumLanesPlain(in V9 v)
    {
        ulong* block = stackalloc ulong[Limbs * 8];
        Store(v, block);
        Fr sum = Fr.Zero;
        Span<ulong> limbs = stackalloc ulong[Limbs];
        for (int l = 0; l < 8; l++)
        {
            // Normalize this lane's limbs (carries beyond the top limb are folded in as 2^261 multiples).
            ulong carry = 0;
            for (int j = 0; j < Limbs; j++)
            {
                ulong x = block[8 * j + l] + carry;
                carry = x >> 29;
                limbs[j] = x & LimbMask;
            }
            sum += JoinPlain(limbs);
            // carry·2^261: 2^261 mod r as a plain value times carry.
            if (carry != 0) sum += Fr.FromUInt64(carry) * s_toR261;
        }
        return sum;
    }

    /// <summary>Propagates carries so that every limb but the top one is below 2^29.</summary>
    public static void Normalize(ref V9 v)
    {
        var mask = Vector512.Create(LimbMask);
        var carry = Vector512<ulong>.Zero;
        for (int j = 0; j < Limbs - 1; j++)
        {
            var s = v[j] + carry;
            carry = s >> 29;
            v[j] = s & mask;
        }
        v[Limbs - 1] += carry;
    }
}
