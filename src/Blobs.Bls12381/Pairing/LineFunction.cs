using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// The G2-dependent part of one Miller loop line function: evaluated at a G1 point P = (xP, yP)
/// the line is ℓ0 + (ℓ1·xP)·w² + (ℓ4·yP)·w³ ∈ Fp12 (up to an Fp2 factor, which the final
/// exponentiation removes).
/// </summary>
internal readonly struct LineFunction
{
    /// <summary>The constant coefficient.</summary>
    public readonly Fp2 L0;

    /// <summary>The coefficient multiplied by xP (at w² = v).</summary>
    public readonly Fp2 L1;

    /// <summary>The coefficient multiplied by yP (at w³ = v·w).</summary>
    public readonly Fp2 L4;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LineFunction(in Fp2 l0, in Fp2 l1, in Fp2 l4)
    {
        L0 = l0; L1 = l1; L4 = l4;
    }

    /// <summary>The line divided by ℓ4 (an Fp2 factor), given 1/ℓ4: ℓ0/ℓ4 + (ℓ1/ℓ4)·xP·w² + yP·w³.</summary>
    public NormalizedLine Normalize(in Fp2 l4Inverse) => new(Fp2.Mul(L0, l4Inverse), Fp2.Mul(L1, l4Inverse));

    // ------------------------------------------------------------------------------------------
    // Derivation. G2 lives on the twist E'(Fp2): y² = x³ + b', b' = 4ξ; the untwisting map
    // (x', y') ↦ (x'·w⁻², y'·w⁻³) sends it into E(Fp12): y² = x³ + 4. A line on E with slope
    // λ = λ'·w⁻¹ (λ' the slope on E') through the image of (x', y') is, at P,
    //   yP − λ'·w⁻¹·xP + (λ'·x' − y')·w⁻³,
    // and times w³: (λ'·x' − y') − λ'·xP·w² + yP·w³. The factor w³ lies in the proper subfield
    // Fp2(w³) = Fp4 (w⁶ = ξ), and so does any Fp2 factor; the final exponentiation sends every
    // element of a proper subfield of Fp12 to 1, so such factors may be dropped or introduced.
    // ------------------------------------------------------------------------------------------

    /// <summary>
    /// Doubling step on T = (X : Y : Z) in homogeneous projective coordinates on E' (Costello–
    /// Lange–Naehrig 2010, with the point scaled by 4 to avoid halvings): returns the tangent line
    /// at T and replaces T by 2T. 3 Fp2 products, 6 Fp2 squares.
    /// </summary>
    public static LineFunction Double(ref Fp2 x, ref Fp2 y, ref Fp2 z)
    {
        // 1. Squares: B = Y², C = Z², E = 3b'·C = 12ξ·Z², F = 3E, I = X².
        Fp2 b = Fp2.Square(y);
        Fp2 c = Fp2.Square(z);
        Fp2 e3 = Fp2.MulByNonResidue(Fp2.Add(Fp2.Double(c), c));     // 3ξ·Z²
        Fp2 e = Fp2.Double(Fp2.Double(e3));                           // 12ξ·Z² = 3b'·Z²
        Fp2 f = Fp2.Add(Fp2.Double(e), e);
        Fp2 i = Fp2.Square(x);
        // 2. H = (Y + Z)² − B − C = 2YZ.
        Fp2 h = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(y, z)), b), c);
        // 3. Tangent: slope λ' = 3X²/(2YZ); times 2YZ·Z and using Y²Z = X³ + b'Z³:
        //    ℓ0 = Y² − 3b'Z² = B − E, ℓ1 = −3X², ℓ4 = 2YZ = H.
        var line = new LineFunction(Fp2.Sub(b, e), Fp2.Negate(Fp2.Add(Fp2.Double(i), i)), h);
        // 4. 2T, scaled by 4: X3 = 2XY(B − F), Y3 = (B + F)² − 12E², Z3 = 4B·H (= 8Y³Z).
        Fp2 xy = Fp2.Mul(x, y);
        Fp2 x3 = Fp2.Double(Fp2.Mul(xy, Fp2.Sub(b, f)));
        Fp2 e2 = Fp2.Square(e);
        Fp2 e2x3 = Fp2.Add(Fp2.Double(e2), e2);
        Fp2 y3 = Fp2.Sub(Fp2.Square(Fp2.Add(b, f)), Fp2.Double(Fp2.Double(e2x3)));
        Fp2 z3 = Fp2.Double(Fp2.Double(Fp2.Mul(b, h)));
        x = x3; y = y3; z = z3;
        return line;
    }

    /// <summary>
    /// Addition step T + Q with Q = (qx, qy) affine, T homogeneous projective: returns the line
    /// through T and Q and replaces T by T + Q. 11 Fp2 products, 2 Fp2 squares.
    /// </summary>
    public static LineFunction Add(ref Fp2 x, ref Fp2 y, ref Fp2 z, in Fp2 qx, in Fp2 qy)
    {
        // 1. θ = Y − qy·Z, λ = X − qx·Z (slope θ/λ).
        Fp2 theta = Fp2.Sub(y, Fp2.Mul(qy, z));
        Fp2 lambda = Fp2.Sub(x, Fp2.Mul(qx, z));
        // 2. The line through Q, times λ: ℓ0 = θ·qx − λ·qy, ℓ1 = −θ, ℓ4 = λ.
        var line = new LineFunction(Fp2.Sub(Fp2.Mul(theta, qx), Fp2.Mul(lambda, qy)), Fp2.Negate(theta), lambda);
        // 3. C = θ², D = λ², E = λ³, F = Z·C, G = X·D, H = E + F − 2G;
        //    X3 = λ·H, Y3 = θ·(G − H) − Y·E, Z3 = Z·E.
        Fp2 cc = Fp2.Square(theta);
        Fp2 d = Fp2.Square(lambda);
        Fp2 e = Fp2.Mul(lambda, d);
        Fp2 f = Fp2.Mul(z, cc);
        Fp2 g = Fp2.Mul(x, d);
        Fp2 h = Fp2.Sub(Fp2.Add(e, f), Fp2.Double(g));
        Fp2 x3 = Fp2.Mul(lambda, h);
        Fp2 y3 = Fp2.Sub(Fp2.Mul(theta, Fp2.Sub(g, h)), Fp2.Mul(y, e));
        Fp2 z3 = Fp2.Mul(z, e);
        x = x3; y = y3; z = z3;
        return line;
    }
}

/// <summary>
/// A line function scaled by 1/ℓ4 so that, evaluated at P and further scaled by 1/yP (an Fp
/// factor), it reads (ℓ0/yP) + (ℓ1·xP/yP)·w² + w³: a sparse Fp12 element with a unit coefficient,
/// multiplied in by <see cref="Fp12.MulByNormalizedLine"/> (10 Fp2 products instead of 13).
/// Both scalings are by elements of proper subfields, which the final exponentiation removes.
/// </summary>
internal readonly struct NormalizedLine
{
    /// <summary>ℓ0/ℓ4.</summary>
    public readonly Fp2 L0;

    /// <summary>ℓ1/ℓ4.</summary>
    public readonly Fp2 L1;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public NormalizedLine(in Fp2 l0, in Fp2 l1)
    {
        L0 = l0; L1 = l1;
    }

    /// <summary>f·ℓ(P)/(ℓ4·yP), given 1/yP and xP/yP.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp12 MulInto(in Fp12 f, in Fp yInverse, in Fp xOverY) =>
        Fp12.MulByNormalizedLine(f, Fp2.MulByFp(L0, yInverse), Fp2.MulByFp(L1, xOverY));
}
