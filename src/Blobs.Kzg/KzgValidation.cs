namespace Blobs.Kzg;

/// <summary>Input checks shared by every backend, with messages that name the problem.</summary>
public static class KzgValidation
{
    /// <summary>Checks the length of a blob and that each of its 4096 elements is canonical.</summary>
    public static void CheckBlob(ReadOnlySpan<byte> blob, string what)
    {
        if (blob.Length != KzgConstants.BytesPerBlob)
            throw new KzgInputException($"{what}: expected {KzgConstants.BytesPerBlob} bytes, got {blob.Length}");
        CheckElements(blob, what);
    }

    /// <summary>Checks that every 32-byte element of <paramref name="data"/> is below BLS_MODULUS.</summary>
    public static void CheckElements(ReadOnlySpan<byte> data, string what)
    {
        var modulus = KzgConstants.BlsModulusBigEndian;
        for (int i = 0, off = 0; off < data.Length; i++, off += KzgConstants.BytesPerFieldElement)
        {
            // Fast path: top byte below 0x73 is always canonical.
            if (data[off] < 0x73) continue;
            if (data.Slice(off, KzgConstants.BytesPerFieldElement).SequenceCompareTo(modulus) >= 0)
                throw new KzgInputException($"{what}: field element {i} is not canonical (value ≥ BLS_MODULUS)");
        }
    }

    internal static void CheckOutput(int actual, int expected, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{what}: output buffer holds {actual}, needs {expected}");
    }

    internal static void CheckRecoveryInput(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells)
    {
        int n = cellIndices.Length;
        if (cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cells: {cells.Length} bytes for {n} indices; expected {n} × {KzgConstants.BytesPerCell}");
        if (n < KzgConstants.CellsPerExtBlob / 2)
            throw new KzgInputException($"cell indices: {n} cells given, recovery needs at least {KzgConstants.CellsPerExtBlob / 2}");
        if (n > KzgConstants.CellsPerExtBlob)
            throw new KzgInputException($"cell indices: {n} cells given, at most {KzgConstants.CellsPerExtBlob} exist");
        Span<bool> seen = stackalloc bool[KzgConstants.CellsPerExtBlob];
        for (int i = 0; i < n; i++)
        {
            ulong idx = cellIndices[i];
            if (idx >= KzgConstants.CellsPerExtBlob)
                throw new KzgInputException($"cell indices: index {idx} at position {i} is out of range (must be < {KzgConstants.CellsPerExtBlob})");
            if (seen[(int)idx])
                throw new KzgInputException($"cell indices: index {idx} at position {i} is a duplicate");
            seen[(int)idx] = true;
        }
        for (int i = 0; i < n; i++)
            CheckElements(cells.Slice(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell), $"cell {i}");
    }

    internal static void CheckCellBatch(int commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, int proofs)
    {
        int n = cellIndices.Length;
        if (commitments != n || proofs != n || cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException(
                $"cell batch: {commitments} commitments, {n} cell indices, {cells.Length / (double)KzgConstants.BytesPerCell} cells, {proofs} proofs; counts must match");
        for (int i = 0; i < n; i++)
        {
            if (cellIndices[i] >= KzgConstants.CellsPerExtBlob)
                throw new KzgInputException($"cell indices: index {cellIndices[i]} at position {i} is out of range (must be < {KzgConstants.CellsPerExtBlob})");
            CheckElements(cells.Slice(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell), $"cell {i}");
        }
    }
}
