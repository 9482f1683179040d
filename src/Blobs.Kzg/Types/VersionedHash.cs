using System.Security.Cryptography;

namespace Blobs.Kzg;

/// <summary>A blob versioned hash: 0x01 ‖ sha256(commitment)[1:] (EIP-4844 kzg_to_versioned_hash).</summary>
public readonly struct VersionedHash : IEquatable<VersionedHash>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 32;
    private readonly byte[]? _bytes;

    private VersionedHash(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    /// <summary>The 32 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;
    private static readonly byte[] s_zero = new byte[32];

    /// <summary>The version byte (0x01 for KZG).</summary>
    public byte Version => Bytes[0];

    /// <summary>kzg_to_versioned_hash: 0x01 ‖ sha256(commitment)[1:].</summary>
    public static VersionedHash FromCommitment(in KzgCommitment commitment)
    {
        Span<byte> h = stackalloc byte[Size];
        SHA256.HashData(commitment.Bytes, h);
        h[0] = KzgConstants.VersionedHashVersionKzg;
        return new VersionedHash(h);
    }

    /// <summary>Wraps 32 bytes; throws <see cref="KzgInputException"/> on wrong length or a version other than 0x01.</summary>
    public static VersionedHash FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new KzgInputException($"versioned hash: expected {Size} bytes, got {bytes.Length}");
        if (bytes[0] != KzgConstants.VersionedHashVersionKzg)
            throw new KzgInputException($"versioned hash: version byte 0x{bytes[0]:x2}, expected 0x01 (VERSIONED_HASH_VERSION_KZG)");
        return new VersionedHash(bytes);
    }

    /// <summary>Parses 0x-prefixed or bare hex.</summary>
    public static VersionedHash FromHex(string hex) => FromBytes(Hex.Decode(hex, "versioned hash"));

    /// <inheritdoc />
    public bool Equals(VersionedHash other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is VersionedHash v && Equals(v);
    /// <inheritdoc />
    public override int GetHashCode() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[28..]);
    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(VersionedHash a, VersionedHash b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(VersionedHash a, VersionedHash b) => !a.Equals(b);
}
