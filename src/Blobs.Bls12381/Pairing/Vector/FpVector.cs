using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>
/// Eight base-field values side by side for AVX-512: limb i of every lane lives in element i, a
/// <see cref="Vector512{T}"/> of eight 64-bit lanes. Values are in radix 2^28 (14 limbs, 392 bits)
/// and Montgomery form with R = 2^392, and are kept lazily reduced (below a small multiple of p).
/// </summary>
[InlineArray(FpVector.Limbs)]
internal struct FpV
{
    private Vector512<ulong> _limb;
}

/// <summary>
/// Lane-parallel base-field arithmetic on <see cref="FpV"/> for the pairing's hot loops.
/// </summary>
/// <remarks>
/// Why: the scalar <see cref="Fp.Mul"/> is bound by carry chains (the JIT has no add-with-carry),
/// about 60 ns here. With 28-bit limbs in 64-bit lanes, products (vpmuludq, 28×28 → 56 bits) and
/// their column sums never carry, and eight independent products run at once: the unrolled
/// <see cref="MontMul"/> costs about 70 ns for eight lanes. Kernels built on it gather the
/// independent products of a tower operation into lanes (permutes), multiply, and recombine with
/// small signed coefficients; limbs may go negative in between and are re-normalized with
/// arithmetic shifts before the next product.
/// <para>
/// Conventions. A value is "normalized" when limbs 0..12 are in [0, 2^28) and limb 13 holds the
/// rest (non-negative): MontMul operands must have non-negative limbs below 2^30 (a normalized
/// value, or the sum of two); MontMul returns normalized values below p·(1 + a·b/(p·2^392)).
/// Values enter with <see cref="Load"/> (scalar Montgomery-2^384 form → vector form: a product by
/// 2^400 mod p) and leave with <see cref="Store"/> (a product by 2^384 mod p, then a canonical reduction).
/// </para>
/// </remarks>
[SkipLocalsInit]
internal static partial class FpVector
{
    /// <summary>Limbs per value.</summary>
    public const int Limbs = 14;

    /// <summary>Bits per limb.</summary>
    public const int LimbBits = 28;

    /// <summary>Values per vector.</summary>
    public const int Lanes = 8;

    /// <summary>2^28 − 1.</summary>
    public const ulong LimbMask = (1UL << LimbBits) - 1;

    /// <summary>−p^(−1) mod 2^28.</summary>
    public const ulong N0 = 0xffcfffd;

    /// <summary>True when the CPU runs AVX-512 (F) natively.</summary>
    public static bool IsSupported => Avx512F.IsSupported && Vector512.IsHardwareAccelerated;

    /// <summary>p in radix 2^28.</summary>
    private static ReadOnlySpan<ulong> P =>
    [
        0xfffaaab, 0xfefffff, 0x3ffffb9, 0xfffeb15, 0x6241eab, 0xa0f6b0f, 0xf6730d2,
        0xf38512b, 0x4774b84, 0x4bacd76, 0xba7b643, 0xe69a4b1, 0x1ea397f, 0x001a011,
    ];

    /// <summary>2^400 mod p: Montgomery-multiplying a scalar Montgomery form (x·2^384) by it gives x·2^392.</summary>
    private static ReadOnlySpan<ulong> KIn =>
    [
        0x80e6299, 0x3500034, 0xeb12856, 0xdeb2699, 0xc988670, 0x4ef6697, 0x70983e8,
        0xa4e6fe9, 0x3e8a053, 0xecf271e, 0xc20d323, 0x6eb6385, 0x47f1286, 0x00156da,
    ];

    /// <summary>2^384 mod p: Montgomery-multiplying a vector form (x·2^392) by it gives x·2^384.</summary>
    private static ReadOnlySpan<ulong> KOut =>
    [
        0x002fffd, 0x0900000, 0xc000276, 0x000bc40, 0x8baebf4, 0x5753c75, 0x55f4898,
        0x7052574, 0x7ce5853, 0x56ec6d7, 0x71a97a2, 0xe4935c0, 0xec3fa80, 0x0015f65,
    ];

