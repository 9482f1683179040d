using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>GLV multiplication and FFTs over G1 against plain scalar multiplication and a naive DFT.</summary>
public class G1FftTests
{
    private static G1Jacobian[] Points(int n, int seed)
    {
        var rng = new Random(seed);
        var g = G1Jacobian.Generator;
        return FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(g, k)).ToArray();
    }

    [Fact]
    public void Endomorphism_is_multiplication_by_lambda()
    {
        var p = Points(1, 1)[0];
        var lambda = FieldOracle.FromBig(GlvScalar.Lambda);
        Assert.True(G1Glv.Endomorphism(p).Equals(G1Jacobian.Multiply(p, lambda)));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void Glv_multiplication_equals_plain_multiplication(int window)
    {
        var rng = new Random(window);
        var points = Points(6, window);
        var scalars = FieldOracle.RandomElements(rng, 6).Concat([Fr.Zero, Fr.One, -Fr.One]).ToArray();
        foreach (var p in points.Append(G1Jacobian.Infinity))
            foreach (var k in scalars)
                Assert.True(G1Glv.Multiply(p, GlvScalar.Create(k, window)).Equals(G1Jacobian.Multiply(p, k)), $"[{k}]P");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void Forward_equals_the_naive_dft(int n)
    {
        var x = Points(n, n);
        x[n / 2] = G1Jacobian.Infinity; // infinity inputs are skipped, not mishandled
        var y = x.ToArray();
        G1Fft.Forward(y);
        var w = FrFft.RootOfUnity(n);
        for (int k = 0; k < n; k++)
        {
            var acc = G1Jacobian.Infinity;
            for (int j = 0; j < n; j++) acc = G1Jacobian.Add(acc, G1Jacobian.Multiply(x[j], w.Pow((ulong)(j * k))));
            Assert.True(acc.Equals(y[k]), $"output {k}");
        }
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(128, 1)]
    [InlineData(128, 2)]
    public void Shapes_agree_round_trip_and_parallel_equals_serial(int n, int dop)
    {
        var x = Points(n, 3);
        var natural = x.ToArray();
        G1Fft.Forward(natural);
        var dif = x.ToArray();
        G1Fft.ForwardToBitReversed(dif, dop);
        var expectedDif = BitReversal.Permuted<G1Jacobian>(natural);
        for (int i = 0; i < n; i++) Assert.True(expectedDif[i].Equals(dif[i]));

        var dit = BitReversal.Permuted<G1Jacobian>(x);
        G1Fft.ForwardFromBitReversed(dit, dop);
        for (int i = 0; i < n; i++) Assert.True(natural[i].Equals(dit[i]));

        G1Fft.InverseFromBitReversed(dif, dop);
        for (int i = 0; i < n; i++) Assert.True(x[i].Equals(dif[i]));
        G1Fft.Inverse(natural, dop);
        for (int i = 0; i < n; i++) Assert.True(x[i].Equals(natural[i]));
    }

    [Fact]
    public void Fft_matches_the_scalar_field_fft_on_multiples_of_the_generator()
    {
        // FFT([aⱼ]G) = [FFT(a)ₖ]G.
        const int n = 32;
        var a = FieldOracle.RandomElements(new Random(32), n);
        var points = a.Select(v => G1Jacobian.Multiply(G1Jacobian.Generator, v)).ToArray();
        G1Fft.ForwardToBitReversed(points);
        FrFft.ForwardToBitReversed(a);
        for (int k = 0; k < n; k++) Assert.True(G1Jacobian.Multiply(G1Jacobian.Generator, a[k]).Equals(points[k]));
    }
}
