using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

/// <summary>
/// The final exponentiation's operations on <see cref="Fp12V"/>: conjugate, Frobenius maps and
/// the exponentiation by x (compressed squarings on one vector, <see cref="CyclotomicVector"/>).
/// </summary>
[SkipLocalsInit]
internal static class Fp12VectorCyclotomic
{
    private const int L = FpVector.Limbs;

    /// <summary>
    /// Frobenius constants in <see cref="Fp12V"/> layout, for powers 1, 2, 3: the c0 part holds
    /// (1, γ(k, 2), γ(k, 4)) and the c1 part (γ(k, 1), γ(k, 3), γ(k, 5)), γ(k, i) = ξ^(i(p^k − 1)/6),
    /// read off the scalar maps of w^i.
    /// </summary>
    private static readonly Fp12V[] s_frobenius = BuildFrobenius();

    private static Fp12V[] BuildFrobenius()
    {
        var table = new Fp12V[4];
        if (!FpVector.IsSupported) return table;
        var gamma = new Fp2[6];
        for (int k = 1; k <= 3; k++)
        {
            for (int i = 0; i < 6; i++)
            {
                var c = new Fp2[6];
                c[i] = Fp2.One;
                var w = new Fp12(new Fp6(c[0], c[2], c[4]), new Fp6(c[1], c[3], c[5]));
                var image = Fp12.Frobenius(w, k);
                Fp2[] coefficients = [image.C0.C0, image.C1.C0, image.C0.C1, image.C1.C1, image.C0.C2, image.C1.C2];
                gamma[i] = coefficients[i];
            }
            var constants = new Fp12(new Fp6(gamma[0], gamma[2], gamma[4]), new Fp6(gamma[1], gamma[3], gamma[5]));
            Fp12Vector.Load(constants, ref table[k]);
        }
        return table;
    }

    /// <summary>r = conj(a) = c0 − c1·w (the inverse on the cyclotomic subgroup). r may alias a.</summary>
    public static void Conjugate(ref Fp12V r, in Fp12V a)
    {
        if (!Unsafe.AreSame(ref r, ref Unsafe.AsRef(in a))) { r[0] = a[0]; r[1] = a[1]; }
        for (int k = 2; k < 4; k++)
        {
            // 4p (borrowed limbs) − x: non-negative limbs, value below 4p; then back below 2.2p.
            for (int i = 0; i < L; i++) r[k][i] = Avx512F.Subtract(FpVector.Bias4PLimb(i), a[k][i]);
            FpVector.Normalize(ref r[k]);
            FpVector.ReduceWeak(ref r[k]);
        }
    }

    /// <summary>r = a^(p^power) for power 1, 2 or 3: conjugate the Fp2 coefficients (odd powers), then multiply by γ lane by lane.</summary>
    public static void Frobenius(ref Fp12V r, in Fp12V a, int power)
    {
        if (power is < 1 or > 3) throw new ArgumentOutOfRangeException(nameof(power));
        ref readonly Fp12V c = ref s_frobenius[power];
        bool odd = (power & 1) != 0;
        Unsafe.SkipInit(out FpV p1); Unsafe.SkipInit(out FpV p2); Unsafe.SkipInit(out FpV p3); Unsafe.SkipInit(out FpV p4);
        for (int part = 0; part < 2; part++)
        {
            ref readonly FpV re = ref a[2 * part];
            ref readonly FpV im = ref a[2 * part + 1];
            // (re ± im·u)(cre + cim·u): re·cre ∓ im·cim, re·cim ± im·cre.
            FpVector.MontMul(ref p1, re, c[2 * part]);
            FpVector.MontMul(ref p2, im, c[2 * part + 1]);
            FpVector.MontMul(ref p3, re, c[2 * part + 1]);
            FpVector.MontMul(ref p4, im, c[2 * part]);
            for (int i = 0; i < L; i++)
            {
                var bias = FpVector.Bias4PLimb(i);
                if (odd)
                {
                    r[2 * part][i] = Avx512F.Add(p1[i], p2[i]);
                    r[2 * part + 1][i] = Avx512F.Subtract(Avx512F.Add(p3[i], bias), p4[i]);
                }
                else
                {
                    r[2 * part][i] = Avx512F.Subtract(Avx512F.Add(p1[i], bias), p2[i]);
                    r[2 * part + 1][i] = Avx512F.Add(p3[i], p4[i]);
                }
            }
            FpVector.Normalize(ref r[2 * part]); FpVector.ReduceWeak(ref r[2 * part]);
            FpVector.Normalize(ref r[2 * part + 1]); FpVector.ReduceWeak(ref r[2 * part + 1]);
        }
    }