    /// <summary>
    /// 4p with every limb below the top one in [2^28 − 1, 2^29) ("borrowed" representation): adding
    /// it before subtracting a value below 2p with normalized limbs keeps every limb non-negative.
    /// </summary>
    private static ReadOnlySpan<ulong> Bias4P =>
    [
        0x1ffeaaac, 0x1fbffffe, 0x1ffffee6, 0x1fffac53, 0x18907aae, 0x183dac3c, 0x1d9cc349,
        0x1ce144ae, 0x11dd2e12, 0x12eb35d8, 0x1e9ed90c, 0x19a692c5, 0x17a8e5fe, 0x0068043,
    ];

    /// <summary>32p, normalized: added to a combination whose value lies in (−32p, ∞) to make it non-negative.</summary>
    private static ReadOnlySpan<ulong> P32 =>
    [
        0xff55560, 0xdffffff, 0xffff73f, 0xffd62a7, 0x483d57f, 0x1ed61ec, 0xce61a54,
        0x70a257e, 0xee9709e, 0x759aec8, 0x4f6c869, 0xd349637, 0xd472ffc, 0x0340223,
    ];

    /// <summary>k·p in radix 2^28, normalized (k below 2^16).</summary>
    public static ulong[] MultipleOfP(ulong k)
    {
        var r = new ulong[Limbs];
        ulong carry = 0;
        for (int i = 0; i < Limbs; i++)
        {
            ulong t = P[i] * k + carry;
            r[i] = i == Limbs - 1 ? t : t & LimbMask;
            carry = t >> LimbBits;
        }
        return r;
    }

    /// <summary>floor(2^45 / ((p >> 364) + 1)): the quotient estimate of <see cref="ReduceWeak"/>.</summary>
    private const ulong QuotientMagic = 0x13b060fb;

    /// <summary>Limb i of p, 4p-bias, 32p, KIn, KOut broadcast to all lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> PLimb(int i) => Vector512.Create(P[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> Bias4PLimb(int i) => Vector512.Create(Bias4P[i]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<ulong> P32Limb(int i) => Vector512.Create(P32[i]);

    // ---------------------------------------------------------------- conversions

    /// <summary>
    /// Loads eight scalar elements into lanes 0..7 (Montgomery 2^384 → 2^392 form, normalized,
    /// below 1.1p).
    /// </summary>
    public static void Load(ReadOnlySpan<Fp> values, ref FpV r)
    {
        if (values.Length != Lanes) throw new ArgumentException("expected eight values", nameof(values));
        // 1. Slice each lane's six 64-bit Montgomery limbs into fourteen 28-bit limbs.
        Span<ulong> sliced = stackalloc ulong[Limbs * Lanes];
        for (int lane = 0; lane < Lanes; lane++)
        {
            ref readonly Fp f = ref values[lane];
            ulong w0 = f.L0, w1 = f.L1, w2 = f.L2, w3 = f.L3, w4 = f.L4, w5 = f.L5;
            sliced[0 * Lanes + lane] = w0 & LimbMask;
            sliced[1 * Lanes + lane] = (w0 >> 28) & LimbMask;
            sliced[2 * Lanes + lane] = ((w0 >> 56) | (w1 << 8)) & LimbMask;
            sliced[3 * Lanes + lane] = (w1 >> 20) & LimbMask;
            sliced[4 * Lanes + lane] = ((w1 >> 48) | (w2 << 16)) & LimbMask;
            sliced[5 * Lanes + lane] = (w2 >> 12) & LimbMask;
            sliced[6 * Lanes + lane] = ((w2 >> 40) | (w3 << 24)) & LimbMask;
            sliced[7 * Lanes + lane] = (w3 >> 4) & LimbMask;
            sliced[8 * Lanes + lane] = (w3 >> 32) & LimbMask;
            sliced[9 * Lanes + lane] = ((w3 >> 60) | (w4 << 4)) & LimbMask;
            sliced[10 * Lanes + lane] = (w4 >> 24) & LimbMask;
            sliced[11 * Lanes + lane] = ((w4 >> 52) | (w5 << 12)) & LimbMask;
            sliced[12 * Lanes + lane] = (w5 >> 16) & LimbMask;
            sliced[13 * Lanes + lane] = w5 >> 44;
        }
        Unsafe.SkipInit(out FpV raw);
        for (int i = 0; i < Limbs; i++) raw[i] = Vector512.Create<ulong>(sliced.Slice(i * Lanes, Lanes));
        // 2. x·2^384 · 2^400 · 2^(−392) = x·2^392.
        Unsafe.SkipInit(out FpV k);
        for (int i = 0; i < Limbs; i++) k[i] = Vector512.Create(KIn[i]);
        MontMul(ref r, raw, k);
    }

