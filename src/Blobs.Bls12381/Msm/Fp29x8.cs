using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>Fourteen 512-bit vectors: limb j of eight base-field elements, one element per 64-bit lane.</summary>
[InlineArray(14)]
internal struct V14
{
    private Vector512<ulong> _limb;
}

/// <summary>
/// Eight BLS12-381 base-field elements at once on AVX-512: 14 limbs of 29 bits per element in the
/// 64-bit lanes of 14 vectors, Montgomery form with R' = 2^406, products by vpmuludq (32×32→64 bits).
/// Values are kept redundant — below a small multiple of p rather than below p — and limbs are
/// normalized (below 2^29, the top limb holding the rest) before every multiplication.
/// </summary>
/// <remarks>
/// Bounds: <see cref="Mul"/> and <see cref="Square"/> take values below 2^393 and return values below
/// 2p. <see cref="SubAdd4P"/> adds 4p so that it stays non-negative for subtrahends below 4p;
/// <see cref="Reduce"/> brings a value below 16p back below 2p + 2^377 (&lt; 2.1p). One element is
/// stored outside the vectors as 14 <see cref="uint"/> limbs (56 bytes, "packed").
/// </remarks>
internal static partial class Fp29x8
{
    /// <summary>Limbs per element.</summary>
    public const int Limbs = 14;

    /// <summary>2^29 − 1.</summary>
    public const ulong LimbMask = (1UL << 29) - 1;

    /// <summary>
    /// True when the hardware runs this code natively (AVX-512 F and AVX2) and the AppContext switch
    /// <c>Blobs.Bls12381.DisableAvx512</c> is not set (see <see cref="FpVector.IsSupported"/>).
    /// </summary>
    public static bool IsSupported { get; } = FpVector.IsSupported && Avx2.IsSupported && Vector512.IsHardwareAccelerated;

    // p in 29-bit limbs.
    private static ReadOnlySpan<ulong> PLimbs =>
    [
        0x1fffaaabUL, 0x0ff7ffffUL, 0x14ffffeeUL, 0x17fffd62UL, 0x0f6241eaUL, 0x09507b58UL, 0x0afd9cc3UL, 0x109e70a2UL,
        0x1764774bUL, 0x121a5d66UL, 0x12c6e9edUL, 0x12ffcd34UL, 0x00111ea3UL, 0x0000000dUL,
    ];

    /// <summary>floor(2^409 / p): q = (top limb · K) >> 32 underestimates floor(v/p) by at most one.</summary>
    private const ulong ReduceK = 330328997UL;

    /// <summary>2^406 mod p as raw limbs: Fp.Mul(x·2^384, this) = x·2^406 mod p.</summary>
    private static readonly Fp s_toR406 = new(0xc57400d203a9fb84UL, 0x6147acde629c4a23UL, 0x6b0f4b0b7e6d26cbUL,
                                              0x91ecbde7c2b7d6e1UL, 0xd56a23c34fdd80b8UL, 0x13317c30f3a0d636UL);

    /// <summary>2^362 as raw limbs: Fp.Mul(x·2^406, this) = x·2^384 mod p.</summary>
    private static readonly Fp s_fromR406 = new(0, 0, 0, 0, 0, 1UL << 42);

    /// <summary>The element one (2^406 mod p) packed.</summary>
    public static readonly uint[] OnePacked = Pack(Fp.One);

    // ---------------------------------------------------------------- conversions (scalar)

    /// <summary>Writes the Montgomery-R' form of <paramref name="x"/> as 14 packed limbs (canonical, below p).</summary>
    public static void Pack(in Fp x, Span<uint> dest14)
    {
        var m = Fp.Mul(x, s_toR406); // raw limbs now hold x·2^406 mod p
        ulong l0 = m.L0, l1 = m.L1, l2 = m.L2, l3 = m.L3, l4 = m.L4, l5 = m.L5;
        for (int j = 0; j < Limbs; j++)
        {
            dest14[j] = (uint)(l0 & LimbMask);
            l0 = (l0 >> 29) | (l1 << 35);
            l1 = (l1 >> 29) | (l2 << 35);
            l2 = (l2 >> 29) | (l3 << 35);
            l3 = (l3 >> 29) | (l4 << 35);
            l4 = (l4 >> 29) | (l5 << 35);
            l5 >>= 29;
        }
    }

