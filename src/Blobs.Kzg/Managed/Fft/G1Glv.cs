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
}
