using System.Numerics;
using static Blobs.Bls12381.Tests.Pairing.TowerOracle;

namespace Blobs.Bls12381.Tests.Pairing;

/// <summary>Fp12 = Fp6[w]/(w² − v) against schoolbook arithmetic over Fp2 (w⁶ = ξ), on seeded random values.</summary>
public class Fp12Tests
{
    private static IEnumerable<Fp12> Values(int seed, int n)
    {
        var rng = new Random(seed);
        yield return Fp12.Zero;
        yield return Fp12.One;
        yield return W(1);
        yield return W(5);
        for (int i = 0; i < n; i++) yield return RandomFp12(rng);
    }

    /// <summary>w^i for 0 ≤ i &lt; 6.</summary>
    private static Fp12 W(int i)
    {
        var c = new Fp2[6];
        c[i] = Fp2.One;
        return FromCoeffs12(c);
    }

    [Fact]
    public void Products_squares_and_line_products_match_schoolbook()
    {
        var xs = Values(11, 30).ToArray();
        var ys = Values(12, 30).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            Fp12 a = xs[i], b = ys[(i * 7 + 1) % ys.Length];
            Assert.Equal(Mul12(a, b), a * b);
            Assert.Equal(Mul12(a, a), Fp12.Square(a));
            // A line ℓ0 + ℓ1·w² + ℓ4·w³.
            Fp2 l0 = b.C0.C0, l1 = b.C1.C1, l4 = b.C0.C2;
            var line = FromCoeffs12([l0, Fp2.Zero, l1, l4, Fp2.Zero, Fp2.Zero]);
            Assert.Equal(Mul12(a, line), Fp12.MulBy014(a, l0, l1, l4));
            // A normalized line ℓ0 + ℓ1·w² + w³.
            var normalized = FromCoeffs12([l0, Fp2.Zero, l1, Fp2.One, Fp2.Zero, Fp2.Zero]);
            Assert.Equal(Mul12(a, normalized), Fp12.MulByNormalizedLine(a, l0, l1));
        }
    }

    [Fact]
    public void Field_axioms_hold()
    {
        var xs = Values(13, 20).ToArray();
        var ys = Values(14, 20).ToArray();
        var zs = Values(15, 20).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            Fp12 a = xs[i], b = ys[(i + 3) % ys.Length], c = zs[(i * 5 + 2) % zs.Length];
            Assert.Equal(a * b, b * a);
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a * Fp12.One);
            Assert.True((a - a).IsZero);
            Assert.True((a + -a).IsZero);
            if (a.IsZero) Assert.True(Fp12.Inverse(a).IsZero);
            else Assert.True((a * Fp12.Inverse(a)).IsOne);
        }
    }

    [Fact]
    public void Frobenius_is_the_p_th_power_and_conjugate_the_p6_th()
    {
        foreach (var a in Values(16, 3))
        {
            Fp12 expected = a;
            for (int k = 1; k <= 12; k++)
            {
                expected = Pow12(expected, Oracle.P);
                Assert.Equal(expected, Fp12.Frobenius(a, k));
                if (k == 6) Assert.Equal(expected, Fp12.Conjugate(a));
            }
            Assert.Equal(a, Fp12.Frobenius(a, 12));
            Assert.Equal(Fp12.Frobenius(a, 11), Fp12.Frobenius(a, -1));
        }
    }

    [Fact]
    public void Frobenius_constants_are_the_derived_powers_of_xi()
    {
        // (w^i)^(p^k) = ξ^(i(p^k − 1)/6)·w^i, with the power of ξ derived here with Fp2.Pow.
        for (int k = 1; k <= 3; k++)
        {
            BigInteger e = (BigInteger.Pow(Oracle.P, k) - 1) / 6;
            for (int i = 1; i < 6; i++)
            {
                Fp2 gamma = Pow2(Xi, i * e);
                var expected = new Fp2[6];
                expected[i] = gamma;
                Assert.Equal(FromCoeffs12(expected), Fp12.Frobenius(W(i), k));
            }
        }
    }

    [Fact]
    public void Cyclotomic_square_equals_square_on_cyclotomic_elements_only()
    {
        var rng = new Random(17);
        for (int i = 0; i < 4; i++)
        {
            Fp12 a = RandomFp12(rng);
            Fp12 c = Cyclotomic(a);
            // The subgroup of order p⁴ − p² + 1: c^(p⁴ − p² + 1) = 1.
            Assert.True(Pow12(c, BigInteger.Pow(Oracle.P, 4) - BigInteger.Pow(Oracle.P, 2) + 1).IsOne);
            Assert.Equal(Fp12.Square(c), Fp12.CyclotomicSquare(c));
            Assert.Equal(Fp12.Conjugate(c), Fp12.Inverse(c));
            // On a general element the shortcut is wrong (the test can tell them apart).
            Assert.NotEqual(Fp12.Square(a), Fp12.CyclotomicSquare(a));
        }
    }

    [Fact]
    public void Cyclotomic_exponentiation_by_x_is_the_power_by_the_negative_parameter()
    {
        var rng = new Random(18);
        for (int i = 0; i < 3; i++)
        {
            Fp12 c = Cyclotomic(RandomFp12(rng));
            Fp12 expected = Fp12.Inverse(Fp12.Pow(c, [Fp12.BlsXAbs]));
            Assert.Equal(expected, Fp12.CyclotomicExpByX(c));
            Assert.Equal(expected, Fp12.CyclotomicExpByXGrangerScott(c));
        }
        // The identity has g2 = 0 and takes the Granger–Scott fallback.
        Assert.True(Fp12.CyclotomicExpByX(Fp12.One).IsOne);
    }

    [Fact]
    public void Compressed_squaring_and_decompression_match_cyclotomic_squaring()
    {
        var rng = new Random(19);
        for (int i = 0; i < 3; i++)
        {
            Fp12 c = Cyclotomic(RandomFp12(rng));
            Fp2 g2 = c.C1.C0, g3 = c.C0.C2, g4 = c.C0.C1, g5 = c.C1.C2;
            // Decompression of the element itself recovers g0 and g1.
            Assert.Equal(c, Fp12.Decompress(g2, g3, g4, g5, Fp2.Inverse(Fp2.Double(Fp2.Double(g2)))));
            Fp12 expected = c;
            for (int k = 1; k <= 20; k++)
            {
                expected = Fp12.CyclotomicSquare(expected);
                Fp12.CompressedSquare(ref g2, ref g3, ref g4, ref g5);
                Assert.Equal(expected, Fp12.Decompress(g2, g3, g4, g5, Fp2.Inverse(Fp2.Double(Fp2.Double(g2)))));
            }
        }
    }
}