    /// <summary>The packed limbs of <paramref name="x"/>.</summary>
    public static uint[] Pack(in Fp x)
    {
        var r = new uint[Limbs];
        Pack(x, r);
        return r;
    }

    /// <summary>The field element held by 14 limbs (any value below 2^384 with limbs of at most 29 bits, redundant forms accepted).</summary>
    public static Fp Unpack(ReadOnlySpan<uint> limbs14)
    {
        ulong l0 = 0, l1 = 0, l2 = 0, l3 = 0, l4 = 0, l5 = 0;
        for (int j = Limbs - 1; j >= 0; j--)
        {
            // value = value·2^29 + limb
            l5 = (l5 << 29) | (l4 >> 35);
            l4 = (l4 << 29) | (l3 >> 35);
            l3 = (l3 << 29) | (l2 >> 35);
            l2 = (l2 << 29) | (l1 >> 35);
            l1 = (l1 << 29) | (l0 >> 35);
            l0 = (l0 << 29) | limbs14[j];
        }
        // Redundant values (below a few p) come down below p.
        while (!Fp.LessThanModulus(l0, l1, l2, l3, l4, l5))
        {
            ulong br = 0;
            l0 = Fp.SubB(l0, Fp.P0, ref br); l1 = Fp.SubB(l1, Fp.P1, ref br); l2 = Fp.SubB(l2, Fp.P2, ref br);
            l3 = Fp.SubB(l3, Fp.P3, ref br); l4 = Fp.SubB(l4, Fp.P4, ref br); l5 = Fp.SubB(l5, Fp.P5, ref br);
        }
        return Fp.Mul(new Fp(l0, l1, l2, l3, l4, l5), s_fromR406);
    }

    /// <summary>p − y for a canonical packed y (zero stays zero): the packed negation.</summary>
    public static void NegatePacked(ReadOnlySpan<uint> y14, Span<uint> dest14)
    {
        bool zero = true;
        for (int j = 0; j < Limbs; j++) zero &= y14[j] == 0;
        if (zero)
        {
            dest14[..Limbs].Clear();
            return;
        }
        long borrow = 0;
        for (int j = 0; j < Limbs; j++)
        {
            long d = (long)PLimbs[j] - y14[j] - borrow;
            borrow = d < 0 ? 1 : 0;
            dest14[j] = (uint)(d + (borrow << 29));
        }
    }

    // ---------------------------------------------------------------- vector helpers

    /// <summary>Loads limb vectors from a [limb][lane] block of 14·8 packed limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Load(ref V14 r, uint* block)
    {
        for (int j = 0; j < Limbs; j++) r[j] = Avx512F.ConvertToVector512UInt64(Avx.LoadVector256(block + 8 * j));
    }

    /// <summary>Stores limb vectors (normalized, below 2^32 per limb) into a [limb][lane] block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(in V14 a, uint* block)
    {
        for (int j = 0; j < Limbs; j++) Avx.Store(block + 8 * j, Avx512F.ConvertToVector256UInt32(a[j]));
    }

    /// <summary>The same 14 limbs in every lane.</summary>
    public static void Broadcast(ref V14 r, ReadOnlySpan<uint> limbs14)
    {
        for (int j = 0; j < Limbs; j++) r[j] = Vector512.Create((ulong)limbs14[j]);
    }

    /// <summary>r = a + b (limb-wise, normalized). Values add; keep the sum below 2^393 for a multiplication.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Add(ref V14 r, in V14 a, in V14 b)
    {
        var mask = Vector512.Create(LimbMask);
        var carry = Vector512<ulong>.Zero;
        for (int j = 0; j < Limbs - 1; j++)
        {
            var s = a[j] + b[j] + carry;
            carry = s >> 29;
            r[j] = s & mask;
        }
        r[Limbs - 1] = a[Limbs - 1] + b[Limbs - 1] + carry;
    }

    /// <summary>r = a − b + 4p (normalized); non-negative for b below 4p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubAdd4P(ref V14 r, in V14 a, in V14 b) => SubAddShiftedP(ref r, a, b, 2);

