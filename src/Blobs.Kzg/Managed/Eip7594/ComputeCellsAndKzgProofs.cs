using System.Buffers;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// compute_cells_and_kzg_proofs: the 128 cells of the blob's extension and their proofs (FK20). With a degree of
    /// parallelism above 1 the cells and the proofs' MSMs and FFT stages run on several threads.
    /// </summary>
    public static void ComputeCellsAndKzgProofs(CellKzgSettings settings, ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs)
    {
        var ext = ArrayPool<Fr>.Shared.Rent(ExtSize);
        try
        {
            var poly = ext.AsSpan(0, ExtSize);
            // 1. polynomial_eval_to_coeff(blob_to_polynomial(blob)).
            PolynomialEvalToCoeff(blob, poly);
            // 2. compute_cells_and_kzg_proofs_polynomialcoeff.
            ComputeCellsAndKzgProofsPolynomialCoeff(settings, poly, cells, proofs);
        }
        finally
        {
            ArrayPool<Fr>.Shared.Return(ext);
        }
    }

    /// <summary>
    /// compute_cells_and_kzg_proofs_polynomialcoeff: cells and proofs of the polynomial whose 4096 coefficients are in
    /// <paramref name="ext"/>[..4096] (the 8192-element buffer is overwritten with the extension).
    /// </summary>
    public static void ComputeCellsAndKzgProofsPolynomialCoeff(CellKzgSettings settings, Span<Fr> ext, Span<byte> cells, Span<KzgProof> proofs)
    {
        if (proofs.Length != CellCount) throw new ArgumentException($"proofs: output buffer holds {proofs.Length}, needs {CellCount}");
        // 1. Proofs from the coefficients (FK20), before the cell FFT overwrites them.
        Fk20.ComputeProofs(settings, ext[..BlobSize], proofs);
        // 2. Cells: the extension in bit-reversed order.
        PolynomialCoeffToCells(ext, cells);
    }
}
