using System.Buffers;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    private const int ExtSize = KzgConstants.FieldElementsPerExtBlob;
    private const int BlobSize = KzgConstants.FieldElementsPerBlob;
    private const int CellSize = KzgConstants.FieldElementsPerCell;
    private const int CellCount = KzgConstants.CellsPerExtBlob;

    /// <summary>compute_cells: the 128 cells (128 × 2048 bytes) of the blob's Reed–Solomon extension.</summary>
    public static void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells)
    {
        var ext = ArrayPool<Fr>.Shared.Rent(ExtSize);
        try
        {
            var poly = ext.AsSpan(0, ExtSize);
            PolynomialEvalToCoeff(blob, poly);
            PolynomialCoeffToCells(poly, cells);
        }
        finally
        {
            ArrayPool<Fr>.Shared.Return(ext);
        }
    }

    /// <summary>
    /// The cell part of compute_cells (and of compute_cells_and_kzg_proofs_polynomialcoeff): evaluates the
    /// polynomial whose 4096 coefficients are in <paramref name="ext"/>[..4096] over the 8192 roots of unity.
    /// Cell i holds the evaluations over coset_for_cell(i), the bit-reversal-permuted roots 64·i … 64·i+63,
    /// so the cells are the bit-reversed output of one decimation-in-frequency FFT. <paramref name="ext"/>
    /// (8192 elements) is overwritten with the extended evaluations in bit-reversed order.
    /// </summary>
    public static void PolynomialCoeffToCells(Span<Fr> ext, Span<byte> cells)
    {
        if (ext.Length != ExtSize) throw new ArgumentException($"extension buffer holds {ext.Length} elements, needs {ExtSize}");
        if (cells.Length != CellCount * KzgConstants.BytesPerCell)
            throw new ArgumentException($"cells: output buffer holds {cells.Length} bytes, needs {CellCount * KzgConstants.BytesPerCell}");
        FrFft.ForwardToBitReversedZeroUpperHalf(ext);
        CosetEvalsToCell(ext, cells);
    }
}
