using System.Numerics;
using static Blobs.Bls12381.Tests.Pairing.TowerOracle;

namespace Blobs.Bls12381.Tests.Pairing;

/// <summary>Fp6 = Fp2[v]/(v³ − ξ) against schoolbook polynomial arithmetic over Fp2, on seeded random values.</summary>
public class Fp6Tests
{
    private static IEnumerable<Fp6> Values(int seed, int n)
    {
        var rng = new Random(seed);
        yield return Fp6.Zero;
        yield return Fp6.One;
        yield return new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero); // v
        yield return new Fp6(Fp2.Zero, Fp2.Zero, -Fp2.One);
        for (int i = 0; i < n; i++) yield return RandomFp6(rng);
    }

    [Fact]
    public void Products_squares_and_sparse_products_match_schoolbook()
    {
        var xs = Values(1, 40).ToArray();
        var ys = Values(2, 40).ToArray();
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        for (int i = 0; i < xs.Length; i++)
        {
            Fp6 a = xs[i], b = ys[(i * 7 + 1) % ys.Length];
            Assert.Equal(Mul6(a, b), a * b);
            Assert.Equal(Mul6(a, a), Fp6.Square(a));
            Assert.Equal(Mul6(a, v), Fp6.MulByNonResidue(a));
            Assert.Equal(Mul6(a, new Fp6(b.C0, b.C1, Fp2.Zero)), Fp6.MulBy01(a, b.C0, b.C1));
            Assert.Equal(Mul6(a, new Fp6(Fp2.Zero, b.C1, Fp2.Zero)), Fp6.MulBy1(a, b.C1));
            Assert.Equal(Mul6(a, new Fp6(b.C2, Fp2.Zero, Fp2.Zero)), Fp6.MulByFp2(a, b.C2));
        }
    }

    [Fact]
    public void Field_axioms_hold()
    {
        var xs = Values(3, 30).ToArray();
        var ys = Values(4, 30).ToArray();
        var zs = Values(5, 30).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            Fp6 a = xs[i], b = ys[(i + 3) % ys.Length], c = zs[(i * 5 + 2) % zs.Length];
            Assert.Equal(a * b, b * a);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a * Fp6.One);
            Assert.True((a - a).IsZero);
            Assert.True((a + -a).IsZero);
            Assert.Equal(a + a, Fp6.Double(a));
            if (a.IsZero) Assert.True(Fp6.Inverse(a).IsZero);
            else Assert.True((a * Fp6.Inverse(a)).IsOne);
        }
    }

    [Fact]
    public void Frobenius_is_the_p_th_power()
    {
        foreach (var a in Values(6, 6))
        {
            Fp6 expected = a;
            for (int k = 1; k <= 6; k++)
            {
                expected = Pow6(expected, Oracle.P);
                Assert.Equal(expected, Fp6.Frobenius(a, k));
            }
            Assert.Equal(a, Fp6.Frobenius(a, 6));
            Assert.Equal(Fp6.Frobenius(a, 5), Fp6.Frobenius(a, -1));
        }
    }

    [Fact]
    public void Frobenius_of_v_uses_the_derived_constants()
    {
        // v^(p^k) = ξ^((p^k − 1)/3)·v, v²^(p^k) = ξ^(2(p^k − 1)/3)·v²: derived here with Fp2.Pow.
        var v = new Fp6(Fp2.Zero, Fp2.One, Fp2.Zero);
        var v2 = new Fp6(Fp2.Zero, Fp2.Zero, Fp2.One);
        for (int k = 1; k <= 3; k++)
        {
            BigInteger pk1 = BigInteger.Pow(Oracle.P, k) - 1;
            Assert.Equal(new Fp6(Fp2.Zero, Pow2(Xi, pk1 / 3), Fp2.Zero), Fp6.Frobenius(v, k));
            Assert.Equal(new Fp6(Fp2.Zero, Fp2.Zero, Pow2(Xi, 2 * pk1 / 3)), Fp6.Frobenius(v2, k));
        }
    }
}
