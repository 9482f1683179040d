using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// The Jacobian-coordinate formulas of a short-Weierstrass curve y² = x³ + b (a = 0), written once for both groups:
/// G1 over <see cref="Fp"/> (<see cref="G1Jacobian"/>) and G2 over <see cref="Fp2"/> (<see cref="G2Jacobian"/>).
/// (X, Y, Z) stands for the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity, written (1, 1, 0).
/// </summary>
/// <remarks>
/// Explicit-Formulas Database (EFD), "g1p/auto/shortw/jacobian-0": <c>dbl-2009-l</c> (2M + 5S),
/// <c>madd-2007-bl</c> (7M + 4S), <c>add-2007-bl</c> (11M + 5S); M and S are products and squarings in
/// <typeparamref name="TField"/>. The cases those formulas exclude (an operand at infinity, P + P, P + (−P)) are
/// dispatched here or by the callers as documented. Not constant-time.
/// </remarks>
/// <typeparam name="TField">The coordinate field.</typeparam>
internal static class JacobianFormulas<TField> where TField : struct, ICurveField<TField>
{
    /// <summary>(X3, Y3, Z3) = 2·(X1, Y1, Z1), dbl-2009-l; infinity stays infinity (Z3 = 2·Y1·Z1 = 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Double(in TField x1, in TField y1, in TField z1, out TField x3, out TField y3, out TField z3)
    {
        TField a = TField.Square(x1);                                          // A = X1²
        TField b = TField.Square(y1);                                          // B = Y1²
        TField c = TField.Square(b);                                           // C = B²
        TField d = TField.Double(TField.Sub(TField.Sub(TField.Square(TField.AddForProduct(x1, b)), a), c)); // D = 2((X1 + B)² − A − C)
        TField e = TField.Add(TField.Double(a), a);                            // E = 3A
        TField f = TField.Square(e);                                           // F = E²
        TField x = TField.Sub(f, TField.Double(d));                            // X3 = F − 2D
        TField c8 = TField.Double(TField.Double(TField.Double(c)));
        y3 = TField.Sub(TField.Mul(e, TField.Sub(d, x)), c8);                  // Y3 = E(D − X3) − 8C
        z3 = TField.Double(TField.Mul(y1, z1));                                // Z3 = 2·Y1·Z1
        x3 = x;
    }

    /// <summary>
    /// (X1, Y1, Z1) + (x2, y2) for an affine, finite second operand and a finite first one (Z1 ≠ 0), madd-2007-bl;
    /// P = Q is doubled, P = −Q gives infinity.
    /// </summary>
    public static void AddMixed(in TField x1, in TField y1, in TField z1, in TField x2, in TField y2,
        out TField x3, out TField y3, out TField z3)
    {
        TField z1z1 = TField.Square(z1);                                       // Z1Z1 = Z1²
        TField u2 = TField.Mul(x2, z1z1);                                      // U2 = X2·Z1Z1
        TField s2 = TField.Mul(y2, TField.Mul(z1, z1z1));                      // S2 = Y2·Z1·Z1Z1
        TField h = TField.Sub(u2, x1);                                         // H = U2 − X1
        TField r = TField.Double(TField.Sub(s2, y1));                          // r = 2(S2 − Y1)
        if (h.IsZero)
        {
            if (r.IsZero) Double(x1, y1, z1, out x3, out y3, out z3);          // P = Q
            else Infinity(out x3, out y3, out z3);                             // P = −Q
            return;
        }
        TField hh = TField.Square(h);                                          // HH = H²
        TField i = TField.Double(TField.Double(hh));                           // I = 4·HH
        TField j = TField.Mul(h, i);                                           // J = H·I
        TField v = TField.Mul(x1, i);                                          // V = X1·I
        TField x = TField.Sub(TField.Sub(TField.Square(r), j), TField.Double(v)); // X3 = r² − J − 2V
        y3 = TField.Sub(TField.Mul(r, TField.Sub(v, x)), TField.Double(TField.Mul(y1, j))); // Y3 = r(V − X3) − 2·Y1·J
        z3 = TField.Sub(TField.Sub(TField.Square(TField.AddForProduct(z1, h)), z1z1), hh); // Z3 = (Z1 + H)² − Z1Z1 − HH
        x3 = x;
    }