    /// <summary>r = a − b + 8p (normalized); non-negative for b below 8p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void SubAdd8P(ref V14 r, in V14 a, in V14 b) => SubAddShiftedP(ref r, a, b, 3);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void SubAddShiftedP(ref V14 r, in V14 a, in V14 b, int shift)
    {
        var mask = Vector512.Create(LimbMask).AsInt64();
        var carry = Vector512<long>.Zero;
        ReadOnlySpan<ulong> p = PLimbs;
        for (int j = 0; j < Limbs - 1; j++)
        {
            var s = a[j].AsInt64() - b[j].AsInt64() + Vector512.Create((long)(p[j] << shift)) + carry;
            carry = Avx512F.ShiftRightArithmetic(s, 29);
            r[j] = (s & mask).AsUInt64();
        }
        r[Limbs - 1] = (a[Limbs - 1].AsInt64() - b[Limbs - 1].AsInt64() + Vector512.Create((long)(p[Limbs - 1] << shift)) + carry).AsUInt64();
    }

    /// <summary>
    /// Brings a normalized value below 16p down below 2p + 2^377: subtracts q·p with q from the top limb
    /// (floor(v/2^377)·K/2^32, at most one below floor(v/p)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Reduce(ref V14 v)
    {
        var q = Avx512F.Multiply(v[Limbs - 1].AsUInt32(), Vector512.Create(ReduceK).AsUInt32()) >> 32;
        var mask = Vector512.Create(LimbMask).AsInt64();
        var carry = Vector512<long>.Zero;
        ReadOnlySpan<ulong> p = PLimbs;
        for (int j = 0; j < Limbs - 1; j++)
        {
            var s = v[j].AsInt64() - Avx512F.Multiply(q.AsUInt32(), Vector512.Create(p[j]).AsUInt32()).AsInt64() + carry;
            carry = Avx512F.ShiftRightArithmetic(s, 29);
            v[j] = (s & mask).AsUInt64();
        }
        v[Limbs - 1] = (v[Limbs - 1].AsInt64() - Avx512F.Multiply(q.AsUInt32(), Vector512.Create(p[Limbs - 1]).AsUInt32()).AsInt64() + carry).AsUInt64();
    }

    /// <summary>Lanes where <paramref name="negate"/> is all ones get 2p − y (y below 2p), the others keep y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ConditionalNegate(ref V14 y, Vector512<ulong> negate)
    {
        var mask = Vector512.Create(LimbMask).AsInt64();
        var carry = Vector512<long>.Zero;
        ReadOnlySpan<ulong> p = PLimbs;
        for (int j = 0; j < Limbs; j++)
        {
            var s = Vector512.Create((long)(p[j] << 1)) - y[j].AsInt64() + carry;
            if (j < Limbs - 1)
            {
                carry = Avx512F.ShiftRightArithmetic(s, 29);
                s &= mask;
            }
            y[j] = Vector512.ConditionalSelect(negate, s.AsUInt64(), y[j]);
        }
    }

    /// <summary>
    /// Replaces every lane by its inverse (Montgomery-R' form in, Montgomery-R' form out) with one scalar
    /// field inversion for the eight lanes. Returns a bit mask of the lanes that were zero modulo p
    /// (their result is zero).
    /// </summary>
    public static unsafe int InvertLanes(ref V14 v)
    {
        uint* block = stackalloc uint[Limbs * 8];
        var normalized = v;
        Normalize(ref normalized);
        Store(normalized, block);
        Span<Fp> lanes = stackalloc Fp[8];
        Span<uint> limbs = stackalloc uint[Limbs];
        int zeros = 0;
        for (int l = 0; l < 8; l++)
        {
            for (int j = 0; j < Limbs; j++) limbs[j] = block[8 * j + l];
            lanes[l] = Unpack(limbs);
            if (lanes[l].IsZero) zeros |= 1 << l;
        }
        Fp.BatchInverse(lanes);
        for (int l = 0; l < 8; l++)
        {
            Pack(lanes[l], limbs);
            for (int j = 0; j < Limbs; j++) block[8 * j + l] = limbs[j];
        }
        Load(ref v, block);
        return zeros;
    }

    /// <summary>Propagates carries so that every limb but the top one is below 2^29.</summary>
    public static void Normalize(ref V14 v)
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
