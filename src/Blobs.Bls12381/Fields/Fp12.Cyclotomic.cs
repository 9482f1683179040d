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
    /// subgroup: 63 cyclotomic squarings, 5 multiplications, then the conjugate (the inverse there).
    /// </summary>
    public static Fp12 CyclotomicExpByX(in Fp12 a)
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
}
