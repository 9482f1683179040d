using System.Buffers;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// recover_cells_and_kzg_proofs: from at least 64 cells (indices checked by the caller: distinct, ascending,
    /// below 128) recovers the polynomial (recover_polynomialcoeff) and recomputes all 128 cells and proofs.
    /// </summary>
    public static void RecoverCellsAndKzgProofs(CellKzgSettings settings, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells,
        Span<byte> recoveredCells, Span<KzgProof> recoveredProofs)
    {
        var ext = ArrayPool<Fr>.Shared.Rent(ExtSize);
        try
        {
            var poly = ext.AsSpan(0, ExtSize);
            // 1. The polynomial in coefficient form (its first 4096 coefficients).
            RecoverPolynomialCoeff(cellIndices, cells, poly);
            // 2. compute_cells_and_kzg_proofs_polynomialcoeff.
            ComputeCellsAndKzgProofsPolynomialCoeff(settings, poly, recoveredCells, recoveredProofs);
        }
        finally
        {
            ArrayPool<Fr>.Shared.Return(ext);
        }
    }
}
