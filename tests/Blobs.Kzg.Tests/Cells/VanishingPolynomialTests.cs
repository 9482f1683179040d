using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>construct_vanishing_polynomial (short form): roots exactly at the missing cells' points.</summary>
public class VanishingPolynomialTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 2)]
    [InlineData(37, 3)]
    [InlineData(64, 4)]
    public void Vanishes_on_every_point_of_the_missing_cells_and_nowhere_else(int missingCount, int seed)
    {
        var rng = new Random(seed);
        var missing = Enumerable.Range(0, 128).OrderBy(_ => rng.Next()).Take(missingCount).ToHashSet();
        var present = Enumerable.Range(0, 128).Select(c => !missing.Contains(c)).ToArray();
        var coeffs = new Fr[129];
        int degree = CellKzg.ConstructVanishingPolynomial(present, coeffs);
        Assert.Equal(missingCount, degree);
        Assert.True(coeffs[degree].IsOne); // monic

        // Z(x) = Zs(x^64) over the 8192-point domain, bit-reversed like the cells.
        var roots = BitReversal.Permuted<Fr>(FrFft.RootsOfUnity(8192));
        foreach (int c in new[] { 0, 1, 63, 64, 127 }.Concat(missing.Take(5)))
        {
            for (int j = 0; j < 64; j += 21)
            {
                Fr x64 = roots[c * 64 + j].Pow(64);
                Fr y = Fr.Zero;
                for (int i = degree; i >= 0; i--) y = y * x64 + coeffs[i];
                Assert.Equal(missing.Contains(c), y.IsZero);
            }
        }
    }
}
