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

    /// <summary>Checks the length of a cell (2048 bytes) and that each of its 64 elements is canonical.</summary>
    public static void CheckCell(ReadOnlySpan<byte> cell, string what)
    {
        if (cell.Length != KzgConstants.BytesPerCell)
            throw new KzgInputException($"{what}: expected {KzgConstants.BytesPerCell} bytes, got {cell.Length}");
        CheckElements(cell, what);
    }

    /// <summary>Checks that every 32-byte element of <paramref name="data"/> is below BLS_MODULUS.</summary>
    public static void CheckElements(ReadOnlySpan<byte> data, string what)
    {
        int bad = FirstNonCanonical(data);
        if (bad >= 0)
            throw new KzgInputException($"{what}: field element {bad} is not canonical (value ≥ BLS_MODULUS)");
    }

    /// <summary>The problem with a would-be blob (length, or the first non-canonical element), or null when it is valid.</summary>
    public static string? FindBlobError(ReadOnlySpan<byte> blob, string what)
    {
        if (blob.Length != KzgConstants.BytesPerBlob)
            return $"{what}: expected {KzgConstants.BytesPerBlob} bytes, got {blob.Length}";
        int bad = FirstNonCanonical(blob);
        return bad < 0 ? null : $"{what}: field element {bad} is not canonical (value ≥ BLS_MODULUS)";
    }

    /// <summary>Index of the first 32-byte element ≥ BLS_MODULUS, or -1 when all are canonical.</summary>
    public static int FirstNonCanonical(ReadOnlySpan<byte> data)
    {
        var modulus = KzgConstants.BlsModulusBigEndian;
        for (int i = 0, off = 0; off < data.Length; i++, off += KzgConstants.BytesPerFieldElement)
        {
            // Fast path: top byte below 0x73 is always canonical.
            if (data[off] < 0x73) continue;
            if (data.Slice(off, Math.Min(KzgConstants.BytesPerFieldElement, data.Length - off)).SequenceCompareTo(modulus) >= 0)
                return i;
        }
        return -1;
    }

    internal static void CheckOutput(int actual, int expected, string what)
    {
        if (actual != expected)
            throw new ArgumentException($"{what}: output buffer holds {actual}, needs {expected}");
    }

    /// <summary>recover_cells_and_kzg_proofs preconditions: counts, 64…128 distinct indices below 128 in ascending order, canonical cells.</summary>
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
            if (i > 0 && idx < cellIndices[i - 1])
                throw new KzgInputException($"cell indices: index {idx} at position {i} follows {cellIndices[i - 1]}; recovery needs them in ascending order");
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
