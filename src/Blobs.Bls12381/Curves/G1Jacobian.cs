using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G1 (the curve E: y² = x³ + 4 over Fp) in Jacobian coordinates: (X, Y, Z) stands for
/// the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity.
/// </summary>
/// <remarks>
/// Jacobian coordinates make the two operations a bucket-based multi-scalar multiplication needs
/// cheapest: mixed addition (Jacobian + affine, 7M + 4S) and doubling (2M + 5S). Formulas from the
/// Explicit-Formulas Database (EFD), "g1p/auto/shortw/jacobian-0": <c>dbl-2009-l</c>,
/// <c>madd-2007-bl</c>, <c>add-2007-bl</c>; the special cases those formulas exclude (an operand at
/// infinity, P + P, P + (−P)) are dispatched explicitly. Not constant-time.
/// </remarks>
public readonly struct G1Jacobian : IEquatable<G1Jacobian>
{
    /// <summary>Jacobian X.</summary>
    public readonly Fp X;

    /// <summary>Jacobian Y.</summary>
    public readonly Fp Y;

    /// <summary>Jacobian Z (zero at infinity).</summary>
    public readonly Fp Z;

    /// <summary>Builds (X, Y, Z) without checks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G1Jacobian(in Fp x, in Fp y, in Fp z)
    {
        X = x; Y = y; Z = z;
    }

    /// <summary>The point at infinity (1, 1, 0).</summary>
    public static G1Jacobian Infinity => new(Fp.One, Fp.One, Fp.Zero);

    /// <summary>The standard generator.</summary>
    public static G1Jacobian Generator => G1Affine.Generator.ToJacobian();

    /// <summary>True for the point at infinity.</summary>
    public bool IsInfinity => Z.IsZero;

    /// <summary>True when the point satisfies Y² = X³ + 4·Z⁶ (infinity included).</summary>
    public bool IsOnCurve
    {
        get
        {
            if (IsInfinity) return true;
            Fp z2 = Fp.Square(Z);
            Fp z6 = Fp.Mul(Fp.Square(z2), z2);
            Fp rhs = Fp.Add(Fp.Mul(Fp.Square(X), X), Fp.MulSmall(z6, 4));
            return Fp.Square(Y).Equals(rhs);
        }
    }

    /// <summary>True when the point lies in the order-r subgroup (see <see cref="G1Affine.IsInSubgroup"/>).</summary>
    public bool IsInSubgroup => ToAffine().IsInSubgroup;

    /// <summary>The negated point (X, −Y, Z).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static G1Jacobian Negate(in G1Jacobian p) => new(p.X, Fp.Negate(p.Y), p.Z);

    /// <summary>2·P, EFD dbl-2009-l (a = 0): 2M + 5S.</summary>
    public static G1Jacobian Double(in G1Jacobian p)
    {
        if (p.Z.IsZero) return p;
        Fp a = Fp.Square(p.X);                                        // A = X1²
        Fp b = Fp.Square(p.Y);                                        // B = Y1²
        Fp c = Fp.Square(b);                                          // C = B²
        Fp d = Fp.Double(Fp.Sub(Fp.Sub(Fp.Square(Fp.AddUnreduced(p.X, b)), a), c)); // D = 2((X1 + B)² − A − C)
        Fp e = Fp.Add(Fp.Double(a), a);                               // E = 3A
        Fp f = Fp.Square(e);                                          // F = E²
        Fp x3 = Fp.Sub(f, Fp.Double(d));                              // X3 = F − 2D
        Fp c8 = Fp.Double(Fp.Double(Fp.Double(c)));
        Fp y3 = Fp.Sub(Fp.Mul(e, Fp.Sub(d, x3)), c8);                 // Y3 = E(D − X3) − 8C
        Fp z3 = Fp.Double(Fp.Mul(p.Y, p.Z));                          // Z3 = 2·Y1·Z1
        return new G1Jacobian(x3, y3, z3);
    }

    /// <summary>P + Q for an affine Q, EFD madd-2007-bl: 7M + 4S.</summary>
    public static G1Jacobian AddMixed(in G1Jacobian p, in G1Affine q)
    {
        if (q.IsInfinity) return p;
        if (p.Z.IsZero) return q.ToJacobian();
        Fp z1z1 = Fp.Square(p.Z);                                     // Z1Z1 = Z1²
        Fp u2 = Fp.Mul(q.X, z1z1);                                    // U2 = X2·Z1Z1
        Fp s2 = Fp.Mul(q.Y, Fp.Mul(p.Z, z1z1));                       // S2 = Y2·Z1·Z1Z1
        Fp h = Fp.Sub(u2, p.X);                                       // H = U2 − X1
        Fp r = Fp.Double(Fp.Sub(s2, p.Y));                            // r = 2(S2 − Y1)
        if (h.IsZero)
            return r.IsZero ? Double(p) : Infinity;                   // P = Q, or P = −Q
        Fp hh = Fp.Square(h);                                         // HH = H²
        Fp i = Fp.Double(Fp.Double(hh));                              // I = 4·HH
        Fp j = Fp.Mul(h, i);                                          // J = H·I
        Fp v = Fp.Mul(p.X, i);                                        // V = X1·I
        Fp x3 = Fp.Sub(Fp.Sub(Fp.Square(r), j), Fp.Double(v));        // X3 = r² − J − 2V
        Fp y3 = Fp.Sub(Fp.Mul(r, Fp.Sub(v, x3)), Fp.Double(Fp.Mul(p.Y, j))); // Y3 = r(V − X3) − 2·Y1·J
        Fp z3 = Fp.Sub(Fp.Sub(Fp.Square(Fp.AddUnreduced(p.Z, h)), z1z1), hh);  // Z3 = (Z1 + H)² − Z1Z1 − HH
        return new G1Jacobian(x3, y3, z3);
    }

    /// <summary>P + Q, EFD add-2007-bl: 11M + 5S.</summary>
    public static G1Jacobian Add(in G1Jacobian p, in G1Jacobian q)
    {
        if (p.Z.IsZero) return q;
        if (q.Z.IsZero) return p;
        Fp z1z1 = Fp.Square(p.Z);                                     // Z1Z1 = Z1²
        Fp z2z2 = Fp.Square(q.Z);                                     // Z2Z2 = Z2²
        Fp u1 = Fp.Mul(p.X, z2z2);                                    // U1 = X1·Z2Z2
        Fp u2 = Fp.Mul(q.X, z1z1);                                    // U2 = X2·Z1Z1
        Fp s1 = Fp.Mul(p.Y, Fp.Mul(q.Z, z2z2));                       // S1 = Y1·Z2·Z2Z2
        Fp s2 = Fp.Mul(q.Y, Fp.Mul(p.Z, z1z1));                       // S2 = Y2·Z1·Z1Z1
        Fp h = Fp.Sub(u2, u1);                                        // H = U2 − U1
        Fp r = Fp.Double(Fp.Sub(s2, s1));                             // r = 2(S2 − S1)
        if (h.IsZero)
            return r.IsZero ? Double(p) : Infinity;
        Fp i = Fp.Square(Fp.Double(h));                               // I = (2H)²
        Fp j = Fp.Mul(h, i);                                          // J = H·I
        Fp v = Fp.Mul(u1, i);                                         // V = U1·I
        Fp x3 = Fp.Sub(Fp.Sub(Fp.Square(r), j), Fp.Double(v));        // X3 = r² − J − 2V
        Fp y3 = Fp.Sub(Fp.Mul(r, Fp.Sub(v, x3)), Fp.Double(Fp.Mul(s1, j))); // Y3 = r(V − X3) − 2·S1·J
        Fp z3 = Fp.Mul(Fp.Sub(Fp.Sub(Fp.Square(Fp.AddUnreduced(p.Z, q.Z)), z1z1), z2z2), h); // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H
        return new G1Jacobian(x3, y3, z3);
    }

    /// <summary>P − Q.</summary>
    public static G1Jacobian Sub(in G1Jacobian p, in G1Jacobian q) => Add(p, Negate(q));

    /// <summary>The affine form (one field inversion); infinity maps to <see cref="G1Affine.Infinity"/>.</summary>
    public G1Affine ToAffine()
    {
        if (Z.IsZero) return G1Affine.Infinity;
        Fp zinv = Fp.Inverse(Z);
        Fp zinv2 = Fp.Square(zinv);
        return new G1Affine(Fp.Mul(X, zinv2), Fp.Mul(Y, Fp.Mul(zinv2, zinv)));
    }

    /// <summary>
    /// Converts many points to affine with a single field inversion (Montgomery's trick over the
    /// Z coordinates); points at infinity become <see cref="G1Affine.Infinity"/>.
    /// </summary>
    public static void BatchToAffine(ReadOnlySpan<G1Jacobian> points, Span<G1Affine> result)
    {
        if (result.Length < points.Length) throw new ArgumentException("result is shorter than points", nameof(result));
        int n = points.Length;
        if (n == 0) return;
        Fp[] zs = new Fp[n];
        for (int i = 0; i < n; i++) zs[i] = points[i].Z;
        Fp.BatchInverse(zs);
        for (int i = 0; i < n; i++)
        {
            if (points[i].Z.IsZero) { result[i] = G1Affine.Infinity; continue; }
            Fp zinv2 = Fp.Square(zs[i]);
            result[i] = new G1Affine(Fp.Mul(points[i].X, zinv2), Fp.Mul(points[i].Y, Fp.Mul(zinv2, zs[i])));
        }
    }

    /// <summary>
    /// [k]P for a scalar given as little-endian 64-bit limbs (any length), with a fixed 4-bit window:
    /// 15 precomputed multiples, then four doublings and at most one addition per window.
    /// </summary>
    public static G1Jacobian Multiply(in G1Jacobian p, ReadOnlySpan<ulong> scalarLimbs)
    {
        Span<G1Jacobian> table = stackalloc G1Jacobian[16];
        table[0] = Infinity;
        table[1] = p;
        for (int i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? Double(table[i / 2]) : Add(table[i - 1], p);
        G1Jacobian acc = Infinity;
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
    public static G1Jacobian Multiply(in G1Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        return Multiply(p, limbs);
    }

    /// <summary>
    /// [k]P for a point P of the prime-order subgroup G1 (every point this library decodes with the
    /// subgroup check is), using the endomorphism φ(x, y) = (β·x, y), which acts on G1 as
    /// multiplication by −z² (Gallant–Lambert–Vanstone decomposition): with k = d0 + d1·z²
    /// (z² ≈ 2^128, k &lt; r &lt; z⁴), [k]P = d0·P + d1·(−φ(P)), evaluated jointly over the 128 bits
    /// of the digits: 128 doublings instead of 255. Gives a wrong result for a point outside G1; use
    /// <see cref="Multiply(in G1Jacobian, in Fr)"/> for those.
    /// </summary>
    public static G1Jacobian MultiplySubgroup(in G1Affine p, in Fr k)
    {
        if (p.IsInfinity || k.IsZero) return Infinity;
        // 1. k = d1·z² + d0 by two divisions by |z|: k = (q·|z| + r1)·|z| + r0.
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        Span<ulong> rems = stackalloc ulong[2];
        for (int i = 0; i < 2; i++)
        {
            UInt128 rem = 0;
            for (int l = 3; l >= 0; l--)
            {
                UInt128 cur = (rem << 64) | limbs[l];
                limbs[l] = (ulong)(cur / G1Affine.AbsZ);
                rem = cur % G1Affine.AbsZ;
            }
            rems[i] = (ulong)rem;
        }
        UInt128 d0 = (UInt128)rems[1] * G1Affine.AbsZ + rems[0];
        UInt128 d1 = ((UInt128)limbs[1] << 64) | limbs[0]; // < z², so two words
        // 2. Q = [z²]P = −φ(P) = (β·x, −y); table P, Q, P + Q in affine.
        var q = new G1Affine(Fp.Mul(G1Affine.Beta, p.X), Fp.Negate(p.Y));
        G1Affine pq = AddMixed(p.ToJacobian(), q).ToAffine();
        // 3. Joint double-and-add, most significant bit first.
        G1Jacobian acc = Infinity;
        for (int b = 127; b >= 0; b--)
        {
            acc = Double(acc);
            int mask = (int)((d0 >> b) & 1) | ((int)((d1 >> b) & 1) << 1);
            if (mask == 1) acc = AddMixed(acc, p);
            else if (mask == 2) acc = AddMixed(acc, q);
            else if (mask == 3) acc = AddMixed(acc, pq);
        }
        return acc;
    }

    /// <summary>[k]P for a 64-bit k.</summary>
    public static G1Jacobian Multiply(in G1Jacobian p, ulong k) => Multiply(p, [k]);

    /// <summary>Sum.</summary>
    public static G1Jacobian operator +(in G1Jacobian p, in G1Jacobian q) => Add(p, q);

    /// <summary>Sum with an affine point.</summary>
    public static G1Jacobian operator +(in G1Jacobian p, in G1Affine q) => AddMixed(p, q);

    /// <summary>Difference.</summary>
    public static G1Jacobian operator -(in G1Jacobian p, in G1Jacobian q) => Sub(p, q);

    /// <summary>Negation.</summary>
    public static G1Jacobian operator -(in G1Jacobian p) => Negate(p);

    /// <summary>Scalar multiplication.</summary>
    public static G1Jacobian operator *(in G1Jacobian p, in Fr k) => Multiply(p, k);

    /// <summary>Equality of the points represented (not of the coordinates).</summary>
    public static bool operator ==(in G1Jacobian p, in G1Jacobian q) => p.Equals(q);

    /// <summary>Inequality of the points represented.</summary>
    public static bool operator !=(in G1Jacobian p, in G1Jacobian q) => !p.Equals(q);

    /// <summary>True when both represent the same point: X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.</summary>
    public bool Equals(G1Jacobian other)
    {
        if (IsInfinity || other.IsInfinity) return IsInfinity && other.IsInfinity;
        Fp z1z1 = Fp.Square(Z), z2z2 = Fp.Square(other.Z);
        if (!Fp.Mul(X, z2z2).Equals(Fp.Mul(other.X, z1z1))) return false;
        return Fp.Mul(Y, Fp.Mul(z2z2, other.Z)).Equals(Fp.Mul(other.Y, Fp.Mul(z1z1, Z)));
    }

    /// <summary>True when the affine point is the same point.</summary>
    public bool Equals(in G1Affine q)
    {
        if (IsInfinity || q.IsInfinity) return IsInfinity && q.IsInfinity;
        Fp z2 = Fp.Square(Z);
        return X.Equals(Fp.Mul(q.X, z2)) && Y.Equals(Fp.Mul(q.Y, Fp.Mul(z2, Z)));
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Jacobian p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <inheritdoc />
    public override string ToString() => ToAffine().ToString();
}
