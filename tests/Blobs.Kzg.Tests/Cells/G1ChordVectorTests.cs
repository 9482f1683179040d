using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The eight-lane chord additions against Jacobian additions (skipped where the CPU has no AVX-512).</summary>
public class G1ChordVectorTests
{
    [SkippableTheory]
    [InlineData(8, 1)]
    [InlineData(64, 2)]
    [InlineData(520, 3)]
    public void Chords_equal_jacobian_additions(int n, int seed)
    {
        Skip.IfNot(G1ChordVector.IsSupported, "no AVX-512 on this CPU: the scalar formulas are used instead");
        var rng = new Random(seed);
        var g = G1Jacobian.Generator;
        var s = FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
        var p = FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
        var sx = s.Select(q => q.X).ToArray();
        var sy = s.Select(q => q.Y).ToArray();
        G1ChordVector.AddChords(sx, sy, p.Select(q => q.X).ToArray(), p.Select(q => q.Y).ToArray());
        for (int k = 0; k < n; k++)
        {
            var expected = G1Jacobian.AddMixed(s[k].ToJacobian(), p[k]).ToAffine();
            Assert.True(expected.Equals(new G1Affine(sx[k], sy[k])), $"chord {k}");
        }
    }

    [Fact]
    public void Batched_add_assign_on_lanes_handles_every_special_case()
    {
        // 40 ≥ the vector threshold, so AVX-512 machines take the lane path, others the scalar one: same answers.
        var rng = new Random(40);
        var g = G1Jacobian.Generator;
        var acc = FieldOracle.RandomElements(rng, 40).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
        var add = FieldOracle.RandomElements(rng, 40).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
        acc[1] = G1Affine.Infinity;
        add[2] = G1Affine.Infinity;
        add[3] = acc[3];                    // doubling
        add[4] = G1Affine.Negate(acc[4]);   // cancellation
        acc[5] = G1Affine.Infinity; add[5] = G1Affine.Infinity;
        var expected = acc.Zip(add, (a, b) => G1Jacobian.AddMixed(a.ToJacobian(), b).ToAffine()).ToArray();
        G1BatchAffine.AddAssign(acc, add, new Fp[80]);
        for (int k = 0; k < acc.Length; k++) Assert.True(expected[k].Equals(acc[k]), $"element {k}");
    }

    [SkippableTheory]
    [InlineData(1, 5)]
    [InlineData(8, 6)]
    [InlineData(21, 7)]
    public void Lane_glv_multiplication_equals_plain_multiplication(int n, int seed)
    {
        Skip.IfNot(G1ChordVector.IsSupported, "no AVX-512 on this CPU");
        var rng = new Random(seed);
        var g = G1Jacobian.Generator;
        var points = FieldOracle.RandomElements(rng, n).Select(k => G1Jacobian.Multiply(g, k).ToAffine()).ToArray();
        var ks = FieldOracle.RandomElements(rng, n);
        if (n > 4)
        {
            points[1] = G1Affine.Infinity;
            ks[2] = Fr.Zero;
            ks[3] = Fr.One;
            ks[4] = -Fr.One;
        }
        var scalars = ks.Select(k => GlvScalar.Create(k)).ToArray();
        var results = new G1Affine[n];
        G1Glv.MultiplyBatchLanes(points, scalars, results);
        for (int i = 0; i < n; i++)
            Assert.True(G1Jacobian.Multiply(points[i].ToJacobian(), ks[i]).ToAffine().Equals(results[i]), $"[{ks[i]}]P{i}");
    }
}
