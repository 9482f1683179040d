using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>
/// An Fp12 element on AVX-512 lanes: four <see cref="FpV"/> indexed 2i + k, where i is the power of
/// w (c0 or c1), k selects the real (0) or imaginary (1) part, and lane j (0..2) holds the
/// coefficient of v^j. Lanes 3..7 are scratch. Every value is normalized and below 2.2p.
/// </summary>
[InlineArray(4)]
internal struct Fp12V
{
    private FpV _part;
}

/// <summary>
/// Fp12 products on <see cref="Fp12V"/>: Karatsuba along all three tower axes at once, so that
/// the base-field products of one Fp12 operation are independent and fill vector lanes.
/// </summary>
/// <remarks>
/// An element is a polynomial in w (degree 1, over Fp6), v (degree 2, over Fp2) and u (degree 1,
/// over Fp). A product evaluates both factors at Karatsuba points on each axis — w: {0, 1, 0+1},
/// v: {0, 1, 2, 1+2, 0+1, 0+2} (in lanes), u: {re, im, re+im} — multiplies pointwise (one 8-lane
/// Montgomery product per (w-point, u-point) pair: 9 for a product, 6 for a square or a line),
/// then interpolates back and reduces by u² = −1, v³ = ξ = 1 + u and w² = v. Evaluation needs only
/// additions and lane permutes; interpolation subtractions make limbs negative, so results get 2^9·p
/// added, are normalized with arithmetic shifts and weakly reduced below 2.2p. Bounds: operands
/// below 2.2p evaluate to at most 8 terms (&lt; 17.6p, limbs &lt; 2^31 before one parallel carry
/// pass), pointwise products come out below 1.13p, and every output combination has an absolute
/// coefficient sum far below the 512 that the bias covers.
/// </remarks>
[SkipLocalsInit]
internal static class Fp12Vector
{
    private const int L = FpVector.Limbs;

    // v-axis evaluation: lanes (x0, x1, x2, x1 + x2, x0 + x1, x0 + x2); index 8 reads the zero vector.
    private static Vector512<ulong> EvalA => Vector512.Create(0UL, 1, 2, 1, 0, 0, 8, 8);
    private static Vector512<ulong> EvalB => Vector512.Create(8UL, 8, 8, 2, 1, 2, 8, 8);

    // v-axis interpolation of point products (p0, p1, p2, p12, p01, p02) into the degree-4
    // coefficients c0 = p0, c1 = p01 − p0 − p1, c2 = p02 − p0 − p2 + p1, c3 = p12 − p1 − p2, c4 = p2.
    private static Vector512<ulong> InterpPlus => Vector512.Create(0UL, 4, 5, 3, 2, 8, 8, 8);
    private static Vector512<ulong> InterpMinus1 => Vector512.Create(8UL, 0, 0, 1, 8, 8, 8, 8);
    private static Vector512<ulong> InterpMinus2 => Vector512.Create(8UL, 1, 2, 2, 8, 8, 8, 8);
    private static Vector512<ulong> InterpPlus2 => Vector512.Create(8UL, 8, 1, 8, 8, 8, 8, 8);
    // (c3, c4, 0): the part folded back by v³ = ξ.
    private static Vector512<ulong> High => Vector512.Create(3UL, 4, 8, 8, 8, 8, 8, 8);
    // v·(x0, x1, x2) = (ξx2, x0, x1): (x2, x0, x1) and (x2, 0, 0).
    private static Vector512<ulong> RotateUp => Vector512.Create(2UL, 0, 1, 8, 8, 8, 8, 8);
    private static Vector512<ulong> TopOnly => Vector512.Create(2UL, 8, 8, 8, 8, 8, 8, 8);
    // v²·(x0, x1, x2) = (ξx1, ξx2, x0): (x1, x2, x0) and (x1, x2, 0).
    private static Vector512<ulong> RotateUp2 => Vector512.Create(1UL, 2, 0, 8, 8, 8, 8, 8);
    private static Vector512<ulong> TopTwo => Vector512.Create(1UL, 2, 8, 8, 8, 8, 8, 8);

    /// <summary>512p, normalized: added before normalizing a signed combination.</summary>
    private static readonly ulong[] s_bias = FpVector.MultipleOfP(512);

    /// <summary>16p, normalized: makes re − im non-negative at a square's evaluation points (|re − im| &lt; 8.8p).</summary>
    private static readonly ulong[] s_bias16 = FpVector.MultipleOfP(16);

    // ---------------------------------------------------------------- conversions

