using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>
/// An element of the BLS12-381 base field, p =
/// 0x1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab
/// (381 bits, p ≡ 3 mod 4), stored as six little-endian 64-bit limbs in Montgomery form
/// (x·2^384 mod p), always fully reduced (&lt; p).
/// </summary>
/// <remarks>
/// Multiplication is CIOS Montgomery multiplication in its "no-carry" form (valid because the top
/// limb of p is below 2^63 − 1), fully unrolled. The 128-bit partial products are formed with
/// <see cref="Bmi2.X64.MultiplyNoFlags(ulong, ulong)"/> for the high half and a plain 64-bit
/// multiplication for the low half: unlike <see cref="Math.BigMul(ulong, ulong, out ulong)"/>, which
/// the .NET 10 JIT compiles to a <c>mulx</c> whose low half goes through a stack slot, this keeps
/// every intermediate in registers (about 3× faster in a dependent chain on the machines measured).
/// Operations are not constant-time: this library handles public data only (KZG commitments and
/// proofs), never secret keys.
/// </remarks>
public readonly partial struct Fp : IEquatable<Fp>, ICurveField<Fp>
{
    // Modulus limbs, little-endian.
    internal const ulong P0 = 0xb9feffffffffaaabUL, P1 = 0x1eabfffeb153ffffUL, P2 = 0x6730d2a0f6b0f624UL,
                         P3 = 0x64774b84f38512bfUL, P4 = 0x4b1ba7b6434bacd7UL, P5 = 0x1a0111ea397fe69aUL;

    /// <summary>−p^(−1) mod 2^64.</summary>
    internal const ulong Inv = 0x89f3fffcfffcfffdUL;

    /// <summary>The limbs in Montgomery form (x·2^384 mod p), little-endian; always &lt; p.</summary>
    internal readonly ulong L0, L1, L2, L3, L4, L5;

    /// <summary>Builds an element from Montgomery-form limbs that are already reduced (&lt; p). No check.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Fp(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        L0 = l0; L1 = l1; L2 = l2; L3 = l3; L4 = l4; L5 = l5;
    }

    /// <summary>The additive identity.</summary>
    public static Fp Zero => default;

    /// <summary>The multiplicative identity (2^384 mod p in Montgomery form).</summary>
    public static Fp One => new(0x760900000002fffdUL, 0xebf4000bc40c0002UL, 0x5f48985753c758baUL,
                                0x77ce585370525745UL, 0x5c071a97a256ec6dUL, 0x15f65ec3fa80e493UL);

    /// <summary>2^768 mod p: Montgomery-multiplying a canonical value by it yields its Montgomery form.</summary>
    internal static Fp RSquared => new(0xf4df1f341c341746UL, 0x0a76e6a609d104f1UL, 0x8de5476c4c95b6d5UL,
                                       0x67eb88a9939d83c0UL, 0x9a793e85b519952dUL, 0x11988fe592cae3aaUL);

    /// <summary>The modulus p as six little-endian limbs.</summary>
    public static ReadOnlySpan<ulong> ModulusLimbs => [P0, P1, P2, P3, P4, P5];

    /// <summary>True for zero.</summary>
    public bool IsZero => (L0 | L1 | L2 | L3 | L4 | L5) == 0;

    /// <summary>True for one.</summary>
    public bool IsOne => Equals(One);

    // ---------------------------------------------------------------- construction and encoding

    /// <summary>The element with the small integer value <paramref name="v"/>.</summary>
    public static Fp FromUInt64(ulong v)
    {
        var raw = new Fp(v, 0, 0, 0, 0, 0);
        return Mul(raw, RSquared);
    }

    /// <summary>Builds an element from six canonical (non-Montgomery) little-endian limbs; false when the value is ≥ p.</summary>
    public static bool TryFromCanonicalLimbs(ReadOnlySpan<ulong> limbs6, out Fp value)
    {
        value = default;
        if (limbs6.Length != 6 || !LessThanModulus(limbs6[0], limbs6[1], limbs6[2], limbs6[3], limbs6[4], limbs6[5]))
            return false;
        value = Mul(new Fp(limbs6[0], limbs6[1], limbs6[2], limbs6[3], limbs6[4], limbs6[5]), RSquared);
        return true;
    }

    /// <summary>Builds an element from six canonical little-endian limbs; throws when the value is ≥ p.</summary>
    public static Fp FromCanonicalLimbs(ReadOnlySpan<ulong> limbs6)
    {
        if (!TryFromCanonicalLimbs(limbs6, out var v))
            throw new ArgumentException("expected six limbs of a value below the BLS12-381 base field modulus", nameof(limbs6));
        return v;
    }

    /// <summary>Builds an element from six Montgomery-form limbs; false when they are not reduced (≥ p).</summary>
    public static bool TryFromMontgomeryLimbs(ReadOnlySpan<ulong> limbs6, out Fp value)
    {
        value = default;
        if (limbs6.Length != 6 || !LessThanModulus(limbs6[0], limbs6[1], limbs6[2], limbs6[3], limbs6[4], limbs6[5]))
            return false;
        value = new Fp(limbs6[0], limbs6[1], limbs6[2], limbs6[3], limbs6[4], limbs6[5]);
        return true;
    }

    /// <summary>Writes the Montgomery-form limbs (little-endian).</summary>
    public void WriteMontgomeryLimbs(Span<ulong> dest6)
    {
        if (dest6.Length < 6) throw new ArgumentException("destination must hold 6 limbs", nameof(dest6));
        dest6[0] = L0; dest6[1] = L1; dest6[2] = L2; dest6[3] = L3; dest6[4] = L4; dest6[5] = L5;
    }

    /// <summary>Writes the canonical (non-Montgomery) value as six little-endian limbs.</summary>
    public void WriteCanonicalLimbs(Span<ulong> dest6)
    {
        if (dest6.Length < 6) throw new ArgumentException("destination must hold 6 limbs", nameof(dest6));
        var c = FromMontgomery();
        dest6[0] = c.L0; dest6[1] = c.L1; dest6[2] = c.L2; dest6[3] = c.L3; dest6[4] = c.L4; dest6[5] = c.L5;
    }

    /// <summary>
    /// Parses a 48-byte big-endian integer. False when the length is not 48 or the value is not
    /// canonical (≥ p).
    /// </summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes48, out Fp value)
    {
        value = default;
        if (bytes48.Length != 48) return false;
        ulong l5 = BinaryPrimitives.ReadUInt64BigEndian(bytes48);
        ulong l4 = BinaryPrimitives.ReadUInt64BigEndian(bytes48[8..]);
        ulong l3 = BinaryPrimitives.ReadUInt64BigEndian(bytes48[16..]);
        ulong l2 = BinaryPrimitives.ReadUInt64BigEndian(bytes48[24..]);
        ulong l1 = BinaryPrimitives.ReadUInt64BigEndian(bytes48[32..]);
        ulong l0 = BinaryPrimitives.ReadUInt64BigEndian(bytes48[40..]);
        if (!LessThanModulus(l0, l1, l2, l3, l4, l5)) return false;
        value = Mul(new Fp(l0, l1, l2, l3, l4, l5), RSquared);
        return true;
    }

    /// <summary>Parses a 48-byte big-endian integer; throws <see cref="FormatException"/> on a wrong length or a value ≥ p.</summary>
    public static Fp FromBytes(ReadOnlySpan<byte> bytes48)
    {
        if (bytes48.Length != 48) throw new FormatException($"a base field element is 48 bytes, got {bytes48.Length}");
        if (!TryFromBytes(bytes48, out var v)) throw new FormatException("base field element is not canonical (≥ p)");
        return v;
    }

    /// <summary>Writes the canonical value as 48 big-endian bytes.</summary>
    public void ToBytes(Span<byte> dest48)
    {
        if (dest48.Length < 48) throw new ArgumentException("destination must hold 48 bytes", nameof(dest48));
        var c = FromMontgomery();
        BinaryPrimitives.WriteUInt64BigEndian(dest48, c.L5);
        BinaryPrimitives.WriteUInt64BigEndian(dest48[8..], c.L4);
        BinaryPrimitives.WriteUInt64BigEndian(dest48[16..], c.L3);
        BinaryPrimitives.WriteUInt64BigEndian(dest48[24..], c.L2);
        BinaryPrimitives.WriteUInt64BigEndian(dest48[32..], c.L1);
        BinaryPrimitives.WriteUInt64BigEndian(dest48[40..], c.L0);
    }

    /// <summary>The canonical value as 48 big-endian bytes.</summary>
    public byte[] ToBytes()
    {
        var b = new byte[48];
        ToBytes(b);
        return b;
    }

    /// <summary>The canonical value as an <see cref="Fp"/> whose limbs are the plain integer (not Montgomery form).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Fp FromMontgomery() => Mul(this, new Fp(1, 0, 0, 0, 0, 0));

    /// <summary>
    /// The ZCash / IETF "sign" used by point compression: true when the canonical value is greater
    /// than (p − 1)/2, i.e. lexicographically the larger of y and −y.
    /// </summary>
    public bool IsLexicographicallyLargest
    {
        get
        {
            var c = FromMontgomery();
            // (p − 1)/2, little-endian.
            const ulong H0 = 0xdcff7fffffffd555UL, H1 = 0x0f55ffff58a9ffffUL, H2 = 0xb39869507b587b12UL,
                        H3 = 0xb23ba5c279c2895fUL, H4 = 0x258dd3db21a5d66bUL, H5 = 0x0d0088f51cbff34dUL;
            ulong br = 0;
            SubB(H0, c.L0, ref br); SubB(H1, c.L1, ref br); SubB(H2, c.L2, ref br);
            SubB(H3, c.L3, ref br); SubB(H4, c.L4, ref br); SubB(H5, c.L5, ref br);
            return br != 0; // (p − 1)/2 − c borrows ⇔ c > (p − 1)/2
        }
    }

    /// <summary>True when the canonical value is odd (the "sgn0" of hash-to-curve).</summary>
    public bool IsOdd => (FromMontgomery().L0 & 1) != 0;

    // ---------------------------------------------------------------- additive operations

    /// <summary>Sum modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Add(in Fp a, in Fp b)
    {
        // a + b < 2p < 2^382: no carry out of the top limb.
        ulong c = 0;
        ulong s0 = AddC(a.L0, b.L0, ref c);
        ulong s1 = AddC(a.L1, b.L1, ref c);
        ulong s2 = AddC(a.L2, b.L2, ref c);
        ulong s3 = AddC(a.L3, b.L3, ref c);
        ulong s4 = AddC(a.L4, b.L4, ref c);
        ulong s5 = a.L5 + b.L5 + c;
        return ReduceOnce(s0, s1, s2, s3, s4, s5);
    }

    /// <summary>The curve formulas' sum before a product: <see cref="AddUnreduced"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static Fp ICurveField<Fp>.AddForProduct(in Fp a, in Fp b) => AddUnreduced(a, b);

    /// <summary>
    /// a + b without the final reduction: the result is below 2p but possibly not below p, so it is
    /// NOT a valid <see cref="Fp"/> for comparison, encoding or addition. Its only permitted use is
    /// as an operand of <see cref="Mul"/> or <see cref="Square(in Fp)"/>, which accept operands below 2p
    /// (a·b &lt; 4p² &lt; p·2^384 keeps the Montgomery result below 2p before their final
    /// subtraction, and the no-carry bound holds since 2p &lt; 2^382) and return a reduced element.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp AddUnreduced(in Fp a, in Fp b)
    {
        ulong c = 0;
        ulong s0 = AddC(a.L0, b.L0, ref c);
        ulong s1 = AddC(a.L1, b.L1, ref c);
        ulong s2 = AddC(a.L2, b.L2, ref c);
        ulong s3 = AddC(a.L3, b.L3, ref c);
        ulong s4 = AddC(a.L4, b.L4, ref c);
        ulong s5 = a.L5 + b.L5 + c;
        return new Fp(s0, s1, s2, s3, s4, s5);
    }

    /// <summary>Difference modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Sub(in Fp a, in Fp b)
    {
        ulong br = 0;
        ulong d0 = SubB(a.L0, b.L0, ref br);
        ulong d1 = SubB(a.L1, b.L1, ref br);
        ulong d2 = SubB(a.L2, b.L2, ref br);
        ulong d3 = SubB(a.L3, b.L3, ref br);
        ulong d4 = SubB(a.L4, b.L4, ref br);
        ulong d5 = SubB(a.L5, b.L5, ref br);
        // Add p back when the subtraction borrowed (mask is all ones then), without a branch.
        ulong m = 0UL - br;
        ulong c = 0;
        d0 = AddC(d0, P0 & m, ref c);
        d1 = AddC(d1, P1 & m, ref c);
        d2 = AddC(d2, P2 & m, ref c);
        d3 = AddC(d3, P3 & m, ref c);
        d4 = AddC(d4, P4 & m, ref c);
        d5 = d5 + (P5 & m) + c;
        return new Fp(d0, d1, d2, d3, d4, d5);
    }

    /// <summary>Twice the element, modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Double(in Fp a)
    {
        ulong s0 = a.L0 << 1;
        ulong s1 = (a.L1 << 1) | (a.L0 >> 63);
        ulong s2 = (a.L2 << 1) | (a.L1 >> 63);
        ulong s3 = (a.L3 << 1) | (a.L2 >> 63);
        ulong s4 = (a.L4 << 1) | (a.L3 >> 63);
        ulong s5 = (a.L5 << 1) | (a.L4 >> 63);
        return ReduceOnce(s0, s1, s2, s3, s4, s5);
    }

    /// <summary>The additive inverse modulo p (zero stays zero).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp Negate(in Fp a)
    {
        ulong br = 0;
        ulong d0 = SubB(P0, a.L0, ref br);
        ulong d1 = SubB(P1, a.L1, ref br);
        ulong d2 = SubB(P2, a.L2, ref br);
        ulong d3 = SubB(P3, a.L3, ref br);
        ulong d4 = SubB(P4, a.L4, ref br);
        ulong d5 = SubB(P5, a.L5, ref br);
        // p − 0 = p must map to 0: clear everything when a is zero.
        ulong m = (a.L0 | a.L1 | a.L2 | a.L3 | a.L4 | a.L5) == 0 ? 0UL : ~0UL;
        return new Fp(d0 & m, d1 & m, d2 & m, d3 & m, d4 & m, d5 & m);
    }

    /// <summary>Sum modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b) => Add(a, b);

    /// <summary>Difference modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b) => Sub(a, b);

    /// <summary>Additive inverse modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a) => Negate(a);

    /// <summary>Product modulo p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator *(in Fp a, in Fp b) => Mul(a, b);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Fp a, in Fp b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Fp a, in Fp b) => !a.Equals(b);

    /// <summary>This element squared.</summary>
    public Fp Square() => Square(this);

    /// <summary>This element doubled.</summary>
    public Fp Double() => Double(this);

    /// <summary>This element times a small integer (by repeated doubling and addition).</summary>
    public static Fp MulSmall(in Fp a, uint k)
    {
        Fp acc = Zero;
        Fp b = a;
        while (k != 0)
        {
            if ((k & 1) != 0) acc = Add(acc, b);
            k >>= 1;
            if (k != 0) b = Double(b);
        }
        return acc;
    }

    // ---------------------------------------------------------------- equality

    /// <inheritdoc />
    public bool Equals(Fp other) =>
        ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3) | (L4 ^ other.L4) | (L5 ^ other.L5)) == 0;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3, L4, L5);

    /// <summary>0x-prefixed big-endian hex of the canonical value.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToBytes());

    // ---------------------------------------------------------------- limb helpers

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool LessThanModulus(ulong l0, ulong l1, ulong l2, ulong l3, ulong l4, ulong l5)
    {
        ulong br = 0;
        SubB(l0, P0, ref br); SubB(l1, P1, ref br); SubB(l2, P2, ref br);
        SubB(l3, P3, ref br); SubB(l4, P4, ref br); SubB(l5, P5, ref br);
        return br != 0;
    }

    /// <summary>Reduces a value below 2p to below p (branch-free select).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp ReduceOnce(ulong s0, ulong s1, ulong s2, ulong s3, ulong s4, ulong s5)
    {
        ulong br = 0;
        ulong d0 = SubB(s0, P0, ref br);
        ulong d1 = SubB(s1, P1, ref br);
        ulong d2 = SubB(s2, P2, ref br);
        ulong d3 = SubB(s3, P3, ref br);
        ulong d4 = SubB(s4, P4, ref br);
        ulong d5 = SubB(s5, P5, ref br);
        // br = 1: s < p, keep s; br = 0: take s − p.
        ulong keep = 0UL - br;
        return new Fp(d0 ^ ((s0 ^ d0) & keep), d1 ^ ((s1 ^ d1) & keep), d2 ^ ((s2 ^ d2) & keep),
                      d3 ^ ((s3 ^ d3) & keep), d4 ^ ((s4 ^ d4) & keep), d5 ^ ((s5 ^ d5) & keep));
    }

    /// <summary>a + b + carry (carry ∈ {0, 1}); the carry out is the majority bit of a, b and ¬sum.</summary>
    /// <remarks>
    /// The JIT has no add-with-carry; this flag-free bit formula measured slightly faster than two
    /// compare-and-set sequences.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong AddC(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b + carry;
        carry = ((a & b) | ((a | b) & ~s)) >> 63;
        return s;
    }

    /// <summary>a − b − borrow (borrow ∈ {0, 1}); the borrow out from the top bits of a, b and the difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong SubB(ulong a, ulong b, ref ulong borrow)
    {
        ulong d = a - b - borrow;
        borrow = ((~a & b) | (~(a ^ b) & d)) >> 63;
        return d;
    }
}
