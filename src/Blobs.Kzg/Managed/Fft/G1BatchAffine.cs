using System.Runtime.CompilerServices;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Independent affine G1 additions and doublings that share one field inversion (Montgomery's trick): about 3
/// multiplications per element for the shared inversion plus 3 for the chord or tangent, against 11 for a mixed
/// Jacobian addition. Every special case is handled: infinity operands, P + P (tangent), P + (−P) (infinity).
/// </summary>
public static class G1BatchAffine
{
    /// <summary>acc[k] ← acc[k] + add[k] for every k. <paramref name="scratch"/> holds at least 2n elements.</summary>
    public static void AddAssign(Span<G1Affine> acc, ReadOnlySpan<G1Affine> add, Span<Fp> scratch)
    {
        int n = acc.Length;
        if (add.Length != n || scratch.Length < 2 * n) throw new ArgumentException("batch sizes differ");
        if (G1ChordVector.IsSupported && n >= G1ChordVector.MinimumBatch)
        {
            AddAssignVector(acc, add);
            return;
        }
        var den = scratch[..n];
        var prefix = scratch[n..(2 * n)];
        // 1. Denominators: x_Q − x_P for a chord, 2y_P for a tangent, 1 where nothing is divided.
        Fp product = Fp.One;
        for (int k = 0; k < n; k++)
        {
            ref readonly G1Affine p = ref acc[k];
            ref readonly G1Affine q = ref add[k];
            Fp d;
            if (p.IsInfinity || q.IsInfinity) d = Fp.One;
            else
            {
                d = Fp.Sub(q.X, p.X);
                if (d.IsZero) d = p.Y.Equals(q.Y) ? Fp.Double(p.Y) : Fp.One;
            }
            den[k] = d;
            prefix[k] = product;
            product = Fp.Mul(product, d);
        }
        // 2. One inversion, then every 1/d from the back.
        Fp inverse = Fp.Inverse(product);
        for (int k = n - 1; k >= 0; k--)
        {
            Fp dInv = Fp.Mul(inverse, prefix[k]);
            inverse = Fp.Mul(inverse, den[k]);
            ref G1Affine p = ref acc[k];
            ref readonly G1Affine q = ref add[k];
            if (q.IsInfinity) continue;
            if (p.IsInfinity) { p = q; continue; }
            Fp lambda;
            if (p.X.Equals(q.X))
            {
                if (!p.Y.Equals(q.Y)) { p = G1Affine.Infinity; continue; }
                lambda = Tangent(p, dInv);
            }
            else lambda = Fp.Mul(Fp.Sub(q.Y, p.Y), dInv);
            p = Chord(p, q.X, lambda);
        }
    }

    /// <summary><see cref="AddAssign"/> with the chords on eight AVX-512 lanes and the rare special cases one by one.</summary>
    private static void AddAssignVector(Span<G1Affine> acc, ReadOnlySpan<G1Affine> add)
    {
        int n = acc.Length;
        int padded = (n + 7) & ~7;
        var sx = new Fp[padded];
        var sy = new Fp[padded];
        var px = new Fp[padded];
        var py = new Fp[padded];
        var index = new int[n];
        int chords = 0;
        for (int k = 0; k < n; k++)
        {
            ref readonly G1Affine p = ref acc[k];
            ref readonly G1Affine q = ref add[k];
            if (q.IsInfinity) continue;
            if (p.IsInfinity) { acc[k] = q; continue; }
            if (p.X.Equals(q.X)) { acc[k] = G1Jacobian.AddMixed(p.ToJacobian(), q).ToAffine(); continue; }
            sx[chords] = p.X; sy[chords] = p.Y; px[chords] = q.X; py[chords] = q.Y;
            index[chords++] = k;
        }
        if (chords == 0) return;
        int lanes = (chords + 7) & ~7;
        for (int k = chords; k < lanes; k++) { sx[k] = Fp.One; px[k] = Fp.Double(Fp.One); }
        G1ChordVector.AddChords(sx.AsSpan(0, lanes), sy.AsSpan(0, lanes), px.AsSpan(0, lanes), py.AsSpan(0, lanes));
        for (int c = 0; c < chords; c++) acc[index[c]] = new G1Affine(sx[c], sy[c]);
    }

    /// <summary>out[k] ← 2·p[k] for every k (out may be p). <paramref name="scratch"/> holds at least 2n elements.</summary>
    public static void Double(ReadOnlySpan<G1Affine> p, Span<G1Affine> output, Span<Fp> scratch)
    {
        int n = p.Length;
        if (output.Length < n || scratch.Length < 2 * n) throw new ArgumentException("batch sizes differ");
        var den = scratch[..n];
        var prefix = scratch[n..(2 * n)];
        Fp product = Fp.One;
        for (int k = 0; k < n; k++)
        {
            Fp d = p[k].IsInfinity ? Fp.One : Fp.Double(p[k].Y);
            den[k] = d;
            prefix[k] = product;
            product = Fp.Mul(product, d);
        }
        Fp inverse = Fp.Inverse(product);
        for (int k = n - 1; k >= 0; k--)
        {
            Fp dInv = Fp.Mul(inverse, prefix[k]);
            inverse = Fp.Mul(inverse, den[k]);
            var q = p[k];
            output[k] = q.IsInfinity ? q : Chord(q, q.X, Tangent(q, dInv));
        }
    }

    /// <summary>
    /// sum[k] ← a[k] + b[k] and difference[k] ← a[k] − b[k] for every k, sharing the denominator x_b − x_a
    /// (the two chords through a and ±b). The outputs may alias the inputs. <paramref name="scratch"/> holds at least 2n.
    /// </summary>
    public static void SumAndDifference(ReadOnlySpan<G1Affine> a, ReadOnlySpan<G1Affine> b, Span<G1Affine> sum, Span<G1Affine> difference, Span<Fp> scratch)
    {
        int n = a.Length;
        if (b.Length != n || sum.Length < n || difference.Length < n || scratch.Length < 2 * n) throw new ArgumentException("batch sizes differ");
        var den = scratch[..n];
        var prefix = scratch[n..(2 * n)];
        Fp product = Fp.One;
        for (int k = 0; k < n; k++)
        {
            ref readonly G1Affine p = ref a[k];
            ref readonly G1Affine q = ref b[k];
            Fp d;
            if (p.IsInfinity || q.IsInfinity) d = Fp.One;
            else
            {
                d = Fp.Sub(q.X, p.X);
                if (d.IsZero) d = Fp.Double(p.Y); // b = ±a: one side is a tangent, the other infinity
            }
            den[k] = d;
            prefix[k] = product;
            product = Fp.Mul(product, d);
        }
        Fp inverse = Fp.Inverse(product);
        for (int k = n - 1; k >= 0; k--)
        {
            Fp dInv = Fp.Mul(inverse, prefix[k]);
            inverse = Fp.Mul(inverse, den[k]);
            G1Affine p = a[k], q = b[k];
            if (q.IsInfinity) { sum[k] = p; difference[k] = p; continue; }
            if (p.IsInfinity) { sum[k] = q; difference[k] = G1Affine.Negate(q); continue; }
            if (p.X.Equals(q.X))
            {
                var twice = Chord(p, p.X, Tangent(p, dInv));
                bool same = p.Y.Equals(q.Y);
                sum[k] = same ? twice : G1Affine.Infinity;
                difference[k] = same ? G1Affine.Infinity : twice;
                continue;
            }
            Fp lambdaSum = Fp.Mul(Fp.Sub(q.Y, p.Y), dInv);
            Fp lambdaDiff = Fp.Mul(Fp.Negate(Fp.Add(q.Y, p.Y)), dInv);
            sum[k] = Chord(p, q.X, lambdaSum);
            difference[k] = Chord(p, q.X, lambdaDiff);
        }
    }

    /// <summary>λ = 3x²/(2y) given 1/(2y).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp Tangent(in G1Affine p, in Fp inverseTwoY)
    {
        Fp xx = Fp.Square(p.X);
        return Fp.Mul(Fp.Add(Fp.Double(xx), xx), inverseTwoY);
    }

    /// <summary>The third point of the line of slope λ through p and a point with x-coordinate qx, negated: x₃ = λ² − x_p − q_x, y₃ = λ(x_p − x₃) − y_p.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static G1Affine Chord(in G1Affine p, in Fp qx, in Fp lambda)
    {
        Fp x3 = Fp.Sub(Fp.Sub(Fp.Square(lambda), p.X), qx);
        Fp y3 = Fp.Sub(Fp.Mul(lambda, Fp.Sub(p.X, x3)), p.Y);
        return new G1Affine(x3, y3);
    }
}
