using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>GLV multiplication, batched affine arithmetic and FFTs over G1 against plain Jacobian arithmetic and a naive DFT.</summary>
public class G1FftTests
{
    private static G1Affine[] Points(int n, int seed)
    {
        var rng = new Random(seed);
        var g = G1Jacobian.Generator;
        return FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
    }

    private static void Same(G1Affine expected, G1Affine actual, string what) => Assert.True(expected.Equals(actual), what);

    [Fact]
    public void Endomorphism_is_multiplication_by_lambda()
    {
        var p = Points(1, 1)[0].ToJacobian();
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
        var points = Points(6, window).Append(G1Affine.Infinity).ToArray();
        var scalars = FieldOracle.RandomElements(rng, 6).Concat([Fr.Zero, Fr.One, -Fr.One]).ToArray();
        foreach (var k in scalars)
        {
            var glv = GlvScalar.Create(k, window);
            var batch = new G1Affine[points.Length];
            G1Glv.MultiplyBatch(points, Enumerable.Repeat(glv, points.Length).ToArray(), batch);
            var scalarBatch = new G1Affine[points.Length];
            G1Glv.MultiplyBatchScalar(points, Enumerable.Repeat(glv, points.Length).ToArray(), scalarBatch);
            for (int i = 0; i < points.Length; i++)
            {
                var expected = G1Jacobian.Multiply(points[i].ToJacobian(), k);
                Assert.True(G1Glv.Multiply(points[i].ToJacobian(), glv).Equals(expected), $"[{k}]P");
                Same(expected.ToAffine(), batch[i], $"batch [{k}]P");
                Same(expected.ToAffine(), scalarBatch[i], $"scalar batch [{k}]P");
            }
        }
    }

    [Fact]
    public void Batch_affine_handles_infinity_doubling_and_cancellation()
    {
        var p = Points(3, 9);
        var inf = G1Affine.Infinity;
        var acc = new[] { p[0], inf, p[1], p[2], p[0], inf };
        var add = new[] { p[1], p[2], inf, p[2], G1Affine.Negate(p[0]), inf };
        var expected = acc.Zip(add, (a, b) => G1Jacobian.AddMixed(a.ToJacobian(), b).ToAffine()).ToArray();
        var scratch = new Fp[2 * acc.Length];
        var sum = acc.ToArray();
        G1BatchAffine.AddAssign(sum, add, scratch);
        for (int i = 0; i < acc.Length; i++) Same(expected[i], sum[i], $"add {i}");

        var s = new G1Affine[acc.Length];
        var d = new G1Affine[acc.Length];
        G1BatchAffine.SumAndDifference(acc, add, s, d, scratch);
        for (int i = 0; i < acc.Length; i++)
        {
            Same(expected[i], s[i], $"sum {i}");
            Same(G1Jacobian.AddMixed(acc[i].ToJacobian(), G1Affine.Negate(add[i])).ToAffine(), d[i], $"difference {i}");
        }

        var twice = new G1Affine[acc.Length];
        G1BatchAffine.Double(acc, twice, scratch);
        for (int i = 0; i < acc.Length; i++) Same(G1Jacobian.Double(acc[i].ToJacobian()).ToAffine(), twice[i], $"double {i}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void Forward_equals_the_naive_dft(int n)
    {
        var x = Points(n, n);
        x[n / 2] = G1Affine.Infinity; // infinity inputs are skipped, not mishandled
        var y = x.ToArray();
        G1Fft.Forward(y);
        var w = FrFft.RootOfUnity(n);
        for (int k = 0; k < n; k++)
        {
            var acc = G1Jacobian.Infinity;
            for (int j = 0; j < n; j++) acc = G1Jacobian.Add(acc, G1Jacobian.Multiply(x[j].ToJacobian(), w.Pow((ulong)(j * k))));
            Same(acc.ToAffine(), y[k], $"output {k}");
        }
    }

    [Theory]
    [InlineData(16, 1)]
    [InlineData(128, 1)]
    [InlineData(128, 2)]
    [InlineData(64, 3)]
    public void Shapes_agree_round_trip_and_parallel_equals_serial(int n, int dop)
    {
        var x = Points(n, 3);
        x[5] = G1Affine.Infinity;
        var natural = x.ToArray();
        G1Fft.Forward(natural);
        var dif = x.ToArray();
        G1Fft.ForwardToBitReversed(dif, dop);
        var expectedDif = BitReversal.Permuted<G1Affine>(natural);
        for (int i = 0; i < n; i++) Same(expectedDif[i], dif[i], $"dif {i}");

        var dit = BitReversal.Permuted<G1Affine>(x);
        G1Fft.ForwardFromBitReversed(dit, dop);
        for (int i = 0; i < n; i++) Same(natural[i], dit[i], $"dit {i}");

        G1Fft.InverseFromBitReversed(dif, dop);
        for (int i = 0; i < n; i++) Same(x[i], dif[i], $"round trip {i}");
        G1Fft.Inverse(natural, dop);
        for (int i = 0; i < n; i++) Same(x[i], natural[i], $"natural round trip {i}");
    }

    [Fact]
    public void Fft_matches_the_scalar_field_fft_on_multiples_of_the_generator()
    {
        // FFT([aⱼ]G) = [FFT(a)ₖ]G, here with the inverse transform in the other shape.
        const int n = 32;
        var a = FieldOracle.RandomElements(new Random(32), n);
        var points = a.Select(v => G1Jacobian.Multiply(G1Jacobian.Generator, v).ToAffine()).ToArray();
        G1Fft.InverseToBitReversedUnscaled(points);
        FrFft.InverseToBitReversed(a);
        FrFft.Scale(a, Fr.FromUInt64(n));
        for (int k = 0; k < n; k++) Same(G1Jacobian.Multiply(G1Jacobian.Generator, a[k]).ToAffine(), points[k], $"{k}");
    }
}
