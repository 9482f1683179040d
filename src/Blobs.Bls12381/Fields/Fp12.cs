using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// An element c0 + c1·w of Fp12 = Fp6[w]/(w² − v), the top of the BLS12-381 tower and the field
/// the pairing takes its values in.
/// </summary>
/// <remarks>
/// Seen over Fp2, Fp12 = Fp2[w]/(w⁶ − ξ) with basis 1, w, w², w³, w⁴, w⁵ stored as
/// (c0.c0, c1.c0, c0.c1, c1.c1, c0.c2, c1.c2). The Miller loop's line functions have the sparse
/// shape ℓ0 + ℓ1·w² + ℓ4·w³, multiplied in by <see cref="MulBy014"/>; the final exponentiation
/// works in the cyclotomic subgroup, where <see cref="CyclotomicSquare"/> is cheaper than
/// <see cref="Square"/> and the inverse is the conjugate.
/// </remarks>
public readonly partial struct Fp12 : IEquatable<Fp12>
{
    /// <summary>The Fp6 coefficient of 1.</summary>
    public readonly Fp6 C0;

    /// <summary>The Fp6 coefficient of w.</summary>
    public readonly Fp6 C1;

    /// <summary>Builds c0 + c1·w.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp12(in Fp6 c0, in Fp6 c1)
    {
        C0 = c0; C1 = c1;
    }

    /// <summary>The additive identity.</summary>
    public static Fp12 Zero => default;

    /// <summary>The multiplicative identity.</summary>
    public static Fp12 One => new(Fp6.One, Fp6.Zero);

    /// <summary>True for zero.</summary>
    public bool IsZero => C0.IsZero && C1.IsZero;

    /// <summary>True for one.</summary>
    public bool IsOne => C0.IsOne && C1.IsZero;

    // ---------------------------------------------------------------- additive operations

    /// <summary>Sum.</summary>
    public static Fp12 Add(in Fp12 a, in Fp12 b) => new(Fp6.Add(a.C0, b.C0), Fp6.Add(a.C1, b.C1));

    /// <summary>Difference.</summary>
    public static Fp12 Sub(in Fp12 a, in Fp12 b) => new(Fp6.Sub(a.C0, b.C0), Fp6.Sub(a.C1, b.C1));

    /// <summary>Additive inverse.</summary>
    public static Fp12 Negate(in Fp12 a) => new(Fp6.Negate(a.C0), Fp6.Negate(a.C1));

    /// <summary>
    /// The conjugate c0 − c1·w, which is a^(p⁶). On the cyclotomic subgroup (every pairing value,
    /// and every Miller loop value after the easy part of the final exponentiation) it is the inverse.
    /// </summary>
    public static Fp12 Conjugate(in Fp12 a) => new(a.C0, Fp6.Negate(a.C1));

    // ---------------------------------------------------------------- multiplicative operations

    /// <summary>Product: Karatsuba over Fp6, three Fp6 products (18 Fp2 products).</summary>
    public static Fp12 Mul(in Fp12 a, in Fp12 b)
    {
        // t0 = a0·b0, t1 = a1·b1; c0 = t0 + v·t1, c1 = (a0 + a1)(b0 + b1) − t0 − t1.
        Fp6 t0 = Fp6.Mul(a.C0, b.C0);
        Fp6 t1 = Fp6.Mul(a.C1, b.C1);
        Fp6 s = Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(b.C0, b.C1));
        return new Fp12(Fp6.Add(t0, Fp6.MulByNonResidue(t1)), Fp6.Sub(Fp6.Sub(s, t0), t1));
    }

    /// <summary>Square: the complex method, two Fp6 products.</summary>
    public static Fp12 Square(in Fp12 a)
    {
        // t = a0·a1; c0 = (a0 + a1)(a0 + v·a1) − t − v·t, c1 = 2t.
        Fp6 t = Fp6.Mul(a.C0, a.C1);
        Fp6 s = Fp6.Mul(Fp6.Add(a.C0, a.C1), Fp6.Add(a.C0, Fp6.MulByNonResidue(a.C1)));
        return new Fp12(Fp6.Sub(Fp6.Sub(s, t), Fp6.MulByNonResidue(t)), Fp6.Double(t));
    }

    /// <summary>
    /// Product with the sparse element ℓ0 + ℓ1·v + ℓ4·v·w (coefficients of 1, w² and w³), the
    /// shape of a Miller loop line function: 13 Fp2 products instead of 18.
    /// </summary>
    public static Fp12 MulBy014(in Fp12 a, in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        // (a0 + a1·w)(b0 + b1·w) with b0 = ℓ0 + ℓ1·v, b1 = ℓ4·v:
        // c0 = a0b0 + v·a1b1, c1 = (a0 + a1)(b0 + b1) − a0b0 − a1b1.
        Fp6 aa = Fp6.MulBy01(a.C0, l0, l1);
        Fp6 bb = Fp6.MulBy1(a.C1, l4);
        Fp6 s = Fp6.MulBy01(Fp6.Add(a.C0, a.C1), l0, Fp2.Add(l1, l4));
        return new Fp12(Fp6.Add(aa, Fp6.MulByNonResidue(bb)), Fp6.Sub(Fp6.Sub(s, aa), bb));
    }

    /// <summary>
    /// Product with the sparse element ℓ0 + ℓ1·w² + w³ = (ℓ0 + ℓ1·v) + v·w, a line function scaled so
    /// that its w³ coefficient is 1 (see <see cref="G2Prepared"/>): 10 Fp2 products.
    /// </summary>
    public static Fp12 MulByNormalizedLine(in Fp12 a, in Fp2 l0, in Fp2 l1)
    {
        // (a0 + a1·w)(b0 + v·w), b0 = ℓ0 + ℓ1·v, w² = v:
        // c0 = a0·b0 + v·(a1·v) = a0·b0 + v²·a1, c1 = a0·v + a1·b0.
        Fp6 a0b0 = Fp6.MulBy01(a.C0, l0, l1);
        Fp6 a1b0 = Fp6.MulBy01(a.C1, l0, l1);
        // v²·(x0, x1, x2) = (ξ·x1, ξ·x2, x0); v·(x0, x1, x2) = (ξ·x2, x0, x1).
        var c0 = new Fp6(
            Fp2.Add(a0b0.C0, Fp2.MulByNonResidue(a.C1.C1)),
            Fp2.Add(a0b0.C1, Fp2.MulByNonResidue(a.C1.C2)),
            Fp2.Add(a0b0.C2, a.C1.C0));
        var c1 = new Fp6(
            Fp2.Add(a1b0.C0, Fp2.MulByNonResidue(a.C0.C2)),
            Fp2.Add(a1b0.C1, a.C0.C0),
            Fp2.Add(a1b0.C2, a.C0.C1));
        return new Fp12(c0, c1);
    }

    /// <summary>The multiplicative inverse; zero maps to zero.</summary>
    public static Fp12 Inverse(in Fp12 a)
    {
        // (a0 + a1·w)⁻¹ = (a0 − a1·w) / (a0² − v·a1²).
        Fp6 d = Fp6.Sub(Fp6.Square(a.C0), Fp6.MulByNonResidue(Fp6.Square(a.C1)));
        Fp6 dInv = Fp6.Inverse(d);
        return new Fp12(Fp6.Mul(a.C0, dInv), Fp6.Negate(Fp6.Mul(a.C1, dInv)));
    }

    /// <summary>a raised to a power given as little-endian 64-bit limbs (square and multiply; any element).</summary>
    public static Fp12 Pow(in Fp12 a, ReadOnlySpan<ulong> exponentLimbs)
    {
        Fp12 r = One;
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

    // ---------------------------------------------------------------- operators and equality

    /// <summary>Sum.</summary>
    public static Fp12 operator +(in Fp12 a, in Fp12 b) => Add(a, b);

    /// <summary>Difference.</summary>
    public static Fp12 operator -(in Fp12 a, in Fp12 b) => Sub(a, b);

    /// <summary>Additive inverse.</summary>
    public static Fp12 operator -(in Fp12 a) => Negate(a);

    /// <summary>Product.</summary>
    public static Fp12 operator *(in Fp12 a, in Fp12 b) => Mul(a, b);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Fp12 a, in Fp12 b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Fp12 a, in Fp12 b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(Fp12 other) => C0.Equals(other.C0) && C1.Equals(other.C1);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Fp12 f && Equals(f);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(C0, C1);

    /// <summary>"[c0] + [c1]·w".</summary>
    public override string ToString() => $"[{C0}] + [{C1}]·w";
}
