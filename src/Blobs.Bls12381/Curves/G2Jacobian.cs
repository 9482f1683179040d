using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G2 (the sextic twist E': y² = x³ + 4(1 + u) over Fp2) in Jacobian coordinates:
/// (X, Y, Z) stands for the affine point (X/Z², Y/Z³); Z = 0 is the point at infinity.
/// </summary>
/// <remarks>
/// The formulas (EFD dbl-2009-l 2M + 5S, madd-2007-bl 7M + 4S, add-2007-bl 11M + 5S) are written once, in
/// <see cref="JacobianFormulas{TField}"/>, for this group and <see cref="G1Jacobian"/>; the special cases they
/// exclude (an operand at infinity, P + P, P + (−P)) are dispatched there and here. Not constant-time.
/// </remarks>
public readonly struct G2Jacobian : IEquatable<G2Jacobian>, IJacobianPoint<G2Jacobian>
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
        JacobianFormulas<Fp2>.Double(p.X, p.Y, p.Z, out var x, out var y, out var z);
        return new G2Jacobian(x, y, z);
    }

    /// <summary>P + Q for an affine Q, EFD madd-2007-bl: 7M + 4S.</summary>
    public static G2Jacobian AddMixed(in G2Jacobian p, in G2Affine q)
    {
        if (q.IsInfinity) return p;
        if (p.Z.IsZero) return q.ToJacobian();
        JacobianFormulas<Fp2>.AddMixed(p.X, p.Y, p.Z, q.X, q.Y, out var x, out var y, out var z);
        return new G2Jacobian(x, y, z);
    }

    /// <summary>P + Q, EFD add-2007-bl: 11M + 5S.</summary>
    public static G2Jacobian Add(in G2Jacobian p, in G2Jacobian q)
    {
        if (p.Z.IsZero) return q;
        if (q.Z.IsZero) return p;
        JacobianFormulas<Fp2>.Add(p.X, p.Y, p.Z, q.X, q.Y, q.Z, out var x, out var y, out var z);
        return new G2Jacobian(x, y, z);
    }

    /// <summary>P − Q.</summary>
    public static G2Jacobian Sub(in G2Jacobian p, in G2Jacobian q) => Add(p, Negate(q));

    /// <summary>The affine form (one field inversion); infinity maps to <see cref="G2Affine.Infinity"/>.</summary>
    public G2Affine ToAffine()
    {
        if (Z.IsZero) return G2Affine.Infinity;
        JacobianFormulas<Fp2>.ToAffine(X, Y, Fp2.Inverse(Z), out var x, out var y);
        return new G2Affine(x, y);
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
            JacobianFormulas<Fp2>.ToAffine(points[i].X, points[i].Y, zs[i], out var x, out var y);
            result[i] = new G2Affine(x, y);
        }
    }

    /// <summary>
    /// [k]P for a scalar given as little-endian 64-bit limbs (any length), with a fixed 4-bit window:
    /// 15 precomputed multiples, then four doublings and at most one addition per window.
    /// </summary>
    public static G2Jacobian Multiply(in G2Jacobian p, ReadOnlySpan<ulong> scalarLimbs) =>
        JacobianMultiplication.Multiply(p, scalarLimbs);

    /// <summary>[k]P for a scalar-field element k.</summary>
    public static G2Jacobian Multiply(in G2Jacobian p, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        return Multiply(p, limbs);
    }

    /// <summary>
    /// [k]P for a point P of the prime-order subgroup G2 (every point this library decodes with the
    /// subgroup check is), using the endomorphism ψ, which acts on G2 as multiplication by the BLS
    /// parameter z = −|z| (Galbraith–Lin–Scott decomposition): with k = d0 + d1·|z| + d2·|z|² + d3·|z|³
    /// (base-|z| digits, k &lt; r &lt; |z|⁴), [k]P = d0·P + d1·(−ψ(P)) + d2·ψ²(P) + d3·(−ψ³(P)),
    /// evaluated jointly over the 64 bits of the digits (Straus–Shamir, 15-entry affine table): 64
    /// doublings instead of 255. Gives a wrong result for a point outside G2; use
    /// <see cref="Multiply(in G2Jacobian, in Fr)"/> for those.
    /// </summary>
    public static G2Jacobian MultiplySubgroup(in G2Affine p, in Fr k)
    {
        if (p.IsInfinity || k.IsZero) return Infinity;
        // 1. Base-|z| digits of the canonical scalar.
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        Span<ulong> d = stackalloc ulong[4];
        for (int i = 0; i < 3; i++) d[i] = AbsZDigits.DivRem(limbs);
        d[3] = limbs[0]; // k < |z|⁴, so the quotient after three divisions fits one word
        // 2. Q_i = [|z|^i]P: [|z|]P = −ψ(P) because ψ(P) = [z]P and z = −|z|.
        Span<G2Affine> q = stackalloc G2Affine[4];
        q[0] = p;
        G2Affine psi1 = G2Affine.Psi(p), psi2 = G2Affine.Psi(psi1), psi3 = G2Affine.Psi(psi2);
        q[1] = G2Affine.Negate(psi1);
        q[2] = psi2;
        q[3] = G2Affine.Negate(psi3);
        // 3. Table of all subset sums T[mask] = Σ_{i in mask} Q_i, normalized to affine with one inversion.
        Span<G2Jacobian> tj = stackalloc G2Jacobian[16];
        tj[0] = Infinity;
        for (int m = 1; m < 16; m++)
        {
            int low = m & -m;
            int bit = System.Numerics.BitOperations.TrailingZeroCount(low);
            tj[m] = m == low ? q[bit].ToJacobian() : AddMixed(tj[m & (m - 1)], q[bit]);
        }
        Span<G2Affine> table = stackalloc G2Affine[16];
        BatchToAffine(tj, table);
        // 4. Joint double-and-add over the digit bits, most significant first.
        G2Jacobian acc = Infinity;
        for (int b = 63; b >= 0; b--)
        {
            acc = Double(acc);
            int mask = (int)((d[0] >> b) & 1) | (int)(((d[1] >> b) & 1) << 1) | (int)(((d[2] >> b) & 1) << 2) | (int)(((d[3] >> b) & 1) << 3);
            if (mask != 0) acc = AddMixed(acc, table[mask]);
        }
        return acc;
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
        return JacobianFormulas<Fp2>.Same(X, Y, Z, other.X, other.Y, other.Z);
    }

    /// <summary>True when the affine point is the same point.</summary>
    public bool Equals(in G2Affine q)
    {
        if (IsInfinity || q.IsInfinity) return IsInfinity && q.IsInfinity;
        return JacobianFormulas<Fp2>.SameAsAffine(X, Y, Z, q.X, q.Y);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Jacobian p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => ToAffine().GetHashCode();

    /// <inheritdoc />
    public override string ToString() => ToAffine().ToString();
}
