using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// An element of the BLS12-381 scalar field, r = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001,
/// stored as four little-endian 64-bit limbs in Montgomery form (x·2^256 mod r). Arithmetic is
/// constant-shape CIOS Montgomery multiplication; r &lt; 2^255 allows the "no-carry" variant.
/// </summary>
public readonly struct Fr : IEquatable<Fr>, IInvertibleField<Fr>
{
    // Modulus limbs (little-endian).
    internal const ulong R0 = 0xffffffff00000001UL;
    internal const ulong R1 = 0x53bda402fffe5bfeUL;
    internal const ulong R2 = 0x3339d80809a1d805UL;
    internal const ulong R3 = 0x73eda753299d7d48UL;

    // −r^(−1) mod 2^64.
    private const ulong Inv = 0xfffffffeffffffffUL;

    // 2^512 mod r (R² for conversions into Montgomery form).
    private const ulong Rsq0 = 0xc999e990f3f29c6dUL;
    private const ulong Rsq1 = 0x2b6cedcb87925c23UL;
    private const ulong Rsq2 = 0x05d314967254398fUL;
    private const ulong Rsq3 = 0x0748d9d99f59ff11UL;

    private readonly ulong _l0, _l1, _l2, _l3;

    private Fr(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        _l0 = l0; _l1 = l1; _l2 = l2; _l3 = l3;
    }

    /// <summary>The additive identity.</summary>
    public static Fr Zero => default;

    /// <summary>The multiplicative identity (2^256 mod r in Montgomery form).</summary>
    public static Fr One { get; } = new(0x00000001fffffffeUL, 0x5884b7fa00034802UL, 0x998c4fefecbc4ff5UL, 0x1824b159acc5056fUL);

    private static readonly Fr s_rSquared = new(Rsq0, Rsq1, Rsq2, Rsq3);

    /// <summary>The modulus r as little-endian limbs.</summary>
    public static ReadOnlySpan<ulong> ModulusLimbs => [R0, R1, R2, R3];

    /// <summary>True for the zero element.</summary>
    public bool IsZero => (_l0 | _l1 | _l2 | _l3) == 0;

    /// <summary>True for the one element.</summary>
    public bool IsOne => Equals(One);

    /// <summary>Sum modulo r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator +(in Fr a, in Fr b)
    {
        ulong c = 0;
        ulong s0 = AddC(a._l0, b._l0, ref c);
        ulong s1 = AddC(a._l1, b._l1, ref c);
        ulong s2 = AddC(a._l2, b._l2, ref c);
        ulong s3 = AddC(a._l3, b._l3, ref c);
        return Reduce(s0, s1, s2, s3);
    }

    /// <summary>Difference modulo r.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator -(in Fr a, in Fr b)
    {
        ulong br = 0;
        ulong d0 = SubB(a._l0, b._l0, ref br);
        ulong d1 = SubB(a._l1, b._l1, ref br);
        ulong d2 = SubB(a._l2, b._l2, ref br);
        ulong d3 = SubB(a._l3, b._l3, ref br);
        // Add r back when the subtraction borrowed, without a branch.
        ulong mask = 0UL - br;
        ulong c = 0;
        d0 = AddC(d0, R0 & mask, ref c);
        d1 = AddC(d1, R1 & mask, ref c);
        d2 = AddC(d2, R2 & mask, ref c);
        d3 = AddC(d3, R3 & mask, ref c);
        return new Fr(d0, d1, d2, d3);
    }

    /// <summary>Negation modulo r (zero stays zero).</summary>
    public static Fr operator -(in Fr a)
    {
        if (a.IsZero) return a;
        ulong br = 0;
        ulong d0 = SubB(R0, a._l0, ref br);
        ulong d1 = SubB(R1, a._l1, ref br);
        ulong d2 = SubB(R2, a._l2, ref br);
        ulong d3 = SubB(R3, a._l3, ref br);
        return new Fr(d0, d1, d2, d3);
    }

    static Fr IInvertibleField<Fr>.Mul(in Fr a, in Fr b) => a * b;

    static Fr IInvertibleField<Fr>.Inverse(in Fr a) => a.Invert();

    /// <summary>Product modulo r (Montgomery multiplication).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fr operator *(in Fr a, in Fr b) => MontMul(a._l0, a._l1, a._l2, a._l3, b._l0, b._l1, b._l2, b._l3);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Fr a, in Fr b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Fr a, in Fr b) => !a.Equals(b);

    /// <summary>This element squared.</summary>
    public Fr Square() => this * this;

    /// <summary>This element doubled.</summary>
    public Fr Double() => this + this;

    /// <summary>The element with the small integer value <paramref name="v"/>.</summary>
    public static Fr FromUInt64(ulong v) => MontMul(Rsq0, Rsq1, Rsq2, Rsq3, v, 0, 0, 0);

    /// <summary>
    /// Builds an element from canonical little-endian limbs; false when the value is ≥ r.
    /// </summary>
    public static bool TryFromCanonicalLimbs(ReadOnlySpan<ulong> limbs4, out Fr value)
    {
        value = default;
        if (limbs4.Length != 4 || !LessThanModulus(limbs4[0], limbs4[1], limbs4[2], limbs4[3])) return false;
        value = MontMul(Rsq0, Rsq1, Rsq2, Rsq3, limbs4[0], limbs4[1], limbs4[2], limbs4[3]);
        return true;
    }

    /// <summary>Parses a 32-byte big-endian integer; false on another length or when the value is ≥ r.</summary>
    public static bool TryFromBytesBigEndian(ReadOnlySpan<byte> bytes32, out Fr value)
    {
        value = default;
        if (bytes32.Length != 32) return false;
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes32[24..]);
        if (!LessThanModulus(l0, l1, l2, l3)) return false;
        value = MontMul(Rsq0, Rsq1, Rsq2, Rsq3, l0, l1, l2, l3);
        return true;
    }

    /// <summary>
    /// Interprets any number of bytes as a big-endian integer and reduces it modulo r
    /// (the spec's <c>hash_to_bls_field</c> reduction of a SHA-256 digest).
    /// </summary>
    public static Fr FromBytesBigEndianReduce(ReadOnlySpan<byte> bytes)
    {
        Fr acc = Zero;
        int first = bytes.Length % 32;
        Span<byte> chunk = stackalloc byte[32];
        int pos = 0;
        if (first != 0)
        {
            chunk.Clear();
            bytes[..first].CopyTo(chunk[(32 - first)..]);
            acc = FromChunk(chunk);
            pos = first;
        }
        for (; pos < bytes.Length; pos += 32)
        {
            // acc·2^256 + chunk: Montgomery-multiplying by R² (as a raw value) multiplies by R = 2^256.
            acc *= s_rSquared;
            acc += FromChunk(bytes.Slice(pos, 32));
        }
        return acc;
    }

    private static Fr FromChunk(ReadOnlySpan<byte> b32)
    {
        // A raw 256-bit value x (possibly ≥ r): MontMul(R², x) (x as the word-by-word operand keeps every intermediate below 2r) = x·R mod r, which is the Montgomery form of x mod r.
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(b32);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(b32[8..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(b32[16..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(b32[24..]);
        return MontMul(Rsq0, Rsq1, Rsq2, Rsq3, l0, l1, l2, l3);
    }

    /// <summary>Writes the canonical value as 32 big-endian bytes.</summary>
    public void ToBytesBigEndian(Span<byte> dest32)
    {
        if (dest32.Length < 32) throw new ArgumentException("destination must hold 32 bytes", nameof(dest32));
        var c = FromMontgomery();
        BinaryPrimitives.WriteUInt64BigEndian(dest32, c._l3);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[8..], c._l2);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[16..], c._l1);
        BinaryPrimitives.WriteUInt64BigEndian(dest32[24..], c._l0);
    }

    /// <summary>The canonical value as 32 big-endian bytes.</summary>
    public byte[] ToBytesBigEndian()
    {
        var b = new byte[32];
        ToBytesBigEndian(b);
        return b;
    }

    /// <summary>Writes the canonical (non-Montgomery) value as four little-endian limbs (MSM scalars).</summary>
    public void ToCanonicalLimbs(Span<ulong> dest4)
    {
        if (dest4.Length < 4) throw new ArgumentException("destination must hold 4 limbs", nameof(dest4));
        var c = FromMontgomery();
        dest4[0] = c._l0; dest4[1] = c._l1; dest4[2] = c._l2; dest4[3] = c._l3;
    }

    private Fr FromMontgomery() => MontMul(_l0, _l1, _l2, _l3, 1, 0, 0, 0);

    /// <summary>This element raised to a 64-bit power.</summary>
    public Fr Pow(ulong exponent)
    {
        Fr result = One;
        Fr b = this;
        while (exponent != 0)
        {
            if ((exponent & 1) != 0) result *= b;
            exponent >>= 1;
            if (exponent != 0) b = b.Square();
        }
        return result;
    }

    /// <summary>This element raised to a power given as little-endian limbs.</summary>
    public Fr Pow(ReadOnlySpan<ulong> exponentLittleEndianLimbs)
    {
        Fr result = One;
        for (int i = exponentLittleEndianLimbs.Length - 1; i >= 0; i--)
        {
            ulong e = exponentLittleEndianLimbs[i];
            for (int bit = 63; bit >= 0; bit--)
            {
                result = result.Square();
                if (((e >> bit) & 1) != 0) result *= this;
            }
        }
        return result;
    }

    /// <summary>The multiplicative inverse (Fermat: x^(r−2)); zero maps to zero.</summary>
    public Fr Invert()
    {
        if (IsZero) return Zero;
        ReadOnlySpan<ulong> e = [R0 - 2, R1, R2, R3];
        return Pow(e);
    }

    /// <summary>The multiplicative inverse; false (and zero) for zero.</summary>
    public bool TryInvert(out Fr inverse)
    {
        inverse = Invert();
        return !IsZero;
    }

    /// <summary>
    /// Inverts every element in place with Montgomery's trick (one field inversion for the whole span);
    /// zeros are left as zero.
    /// </summary>
    public static void BatchInvert(Span<Fr> values) => BatchInversion.Invert(values);

    /// <summary>
    /// A primitive root of unity of order 2^<paramref name="log2Order"/> derived from the generator 7
    /// (the consensus specs' PRIMITIVE_ROOT_OF_UNITY): 7^((r−1)/2^k). Valid for k ≤ 32.
    /// </summary>
    public static Fr RootOfUnity(int log2Order)
    {
        if ((uint)log2Order > 32) throw new ArgumentOutOfRangeException(nameof(log2Order), "the 2-adicity of r is 32");
        // r − 1 = 2^32 · odd, so (r − 1) / 2^k is an exact right shift of the limbs.
        ulong e0 = R0 - 1, e1 = R1, e2 = R2, e3 = R3;
        if (log2Order > 0)
        {
            int k = log2Order;
            if (k == 64) { e0 = e1; e1 = e2; e2 = e3; e3 = 0; }
            else
            {
                e0 = (e0 >> k) | (e1 << (64 - k));
                e1 = (e1 >> k) | (e2 << (64 - k));
                e2 = (e2 >> k) | (e3 << (64 - k));
                e3 >>= k;
            }
        }
        ReadOnlySpan<ulong> e = [e0, e1, e2, e3];
        return FromUInt64(7).Pow(e);
    }

    /// <inheritdoc />
    public bool Equals(Fr other) => _l0 == other._l0 && _l1 == other._l1 && _l2 == other._l2 && _l3 == other._l3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fr f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_l0, _l1, _l2, _l3);

    /// <summary>0x-prefixed big-endian hex of the canonical value.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytesBigEndian());

    // ---- limb arithmetic ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool LessThanModulus(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        ulong br = 0;
        SubB(l0, R0, ref br);
        SubB(l1, R1, ref br);
        SubB(l2, R2, ref br);
        SubB(l3, R3, ref br);
        return br != 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fr Reduce(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        // Values < 2r: subtract r once when no borrow occurs.
        ulong br = 0;
        ulong d0 = SubB(s0, R0, ref br);
        ulong d1 = SubB(s1, R1, ref br);
        ulong d2 = SubB(s2, R2, ref br);
        ulong d3 = SubB(s3, R3, ref br);
        // Branch-free select (a data-dependent branch here mispredicts half the time).
        ulong keep = 0UL - br;
        return new Fr(d0 ^ ((s0 ^ d0) & keep), d1 ^ ((s1 ^ d1) & keep), d2 ^ ((s2 ^ d2) & keep), d3 ^ ((s3 ^ d3) & keep));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddC(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong s2 = s + carry;
        ulong c2 = s2 < s ? 1UL : 0UL;
        carry = c1 | c2;
        return s2;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong SubB(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b;
        ulong b1 = a < b ? 1UL : 0UL;
        ulong d2 = d - borrow;
        ulong b2 = d < borrow ? 1UL : 0UL;
        borrow = b1 | b2;
        return d2;
    }

    /// <summary>a + b·c + carry → low word; carry ← high word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Mac(ulong a, ulong b, ulong c, ref ulong carry)
    {
        // High half through mulx (Fp.MulHi), low half through a plain multiplication: keeps both in
        // registers, where Math.BigMul's UInt128 goes through the stack (see Fp's remarks).
        ulong hi = Fp.MulHi(b, c);
        ulong lo = b * c;
        lo += a;
        hi += lo < a ? 1UL : 0UL;
        lo += carry;
        hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step(ulong bi, ulong a0, ulong a1, ulong a2, ulong a3, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        // CIOS step: t += a·bi (top word in t4), then t = (t + m·r) / 2^64. The two carry chains run
        // one after the other (fewer live values than interleaving them; see Fp.Mul). The m·r0 term's
        // low half cancels t0, so only its carry (t0 ≠ 0) is added.
        ulong A = 0;
        t0 = Mac(t0, a0, bi, ref A);
        t1 = Mac(t1, a1, bi, ref A);
        t2 = Mac(t2, a2, bi, ref A);
        t3 = Mac(t3, a3, bi, ref A);
        ulong t4 = A;
        ulong m = t0 * Inv;
        ulong C = Fp.MulHi(m, R0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, R1, ref C);
        t1 = Mac(t2, m, R2, ref C);
        t2 = Mac(t3, m, R3, ref C);
        t3 = t4 + C;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fr MontMul(ulong a0, ulong a1, ulong a2, ulong a3, ulong b0, ulong b1, ulong b2, ulong b3)
    {
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;
        Step(b0, a0, a1, a2, a3, ref t0, ref t1, ref t2, ref t3);
        Step(b1, a0, a1, a2, a3, ref t0, ref t1, ref t2, ref t3);
        Step(b2, a0, a1, a2, a3, ref t0, ref t1, ref t2, ref t3);
        Step(b3, a0, a1, a2, a3, ref t0, ref t1, ref t2, ref t3);
        return Reduce(t0, t1, t2, t3);
    }
}
