using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G2 (the sextic twist E': y² = x³ + 4(1 + u) over Fp2) in Jacobian coordinates:
/// (X, Y, Z) stands for the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity.
/// </summary>
/// <remarks>
/// The same formulas as <see cref="G1Jacobian"/> (they do not depend on the field; M and S are Fp2
/// multiplications and squarings here): mixed addition 7M + 4S, doubling 2M + 5S. Explicit-Formulas
/// Database (EFD), "g1p/auto/shortw/jacobian-0": <c>dbl-2009-l</c>,
/// <c>madd-2007-bl</c>, <c>add-2007-bl</c>; the special cases those formulas exclude (an operand at
/// infinity, P + P, P + (−P)) are dispatched explicitly. Not constant-time.
/// </remarks>
public readonly struct G2Jacobian : IEquatable<G2Jacobian>
{
    /// <summary>Jacobian X.</summary>
    public readonly Fp2 X;

    /// <summary>Jacobian Y.</summary>
    public readonly Fp2 Y;

    /// <summary>Jacobian Z (zero at infinity).</summary>
    public readonly Fp2 Z;

    /// <summary>Builds (X, Y, Z) without checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G2Jacobian(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        X = x; Y = y; Z = z;
    }

    /// <summary>The point at infinity (1, 1, 0).</summary>
    public static G2Jacobian Infinity => new(Fp2.One, Fp2.One, Fp2.Zero);

    /// <summary>The standard generator.</summary>
    public static G2Jacobian Generator => G2Affine.Generator.ToJacobian();

    /// <summary>True for the point at infinity.</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>True when the point satisfies Y² = X³ + 4(1 + u)·Z⁶ (infinity included).</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp2 z2 = Fp2.Square(Z);
            Fp2 z6 = Fp2.Mul(Fp2.Square(z2), z2);
            Fp2 rhs = Fp2.Add(Fp2.Mul(Fp2.Square(X), X), Fp2.Mul(z6, G2Affine.B));
            return Fp2.Square(Y).Equals(rhs);
        }
    }

    /// <summary>True when the point lies in the order-r subgroup (see <see cref="G2Affine.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => ToAffine().IsInSubgroup;

    /// <summary>The negated point (X, −Y, Z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G2Jacobian Negate(in G2Jacobian p) => new(p.X, Fp2.Negate(p.Y), p.Z);

    /// <summary>2·P, EFD dbl-2009-l (a = 0): 2M + 5S.</summary>
    public static G2Jacobian Double(in G2Jacobian p)
    {
        if (p.Z.IsZero) return p;
        Fp2 a = Fp2.Square(p.X);                                        // A = X1²
        Fp2 b = Fp2.Square(p.Y);                                        // B = Y1²
        Fp2 c = Fp2.Square(b);                                          // C = B²
        Fp2 d = Fp2.Double(Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(p.X, b)), a), c)); // D = 2((X1 + B)² − A − C)
        Fp2 e = Fp2.Add(Fp2.Double(a), a);                               // E = 3A
        Fp2 f = Fp2.Square(e);                                          // F = E²
        Fp2 x3 = Fp2.Sub(f, Fp2.Double(d));                              // X3 = F − 2D
        Fp2 c8 = Fp2.Double(Fp2.Double(Fp2.Double(c)));
        Fp2 y3 = Fp2.Sub(Fp2.Mul(e, Fp2.Sub(d, x3)), c8);                 // Y3 = E(D − X3) − 8C
        Fp2 z3 = Fp2.Double(Fp2.Mul(p.Y, p.Z));                          // Z3 = 2·Y1·Z1
        return new G2Jacobian(x3, y3, z3);
    }

    /// <summary>P + Q for an affine Q, EFD madd-2007-bl: 7M + 4S.</summary>
    public static G2Jacobian AddMixed(in G2Jacobian p, in G2Affine q)
    {
        if (q.IsInfinity) return p;
        if (p.Z.IsZero) return q.ToJacobian();
        Fp2 z1z1 = Fp2.Square(p.Z);                                     // Z1Z1 = Z1²
        Fp2 u2 = Fp2.Mul(q.X, z1z1);                                    // U2 = X2·Z1Z1
        Fp2 s2 = Fp2.Mul(q.Y, Fp2.Mul(p.Z, z1z1));                       // S2 = Y2·Z1·Z1Z1
        Fp2 h = Fp2.Sub(u2, p.X);                                       // H = U2 − X1
        Fp2 r = Fp2.Double(Fp2.Sub(s2, p.Y));                            // r = 2(S2 − Y1)
        if (h.IsZero)
            return r.IsZero ? Double(p) : Infinity;                   // P = Q, or P = −Q
        Fp2 hh = Fp2.Square(h);                                         // HH = H²
        Fp2 i = Fp2.Double(Fp2.Double(hh));                              // I = 4·HH
        Fp2 j = Fp2.Mul(h, i);                                          // J = H·I
        Fp2 v = Fp2.Mul(p.X, i);                                        // V = X1·I
        Fp2 x3 = Fp2.Sub(Fp2.Sub(Fp2.Square(r), j), Fp2.Double(v));        // X3 = r² − J − 2V
        Fp2 y3 = Fp2.Sub(Fp2.Mul(r, Fp2.Sub(v, x3)), Fp2.Double(Fp2.Mul(p.Y, j))); // Y3 = r(V − X3) − 2·Y1·J
        Fp2 z3 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(p.Z, h)), z1z1), hh);  // Z3 = (Z1 + H)² − Z1Z1 − HH
        return new G2Jacobian(x3, y3, z3);
    }

    /// <summary>P + Q, EFD add-2007-bl: 11M + 5S.</summary>
    public static G2Jacobian Add(in G2Jacobian p, in G2Jacobian q)
    {
        if (p.Z.IsZero) return q;
        if (q.Z.IsZero) return p;
        Fp2 z1z1 = Fp2.Square(p.Z);                                     // Z1Z1 = Z1²
        Fp2 z2z2 = Fp2.Square(q.Z);                                     // Z2Z2 = Z2²
        Fp2 u1 = Fp2.Mul(p.X, z2z2);                                    // U1 = X1·Z2Z2
        Fp2 u2 = Fp2.Mul(q.X, z1z1);                                    // U2 = X2·Z1Z1
        Fp2 s1 = Fp2.Mul(p.Y, Fp2.Mul(q.Z, z2z2));                       // S1 = Y1·Z2·Z2Z2
        Fp2 s2 = Fp2.Mul(q.Y, Fp2.Mul(p.Z, z1z1));                       // S2 = Y2·Z1·Z1Z1
        Fp2 h = Fp2.Sub(u2, u1);                                        // H = U2 − U1
        Fp2 r = Fp2.Double(Fp2.Sub(s2, s1));                             // r = 2(S2 − S1)
        if (h.IsZero)
            return r.IsZero ? Double(p) : Infinity;
        Fp2 i = Fp2.Square(Fp2.Double(h));                               // I = (2H)²
        Fp2 j = Fp2.Mul(h, i);                                          // J = H·I
        Fp2 v = Fp2.Mul(u1, i);                                         // V = U1·I
        Fp2 x3 = Fp2.Sub(Fp2.Sub(Fp2.Square(r), j), Fp2.Double(v));        // X3 = r² − J − 2V
        Fp2 y3 = Fp2.Sub(Fp2.Mul(r, Fp2.Sub(v, x3)), Fp2.Double(Fp2.Mul(s1, j))); // Y3 = r(V − X3) − 2·S1·J
        Fp2 z3 = Fp2.Mul(Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(p.Z, q.Z)), z1z1), z2z2), h); // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        return new G2Jacobian(x3, y3, z3);
    }

    /// <summary>P − Q.</summary>
    public static G2Jacobian Sub(in G2Jacobian p, in G2Jacobian q) => Add(p, Negate(q));

    /// <summary>The affine form (one field inversion); infinity maps to <see cref="G2Affine.Infinity"/>.</summary>
    public G2Affine ToAffine()
    {
        if (Z.IsZero) return G2Affine.Infinity;
        Fp2 zinv = Fp2.Inverse(Z);
        Fp2 zinv2 = Fp2.Square(zinv);
        return new G2Affine(Fp2.Mul(X, zinv2), Fp2.Mul(Y, Fp2.Mul(zinv2, zinv)));
    }

    /// <summary>
    /// Converts many points to affine with a single field inversion (Montgomery's trick over the
    /// Z coordinates); points at infinity become <see cref="G2Affine.Infinity"/>.
    /// </summary>
    public static void BatchToAffine(ReadOnlySpan<G2Jacobian> points, Span<G2Affine> result)
    {
        if (result.Length < points.Length) throw new ArgumentException("result is shorter than points", nameof(result));
        int n = points.Length;
        if (n == 0) return;
        Fp2[] zs = new Fp2[n];
        for (int i = 0; i < n; i++) zs[i] = points[i].Z;
        Fp2.BatchInverse(zs);
        for (int i = 0; i < n; i++)
        {
            if (points[i].Z.IsZero) { result[i] = G2Affine.Infinity; continue; }
            Fp2 zinv2 = Fp2.Square(zs[i]);
            result[i] = new G2Affine(Fp2.Mul(points[i].X, zinv2), Fp2.Mul(points[i].Y, Fp2.Mul(zinv2, zs[i])));
        }
    }

    /// <summary>
    /// [k]P for a scalar given as little-endian 64-bit limbs (any length), with a fixed 4-bit window:
    /// 15 precomputed multiples, then four doublings and at most one addition per window.
    /// </summary>
    public static G2Jacobian Multiply(in G2Jacobian p, ReadOnlySpan<ulong> scalarLimbs)
    {
        Span<G2Jacobian> table = stackalloc G2Jacobian[16];
        table[0] = Infinity;
        table[1] = p;
        for (int i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? Double(table[i / 2]) : Add(table[i - 1], p);
        G2Jacobian acc = Infinity;
        bool started = false;
        for (int limb = scalarLimbs.Length - 1; limb >= 0; limb--)
        {
            ulong e = scalarLimbs[limb];
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int nibble = (int)((e >> shift) & 0xF);
                if (started) { acc = Double(acc); acc = Double(acc); acc = Double(acc); acc = Double(acc); }
                if (nibble != 0) { acc = started ? Add(acc, table[nibble]) : table[nibble]; started = true; }
            }
        }
        return acc;
    }

    /// <summary>[k]P for a scalar-field element k.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        return Multiply(p, limbs);
    }

    /// <summary>[k]P for a 64-bit k.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, ulong k) => Multiply(p, [k]);

    /// <summary>Sum.</summary>
    public static G2Jacobian operator +(in G2Jacobian p, in G2Jacobian q) => Add(p, q);

    /// <summary>Sum with an affine point.</summary>
    public static G2Jacobian operator +(in G2Jacobian p, in G2Affine q) => AddMixed(p, q);

    /// <summary>Difference.</summary>
    public static G2Jacobian operator -(in G2Jacobian p, in G2Jacobian q) => Sub(p, q);

    /// <summary>Negation.</summary>
    public static G2Jacobian operator -(in G2Jacobian p) => Negate(p);

    /// <summary>Scalar multiplication.</summary>
    public static G2Jacobian operator *(in G2Jacobian p, in Fr k) => Multiply(p, k);

    /// <summary>Equality of the points represented (not of the coordinates).</summary>
    public static bool operator ==(in G2Jacobian p, in G2Jacobian q) => p.Equals(q);

    /// <summary>Inequality of the points represented.</summary>
    public static bool operator !=(in G2Jacobian p, in G2Jacobian q) => !p.Equals(q);

    /// <summary>True when both represent the same point: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.</summary>
    public bool Equals(G2Jacobian other)
    {
        if (IsInfinity || other.IsInfinity) return IsInfinity && other.IsInfinity;
        Fp2 z1z1 = Fp2.Square(Z), z2z2 = Fp2.Square(other.Z);
        if (!Fp2.Mul(X, z2z2).Equals(Fp2.Mul(other.X, z1z1))) return false;
        return Fp2.Mul(Y, Fp2.Mul(z2z2, other.Z)).Equals(Fp2.Mul(other.Y, Fp2.Mul(z1z1, Z)));
    }

    /// <summary>True when the affine point is the same point.</summary>
    public bool Equals(in G2Affine q)
    {
        if (IsInfinity || q.IsInfinity) return IsInfinity && q.IsInfinity;
        Fp2 z2 = Fp2.Square(Z);
        return X.Equals(Fp2.Mul(q.X, z2)) && Y.Equals(Fp2.Mul(q.Y, Fp2.Mul(z2, Z)));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Jacobian p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <inheritdoc />
    public override string ToString() => ToAffine().ToString();
}
