using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// The managed EIP-7594 cell functions of the fulu spec (polynomial-commitments-sampling.md), one spec
/// function per file. Inputs arrive checked by <see cref="KzgContext"/>; the functions still refuse a
/// non-canonical element with a <see cref="KzgInputException"/> naming it.
/// </summary>
internal static partial class CellKzg
{
    /// <summary>
    /// cell_to_coset_evals: the 64 big-endian field elements of a cell (2048 bytes) into
    /// <paramref name="evals"/>, in the cell's own order (bit-reversed within its coset).
    /// </summary>
    public static void CellToCosetEvals(ReadOnlySpan<byte> cell, Span<Fr> evals, string what)
    {
        if (cell.Length != KzgConstants.BytesPerCell)
            throw new KzgInputException($"{what}: expected {KzgConstants.BytesPerCell} bytes, got {cell.Length}");
        ReadElements(cell, evals[..KzgConstants.FieldElementsPerCell], what);
    }

    /// <summary>
    /// bytes_to_bls_field over a run of 32-byte big-endian elements (a blob or a cell): fills
    /// <paramref name="into"/> with one element per 32 bytes; throws naming the first non-canonical one.
    /// </summary>
    public static void ReadElements(ReadOnlySpan<byte> bytes, Span<Fr> into, string what)
    {
        const int size = KzgConstants.BytesPerFieldElement;
        if (bytes.Length != into.Length * size)
            throw new ArgumentException($"{what}: {bytes.Length} bytes for {into.Length} field elements");
        for (int i = 0; i < into.Length; i++)
        {
            if (!Fr.TryFromBytesBigEndian(bytes.Slice(i * size, size), out into[i]))
                throw new KzgInputException($"{what}: field element {i} is not canonical (value ≥ BLS_MODULUS)");
        }
    }
}
