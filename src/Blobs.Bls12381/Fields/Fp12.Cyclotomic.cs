namespace Blobs.Bls12381;

public readonly partial struct Fp12
{
    /// <summary>|x| for the BLS parameter x = −0xd201000000010000 (x is negative).</summary>
    public const ulong BlsXAbs = 0xd201000000010000UL;

    /// <summary>
    /// Square of an element of the cyclotomic subgroup (a^(p⁶ − 1)(p² + 1) for some a; every value
    /// after the easy part of the final exponentiation), by Granger–Scott: nine Fp2 squares instead
    /// of the twelve Fp2 products of <see cref="Square"/>. The result is meaningless for other elements.
    /// </summary>
    /// <remarks>
    /// Fp12 is viewed as Fp4[w]/(w³ − s), Fp4 = Fp2[s]/(s² − ξ), s = w³, with a = A + B·w + C·w²,
    /// A = (c0.c0, c1.c1), B = (c1.c0, c0.c2), C = (c0.c1, c1.c2). For cyclotomic a
    /// (Granger–Scott 2010, "Faster squaring in the cyclotomic subgroup of sixth degree extensions"):
    /// A' = 3A² − 2·conj(A), B' = 3s·C² + 2·conj(B), C' = 3B² − 2·conj(C), conj(x0 + x1·s) = x0 − x1·s.
    /// </remarks>
    public static Fp12 CyclotomicSquare(in Fp12 a)
    {
        // 1. The three Fp4 squares.
        Fp4Square(a.C0.C0, a.C1.C1, out var a0, out var a1);
        Fp4Square(a.C1.C0, a.C0.C2, out var b0, out var b1);
        Fp4Square(a.C0.C1, a.C1.C2, out var c0, out var c1);

        // 2. A' = 3A² − 2·conj(A).
        Fp2 z00 = Fp2.Add(Fp2.Double(Fp2.Sub(a0, a.C0.C0)), a0);
        Fp2 z11 = Fp2.Add(Fp2.Double(Fp2.Add(a1, a.C1.C1)), a1);

        // 3. B' = 3·s·C² + 2·conj(B), s·(c0 + c1·s) = ξ·c1 + c0·s.
        Fp2 xc1 = Fp2.MulByNonResidue(c1);
        Fp2 z10 = Fp2.Add(Fp2.Double(Fp2.Add(xc1, a.C1.C0)), xc1);
        Fp2 z02 = Fp2.Add(Fp2.Double(Fp2.Sub(c0, a.C0.C2)), c0);

        // 4. C' = 3B² − 2·conj(C).
        Fp2 z01 = Fp2.Add(Fp2.Double(Fp2.Sub(b0, a.C0.C1)), b0);
        Fp2 z12 = Fp2.Add(Fp2.Double(Fp2.Add(b1, a.C1.C2)), b1);

        return new Fp12(new Fp6(z00, z01, z02), new Fp6(z10, z11, z12));
    }

    /// <summary>(x0 + x1·s)² = (x0² + ξ·x1²) + ((x0 + x1)² − x0² − x1²)·s in Fp4 = Fp2[s]/(s² − ξ).</summary>
    private static void Fp4Square(in Fp2 x0, in Fp2 x1, out Fp2 r0, out Fp2 r1)
    {
        Fp2 t0 = Fp2.Square(x0);
        Fp2 t1 = Fp2.Square(x1);
        r0 = Fp2.Add(t0, Fp2.MulByNonResidue(t1));
        r1 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(x0, x1)), t0), t1);
    }

    /// <summary>
    /// a^x for the (negative) BLS parameter x = −0xd201000000010000, for a in the cyclotomic
    /// subgroup. Uses Karabina's compressed squarings (see <see cref="CompressedSquare"/>): the
    /// 63 squarings run on four of the six Fp2 coefficients, the powers a^(2^k) for the six set
    /// bits k of |x| are decompressed together (one batched inversion) and multiplied (five
    /// products); the result is conjugated (the inverse there) because x is negative.
    /// </summary>
    public static Fp12 CyclotomicExpByX(in Fp12 a) =>
        FpVector.IsSupported ? CyclotomicExpByX(a, vector: true) : CyclotomicExpByX(a, vector: false);

    /// <summary><see cref="CyclotomicExpByX(in Fp12)"/> with the squarings on AVX-512 lanes or scalar.</summary>
    internal static Fp12 CyclotomicExpByX(in Fp12 a, bool vector)
    {
        // 1. 63 compressed squarings, keeping a^(2^k) for k = 16, 48, 57, 60, 62, 63.
        Span<Fp2> g2 = stackalloc Fp2[6], g3 = stackalloc Fp2[6], g4 = stackalloc Fp2[6], g5 = stackalloc Fp2[6];
        if (vector) CompressedSquaringsVector(a, g2, g3, g4, g5);
        else CompressedSquaringsScalar(a, g2, g3, g4, g5);

        // 2. Decompress: g1 = (ξ·g5² + 3·g4² − 2·g3) / (4·g2), one batched inversion of the 4·g2.
        //    The formula needs g2 ≠ 0; should one vanish (the identity, or an event of probability
        //    about p⁻²), fall back to Granger–Scott squarings.
        Span<Fp2> inv = stackalloc Fp2[6];
        for (int i = 0; i < 6; i++)
        {
            if (g2[i].IsZero) return CyclotomicExpByXGrangerScott(a);
            inv[i] = Fp2.Double(Fp2.Double(g2[i]));
        }
        Fp2.BatchInverse(inv);

        // 3. a^|x| = ∏ a^(2^k) over the set bits, then conjugate.
        Fp12 r = Decompress(g2[0], g3[0], g4[0], g5[0], inv[0]);
        for (int i = 1; i < 6; i++) r = Mul(r, Decompress(g2[i], g3[i], g4[i], g5[i], inv[i]));
        return Conjugate(r);
    }

    /// <summary>The compressed forms of a^(2^k) for the set bits k = 16, 48, 57, 60, 62, 63 of |x|.</summary>
    private static void CompressedSquaringsScalar(in Fp12 a, Span<Fp2> g2, Span<Fp2> g3, Span<Fp2> g4, Span<Fp2> g5)
    {
        Fp2 h2 = a.C1.C0, h3 = a.C0.C2, h4 = a.C0.C1, h5 = a.C1.C2;
        int saved = 0;
        for (int k = 1; k <= 63; k++)
        {
            CompressedSquare(ref h2, ref h3, ref h4, ref h5);
            if (((BlsXAbs >> k) & 1) != 0 || k == 63)
            {
                g2[saved] = h2; g3[saved] = h3; g4[saved] = h4; g5[saved] = h5;
                saved++;
            }
        }
    }

    /// <summary>As <see cref="CompressedSquaringsScalar"/>, the state held in one AVX-512 vector (see <see cref="CyclotomicVector"/>).</summary>
    private static void CompressedSquaringsVector(in Fp12 a, Span<Fp2> g2, Span<Fp2> g3, Span<Fp2> g4, Span<Fp2> g5)
    {
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        lanes[0] = a.C1.C0.C0; lanes[1] = a.C1.C0.C1; lanes[2] = a.C0.C2.C0; lanes[3] = a.C0.C2.C1;
        lanes[4] = a.C0.C1.C0; lanes[5] = a.C0.C1.C1; lanes[6] = a.C1.C2.C0; lanes[7] = a.C1.C2.C1;
        FpV s = default;
        FpVector.Load(lanes, ref s);
        int saved = 0;
        for (int k = 1; k <= 63; k++)
        {
            CyclotomicVector.CompressedSquare(ref s);
            if (((BlsXAbs >> k) & 1) != 0 || k == 63)
            {
                FpVector.Store(s, lanes);
                g2[saved] = new Fp2(lanes[0], lanes[1]); g3[saved] = new Fp2(lanes[2], lanes[3]);
                g4[saved] = new Fp2(lanes[4], lanes[5]); g5[saved] = new Fp2(lanes[6], lanes[7]);
                saved++;
            }
        }
    }

    /// <summary>a^x by 63 Granger–Scott squarings and 5 multiplications (reference and fallback).</summary>
    internal static Fp12 CyclotomicExpByXGrangerScott(in Fp12 a)
    {
        // The top bit of |x| is bit 63; the rest are set at bits 62, 60, 57, 48 and 16.
        Fp12 r = a;
        for (int bit = 62; bit >= 0; bit--)
        {
            r = CyclotomicSquare(r);
            if (((BlsXAbs >> bit) & 1) != 0) r = Mul(r, a);
        }
        return Conjugate(r);
    }

    /// <summary>
    /// Karabina's compressed squaring (ePrint 2010/542, Theorem 3.1) in this tower's layout: with
    /// a = (g0 + g1·s) + (g2 + g3·s)·w + (g4 + g5·s)·w², s = w³ (g0 = c0.c0, g1 = c1.c1,
    /// g2 = c1.c0, g3 = c0.c2, g4 = c0.c1, g5 = c1.c2), the Granger–Scott formulas for the w and w²
    /// parts involve only g2..g5: h2 = 2g2 + 3ξ·T45, h3 = 3(g4² + ξg5²) − 2g3,
    /// h4 = 3(g2² + ξg3²) − 2g4, h5 = 2g5 + 3·T23, with Tij = (gi + gj)² − gi² − gj² = 2gi·gj.
    /// Six Fp2 squares instead of nine; g0 and g1 are recovered by <see cref="Decompress"/>.
    /// </summary>
    internal static void CompressedSquare(ref Fp2 g2, ref Fp2 g3, ref Fp2 g4, ref Fp2 g5)
    {
        Fp2 s2 = Fp2.Square(g2), s3 = Fp2.Square(g3), s4 = Fp2.Square(g4), s5 = Fp2.Square(g5);
        Fp2 t23 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(g2, g3)), s2), s3);
        Fp2 t45 = Fp2.Sub(Fp2.Sub(Fp2.Square(Fp2.Add(g4, g5)), s4), s5);
        // h2 = 2g2 + 3ξ·T45
        Fp2 xt45 = Fp2.MulByNonResidue(t45);
        Fp2 h2 = Fp2.Add(Fp2.Double(Fp2.Add(g2, xt45)), xt45);
        // h3 = 3(g4² + ξg5²) − 2g3
        Fp2 u45 = Fp2.Add(s4, Fp2.MulByNonResidue(s5));
        Fp2 h3 = Fp2.Add(Fp2.Double(Fp2.Sub(u45, g3)), u45);
        // h4 = 3(g2² + ξg3²) − 2g4
        Fp2 u23 = Fp2.Add(s2, Fp2.MulByNonResidue(s3));
        Fp2 h4 = Fp2.Add(Fp2.Double(Fp2.Sub(u23, g4)), u23);
        // h5 = 2g5 + 3·T23
        Fp2 h5 = Fp2.Add(Fp2.Double(Fp2.Add(g5, t23)), t23);
        g2 = h2; g3 = h3; g4 = h4; g5 = h5;
    }

    /// <summary>
    /// The full cyclotomic element from its compressed form, given 1/(4·g2) (g2 ≠ 0):
    /// g1 = (ξ·g5² + 3·g4² − 2·g3)/(4·g2), g0 = ξ·(2·g1² + g2·g5 − 3·g3·g4) + 1 (Karabina).
    /// </summary>
    internal static Fp12 Decompress(in Fp2 g2, in Fp2 g3, in Fp2 g4, in Fp2 g5, in Fp2 inv4g2)
    {
        Fp2 s4 = Fp2.Square(g4);
        Fp2 num = Fp2.Sub(Fp2.Add(Fp2.MulByNonResidue(Fp2.Square(g5)), Fp2.Add(Fp2.Double(s4), s4)), Fp2.Double(g3));
        Fp2 g1 = Fp2.Mul(num, inv4g2);
        Fp2 g34 = Fp2.Mul(g3, g4);
        Fp2 t = Fp2.Sub(Fp2.Add(Fp2.Double(Fp2.Square(g1)), Fp2.Mul(g2, g5)), Fp2.Add(Fp2.Double(g34), g34));
        Fp2 g0 = Fp2.Add(Fp2.MulByNonResidue(t), Fp2.One);
        return new Fp12(new Fp6(g0, g4, g3), new Fp6(g2, g1, g5));
    }
}
