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
}