    /// <summary>Stores lanes 0..7 as canonical scalar elements (any normalized input below 2^391).</summary>
    public static void Store(in FpV v, Span<Fp> values)
    {
        if (values.Length < Lanes) throw new ArgumentException("expected room for eight values", nameof(values));
        // 1. x·2^392 · 2^384 · 2^(−392) = x·2^384, normalized and below 2p.
        Unsafe.SkipInit(out FpV k);
        Unsafe.SkipInit(out FpV t);
        for (int i = 0; i < Limbs; i++) k[i] = Vector512.Create(KOut[i]);
        MontMul(ref t, v, k);
        Span<ulong> limbs = stackalloc ulong[Limbs * Lanes];
        for (int i = 0; i < Limbs; i++) t[i].CopyTo(limbs.Slice(i * Lanes, Lanes));
        // 2. Re-pack each lane into six 64-bit limbs and subtract p while the value is ≥ p.
        for (int lane = 0; lane < Lanes; lane++)
        {
            ReadOnlySpan<ulong> l = limbs;
            ulong L0 = l[lane], L1 = l[Lanes + lane], L2 = l[2 * Lanes + lane], L3 = l[3 * Lanes + lane],
                  L4 = l[4 * Lanes + lane], L5 = l[5 * Lanes + lane], L6 = l[6 * Lanes + lane], L7 = l[7 * Lanes + lane],
                  L8 = l[8 * Lanes + lane], L9 = l[9 * Lanes + lane], L10 = l[10 * Lanes + lane], L11 = l[11 * Lanes + lane],
                  L12 = l[12 * Lanes + lane], L13 = l[13 * Lanes + lane];
            ulong w0 = L0 | (L1 << 28) | (L2 << 56);
            ulong w1 = (L2 >> 8) | (L3 << 20) | (L4 << 48);
            ulong w2 = (L4 >> 16) | (L5 << 12) | (L6 << 40);
            ulong w3 = (L6 >> 24) | (L7 << 4) | (L8 << 32) | (L9 << 60);
            ulong w4 = (L9 >> 4) | (L10 << 24) | (L11 << 52);
            ulong w5 = (L11 >> 12) | (L12 << 16) | (L13 << 44);
            while (!Fp.LessThanModulus(w0, w1, w2, w3, w4, w5))
            {
                ulong br = 0;
                w0 = Fp.SubB(w0, Fp.P0, ref br); w1 = Fp.SubB(w1, Fp.P1, ref br); w2 = Fp.SubB(w2, Fp.P2, ref br);
                w3 = Fp.SubB(w3, Fp.P3, ref br); w4 = Fp.SubB(w4, Fp.P4, ref br); w5 = Fp.SubB(w5, Fp.P5, ref br);
            }
            values[lane] = new Fp(w0, w1, w2, w3, w4, w5);
        }
    }

    // ---------------------------------------------------------------- reductions

    /// <summary>
    /// Carry propagation with signed limbs: limbs 0..12 end in [0, 2^28) and limb 13 takes the rest
    /// (non-negative when the value is).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Normalize(ref FpV v)
    {
        var mask = Vector512.Create(LimbMask);
        var c = Vector512<long>.Zero;
        for (int i = 0; i < Limbs - 1; i++)
        {
            var x = Avx512F.Add(v[i].AsInt64(), c);
            c = Avx512F.ShiftRightArithmetic(x, LimbBits);
            v[i] = Avx512F.And(x.AsUInt64(), mask);
        }
        v[Limbs - 1] = Avx512F.Add(v[Limbs - 1].AsInt64(), c).AsUInt64();
    }

    /// <summary>
    /// Brings a normalized non-negative value below 2^392 to below 2.1p (same residue): subtracts
    /// q·p with q = floor(top limb / ((p >> 364) + 1)), an underestimate of floor(v/p), then normalizes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ReduceWeak(ref FpV v)
    {
        var q = Avx512F.ShiftRightLogical(Avx512F.Multiply(v[Limbs - 1].AsUInt32(), Vector512.Create(QuotientMagic).AsUInt32()), 45).AsUInt32();
        for (int i = 0; i < Limbs; i++)
            v[i] = Avx512F.Subtract(v[i], Avx512F.Multiply(q, PLimb(i).AsUInt32()));
        Normalize(ref v);
    }
}