    /// <summary>Loads a scalar Fp12 (two <see cref="FpVector.Load"/> calls and lane permutes).</summary>
    public static void Load(in Fp12 a, ref Fp12V r)
    {
        Span<Fp> lanes = stackalloc Fp[8];
        lanes.Clear();
        // Real parts of c0 and c1 in one vector, imaginary parts in the other.
        lanes[0] = a.C0.C0.C0; lanes[1] = a.C0.C1.C0; lanes[2] = a.C0.C2.C0;
        lanes[4] = a.C1.C0.C0; lanes[5] = a.C1.C1.C0; lanes[6] = a.C1.C2.C0;
        Unsafe.SkipInit(out FpV re);
        Unsafe.SkipInit(out FpV im);
        FpVector.Load(lanes, ref re);
        lanes[0] = a.C0.C0.C1; lanes[1] = a.C0.C1.C1; lanes[2] = a.C0.C2.C1;
        lanes[4] = a.C1.C0.C1; lanes[5] = a.C1.C1.C1; lanes[6] = a.C1.C2.C1;
        FpVector.Load(lanes, ref im);
        var upper = Vector512.Create(4UL, 5, 6, 8, 8, 8, 8, 8);
        var zero = Vector512<ulong>.Zero;
        for (int i = 0; i < L; i++)
        {
            r[0][i] = re[i];
            r[1][i] = im[i];
            r[2][i] = Avx512F.PermuteVar8x64x2(re[i], upper, zero);
            r[3][i] = Avx512F.PermuteVar8x64x2(im[i], upper, zero);
        }
    }

    /// <summary>Stores as a canonical scalar Fp12.</summary>
    public static void Store(in Fp12V a, out Fp12 r)
    {
        Unsafe.SkipInit(out FpV re);
        Unsafe.SkipInit(out FpV im);
        var merge = Vector512.Create(0UL, 1, 2, 3, 8, 9, 10, 11);
        var valid = Vector512.Create(~0UL, ~0UL, ~0UL, 0, ~0UL, ~0UL, ~0UL, 0);
        for (int i = 0; i < L; i++)
        {
            re[i] = Avx512F.And(Avx512F.PermuteVar8x64x2(a[0][i], merge, a[2][i]), valid);
            im[i] = Avx512F.And(Avx512F.PermuteVar8x64x2(a[1][i], merge, a[3][i]), valid);
        }
        Span<Fp> r8 = stackalloc Fp[8], i8 = stackalloc Fp[8];
        FpVector.Store(re, r8);
        FpVector.Store(im, i8);
        r = new Fp12(
            new Fp6(new Fp2(r8[0], i8[0]), new Fp2(r8[1], i8[1]), new Fp2(r8[2], i8[2])),
            new Fp6(new Fp2(r8[4], i8[4]), new Fp2(r8[5], i8[5]), new Fp2(r8[6], i8[6])));
    }

    /// <summary>The vector form of 1.</summary>
    public static void One(ref Fp12V r)
    {
        Span<Fp> lanes = stackalloc Fp[8];
        lanes.Clear();
        lanes[0] = Fp.One;
        Unsafe.SkipInit(out FpV one);
        FpVector.Load(lanes, ref one);
        r[0] = one;
        r[1] = default;
        r[2] = default;
        r[3] = default;
    }

    // ---------------------------------------------------------------- products

    /// <summary>r = a·b (nine 8-lane Montgomery products). r may alias a or b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Mul(ref Fp12V r, in Fp12V a, in Fp12V b)
    {
        // 1. Evaluate both factors: e[3·wPoint + uPoint], wPoint ∈ {c0, c1, c0+c1}, uPoint ∈ {re, im, re+im}.
        Span<FpV> ea = stackalloc FpV[9];
        Span<FpV> eb = stackalloc FpV[9];
        Evaluate(a, ea);
        Evaluate(b, eb);
        // 2. Pointwise products.
        for (int t = 0; t < 9; t++) FpVector.MontMul(ref ea[t], ea[t], eb[t]);
        // 3. u-axis: (re, im, sum) → (re·re' − im·im', sum·sum' − re·re' − im·im'), then v- and w-axes.
        Interpolate(ea, ref r, square: false);
    }

