using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// FK20 (Feist–Khovratovich 2020, "Fast amortized KZG proofs", eprint 2023/033 §2.2, §3.2) for the 128 cell
/// proofs of compute_cells_and_kzg_proofs — the algebra, shared by the scalar and group sides.
/// <para>
/// The proof of cell k commits to qₖ = f / (X⁶⁴ − yₖ) with yₖ = hₖ⁶⁴ the 64th power of the cell's coset
/// shift (the vanishing polynomial of a coset h·⟨ω₆₄⟩ is X⁶⁴ − h⁶⁴). Writing f = Σₜ Xᵗ·Fₜ(X⁶⁴) over the 64
/// columns t (Fₜ(Y) = Σᵤ f[t + 64u]·Yᵘ) gives [qₖ(τ)] = Σ_d yₖᵈ·H_d with
/// H_d = Σₜ Σ_v f[t + 64(v + d + 1)]·[τ^(t + 64v)], d = 0…62.
/// So the 128 proofs are one FFT of size 128 of H (yₖ runs over the 128th roots of unity, in
/// bit-reversed order for cells k = 0…127), and each column's contribution to H is a Toeplitz
/// product, computed through its circulant embedding of size 128:
/// H = IFFT(Σₜ FFT(cₜ) ⊙ FFT(xₜ)), with the setup vector xₜ[w] = [τ^(t + 64(62 − w))] for w ≤ 62
/// (identity above) and the coefficient vector cₜ[0] = f[t + 64·63], cₜ[j] = f[t + 64(j − 65)] for
/// j = 66…127 (zero for j = 1…65).
/// </para>
/// <para>
/// Orders: every size-128 transform runs without permutations — FFT(xₜ) and FFT(cₜ) are computed
/// with natural input and bit-reversed output, their products summed at bit-reversed positions,
/// inverted with bit-reversed input and natural output (H), and the last FFT (natural input,
/// bit-reversed output) leaves the proofs in cell order. The 1/128 of the inverse FFT is folded into cₜ.
/// </para>
/// </summary>
internal static partial class Fk20
{
    /// <summary>Size of the circulant embedding: 2·CELLS_PER_BLOB = 128 (also the number of proofs).</summary>
    public const int CirculantSize = 2 * (KzgConstants.FieldElementsPerBlob / KzgConstants.FieldElementsPerCell);

    /// <summary>Number of columns: FIELD_ELEMENTS_PER_CELL = 64.</summary>
    public const int Columns = KzgConstants.FieldElementsPerCell;

    /// <summary>Number of non-zero entries of H (and of each xₜ): CELLS_PER_BLOB − 1 = 63.</summary>
    public const int HLength = CirculantSize / 2 - 1;

    /// <summary>
    /// The monomial setup index of xₜ[w] (t &lt; 64, w &lt; 128): t + 64·(62 − w) for w ≤ 62, −1 (identity) above.
    /// </summary>
    public static int SetupIndex(int column, int w) => w < HLength ? column + Columns * (HLength - 1 - w) : -1;

    /// <summary>
    /// The scalar side: for every column t, FFT(cₜ)/128 in bit-reversed order, stored transposed so that the 64
    /// scalars of the MSM at bit-reversed position i are contiguous: <paramref name="scalars"/>[i·64 + t].
    /// <paramref name="coefficients"/> are the 4096 monomial coefficients of the blob polynomial.
    /// </summary>
    public static void ComputeScalars(ReadOnlySpan<Fr> coefficients, Span<Fr> scalars)
    {
        if (coefficients.Length < KzgConstants.FieldElementsPerBlob) throw new ArgumentException("FK20 needs 4096 coefficients");
        if (scalars.Length != CirculantSize * Columns) throw new ArgumentException($"FK20 scalars: buffer holds {scalars.Length}, needs {CirculantSize * Columns}");
        Span<Fr> c = stackalloc Fr[CirculantSize];
        Fr inverseSize = FrFft.InverseOfSize(CirculantSize);
        for (int t = 0; t < Columns; t++)
        {
            // 1. The circulant's first column cₜ, scaled by 1/128 (the inverse FFT's factor).
            c.Clear();
            c[0] = coefficients[t + Columns * (CirculantSize / 2 - 1)] * inverseSize;
            for (int j = CirculantSize / 2 + 2; j < CirculantSize; j++)
                c[j] = coefficients[t + Columns * (j - CirculantSize / 2 - 1)] * inverseSize;
            // 2. Its FFT, bit-reversed output.
            FrFft.ForwardToBitReversed(c);
            // 3. Transposed store.
            for (int i = 0; i < CirculantSize; i++) scalars[i * Columns + t] = c[i];
        }
    }
}
