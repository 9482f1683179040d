using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// The FK20 algebra with the scalar field standing in for G1 ([a] = a·τ⁰ with a known τ): the pipeline of
/// <see cref="Fk20"/> must give qₖ(τ) for qₖ = f / (X⁶⁴ − hₖ⁶⁴), computed here by long division.
/// </summary>
public class Fk20AlgebraTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Pipeline_over_the_scalar_field_gives_the_quotients_at_tau(int seed)
    {
        var rng = new Random(seed);
        var coeffs = FieldOracle.RandomElements(rng, KzgConstants.FieldElementsPerBlob);
        Fr tau = FieldOracle.RandomElements(rng, 1)[0];
        var tauPowers = new Fr[KzgConstants.FieldElementsPerBlob];
        tauPowers[0] = Fr.One;
        for (int i = 1; i < tauPowers.Length; i++) tauPowers[i] = tauPowers[i - 1] * tau;

        // Scalar side.
        var scalars = new Fr[Fk20.CirculantSize * Fk20.Columns];
        Fk20.ComputeScalars(coeffs, scalars);

        // "Group" side over Fr: X_t = FFT(x_t), h_ext = Σ_t scalars ⊙ X_t, H = IFFT (1/128 already in the scalars), proofs = FFT(H).
        var hExt = new Fr[Fk20.CirculantSize];
        var x = new Fr[Fk20.CirculantSize];
        for (int t = 0; t < Fk20.Columns; t++)
        {
            for (int w = 0; w < Fk20.CirculantSize; w++)
            {
                int index = Fk20.SetupIndex(t, w);
                x[w] = index < 0 ? Fr.Zero : tauPowers[index];
            }
            FrFft.ForwardToBitReversed(x);
            for (int i = 0; i < Fk20.CirculantSize; i++) hExt[i] += scalars[i * Fk20.Columns + t] * x[i];
        }
        FrFft.InverseFromBitReversedUnscaled(hExt);
        Assert.True(hExt[Fk20.HLength].IsZero); // H₆₃ vanishes exactly
        hExt.AsSpan(Fk20.HLength).Clear();
        FrFft.ForwardToBitReversed(hExt);

        // Reference: long division of f by X^64 − y_k, y_k = (coset shift of cell k)^64, evaluated at τ.
        var shifts = BitReversal.Permuted<Fr>(FrFft.RootsOfUnity(KzgConstants.FieldElementsPerExtBlob));
        var r = new Fr[coeffs.Length];
        for (int k = 0; k < KzgConstants.CellsPerExtBlob; k += 9)
        {
            Fr y = shifts[k * 64].Pow(64);
            coeffs.CopyTo(r, 0);
            var q = new Fr[coeffs.Length - 64];
            for (int m = coeffs.Length - 1; m >= 64; m--)
            {
                q[m - 64] = r[m];
                r[m - 64] += y * r[m];
            }
            Fr expected = Fr.Zero;
            for (int i = q.Length - 1; i >= 0; i--) expected = expected * tau + q[i];
            Assert.Equal(expected, hExt[k]);
        }
    }

    [Fact]
    public void Setup_indices_cover_each_monomial_point_below_4032_once_per_column()
    {
        var seen = new HashSet<int>();
        for (int t = 0; t < Fk20.Columns; t++)
            for (int w = 0; w < Fk20.CirculantSize; w++)
            {
                int i = Fk20.SetupIndex(t, w);
                Assert.Equal(w >= Fk20.HLength, i < 0);
                if (i >= 0) Assert.True(seen.Add(i));
            }
        Assert.Equal(Enumerable.Range(0, 4032), seen.Order());
    }
}