    /// <summary>r = a² (six 8-lane Montgomery products). r may alias a.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Square(ref Fp12V r, in Fp12V a)
    {
        // 1. Evaluate at the w- and v-points; for each Fp2 value y there, y² = (y.re + y.im)(y.re − y.im) + 2·y.re·y.im·u.
        Span<FpV> ea = stackalloc FpV[9];
        Evaluate(a, ea);
        Span<FpV> products = stackalloc FpV[9];
        for (int w = 0; w < 3; w++)
        {
            ref FpV re = ref ea[3 * w];
            ref FpV im = ref ea[3 * w + 1];
            ref FpV sum = ref ea[3 * w + 2];
            // re − im can be negative (down to −8.8p): add 16p, normalize.
            Unsafe.SkipInit(out FpV diff);
            for (int i = 0; i < L; i++)
                diff[i] = Avx512F.Add(Avx512F.Subtract(re[i].AsInt64(), im[i].AsInt64()), Vector512.Create(s_bias16[i]).AsInt64()).AsUInt64();
            FpVector.Normalize(ref diff);
            FpVector.MontMul(ref products[3 * w], sum, diff);       // re² − im²
            FpVector.MontMul(ref products[3 * w + 1], re, im);      // re·im
        }
        // 2. Shape them like Mul's (re·re', im·im', sum·sum') triple would interpolate: real = P0,
        //    imaginary = 2·P1; Interpolate(square: true) reads them that way.
        Interpolate(products, ref r, square: true);
    }

    /// <summary>
    /// f·(ℓ0 + ℓ1·v + v·w) for a normalized line (<see cref="Fp12.MulByNormalizedLine"/>): six
    /// 8-lane products. <paramref name="lineEval"/> holds the line's v-axis evaluation
    /// (ℓ0, ℓ1, 0, ℓ1, ℓ0 + ℓ1, ℓ0) for re, im and re+im (see <see cref="EvaluateLine"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MulByLine(ref Fp12V f, ReadOnlySpan<FpV> lineEval)
    {
        // 1. Evaluate f's two halves (w-points c0 and c1 only: the line's w-part is handled by shifts).
        Span<FpV> ef = stackalloc FpV[9];
        Evaluate(f, ef);
        // 2. g_i = f_i·b0 for i = 0, 1 (b0 = ℓ0 + ℓ1·v).
        for (int t = 0; t < 6; t++) FpVector.MontMul(ref ef[t], ef[t], lineEval[t % 3]);
        // 3. c0 = f0·b0 + v²·f1, c1 = f1·b0 + v·f0.
        Span<FpV> g = stackalloc FpV[4];
        InterpolateFp6(ef[0], ef[1], ef[2], ref g[0], ref g[1], square: false);
        InterpolateFp6(ef[3], ef[4], ef[5], ref g[2], ref g[3], square: false);
        var rot2 = RotateUp2;
        var top2 = TopTwo;
        var rot = RotateUp;
        var top = TopOnly;
        for (int i = 0; i < L; i++)
        {
            // v²·f1 = (ξ·f1[1], ξ·f1[2], f1[0]); ξ(x + yu) = (x − y) + (x + y)u.
            var f1re = f[2][i].AsInt64();
            var f1im = f[3][i].AsInt64();
            var r2re = Perm(f1re, rot2);
            var r2im = Perm(f1im, rot2);
            var t2re = Perm(f1re, top2);
            var t2im = Perm(f1im, top2);
            // Lanes 0, 1: ξ·x = (x.re − x.im, x.re + x.im) = rotated + (−x.im, x.re)-correction on those lanes.
            var v2re = Avx512F.Subtract(r2re, t2im);
            var v2im = Avx512F.Add(r2im, t2re);
            // v·f0 = (ξ·f0[2], f0[0], f0[1]).
            var f0re = f[0][i].AsInt64();
            var f0im = f[1][i].AsInt64();
            var r1re = Perm(f0re, rot);
            var r1im = Perm(f0im, rot);
            var t1re = Perm(f0re, top);
            var t1im = Perm(f0im, top);
            var v1re = Avx512F.Subtract(r1re, t1im);
            var v1im = Avx512F.Add(r1im, t1re);
            var bias = Vector512.Create(s_bias[i]).AsInt64();
            f[0][i] = Avx512F.Add(Avx512F.Add(g[0][i].AsInt64(), v2re), bias).AsUInt64();
            f[1][i] = Avx512F.Add(Avx512F.Add(g[1][i].AsInt64(), v2im), bias).AsUInt64();
            f[2][i] = Avx512F.Add(Avx512F.Add(g[2][i].AsInt64(), v1re), bias).AsUInt64();
            f[3][i] = Avx512F.Add(Avx512F.Add(g[3][i].AsInt64(), v1im), bias).AsUInt64();
        }
        for (int k = 0; k < 4; k++) { FpVector.Normalize(ref f[k]); FpVector.ReduceWeak(ref f[k]); }
    }

