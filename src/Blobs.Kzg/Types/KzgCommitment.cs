
namespace Blobs.Kzg;

/// <summary>
/// A KZG commitment: a 48-byte compressed G1 point (ZCash encoding; infinity is 0xc0 then 47 zeros).
/// The length is checked here; whether the bytes decode to a point of the G1 subgroup is checked
/// by the backend when the value is used.
/// </summary>
public readonly struct KzgCommitment : IEquatable<KzgCommitment>
{
    /// <summary>Encoded size in bytes.</summary>
    public const int Size = 48;
    private readonly byte[]? _bytes;

    private KzgCommitment(ReadOnlySpan<byte> bytes) => _bytes = bytes.ToArray();

    /// <summary>The 48 compressed bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;
    private static readonly byte[] s_zero = new byte[48];

    /// <summary>The point at infinity (0xc0 followed by 47 zero bytes).</summary>
    public static KzgCommitment Infinity
    {
        get
        {
            Span<byte> b = stackalloc byte[Size];
            b[0] = 0xc0;
            return new KzgCommitment(b);
        }
    }

    /// <summary>Wraps 48 bytes; throws <see cref="KzgInputException"/> on any other length.</summary>
    public static KzgCommitment FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size)
            throw new KzgInputException($"commitment: expected {Size} bytes, got {bytes.Length}");
        return new KzgCommitment(bytes);
    }

    /// <summary>Parses 0x-prefixed or bare hex of 48 bytes.</summary>
    public static KzgCommitment FromHex(string hex) => FromBytes(Hex.Decode(hex, "commitment"));

    /// <inheritdoc />
    public bool Equals(KzgCommitment other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is KzgCommitment c && Equals(c);
    /// <inheritdoc />
    public override int GetHashCode() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[44..]);
    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(KzgCommitment a, KzgCommitment b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(KzgCommitment a, KzgCommitment b) => !a.Equals(b);
}
