using Blobs.Kzg;

namespace Blobs.Transactions;

/// <summary>A 32-byte value: a transaction hash, a signing hash or an access-list storage key.</summary>
public readonly struct Hash32 : IEquatable<Hash32>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 32;
    private readonly byte[]? _bytes;

    private Hash32(byte[] bytes) => _bytes = bytes;

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;
    private static readonly byte[] s_zero = new byte[Size];

    /// <summary>Wraps 32 bytes; throws <see cref="ArgumentException"/> on any other length.</summary>
    public static Hash32 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"32-byte value: expected {Size} bytes, got {bytes.Length}");
        return new Hash32(bytes.ToArray());
    }

    /// <summary>Parses 0x-prefixed or bare hex of 32 bytes.</summary>
    public static Hash32 Parse(string hex)
    {
        byte[] bytes;
        try { bytes = Hex.Decode(hex, "32-byte value"); }
        catch (KzgInputException e) { throw new ArgumentException(e.Message, e); }
        if (bytes.Length != Size) throw new ArgumentException($"'{hex}': expected {Size} bytes, got {bytes.Length}");
        return new Hash32(bytes);
    }

    /// <summary>keccak256 of <paramref name="data"/>.</summary>
    public static Hash32 Keccak256(ReadOnlySpan<byte> data) =>
        new(Nethereum.Util.Sha3Keccack.Current.CalculateHash(data.ToArray()));

    /// <inheritdoc />
    public bool Equals(Hash32 other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Hash32 h && Equals(h);
    /// <inheritdoc />
    public override int GetHashCode() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[28..]);
    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(Hash32 a, Hash32 b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Hash32 a, Hash32 b) => !a.Equals(b);
}
