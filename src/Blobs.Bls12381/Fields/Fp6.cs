using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// An element c0 + c1·v + c2·v² of Fp6 = Fp2[v]/(v³ − ξ), ξ = 1 + u: the middle level of the
/// BLS12-381 tower Fp ⊂ Fp2 ⊂ Fp6 ⊂ Fp12.
/// </summary>
/// <remarks>
/// Multiplication is Karatsuba over Fp2 (six Fp2 products), squaring is Chung–Hasan's SQR2 (two
/// products and three squares). The sparse products <see cref="MulBy01"/> and <see cref="MulBy1"/>
/// serve the Miller loop, whose line functions have only a few non-zero coefficients.
/// </remarks>
public readonly partial struct Fp6 : IEquatable<Fp6>
{
    /// <summary>The coefficient of 1.</summary>
    public readonly Fp2 C0;

    /// <summary>The coefficient of v.</summary>
    public readonly Fp2 C1;

    /// <summary>The coefficient of v².</summary>
    public readonly Fp2 C2;

    /// <summary>Builds c0 + c1·v + c2·v².</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp6(in Fp2 c0, in Fp2 c1, in Fp2 c2)
    {
        C0 = c0; C1 = c1; C2 = c2;
    }

    /// <summary>The additive identity.</summary>
    public static Fp6 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp6 One => new(Fp2.One, Fp2.Zero, Fp2.Zero);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero && C2.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero && C2.IsZero;

    // ---------------------------------------------------------------- additive operations

    /// <summary>Sum.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Add(in Fp6 a, in Fp6 b) => new(Fp2.Add(a.C0, b.C0), Fp2.Add(a.C1, b.C1), Fp2.Add(a.C2, b.C2));

    /// <summary>Difference.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Sub(in Fp6 a, in Fp6 b) => new(Fp2.Sub(a.C0, b.C0), Fp2.Sub(a.C1, b.C1), Fp2.Sub(a.C2, b.C2));

    /// <summary>Twice the element.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Double(in Fp6 a) => new(Fp2.Double(a.C0), Fp2.Double(a.C1), Fp2.Double(a.C2));

    /// <summary>Additive inverse.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 Negate(in Fp6 a) => new(Fp2.Negate(a.C0), Fp2.Negate(a.C1), Fp2.Negate(a.C2));

    /// <summary>
    /// Product with v (the non-residue that builds Fp12 over Fp6): (c0, c1, c2) ↦ (ξ·c2, c0, c1),
    /// because v³ = ξ. Costs one Fp2 addition and one subtraction.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp6 MulByNonResidue(in Fp6 a) => new(Fp2.MulByNonResidue(a.C2), a.C0, a.C1);

    /// <summary>Product with an Fp2 element (three Fp2 products).</summary>
    public static Fp6 MulByFp2(in Fp6 a, in Fp2 b) => new(Fp2.Mul(a.C0, b), Fp2.Mul(a.C1, b), Fp2.Mul(a.C2, b));

    // ---------------------------------------------------------------- multiplicative operations

    /// <summary>Product: Karatsuba over Fp2, six Fp2 multiplications.</summary>
    public static Fp6 Mul(in Fp6 a, in Fp6 b)
    {
        // v0 = a0·b0, v1 = a1·b1, v2 = a2·b2;
        // c0 = v0 + ξ·((a1 + a2)(b1 + b2) − v1 − v2)
        // c1 = (a0 + a1)(b0 + b1) − v0 − v1 + ξ·v2
        // c2 = (a0 + a2)(b0 + b2) − v0 − v2 + v1
        Fp2 v0 = Fp2.Mul(a.C0, b.C0);
        Fp2 v1 = Fp2.Mul(a.C1, b.C1);
        Fp2 v2 = Fp2.Mul(a.C2, b.C2);
        Fp2 t0 = Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C1, a.C2), Fp2.Add(b.C1, b.C2)), v1), v2);
        Fp2 t1 = Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C1), Fp2.Add(b.C0, b.C1)), v0), v1);
        Fp2 t2 = Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C2), Fp2.Add(b.C0, b.C2)), v0);
        return new Fp6(
            Fp2.Add(v0, Fp2.MulByNonResidue(t0)),
            Fp2.Add(t1, Fp2.MulByNonResidue(v2)),
            Fp2.Add(Fp2.Sub(t2, v2), v1));
    }

    /// <summary>Square: Chung–Hasan SQR2, two Fp2 products and three Fp2 squares.</summary>
    public static Fp6 Square(in Fp6 a)
    {
        // s0 = a0², s1 = 2·a0·a1, s2 = (a0 − a1 + a2)², s3 = 2·a1·a2, s4 = a2²;
        // c0 = s0 + ξ·s3, c1 = s1 + ξ·s4, c2 = s1 + s2 + s3 − s0 − s4.
        Fp2 s0 = Fp2.Square(a.C0);
        Fp2 s1 = Fp2.Double(Fp2.Mul(a.C0, a.C1));
        Fp2 s2 = Fp2.Square(Fp2.Add(Fp2.Sub(a.C0, a.C1), a.C2));
        Fp2 s3 = Fp2.Double(Fp2.Mul(a.C1, a.C2));
        Fp2 s4 = Fp2.Square(a.C2);
        return new Fp6(
            Fp2.Add(s0, Fp2.MulByNonResidue(s3)),
            Fp2.Add(s1, Fp2.MulByNonResidue(s4)),
            Fp2.Sub(Fp2.Sub(Fp2.Add(Fp2.Add(s1, s2), s3), s0), s4));
    }

    /// <summary>
    /// Product with the sparse element b0 + b1·v (five Fp2 multiplications), the shape of a line
    /// function's Fp6 half in the Miller loop.
    /// </summary>
    public static Fp6 MulBy01(in Fp6 a, in Fp2 b0, in Fp2 b1)
    {
        // (a0 + a1·v + a2·v²)(b0 + b1·v) = a0b0 + ξ·a2b1 + ((a0 + a1)(b0 + b1) − a0b0 − a1b1)·v + (a2b0 + a1b1)·v²
        Fp2 v0 = Fp2.Mul(a.C0, b0);
        Fp2 v1 = Fp2.Mul(a.C1, b1);
        Fp2 c0 = Fp2.Add(v0, Fp2.MulByNonResidue(Fp2.Mul(a.C2, b1)));
        Fp2 c1 = Fp2.Sub(Fp2.Sub(Fp2.Mul(Fp2.Add(a.C0, a.C1), Fp2.Add(b0, b1)), v0), v1);
        Fp2 c2 = Fp2.Add(Fp2.Mul(a.C2, b0), v1);
        return new Fp6(c0, c1, c2);
    }

    /// <summary>Product with the sparse element b1·v (three Fp2 multiplications).</summary>
    public static Fp6 MulBy1(in Fp6 a, in Fp2 b1)
    {
        // (a0 + a1·v + a2·v²)·b1·v = ξ·a2b1 + a0b1·v + a1b1·v²
        return new Fp6(Fp2.MulByNonResidue(Fp2.Mul(a.C2, b1)), Fp2.Mul(a.C0, b1), Fp2.Mul(a.C1, b1));
    }

    /// <summary>The multiplicative inverse; zero maps to zero.</summary>
    public static Fp6 Inverse(in Fp6 a)
    {
        // The adjugate: t0 = a0² − ξ·a1a2, t1 = ξ·a2² − a0a1, t2 = a1² − a0a2, so that
        // a·(t0 + t1·v + t2·v²) = a0t0 + ξ·(a2t1 + a1t2), an element of Fp2.
        Fp2 t0 = Fp2.Sub(Fp2.Square(a.C0), Fp2.MulByNonResidue(Fp2.Mul(a.C1, a.C2)));
        Fp2 t1 = Fp2.Sub(Fp2.MulByNonResidue(Fp2.Square(a.C2)), Fp2.Mul(a.C0, a.C1));
        Fp2 t2 = Fp2.Sub(Fp2.Square(a.C1), Fp2.Mul(a.C0, a.C2));
        Fp2 d = Fp2.Add(Fp2.Mul(a.C0, t0), Fp2.MulByNonResidue(Fp2.Add(Fp2.Mul(a.C2, t1), Fp2.Mul(a.C1, t2))));
        Fp2 dInv = Fp2.Inverse(d);
        return new Fp6(Fp2.Mul(t0, dInv), Fp2.Mul(t1, dInv), Fp2.Mul(t2, dInv));
    }

    // ---------------------------------------------------------------- operators and equality

    /// <summary>Sum.</summary>
    public static Fp6 operator +(in Fp6 a, in Fp6 b) => Add(a, b);

    /// <summary>Difference.</summary>
    public static Fp6 operator -(in Fp6 a, in Fp6 b) => Sub(a, b);

    /// <summary>Additive inverse.</summary>
    public static Fp6 operator -(in Fp6 a) => Negate(a);

    /// <summary>Product.</summary>
    public static Fp6 operator *(in Fp6 a, in Fp6 b) => Mul(a, b);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Fp6 a, in Fp6 b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Fp6 a, in Fp6 b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(Fp6 other) => C0.Equals(other.C0) && C1.Equals(other.C1) && C2.Equals(other.C2);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp6 f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1, C2);

    /// <summary>"(c0) + (c1)·v + (c2)·v²".</summary>
    public override string ToString() => $"({C0}) + ({C1})·v + ({C2})·v²";
}