    /// <summary>
    /// (X1, Y1, Z1) + (X2, Y2, Z2) for two finite operands (Z1, Z2 ≠ 0), add-2007-bl; P = Q is doubled, P = −Q gives
    /// infinity.
    /// </summary>
    public static void Add(in TField x1, in TField y1, in TField z1, in TField x2, in TField y2, in TField z2,
        out TField x3, out TField y3, out TField z3)
    {
        TField z1z1 = TField.Square(z1);                                       // Z1Z1 = Z1²
        TField z2z2 = TField.Square(z2);                                       // Z2Z2 = Z2²
        TField u1 = TField.Mul(x1, z2z2);                                      // U1 = X1·Z2Z2
        TField u2 = TField.Mul(x2, z1z1);                                      // U2 = X2·Z1Z1
        TField s1 = TField.Mul(y1, TField.Mul(z2, z2z2));                      // S1 = Y1·Z2·Z2Z2
        TField s2 = TField.Mul(y2, TField.Mul(z1, z1z1));                      // S2 = Y2·Z1·Z1Z1
        TField h = TField.Sub(u2, u1);                                         // H = U2 − U1
        TField r = TField.Double(TField.Sub(s2, s1));                          // r = 2(S2 − S1)
        if (h.IsZero)
        {
            if (r.IsZero) Double(x1, y1, z1, out x3, out y3, out z3);
            else Infinity(out x3, out y3, out z3);
            return;
        }
        TField i = TField.Square(TField.Double(h));                            // I = (2H)²
        TField j = TField.Mul(h, i);                                           // J = H·I
        TField v = TField.Mul(u1, i);                                          // V = U1·I
        TField x = TField.Sub(TField.Sub(TField.Square(r), j), TField.Double(v)); // X3 = r² − J − 2V
        y3 = TField.Sub(TField.Mul(r, TField.Sub(v, x)), TField.Double(TField.Mul(s1, j))); // Y3 = r(V − X3) − 2·S1·J
        z3 = TField.Mul(TField.Sub(TField.Sub(TField.Square(TField.AddForProduct(z1, z2)), z1z1), z2z2), h); // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        x3 = x;
    }

    /// <summary>The point at infinity, (1, 1, 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Infinity(out TField x, out TField y, out TField z)
    {
        x = TField.One; y = TField.One; z = TField.Zero;
    }

    /// <summary>The affine (x, y) = (X/Z², Y/Z³) of a finite point, given 1/Z.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ToAffine(in TField x, in TField y, in TField zInverse, out TField ax, out TField ay)
    {
        TField zinv2 = TField.Square(zInverse);
        ax = TField.Mul(x, zinv2);
        ay = TField.Mul(y, TField.Mul(zinv2, zInverse));
    }

    /// <summary>True when two finite points are the same point: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.</summary>
    public static bool Same(in TField x1, in TField y1, in TField z1, in TField x2, in TField y2, in TField z2)
    {
        TField z1z1 = TField.Square(z1), z2z2 = TField.Square(z2);
        if (!TField.Mul(x1, z2z2).Equals(TField.Mul(x2, z1z1))) return false;
        return TField.Mul(y1, TField.Mul(z2z2, z2)).Equals(TField.Mul(y2, TField.Mul(z1z1, z1)));
    }

    /// <summary>True when a finite Jacobian point and a finite affine point are the same point.</summary>
    public static bool SameAsAffine(in TField x, in TField y, in TField z, in TField ax, in TField ay)
    {
        TField z2 = TField.Square(z);
        return x.Equals(TField.Mul(ax, z2)) && y.Equals(TField.Mul(ay, TField.Mul(z2, z)));
    }
}
