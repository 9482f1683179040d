namespace Blobs.Transactions.Rlp;

/// <summary>One RLP item located in a buffer: a string (bytes) or a list, with its payload range.</summary>
/// <param name="IsList">True for a list, false for a byte string.</param>
/// <param name="Offset">Offset of the item's first (prefix) byte in the buffer.</param>
/// <param name="PayloadOffset">Offset of the first payload byte.</param>
/// <param name="PayloadLength">Payload length in bytes.</param>
public readonly record struct RlpItem(bool IsList, int Offset, int PayloadOffset, int PayloadLength)
{
    /// <summary>Offset just past the item.</summary>
    public int End => PayloadOffset + PayloadLength;

    /// <summary>Length of the whole item, prefix included.</summary>
    public int Length => End - Offset;
}
