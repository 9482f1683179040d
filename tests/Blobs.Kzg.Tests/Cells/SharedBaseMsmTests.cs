using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The two-products-one-pass MSM of cell verification against the naive sum of scalar multiplications.</summary>
public class SharedBaseMsmTests
{
    private static G1Jacobian Naive(G1Affine[] points, Fr[] scalars)
    {
        var acc = G1Jacobian.Infinity;
        for (int i = 0; i < points.Length; i++) acc = G1Jacobian.Add(acc, G1Jacobian.Multiply(points[i].ToJacobian(), scalars[i]));
        return acc;
    }

    [Theory]
    [InlineData(1, 5, 1)]
    [InlineData(9, 5, 2)]
    [InlineData(40, 4, 3)]
    [InlineData(40, 7, 4)]
    public void Equals_the_naive_sums(int n, int window, int seed)
    {
        var rng = new Random(seed);
        var points = FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(G1Jacobian.Generator, k).ToAffine()).ToArray();
        var a = FieldOracle.RandomElements(rng, n);
        var b = FieldOracle.RandomElements(rng, n);
        if (n > 4)
        {
            points[1] = G1Affine.Infinity;          // infinity base
            points[3] = points[2];                  // the same base twice with the same scalar: a bucket doubling
            a[3] = a[2]; b[3] = b[2];
            points[4] = G1Affine.Negate(points[2]); // and its negation: a bucket cancellation
            a[4] = a[2]; b[4] = b[2];
            a[0] = Fr.Zero;                         // a zero scalar
            b[0] = -Fr.One;                         // r − 1: every digit at its extreme
        }
        Span<G1Jacobian> results = new G1Jacobian[2];
        SharedBaseMsm.Compute(points, [a, b], results, window);
        Assert.True(Naive(points, a).Equals(results[0]));
        Assert.True(Naive(points, b).Equals(results[1]));
    }
}