    /// <summary>
    /// The v-axis evaluation of a normalized line ℓ0 + ℓ1·v held in four lanes of
    /// <paramref name="coefficients"/> starting at <paramref name="firstLane"/> (ℓ0.re, ℓ0.im,
    /// ℓ1.re, ℓ1.im): three vectors (re, im, re+im) with lanes (ℓ0, ℓ1, 0, ℓ1, ℓ0 + ℓ1, ℓ0).
    /// </summary>
    public static void EvaluateLine(in FpV coefficients, int firstLane, Span<FpV> eval)
    {
        ulong q = (ulong)firstLane;
        var zero = Vector512<ulong>.Zero;
        var reA = Vector512.Create(q, q + 2, 8, q + 2, q, q, 8, 8);
        var reB = Vector512.Create(8UL, 8, 8, 8, q + 2, 8, 8, 8);
        var imA = Vector512.Create(q + 1, q + 3, 8, q + 3, q + 1, q + 1, 8, 8);
        var imB = Vector512.Create(8UL, 8, 8, 8, q + 3, 8, 8, 8);
        for (int i = 0; i < L; i++)
        {
            var c = coefficients[i];
            var re = Avx512F.Add(Avx512F.PermuteVar8x64x2(c, reA, zero), Avx512F.PermuteVar8x64x2(c, reB, zero));
            var im = Avx512F.Add(Avx512F.PermuteVar8x64x2(c, imA, zero), Avx512F.PermuteVar8x64x2(c, imB, zero));
            eval[0][i] = re;
            eval[1][i] = im;
            eval[2][i] = Avx512F.Add(re, im);
        }
    }

    // ---------------------------------------------------------------- evaluation and interpolation

    /// <summary>
    /// e[3w + k]: the v-axis evaluation of a at w-point w ∈ {c0, c1, c0 + c1} and u-point
    /// k ∈ {re, im, re + im}; sums of more than two terms get one parallel carry pass.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Evaluate(in Fp12V a, Span<FpV> e)
    {
        var zero = Vector512<ulong>.Zero;
        var ea = EvalA;
        var eb = EvalB;
        for (int i = 0; i < L; i++)
        {
            var x0re = a[0][i]; var x0im = a[1][i]; var x1re = a[2][i]; var x1im = a[3][i];
            var y0re = Avx512F.Add(Avx512F.PermuteVar8x64x2(x0re, ea, zero), Avx512F.PermuteVar8x64x2(x0re, eb, zero));
            var y0im = Avx512F.Add(Avx512F.PermuteVar8x64x2(x0im, ea, zero), Avx512F.PermuteVar8x64x2(x0im, eb, zero));
            var y1re = Avx512F.Add(Avx512F.PermuteVar8x64x2(x1re, ea, zero), Avx512F.PermuteVar8x64x2(x1re, eb, zero));
            var y1im = Avx512F.Add(Avx512F.PermuteVar8x64x2(x1im, ea, zero), Avx512F.PermuteVar8x64x2(x1im, eb, zero));
            var y2re = Avx512F.Add(y0re, y1re);
            var y2im = Avx512F.Add(y0im, y1im);
            e[0][i] = y0re; e[1][i] = y0im; e[2][i] = Avx512F.Add(y0re, y0im);
            e[3][i] = y1re; e[4][i] = y1im; e[5][i] = Avx512F.Add(y1re, y1im);
            e[6][i] = y2re; e[7][i] = y2im; e[8][i] = Avx512F.Add(y2re, y2im);
        }
        // Up to 8 terms of limbs below 2^28 (plus a normalized top limb): one parallel carry pass
        // brings limbs 0..12 below 2^28 + 8 for the products.
        CarryOnce(ref e[2]); CarryOnce(ref e[5]);
        CarryOnce(ref e[6]); CarryOnce(ref e[7]); CarryOnce(ref e[8]);
    }

