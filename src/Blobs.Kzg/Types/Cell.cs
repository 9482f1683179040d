namespace Blobs.Kzg;

/// <summary>
/// A cell of an extended blob (EIP-7594): 64 canonical field elements, 2048 bytes. Construction
/// checks the length and every element (the message names the index of the first bad element), so
/// a <see cref="Cell"/> is always valid. The bytes are copied on construction and never change;
/// <c>default(Cell)</c> is the all-zero cell.
/// </summary>
public readonly struct Cell : IEquatable<Cell>
{
    /// <summary>BYTES_PER_CELL.</summary>
    public const int Size = KzgConstants.BytesPerCell;
    private static readonly byte[] s_zero = new byte[Size];
    private readonly byte[]? _bytes;

    private Cell(byte[] validated) => _bytes = validated;

    /// <summary>The 2048 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;

    /// <summary>
    /// Copies and validates 2048 bytes; throws <see cref="KzgInputException"/> on another length or
    /// at the first element ≥ BLS_MODULUS ("cell: field element 5 is not canonical …").
    /// </summary>
    public static Cell FromBytes(ReadOnlySpan<byte> bytes, string what = "cell")
    {
        KzgValidation.CheckCell(bytes, what);
        return new Cell(bytes.ToArray());
    }

    /// <summary>Parses 0x-prefixed or bare hex of 2048 bytes.</summary>
    public static Cell FromHex(string hex, string what = "cell") => FromBytes(Hex.Decode(hex, what), what);

    /// <summary>Splits 128 × 2048 bytes (as <see cref="KzgContext.ComputeCells(ReadOnlySpan{byte}, Span{byte})"/> writes them) into cells.</summary>
    public static Cell[] Split(ReadOnlySpan<byte> cells, string what = "cells")
    {
        if (cells.Length % Size != 0)
            throw new KzgInputException($"{what}: length {cells.Length} is not a multiple of {Size}");
        var result = new Cell[cells.Length / Size];
        for (int i = 0; i < result.Length; i++)
            result[i] = FromBytes(cells.Slice(i * Size, Size), $"cell {i}");
        return result;
    }

    /// <summary>Wraps bytes a backend produced (already canonical) without re-checking them.</summary>
    internal static Cell FromTrusted(ReadOnlySpan<byte> bytes) => new(bytes.ToArray());

    /// <summary>Field element <paramref name="index"/> (0…63) as 32 big-endian bytes.</summary>
    public ReadOnlySpan<byte> Element(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, KzgConstants.FieldElementsPerCell);
        return Bytes.Slice(index * KzgConstants.BytesPerFieldElement, KzgConstants.BytesPerFieldElement);
    }

    /// <inheritdoc />
    public bool Equals(Cell other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Cell c && Equals(c);
    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Bytes);
        return h.ToHashCode();
    }
    /// <summary>0x-prefixed lowercase hex of the 2048 bytes.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(Cell a, Cell b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Cell a, Cell b) => !a.Equals(b);
}
