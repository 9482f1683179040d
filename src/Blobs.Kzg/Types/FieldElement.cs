
namespace Blobs.Kzg;

/// <summary>
/// A canonical BLS scalar-field element in its 32-byte big-endian encoding (value &lt; BLS_MODULUS).
/// Construction rejects non-canonical bytes, so a <see cref="FieldElement"/> is always valid.
/// </summary>
public readonly struct FieldElement : IEquatable<FieldElement>
{
    private readonly byte[]? _bytes;

    private FieldElement(ReadOnlySpan<byte> canonical) => _bytes = canonical.ToArray();

    /// <summary>The zero element.</summary>
    public static FieldElement Zero => default;

    /// <summary>The big-endian bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;
    private static readonly byte[] s_zero = new byte[32];

    /// <summary>Parses 32 big-endian bytes; throws <see cref="KzgInputException"/> on wrong length or a value ≥ BLS_MODULUS.</summary>
    public static FieldElement FromBytes(ReadOnlySpan<byte> bytes, string what = "field element")
    {
        if (bytes.Length != KzgConstants.BytesPerFieldElement)
            throw new KzgInputException($"{what}: expected {KzgConstants.BytesPerFieldElement} bytes, got {bytes.Length}");
        if (!IsCanonical(bytes))
            throw new KzgInputException($"{what}: non-canonical field element (value ≥ BLS_MODULUS)");
        return new FieldElement(bytes);
    }

    /// <summary>Parses 32 big-endian bytes; false on wrong length or non-canonical value.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out FieldElement value)
    {
        value = default;
        if (bytes.Length != KzgConstants.BytesPerFieldElement || !IsCanonical(bytes)) return false;
        value = new FieldElement(bytes);
        return true;
    }

    /// <summary>Parses 0x-prefixed or bare hex.</summary>
    public static FieldElement FromHex(string hex, string what = "field element") => FromBytes(Hex.Decode(hex, what), what);

    /// <summary>True when 32 big-endian bytes encode a value strictly below BLS_MODULUS.</summary>
    public static bool IsCanonical(ReadOnlySpan<byte> bytes32) =>
        bytes32.Length == KzgConstants.BytesPerFieldElement &&
        bytes32.SequenceCompareTo(KzgConstants.BlsModulusBigEndian) < 0;

    /// <inheritdoc />
    public bool Equals(FieldElement other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is FieldElement f && Equals(f);
    /// <inheritdoc />
    public override int GetHashCode() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Bytes[28..]);
    /// <summary>0x-prefixed lowercase hex.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(FieldElement a, FieldElement b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(FieldElement a, FieldElement b) => !a.Equals(b);
}
