using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>
/// Karabina's compressed squaring (<see cref="Fp12.CompressedSquare"/>) on <see cref="FpV"/>: the
/// compressed state g2, g3, g4, g5 is exactly eight base-field values, one vector with lanes
/// (g2.re, g2.im, g3.re, g3.im, g4.re, g4.im, g5.re, g5.im). One squaring is two 8-lane Montgomery
/// products plus permutes and small-coefficient combinations.
/// </summary>
[SkipLocalsInit]
internal static class CyclotomicVector
{
    // Lane permutations (vpermq / vpermt2q indices; 8..15 select from the second source).
    private static Vector512<ulong> SwapPairs => Vector512.Create(1UL, 0, 3, 2, 5, 4, 7, 6);
    private static Vector512<ulong> LeftB => Vector512.Create(0UL, 1, 0, 1, 4, 5, 4, 5);
    private static Vector512<ulong> RightB => Vector512.Create(2UL, 3, 3, 2, 6, 7, 7, 6);

    /// <summary>
    /// One compressed squaring in place. Input: normalized, each lane below 2.2p. Output: the same.
    /// </summary>
    /// <remarks>
    /// 1. Products. Batch A, for y = g2..g5 in lanes (2k, 2k+1): (y.re + y.im)(y.re − y.im) and
    ///    y.re·y.im, so y² = (A[2k], 2·A[2k+1]). Batch B: the four products of g2·g3 and of g4·g5
    ///    (re·re, im·im, re·im, im·re), so gi·gj = (B[..0] − B[..1], B[..2] + B[..3]).
    /// 2. With Tij = 2gi·gj and the squares, h2 = 2g2 + 3ξ·T45, h3 = 3(g4² + ξg5²) − 2g3,
    ///    h4 = 3(g2² + ξg3²) − 2g4, h5 = 2g5 + 3·T23 (ξ(a + bu) = (a − b) + (a + b)u), which per lane is
    ///    h2.re = 2g2.re + 6(B4 − B5 − B6 − B7)    h2.im = 2g2.im + 6(B4 − B5 + B6 + B7)
    ///    h3.re = 3(A4 + A6 − 2A7) − 2g3.re        h3.im = 3(2A5 + A6 + 2A7) − 2g3.im
    ///    h4.re = 3(A0 + A2 − 2A3) − 2g4.re        h4.im = 3(2A1 + A2 + 2A3) − 2g4.im
    ///    h5.re = 2g5.re + 6(B0 − B1)              h5.im = 2g5.im + 6(B2 + B3)
    ///    — four permuted terms with per-lane coefficients, plus ±2 times the input lane.
    /// 3. Add 32p (the combination is above −32p), normalize, reduce below 2.2p.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void CompressedSquare(ref FpV s)
    {
        // 1. Operands.
        Unsafe.SkipInit(out FpV la);
        Unsafe.SkipInit(out FpV ra);
        Unsafe.SkipInit(out FpV lb);
        Unsafe.SkipInit(out FpV rb);
        var swap = SwapPairs;
        var leftB = LeftB;
        var rightB = RightB;
        for (int i = 0; i < FpVector.Limbs; i++)
        {
            var x = s[i];
            var sw = Avx512F.PermuteVar8x64(x, swap);
            // Even lanes: re + im and re − im (+ 4p so that limbs stay non-negative); odd lanes: re and im.
            la[i] = Avx512F.BlendVariable(Avx512F.Add(x, sw), sw, OddLanes);
            ra[i] = Avx512F.BlendVariable(Avx512F.Subtract(Avx512F.Add(x, FpVector.Bias4PLimb(i)), sw), x, OddLanes);
            lb[i] = Avx512F.PermuteVar8x64(x, leftB);
            rb[i] = Avx512F.PermuteVar8x64(x, rightB);
        }
        Unsafe.SkipInit(out FpV a);
        Unsafe.SkipInit(out FpV b);
        FpVector.MontMul(ref a, la, ra);
        FpVector.MontMul(ref b, lb, rb);

        // 2. h = Σ coefficient·term, signed limbs.
        var idx0 = Vector512.Create(12UL, 12, 4, 5, 0, 1, 8, 10);
        var idx1 = Vector512.Create(13UL, 13, 6, 6, 2, 2, 9, 11);
        var idx2 = Vector512.Create(14UL, 14, 7, 7, 3, 3, 0, 0);
        var idx3 = Vector512.Create(15UL, 15, 0, 0, 0, 0, 0, 0);
        var c0 = Vector512.Create(6L, 6, 3, 6, 3, 6, 6, 6).AsInt32();
        var c1 = Vector512.Create(-6L, -6, 3, 3, 3, 3, -6, 6).AsInt32();
        var c2 = Vector512.Create(-6L, 6, -6, 6, -6, 6, 0, 0).AsInt32();
        var c3 = Vector512.Create(-6L, 6, 0, 0, 0, 0, 0, 0).AsInt32();
        var cs = Vector512.Create(2L, 2, -2, -2, -2, -2, 2, 2).AsInt32();
        for (int i = 0; i < FpVector.Limbs; i++)
        {
            var ai = a[i];
            var bi = b[i];
            var h = Avx512F.Add(Avx512F.Multiply(s[i].AsInt32(), cs), FpVector.P32Limb(i).AsInt64());
            h = Avx512F.Add(h, Avx512F.Multiply(Avx512F.PermuteVar8x64x2(ai, idx0, bi).AsInt32(), c0));
            h = Avx512F.Add(h, Avx512F.Multiply(Avx512F.PermuteVar8x64x2(ai, idx1, bi).AsInt32(), c1));
            h = Avx512F.Add(h, Avx512F.Multiply(Avx512F.PermuteVar8x64x2(ai, idx2, bi).AsInt32(), c2));
            h = Avx512F.Add(h, Avx512F.Multiply(Avx512F.PermuteVar8x64x2(ai, idx3, bi).AsInt32(), c3));
            s[i] = h.AsUInt64();
        }

        // 3. Back to a normalized value below 2.2p.
        FpVector.Normalize(ref s);
        FpVector.ReduceWeak(ref s);
    }

    /// <summary>Mask of the odd lanes for <see cref="Avx512F.BlendVariable(Vector512{ulong}, Vector512{ulong}, Vector512{ulong})"/>.</summary>
    private static Vector512<ulong> OddLanes => Vector512.Create(0UL, ~0UL, 0, ~0UL, 0, ~0UL, 0, ~0UL);
}
