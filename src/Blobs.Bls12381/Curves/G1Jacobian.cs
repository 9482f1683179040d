using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G1 (the curve E: y² = x³ + 4 over Fp) in Jacobian coordinates: (X, Y, Z) stands for
/// the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity.
/// </summary>
/// <remarks>
/// The formulas (EFD dbl-2009-l 2M + 5S, madd-2007-bl 7M + 4S, add-2007-bl 11M + 5S) are written once, in
/// <see cref="JacobianFormulas{TField}"/>, for this group and <see cref="G2Jacobian"/>; the special cases they
/// exclude (an operand at infinity, P + P, P + (−P)) are dispatched there and here. Not constant-time.
/// </remarks>
public readonly struct G1Jacobian : IEquatable<G1Jacobian>, IJacobianPoint<G1Jacobian>
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
        JacobianFormulas<Fp>.Double(p.X, p.Y, p.Z, out var x, out var y, out var z);
        return new G1Jacobian(x, y, z);
    }

    /// <summary>P + Q for an affine Q, EFD madd-2007-bl: 7M + 4S.</summary>
    public static G1Jacobian AddMixed(in G1Jacobian p, in G1Affine q)
    {
        if (q.IsInfinity) return p;
        if (p.Z.IsZero) return q.ToJacobian();
        JacobianFormulas<Fp>.AddMixed(p.X, p.Y, p.Z, q.X, q.Y, out var x, out var y, out var z);
        return new G1Jacobian(x, y, z);
    }

    /// <summary>P + Q, EFD add-2007-bl: 11M + 5S.</summary>
    public static G1Jacobian Add(in G1Jacobian p, in G1Jacobian q)
    {
        if (p.Z.IsZero) return q;
        if (q.Z.IsZero) return p;
        JacobianFormulas<Fp>.Add(p.X, p.Y, p.Z, q.X, q.Y, q.Z, out var x, out var y, out var z);
        return new G1Jacobian(x, y, z);
    }

    /// <summary>P − Q.</summary>
    public static G1Jacobian Sub(in G1Jacobian p, in G1Jacobian q) => Add(p, Negate(q));

    /// <summary>The affine form (one field inversion); infinity maps to <see cref="G1Affine.Infinity"/>.</summary>
    public G1Affine ToAffine()
    {
        if (Z.IsZero) return G1Affine.Infinity;
        JacobianFormulas<Fp>.ToAffine(X, Y, Fp.Inverse(Z), out var x, out var y);
        return new G1Affine(x, y);
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
            JacobianFormulas<Fp>.ToAffine(points[i].X, points[i].Y, zs[i], out var x, out var y);
            result[i] = new G1Affine(x, y);
        }
    }

    /// <summary>
    /// [k]P for a scalar given as little-endian 64-bit limbs (any length), with a fixed 4-bit window:
    /// 15 precomputed multiples, then four doublings and at most one addition per window.
    /// </summary>
    public static G1Jacobian Multiply(in G1Jacobian p, ReadOnlySpan<ulong> scalarLimbs) =>
        JacobianMultiplication.Multiply(p, scalarLimbs);

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
        var (d0, d1) = AbsZDigits.SplitByZSquared(limbs);
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
        return JacobianFormulas<Fp>.Same(X, Y, Z, other.X, other.Y, other.Z);
    }

    /// <summary>True when the affine point is the same point.</summary>
    public bool Equals(in G1Affine q)
    {
        if (IsInfinity || q.IsInfinity) return IsInfinity && q.IsInfinity;
        return JacobianFormulas<Fp>.SameAsAffine(X, Y, Z, q.X, q.Y);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Jacobian p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <inheritdoc />
    public override string ToString() => ToAffine().ToString();
}
