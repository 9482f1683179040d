using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// coset_evals_to_cell, over any number of cells: writes each element as 32 big-endian bytes
    /// (bls_field_to_bytes), so 64 elements make one 2048-byte cell.
    /// </summary>
    public static void CosetEvalsToCell(ReadOnlySpan<Fr> evals, Span<byte> cells)
    {
        const int size = KzgConstants.BytesPerFieldElement;
        if (cells.Length != evals.Length * size)
            throw new ArgumentException($"cells: {cells.Length} bytes for {evals.Length} field elements");
        for (int i = 0; i < evals.Length; i++) evals[i].ToBytesBigEndian(cells.Slice(i * size, size));
    }
}
