using System.Numerics;
using Blobs.Kzg.Managed.Fft;
using static Blobs.Kzg.Tests.Cells.FieldOracle;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>GLV decomposition of fixed scalars and their width-w NAF, against BigInteger arithmetic.</summary>
public class GlvScalarTests
{
    [Fact]
    public void Lambda_is_a_primitive_cube_root_of_unity_mod_r()
    {
        Assert.Equal(BigInteger.One, BigInteger.ModPow(GlvScalar.Lambda, 3, R));
        Assert.NotEqual(BigInteger.One, GlvScalar.Lambda);
        Assert.Equal(BigInteger.Zero, (GlvScalar.Lambda * GlvScalar.Lambda + GlvScalar.Lambda + 1) % R);
    }

    public static TheoryData<int> Windows => [2, 4, 5, 7];

    [Theory]
    [MemberData(nameof(Windows))]
    public void Halves_recombine_to_k_are_short_and_naf_is_well_formed(int window)
    {
        var rng = new Random(window);
        var scalars = RandomElements(rng, 40).ToList();
        scalars.Add(Bls12381.Fr.Zero);
        scalars.Add(Bls12381.Fr.One);
        scalars.Add(-Bls12381.Fr.One);
        scalars.AddRange(FrFft.RootsOfUnity(128)); // the G1 FFT's twiddles
        foreach (var k in scalars)
        {
            var glv = GlvScalar.Create(k, window);
            var big = ToBig(k);
            Assert.Equal(big, ((glv.K1 + glv.K2 * GlvScalar.Lambda) % R + R) % R);
            Assert.True(BigInteger.Abs(glv.K1) < BigInteger.One << 128, $"k1 of {k} too long");
            Assert.True(BigInteger.Abs(glv.K2) < BigInteger.One << 128, $"k2 of {k} too long");
            Assert.Equal(glv.K1, FromNaf(glv.Naf1, window));
            Assert.Equal(glv.K2, FromNaf(glv.Naf2, window));
            Assert.True(glv.Length <= 130);
        }
    }

    private static BigInteger FromNaf(sbyte[] digits, int window)
    {
        BigInteger value = 0;
        int lastNonZero = -window;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            Assert.True((d & 1) == 1 || (d & 1) == -1, "NAF digits are odd");
            Assert.True(Math.Abs(d) < 1 << (window - 1), "NAF digit out of range");
            Assert.True(i - lastNonZero >= window, "non-zero NAF digits closer than the window");
            lastNonZero = i;
            value += d * (BigInteger.One << i);
        }
        if (digits.Length > 0) Assert.NotEqual(0, digits[^1]);
        return value;
    }
}
