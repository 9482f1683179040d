using Blobs.Kzg;

namespace Blobs.Transactions;

/// <summary>A 20-byte Ethereum account address.</summary>
public readonly struct Address : IEquatable<Address>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 20;
    private readonly byte[]? _bytes;

    private Address(byte[] bytes) => _bytes = bytes;

    /// <summary>The 20 address bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;
    private static readonly byte[] s_zero = new byte[Size];

    /// <summary>The zero address.</summary>
    public static Address Zero => default;

    /// <summary>Wraps 20 bytes; throws <see cref="ArgumentException"/> on any other length.</summary>
    public static Address FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size) throw new ArgumentException($"address: expected {Size} bytes, got {bytes.Length}");
        return new Address(bytes.ToArray());
    }

    /// <summary>Parses 0x-prefixed or bare hex of 20 bytes (any letter case; the checksum is not enforced).</summary>
    public static Address Parse(string hex)
    {
        byte[] bytes;
        try { bytes = Hex.Decode(hex, "address"); }
        catch (KzgInputException e) { throw new ArgumentException(e.Message, e); }
        if (bytes.Length != Size) throw new ArgumentException($"address '{hex}': expected {Size} bytes, got {bytes.Length}");
        return new Address(bytes);
    }

    /// <summary>Parses an address; false when <paramref name="hex"/> is not 20 bytes of hex.</summary>
    public static bool TryParse(string? hex, out Address address)
    {
        address = default;
        if (hex is null) return false;
        try { address = Parse(hex); return true; }
        catch (ArgumentException) { return false; }
    }

    /// <inheritdoc />
    public bool Equals(Address other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Address a && Equals(a);
    /// <inheritdoc />
    public override int GetHashCode() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[16..]);
    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(Address a, Address b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Address a, Address b) => !a.Equals(b);
}
