namespace Blobs.Kzg;

/// <summary>
/// A blob: 4096 canonical field elements, 131072 bytes, each element a big-endian integer below
/// BLS_MODULUS. Construction checks the length and every element (the message names the index of
/// the first bad element), so a <see cref="Blob"/> is always valid and the <see cref="KzgContext"/>
/// overloads that take one skip the per-call check. The bytes are copied on construction and never
/// change; <c>default(Blob)</c> is the all-zero blob.
/// </summary>
public readonly struct Blob : IEquatable<Blob>
{
    /// <summary>BYTES_PER_BLOB.</summary>
    public const int Size = KzgConstants.BytesPerBlob;
    private static readonly byte[] s_zero = new byte[Size];
    private readonly byte[]? _bytes;

    private Blob(byte[] validated) => _bytes = validated;

    /// <summary>The 131072 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes ?? s_zero;

    /// <summary>The bytes as memory (read-only), e.g. for a sidecar.</summary>
    public ReadOnlyMemory<byte> Memory => _bytes ?? s_zero;

    /// <summary>
    /// Copies and validates 131072 bytes; throws <see cref="KzgInputException"/> on another length
    /// or at the first element ≥ BLS_MODULUS ("blob: field element 17 is not canonical …").
    /// </summary>
    public static Blob FromBytes(ReadOnlySpan<byte> bytes, string what = "blob")
    {
        KzgValidation.CheckBlob(bytes, what);
        return new Blob(bytes.ToArray());
    }

    /// <summary>Copies and validates; false (with the reason) instead of an exception.</summary>
    public static bool TryFromBytes(ReadOnlySpan<byte> bytes, out Blob blob, out string? error)
    {
        blob = default;
        error = KzgValidation.FindBlobError(bytes, "blob");
        if (error is not null) return false;
        blob = new Blob(bytes.ToArray());
        return true;
    }

    /// <summary>Parses 0x-prefixed or bare hex of 131072 bytes.</summary>
    public static Blob FromHex(string hex) => FromBytes(Hex.Decode(hex, "blob"));

    /// <summary>Field element <paramref name="index"/> (0…4095) as 32 big-endian bytes.</summary>
    public ReadOnlySpan<byte> Element(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, KzgConstants.FieldElementsPerBlob);
        return Bytes.Slice(index * KzgConstants.BytesPerFieldElement, KzgConstants.BytesPerFieldElement);
    }

    /// <inheritdoc />
    public bool Equals(Blob other) => Bytes.SequenceEqual(other.Bytes);
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Blob b && Equals(b);
    /// <inheritdoc />
    public override int GetHashCode()
    {
        var h = new HashCode();
        h.AddBytes(Bytes);
        return h.ToHashCode();
    }
    /// <summary>0x-prefixed lowercase hex of all 131072 bytes.</summary>
    public override string ToString() => Hex.Encode(Bytes);
    /// <summary>Equality.</summary>
    public static bool operator ==(Blob a, Blob b) => a.Equals(b);
    /// <summary>Inequality.</summary>
    public static bool operator !=(Blob a, Blob b) => !a.Equals(b);
}
