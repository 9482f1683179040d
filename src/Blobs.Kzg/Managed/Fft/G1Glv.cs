using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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
        if (G1ChordVector.IsSupported && n >= LaneThreshold) MultiplyBatchLanes(points, scalars, results);
        else MultiplyBatchScalar(points, scalars, results);
    }

    /// <summary><see cref="MultiplyBatch"/> with scalar field arithmetic (any CPU).</summary>
    public static void MultiplyBatchScalar(ReadOnlySpan<G1Affine> points, ReadOnlySpan<GlvScalar> scalars, Span<G1Affine> results)
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

    /// <summary>From this many points on, the lane multiplication is used (when the CPU has AVX-512).</summary>
    public const int LaneThreshold = 4;

    /// <summary>A fixed offset O = [0x5ca1ab1e]G for the lane multiplication (the accumulators start at O, not at infinity).</summary>
    private static readonly G1Affine s_offset = G1Jacobian.Multiply(G1Jacobian.Generator, 0x5ca1ab1eUL).ToAffine();

    /// <summary>−[2^(4·32)]·O: added at the end to take the offset out again.</summary>
    private static readonly G1Affine s_offsetOut = OffsetOut();

    private static G1Affine OffsetOut()
    {
        var p = s_offset.ToJacobian();
        for (int i = 0; i < 4 * (GlvScalar.FixedWindowCount - 1); i++) p = G1Jacobian.Double(p);
        return G1Affine.Negate(p.ToAffine());
    }

    /// <summary>
    /// results[k] = [scalars[k]]·points[k] on eight AVX-512 lanes at a time: both GLV halves in fixed signed 4-bit
    /// windows (the same 33 window positions in every lane), tables of 1…8 times ±P and ±φ(P) built with batched affine
    /// arithmetic, then per window four lane doublings and two lane additions of the selected table entries (a lane
    /// whose digit is 0 keeps its value). The accumulators start at a fixed point O instead of infinity (the lane
    /// formulas are incomplete) and [2^128]O is subtracted at the end; a lane that hit a degenerate case (its Z is 0)
    /// is recomputed with the scalar formulas.
    /// </summary>
    public static void MultiplyBatchLanes(ReadOnlySpan<G1Affine> points, ReadOnlySpan<GlvScalar> scalars, Span<G1Affine> results)
    {
        const int lanes = FpVector.Lanes, entries = 8, windows = GlvScalar.FixedWindowCount;
        int n = points.Length;
        if (scalars.Length != n || results.Length < n) throw new ArgumentException("batch sizes differ");
        int padded = (n + lanes - 1) / lanes * lanes;

        // 1. Bases ±P and ±φ(P) (signs of k₁, k₂ folded in), padded with the offset point; tables of 1…8 times each,
        //    built for all 2·padded bases at once: table[e·2m + i] = (e + 1)·base[i].
        int m = padded;
        var table = new G1Affine[entries * 2 * m];
        for (int i = 0; i < m; i++)
        {
            G1Affine p = i < n ? points[i] : s_offset;
            if (p.IsInfinity) p = s_offset; // its result is set to infinity below
            var glv = scalars[i < n ? i : 0];
            table[i] = glv.K1.Sign < 0 ? G1Affine.Negate(p) : p;
            var phi = new G1Affine(Fp.Mul(Beta, p.X), p.Y);
            table[m + i] = glv.K2.Sign < 0 ? G1Affine.Negate(phi) : phi;
        }
        var scratch = new Fp[4 * m];
        G1BatchAffine.Double(table.AsSpan(0, 2 * m), table.AsSpan(2 * m, 2 * m), scratch);
        for (int e = 2; e < entries; e++)
        {
            var column = table.AsSpan(e * 2 * m, 2 * m);
            table.AsSpan((e - 1) * 2 * m, 2 * m).CopyTo(column);
            G1BatchAffine.AddAssign(column, table.AsSpan(0, 2 * m), scratch);
        }

        // 2. Eight lanes at a time.
        Span<Fp> xs = stackalloc Fp[lanes];
        Span<Fp> ys = stackalloc Fp[lanes];
        Span<Fp> zs = stackalloc Fp[lanes];
        var tx = new FpV[2 * entries];
        var ty = new FpV[2 * entries];
        var tyNeg = new FpV[2 * entries];
        var jacobian = new G1Jacobian[padded];
        Span<ulong> absDigit = stackalloc ulong[lanes];
        Span<ulong> negative = stackalloc ulong[lanes];
        Span<ulong> nonzero = stackalloc ulong[lanes];
        FpV offsetX = FpLanes.Broadcast(s_offset.X), offsetY = FpLanes.Broadcast(s_offset.Y), one = FpLanes.Broadcast(Fp.One);
        FpV outX = FpLanes.Broadcast(s_offsetOut.X), outY = FpLanes.Broadcast(s_offsetOut.Y);
        Unsafe.SkipInit(out FpV qx);
        Unsafe.SkipInit(out FpV qy);
        Unsafe.SkipInit(out FpV qyNeg);
        for (int g = 0; g < padded; g += lanes)
        {
            for (int half = 0; half < 2; half++)
                for (int e = 0; e < entries; e++)
                {
                    int column = e * 2 * m + half * m + g;
                    for (int j = 0; j < lanes; j++) { xs[j] = table[column + j].X; ys[j] = table[column + j].Y; }
                    FpVector.Load(xs, ref tx[half * entries + e]);
                    FpVector.Load(ys, ref ty[half * entries + e]);
                    FpLanes.Negate(ref tyNeg[half * entries + e], ty[half * entries + e], 4);
                }
            var acc = new G1Lanes { X = offsetX, Y = offsetY, Z = one };
            G1Lanes sum = default;
            for (int w = windows - 1; w >= 0; w--)
            {
                if (w < windows - 1)
                    for (int s = 0; s < 4; s++) G1Lanes.Double(ref acc);
                for (int half = 0; half < 2; half++)
                {
                    bool any = false;
                    for (int j = 0; j < lanes; j++)
                    {
                        var glv = scalars[g + j < n ? g + j : 0];
                        int d = (half == 0 ? glv.Fixed1 : glv.Fixed2)[w];
                        absDigit[j] = (ulong)Math.Abs(d);
                        negative[j] = d < 0 ? ulong.MaxValue : 0;
                        nonzero[j] = d != 0 ? ulong.MaxValue : 0;
                        any |= d != 0;
                    }
                    if (!any) continue;
                    var abs = Vector512.Create<ulong>(absDigit);
                    qx = tx[half * entries];
                    qy = ty[half * entries];
                    qyNeg = tyNeg[half * entries];
                    for (int e = 1; e < entries; e++)
                    {
                        var mask = Vector512.Equals(abs, Vector512.Create((ulong)(e + 1)));
                        if (mask == Vector512<ulong>.Zero) continue;
                        FpLanes.Select(ref qx, qx, tx[half * entries + e], mask);
                        FpLanes.Select(ref qy, qy, ty[half * entries + e], mask);
                        FpLanes.Select(ref qyNeg, qyNeg, tyNeg[half * entries + e], mask);
                    }
                    FpLanes.Select(ref qy, qy, qyNeg, Vector512.Create<ulong>(negative));
                    sum = acc;
                    G1Lanes.AddAffine(ref sum, qx, qy);
                    var take = Vector512.Create<ulong>(nonzero);
                    FpLanes.Select(ref acc.X, acc.X, sum.X, take);
                    FpLanes.Select(ref acc.Y, acc.Y, sum.Y, take);
                    FpLanes.Select(ref acc.Z, acc.Z, sum.Z, take);
                }
            }
            G1Lanes.AddAffine(ref acc, outX, outY);
            FpVector.Store(acc.X, xs);
            FpVector.Store(acc.Y, ys);
            FpVector.Store(acc.Z, zs);
            for (int j = 0; j < lanes; j++) jacobian[g + j] = new G1Jacobian(xs[j], ys[j], zs[j]);
        }

        // 3. Lanes with Z = 0 (a degenerate addition, or a true result at infinity) go through the scalar formulas.
        for (int i = 0; i < n; i++)
        {
            if (points[i].IsInfinity) { jacobian[i] = G1Jacobian.Infinity; continue; }
            if (jacobian[i].Z.IsZero) jacobian[i] = Multiply(points[i].ToJacobian(), scalars[i]);
        }
        G1Jacobian.BatchToAffine(jacobian.AsSpan(0, n), results);
    }
}
