using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Multiplication of G1 points by fixed scalars prepared as <see cref="GlvScalar"/>: [k]P = [k₁]P + [k₂]φ(P) with
/// φ(x, y) = (β·x, y) = [λ]P, evaluated as one interleaved double-and-add over the two width-w NAFs (about 128
/// doublings and 2·128/(w + 1) additions instead of 255 doublings).
/// </summary>
public static class G1Glv
{
    /// <summary>
    /// β, the cube root of unity in Fp for which φ(x, y) = (β·x, y) acts on G1 as multiplication by
    /// <see cref="GlvScalar.Lambda"/> (the other cube root gives λ²).
    /// </summary>
    public static readonly Fp Beta = Fp.FromBytes(Convert.FromHexString(
        "1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaac"));

    /// <summary>φ(P) = (β·X, Y, Z) in Jacobian coordinates (x = X/Z², so βx = βX/Z²).</summary>
    public static G1Jacobian Endomorphism(in G1Jacobian p) => new(Fp.Mul(Beta, p.X), p.Y, p.Z);

    /// <summary>[k]P.</summary>
    public static G1Jacobian Multiply(in G1Jacobian p, GlvScalar k)
    {
        if (p.IsInfinity) return p;
        // 1. Odd multiples P, 3P, …, (2^(w−1) − 1)P and their images under φ.
        int count = 1 << (k.Window - 2);
        Span<G1Jacobian> table = stackalloc G1Jacobian[count];
        Span<G1Jacobian> tablePhi = stackalloc G1Jacobian[count];
        table[0] = p;
        if (count > 1)
        {
            G1Jacobian twice = G1Jacobian.Double(p);
            for (int i = 1; i < count; i++) table[i] = G1Jacobian.Add(table[i - 1], twice);
        }
        for (int i = 0; i < count; i++) tablePhi[i] = Endomorphism(table[i]);

        // 2. Interleaved double-and-add from the top digit.
        var n1 = k.Naf1;
        var n2 = k.Naf2;
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int i = k.Length - 1; i >= 0; i--)
        {
            if (!acc.IsInfinity) acc = G1Jacobian.Double(acc);
            int d1 = i < n1.Length ? n1[i] : 0;
            if (d1 > 0) acc = G1Jacobian.Add(acc, table[d1 >> 1]);
            else if (d1 < 0) acc = G1Jacobian.Add(acc, G1Jacobian.Negate(table[(-d1) >> 1]));
            int d2 = i < n2.Length ? n2[i] : 0;
            if (d2 > 0) acc = G1Jacobian.Add(acc, tablePhi[d2 >> 1]);
            else if (d2 < 0) acc = G1Jacobian.Add(acc, G1Jacobian.Negate(tablePhi[(-d2) >> 1]));
        }
        return acc;
    }

    /// <summary>
    /// results[k] = [scalars[k]]·points[k] for a batch of affine points: the odd-multiple tables are built with
    /// batched affine doublings and additions (one inversion per step for the whole batch), the double-and-add runs in
    /// Jacobian coordinates with mixed additions, and the results are normalised with one more inversion.
    /// All scalars must use the same NAF width.
    /// </summary>
    public static void MultiplyBatch(ReadOnlySpan<G1Affine> points, ReadOnlySpan<GlvScalar> scalars, Span<G1Affine> results)
    {
        int n = points.Length;
        if (scalars.Length != n || results.Length < n) throw new ArgumentException("batch sizes differ");
        if (n == 0) return;
        int window = scalars[0].Window;
        int count = 1 << (window - 2);
        // 1. Tables: table[e·n + k] = (2e + 1)·points[k], built column by column.
        var table = new G1Affine[count * n];
        var scratch = new Fp[2 * n];
        points.CopyTo(table);
        if (count > 1)
        {
            var twice = new G1Affine[n];
            G1BatchAffine.Double(points, twice, scratch);
            for (int e = 1; e < count; e++)
            {
                var column = table.AsSpan(e * n, n);
                table.AsSpan((e - 1) * n, n).CopyTo(column);
                G1BatchAffine.AddAssign(column, twice, scratch);
            }
        }
        // 2. Interleaved double-and-add per point, φ applied to table entries on the fly.
        var jacobian = new G1Jacobian[n];
        Span<G1Affine> phi = stackalloc G1Affine[count];
        for (int k = 0; k < n; k++)
        {
            var glv = scalars[k];
            if (glv.Window != window) throw new ArgumentException("all scalars of a batch must use the same NAF width");
            if (points[k].IsInfinity) { jacobian[k] = G1Jacobian.Infinity; continue; }
            var n1 = glv.Naf1;
            var n2 = glv.Naf2;
            for (int e = 0; e < count; e++)
            {
                ref readonly G1Affine t = ref table[e * n + k];
                phi[e] = t.IsInfinity ? t : new G1Affine(Fp.Mul(Beta, t.X), t.Y);
            }
            G1Jacobian acc = G1Jacobian.Infinity;
            for (int i = glv.Length - 1; i >= 0; i--)
            {
                if (!acc.IsInfinity) acc = G1Jacobian.Double(acc);
                int d1 = i < n1.Length ? n1[i] : 0;
                if (d1 != 0)
                {
                    ref readonly G1Affine t = ref table[(Math.Abs(d1) >> 1) * n + k];
                    acc = G1Jacobian.AddMixed(acc, d1 > 0 ? t : G1Affine.Negate(t));
                }
                int d2 = i < n2.Length ? n2[i] : 0;
                if (d2 != 0)
                {
                    ref readonly G1Affine t = ref phi[Math.Abs(d2) >> 1];
                    acc = G1Jacobian.AddMixed(acc, d2 > 0 ? t : G1Affine.Negate(t));
                }
            }
            jacobian[k] = acc;
        }
        // 3. Back to affine.
        G1Jacobian.BatchToAffine(jacobian, results);
    }
}