    /// <summary>
    /// From the nine (or, for a square, six) pointwise products to the normalized result:
    /// u-axis, then v-axis with v³ = ξ, then w-axis with w² = v.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Interpolate(Span<FpV> p, ref Fp12V r, bool square)
    {
        // g[2w + k]: the Fp6 value (re/im parts) at w-point w.
        Span<FpV> g = stackalloc FpV[6];
        for (int w = 0; w < 3; w++)
            InterpolateFp6(p[3 * w], p[3 * w + 1], p[3 * w + 2], ref g[2 * w], ref g[2 * w + 1], square);
        // c0 = g0 + v·g1, c1 = g01 − g0 − g1; v·(x0, x1, x2) = (ξx2, x0, x1).
        var rot = RotateUp;
        var top = TopOnly;
        for (int i = 0; i < L; i++)
        {
            var g0re = g[0][i].AsInt64(); var g0im = g[1][i].AsInt64();
            var g1re = g[2][i].AsInt64(); var g1im = g[3][i].AsInt64();
            var g2re = g[4][i].AsInt64(); var g2im = g[5][i].AsInt64();
            var rre = Perm(g1re, rot);
            var rim = Perm(g1im, rot);
            var tre = Perm(g1re, top);
            var tim = Perm(g1im, top);
            var bias = Vector512.Create(s_bias[i]).AsInt64();
            r[0][i] = Avx512F.Add(Avx512F.Add(g0re, Avx512F.Subtract(rre, tim)), bias).AsUInt64();
            r[1][i] = Avx512F.Add(Avx512F.Add(g0im, Avx512F.Add(rim, tre)), bias).AsUInt64();
            r[2][i] = Avx512F.Add(Avx512F.Subtract(Avx512F.Subtract(g2re, g0re), g1re), bias).AsUInt64();
            r[3][i] = Avx512F.Add(Avx512F.Subtract(Avx512F.Subtract(g2im, g0im), g1im), bias).AsUInt64();
        }
        for (int k = 0; k < 4; k++) { FpVector.Normalize(ref r[k]); FpVector.ReduceWeak(ref r[k]); }
    }

    /// <summary>
    /// One w-point: from the u-point products (re·re', im·im', sum·sum') — or, for a square,
    /// (re² − im², re·im, unused) — to the Fp6 value reduced by v³ = ξ, as signed limbs
    /// (lanes 0..2; re and im parts).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void InterpolateFp6(in FpV p0, in FpV p1, in FpV p2, ref FpV outRe, ref FpV outIm, bool square)
    {
        var ip = InterpPlus; var im1 = InterpMinus1; var im2 = InterpMinus2; var ip2 = InterpPlus2; var hi = High;
        for (int i = 0; i < L; i++)
        {
            // 1. u-axis: the Fp2 point products.
            Vector512<long> qre, qim;
            if (square)
            {
                qre = p0[i].AsInt64();
                qim = Avx512F.ShiftLeftLogical(p1[i].AsInt64(), 1);
            }
            else
            {
                var a = p0[i].AsInt64(); var b = p1[i].AsInt64(); var s = p2[i].AsInt64();
                qre = Avx512F.Subtract(a, b);
                qim = Avx512F.Subtract(Avx512F.Subtract(s, a), b);
            }
            // 2. v-axis: degree-4 coefficients c0..c4 in lanes 0..4.
            var cre = Avx512F.Add(Avx512F.Subtract(Avx512F.Subtract(
                Perm(qre, ip), Perm(qre, im1)),
                Perm(qre, im2)), Perm(qre, ip2));
            var cim = Avx512F.Add(Avx512F.Subtract(Avx512F.Subtract(
                Perm(qim, ip), Perm(qim, im1)),
                Perm(qim, im2)), Perm(qim, ip2));
            // 3. Fold c3, c4 back with v³ = ξ: r_j = c_j + ξ·c_(j+3).
            var hre = Perm(cre, hi);
            var him = Perm(cim, hi);
            outRe[i] = Avx512F.Add(cre, Avx512F.Subtract(hre, him)).AsUInt64();
            outIm[i] = Avx512F.Add(cim, Avx512F.Add(hre, him)).AsUInt64();
        }
    }

    /// <summary>Lane permutation of signed limbs; index 8 reads zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<long> Perm(Vector512<long> x, Vector512<ulong> index) =>
        Avx512F.PermuteVar8x64x2(x, index.AsInt64(), Vector512<long>.Zero);

    /// <summary>
    /// One parallel carry pass on non-negative limbs below 2^32: limb i becomes (limb i mod 2^28)
    /// + (limb i−1 ≫ 28), so limbs 0..12 end below 2^28 + 16 and the value is unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CarryOnce(ref FpV v)
    {
        var mask = Vector512.Create(FpVector.LimbMask);
        var below = v[L - 2];
        v[L - 1] = Avx512F.Add(v[L - 1], Avx512F.ShiftRightLogical(below, FpVector.LimbBits));
        for (int i = L - 2; i > 0; i--)
        {
            var lower = v[i - 1];
            v[i] = Avx512F.Add(Avx512F.And(v[i], mask), Avx512F.ShiftRightLogical(lower, FpVector.LimbBits));
        }
        v[0] = Avx512F.And(v[0], mask);
    }
}
