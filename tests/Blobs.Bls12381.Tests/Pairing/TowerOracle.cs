using System.Numerics;

namespace Blobs.Bls12381.Tests.Pairing;

/// <summary>
/// Test-only reference arithmetic for the tower: Fp6 and Fp12 as plain polynomials over Fp2
/// (schoolbook products reduced by v³ = ξ and w⁶ = ξ), independent of the Karatsuba / sparse
/// formulas under test; Fp2 itself is checked against BigInteger in Fp2Tests. Also seeded random
/// elements and BigInteger exponents.
/// </summary>
internal static class TowerOracle
{
    public static readonly Fp2 Xi = new(Fp.One, Fp.One);

    public static Fp RandomFp(Random rng)
    {
        var buf = new byte[48];
        while (true)
        {
            rng.NextBytes(buf);
            buf[0] &= 0x1f;
            if (Fp.TryFromBytes(buf, out var f)) return f;
        }
    }

    public static Fp2 RandomFp2(Random rng) => new(RandomFp(rng), RandomFp(rng));

    public static Fp6 RandomFp6(Random rng) => new(RandomFp2(rng), RandomFp2(rng), RandomFp2(rng));

    public static Fp12 RandomFp12(Random rng) => new(RandomFp6(rng), RandomFp6(rng));

    /// <summary>Coefficients of 1, v, v².</summary>
    public static Fp2[] Coeffs(in Fp6 a) => [a.C0, a.C1, a.C2];

    public static Fp6 FromCoeffs6(Fp2[] c) => new(c[0], c[1], c[2]);

    /// <summary>Coefficients of w⁰..w⁵ (w² = v).</summary>
    public static Fp2[] Coeffs(in Fp12 a) => [a.C0.C0, a.C1.C0, a.C0.C1, a.C1.C1, a.C0.C2, a.C1.C2];

    public static Fp12 FromCoeffs12(Fp2[] c) => new(new Fp6(c[0], c[2], c[4]), new Fp6(c[1], c[3], c[5]));

    /// <summary>Schoolbook product of polynomials over Fp2 of degree &lt; n modulo Xⁿ − ξ.</summary>
    public static Fp2[] PolyMul(Fp2[] a, Fp2[] b)
    {
        int n = a.Length;
        var wide = new Fp2[2 * n - 1];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                wide[i + j] = wide[i + j] + a[i] * b[j];
        var r = new Fp2[n];
        for (int k = 0; k < wide.Length; k++)
            r[k % n] = k < n ? r[k % n] + wide[k] : r[k % n] + Xi * wide[k];
        return r;
    }

    public static Fp6 Mul6(in Fp6 a, in Fp6 b) => FromCoeffs6(PolyMul(Coeffs(a), Coeffs(b)));

    public static Fp12 Mul12(in Fp12 a, in Fp12 b) => FromCoeffs12(PolyMul(Coeffs(a), Coeffs(b)));

    public static Fp6 Pow6(in Fp6 a, BigInteger e)
    {
        Fp6 r = Fp6.One, b = a;
        while (e > 0)
        {
            if (!e.IsEven) r = Mul6(r, b);
            b = Mul6(b, b);
            e >>= 1;
        }
        return r;
    }

    /// <summary>Little-endian 64-bit limbs of a non-negative integer.</summary>
    public static ulong[] Limbs(BigInteger e)
    {
        var bytes = e.ToByteArray(isUnsigned: true, isBigEndian: false);
        var limbs = new ulong[(bytes.Length + 7) / 8];
        for (int i = 0; i < bytes.Length; i++) limbs[i / 8] |= (ulong)bytes[i] << (8 * (i % 8));
        return limbs;
    }

    public static Fp2 Pow2(in Fp2 a, BigInteger e) => Fp2.Pow(a, Limbs(e));

    public static Fp12 Pow12(in Fp12 a, BigInteger e) => Fp12.Pow(a, Limbs(e));

    /// <summary>An element of the cyclotomic subgroup: a^((p⁶ − 1)(p² + 1)) computed the slow way.</summary>
    public static Fp12 Cyclotomic(in Fp12 a)
    {
        Fp12 t = Fp12.Mul(Pow12(a, BigInteger.Pow(Oracle.P, 6)), Fp12.Inverse(a));
        return Fp12.Mul(Pow12(t, BigInteger.Pow(Oracle.P, 2)), t);
    }
}
