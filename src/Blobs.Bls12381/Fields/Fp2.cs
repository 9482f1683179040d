using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// An element c0 + c1·u of Fp2 = Fp[u]/(u² + 1), the field of the G2 coordinates.
/// </summary>
public readonly struct Fp2 : IEquatable<Fp2>, ICurveField<Fp2>
{
    /// <summary>The real part.</summary>
    public readonly Fp C0;

    /// <summary>The coefficient of u.</summary>
    public readonly Fp C1;

    /// <summary>Builds c0 + c1·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2(in Fp c0, in Fp c1)
    {
        C0 = c0; C1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fp2 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero;

    /// <summary>
    /// Parses the 96-byte big-endian encoding used by ZCash-style G2 serialization: c1 first, then c0,
    /// 48 bytes each. False on another length or when either half is not canonical (≥ p).
    /// </summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes96, out Fp2 value)
    {
        value = default;
        if (bytes96.Length != 96) return false;
        if (!Fp.TryFromBytes(bytes96[..48], out var c1) || !Fp.TryFromBytes(bytes96[48..], out var c0)) return false;
        value = new Fp2(c0, c1);
        return true;
    }

    /// <summary>Writes c1 then c0, 48 big-endian bytes each.</summary>
    public void ToBytes(Span<byte> dest96)
    {
        if (dest96.Length < 96) throw new ArgumentException("destination must hold 96 bytes", nameof(dest96));
        C1.ToBytes(dest96[..48]);
        C0.ToBytes(dest96.Slice(48, 48));
    }

    // ---------------------------------------------------------------- arithmetic

    /// <summary>Sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Add(in Fp2 a, in Fp2 b) => new(Fp.Add(a.C0, b.C0), Fp.Add(a.C1, b.C1));

    /// <summary>Sum as an operand of a product (Fp2 sums are always reduced).</summary>
    static Fp2 ICurveField<Fp2>.AddForProduct(in Fp2 a, in Fp2 b) => Add(a, b);

    /// <summary>Difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Sub(in Fp2 a, in Fp2 b) => new(Fp.Sub(a.C0, b.C0), Fp.Sub(a.C1, b.C1));

    /// <summary>Twice the element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Double(in Fp2 a) => new(Fp.Double(a.C0), Fp.Double(a.C1));

    /// <summary>Additive inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Negate(in Fp2 a) => new(Fp.Negate(a.C0), Fp.Negate(a.C1));

    /// <summary>Complex conjugate c0 − c1·u (which is also the Frobenius map x ↦ x^p).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 Conjugate(in Fp2 a) => new(a.C0, Fp.Negate(a.C1));

    /// <summary>The Frobenius map x ↦ x^(p^power): the conjugate for odd powers, the identity for even ones.</summary>
    public static Fp2 Frobenius(in Fp2 a, int power) => (power & 1) == 0 ? a : Conjugate(a);

    /// <summary>Product, Karatsuba with lazy reduction: three 768-bit products, two reductions.</summary>
    public static Fp2 Mul(in Fp2 a, in Fp2 b)
    {
        // (a0 + a1·u)(b0 + b1·u) = (a0·b0 − a1·b1) + ((a0 + a1)(b0 + b1) − a0·b0 − a1·b1)·u
        // 1. Unreduced products: v0, v1 < p², s < 4p² (its operands are unreduced sums below 2p).
        FpWide v0 = FpWide.MulWide(a.C0, b.C0);
        FpWide v1 = FpWide.MulWide(a.C1, b.C1);
        FpWide s = FpWide.MulWide(Fp.AddUnreduced(a.C0, a.C1), Fp.AddUnreduced(b.C0, b.C1));
        // 2. c0 = v0 − v1 (+ p·2^384 if negative) and c1 = s − v0 − v1 = a0·b1 + a1·b0 < 2p², both
        //    below p·2^384, so one Montgomery reduction each.
        Fp c0 = FpWide.Reduce(FpWide.SubModPR(v0, v1));
        Fp c1 = FpWide.Reduce(FpWide.SubModPR(FpWide.SubModPR(s, v0), v1));
        return new Fp2(c0, c1);
    }

    /// <summary>Product, Karatsuba over three full base-field multiplications (reference for <see cref="Mul"/>).</summary>
    internal static Fp2 MulKaratsuba(in Fp2 a, in Fp2 b)
    {
        Fp v0 = Fp.Mul(a.C0, b.C0);
        Fp v1 = Fp.Mul(a.C1, b.C1);
        Fp s = Fp.Mul(Fp.AddUnreduced(a.C0, a.C1), Fp.AddUnreduced(b.C0, b.C1));
        return new Fp2(Fp.Sub(v0, v1), Fp.Sub(Fp.Sub(s, v0), v1));
    }

    /// <summary>Square, complex method: two base-field multiplications.</summary>
    public static Fp2 Square(in Fp2 a)
    {
        // (a0 + a1·u)² = (a0 + a1)(a0 − a1) + 2·a0·a1·u
        Fp c0 = Fp.Mul(Fp.AddUnreduced(a.C0, a.C1), Fp.Sub(a.C0, a.C1));
        Fp c1 = Fp.Mul(a.C0, a.C1);
        return new Fp2(c0, Fp.Double(c1));
    }

    /// <summary>Product with a base-field element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByFp(in Fp2 a, in Fp b) => new(Fp.Mul(a.C0, b), Fp.Mul(a.C1, b));

    /// <summary>Product with the non-residue ξ = 1 + u used to build Fp6: (a0 − a1) + (a0 + a1)·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 MulByNonResidue(in Fp2 a) => new(Fp.Sub(a.C0, a.C1), Fp.Add(a.C0, a.C1));

    /// <summary>The norm a0² + a1² (an element of Fp).</summary>
    public static Fp Norm(in Fp2 a) => Fp.Add(Fp.Square(a.C0), Fp.Square(a.C1));

    /// <summary>Multiplicative inverse: conj(a) / norm(a); zero maps to zero.</summary>
    public static Fp2 Inverse(in Fp2 a)
    {
        Fp t = Fp.Inverse(Norm(a));
        return new Fp2(Fp.Mul(a.C0, t), Fp.Negate(Fp.Mul(a.C1, t)));
    }

    /// <summary>
    /// Inverts every element in place with Montgomery's trick (one inversion and three
    /// multiplications per element); zeros stay zero.
    /// </summary>
    public static void BatchInverse(Span<Fp2> values) => BatchInversion.Invert(values);

    /// <summary>a raised to a power given as little-endian 64-bit limbs (square and multiply).</summary>
    public static Fp2 Pow(in Fp2 a, ReadOnlySpan<ulong> exponentLimbs)
    {
        Fp2 r = One;
        bool started = false;
        for (int limb = exponentLimbs.Length - 1; limb >= 0; limb--)
        {
            ulong e = exponentLimbs[limb];
            for (int bit = 63; bit >= 0; bit--)
            {
                if (started) r = Square(r);
                if (((e >> bit) & 1) != 0) { r = started ? Mul(r, a) : a; started = true; }
            }
        }
        return r;
    }

    /// <summary>
    /// A square root when one exists (false otherwise), by the "complex method" that reduces to
    /// square roots in Fp: with α = a0² + a1² (the norm, a square in Fp when a is a square in Fp2),
    /// γ = √α and δ = (a0 ± γ)/2 (the sign that makes δ a square), the root is √δ + a1/(2√δ)·u.
    /// The root returned is one of ±√a; callers choose with <see cref="IsLexicographicallyLargest"/>.
    /// </summary>
    public static bool Sqrt(in Fp2 a, out Fp2 root)
    {
        root = default;
        if (a.C1.IsZero)
        {
            // a ∈ Fp: either √a0 ∈ Fp, or −a0 is a square (−1 is not) and √a = √(−a0)·u.
            if (Fp.Sqrt(a.C0, out var s)) { root = new Fp2(s, Fp.Zero); return true; }
            if (!Fp.Sqrt(Fp.Negate(a.C0), out s)) return false;
            root = new Fp2(Fp.Zero, s);
            return true;
        }
        // 1. γ = √(a0² + a1²).
        if (!Fp.Sqrt(Norm(a), out var gamma)) return false;
        // 2. δ = (a0 + γ)/2, or (a0 − γ)/2 when the first is not a square.
        Fp delta = Fp.Mul(Fp.Add(a.C0, gamma), TwoInverse);
        if (!Fp.Sqrt(delta, out var x0))
        {
            delta = Fp.Mul(Fp.Sub(a.C0, gamma), TwoInverse);
            if (!Fp.Sqrt(delta, out x0)) return false;
        }
        // 3. x1 = a1 / (2·x0); x0 ≠ 0 because a1 ≠ 0.
        Fp x1 = Fp.Mul(a.C1, Fp.Inverse(Fp.Double(x0)));
        root = new Fp2(x0, x1);
        return Square(root).Equals(a);
    }

    /// <summary>True when the element is a square in Fp2 (exactly when its norm is a square in Fp).</summary>
    public static bool IsSquare(in Fp2 a) => Fp.IsSquare(Norm(a));

    /// <summary>The Montgomery form of 1/2 (2^383 mod p).</summary>
    private static Fp TwoInverse => new(0x1804000000015554UL, 0x855000053ab00001UL, 0x633cb57c253c276fUL,
                                        0x6e22d1ec31ebb502UL, 0xd3916126f2d14ca2UL, 0x17fbb8571a006596UL);

    /// <summary>
    /// The ZCash serialization "sign" of a G2 y-coordinate: compares y with −y lexicographically,
    /// c1 first: c1 &gt; (p−1)/2, or c1 = 0 and c0 &gt; (p−1)/2.
    /// </summary>
    public bool IsLexicographicallyLargest => C1.IsZero ? C0.IsLexicographicallyLargest : C1.IsLexicographicallyLargest;

    /// <summary>Sum.</summary>
    public static Fp2 operator +(in Fp2 a, in Fp2 b) => Add(a, b);

    /// <summary>Difference.</summary>
    public static Fp2 operator -(in Fp2 a, in Fp2 b) => Sub(a, b);

    /// <summary>Additive inverse.</summary>
    public static Fp2 operator -(in Fp2 a) => Negate(a);

    /// <summary>Product.</summary>
    public static Fp2 operator *(in Fp2 a, in Fp2 b) => Mul(a, b);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Fp2 a, in Fp2 b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Fp2 a, in Fp2 b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(Fp2 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp2 f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"c0 + c1·u" in hex.</summary>
    public override string ToString() => $"{C0} + {C1}·u";
}