    /// <summary>
    /// r = a^x (x = −0xd201000000010000) for a in the cyclotomic subgroup: 63 compressed squarings on
    /// one vector, the six saved powers decompressed in scalar form (one batched inversion), five
    /// products, a conjugate. Falls back to the scalar Granger–Scott chain when a saved g2 is zero.
    /// </summary>
    public static void ExpByX(ref Fp12V r, in Fp12V a)
    {
        // 1. The compressed state (g2, g3, g4, g5) = (c1.c0, c0.c2, c0.c1, c1.c2), re and im lanes.
        Unsafe.SkipInit(out FpV s);
        var idx01 = Vector512.Create(8UL, 8, 2, 10, 1, 9, 8, 8);   // from (c0.re, c0.im): lanes 2..5
        var idx23 = Vector512.Create(0UL, 8, 0, 0, 0, 0, 2, 10);   // from (c1.re, c1.im): lanes 0, 1, 6, 7
        var middle = Vector512.Create(0UL, 0, ~0UL, ~0UL, ~0UL, ~0UL, 0, 0);
        for (int i = 0; i < L; i++)
            s[i] = Avx512F.BlendVariable(
                Avx512F.PermuteVar8x64x2(a[2][i], idx23, a[3][i]),
                Avx512F.PermuteVar8x64x2(a[0][i], idx01, a[1][i]), middle);

        // 2. 63 squarings, keeping a^(2^k) for the set bits k = 16, 48, 57, 60, 62, 63 of |x|.
        Span<FpV> saved = stackalloc FpV[6];
        int n = 0;
        for (int k = 1; k <= 63; k++)
        {
            CyclotomicVector.CompressedSquare(ref s);
            if (((Fp12.BlsXAbs >> k) & 1) != 0 || k == 63) saved[n++] = s;
        }

        // 3. Decompress in scalar form: g1 = (ξ·g5² + 3·g4² − 2·g3) / (4·g2), one batched inversion.
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        Span<Fp2> g = stackalloc Fp2[24];
        Span<Fp2> inv = stackalloc Fp2[6];
        for (int j = 0; j < 6; j++)
        {
            FpVector.Store(saved[j], lanes);
            for (int t = 0; t < 4; t++) g[4 * j + t] = new Fp2(lanes[2 * t], lanes[2 * t + 1]);
            if (g[4 * j].IsZero)
            {
                Fp12Vector.Store(a, out var scalar);
                Fp12Vector.Load(Fp12.CyclotomicExpByXGrangerScott(scalar), ref r);
                return;
            }
            inv[j] = Fp2.Double(Fp2.Double(g[4 * j]));
        }
        Fp12.BatchInverseByNorms(inv);

        // 4. a^|x| = ∏ a^(2^k), then conjugate.
        Unsafe.SkipInit(out Fp12V term);
        Fp12Vector.Load(Fp12.Decompress(g[0], g[1], g[2], g[3], inv[0]), ref r);
        for (int j = 1; j < 6; j++)
        {
            Fp12Vector.Load(Fp12.Decompress(g[4 * j], g[4 * j + 1], g[4 * j + 2], g[4 * j + 3], inv[j]), ref term);
            Fp12Vector.Mul(ref r, r, term);
        }
        Conjugate(ref r, r);
    }
}
