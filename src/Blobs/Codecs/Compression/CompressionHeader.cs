using System.Buffers.Binary;

namespace Blobs.Codecs.Compression;

/// <summary>
/// The header that makes a compressed payload self-describing, so that decoding needs no flag.
/// Layout (9 bytes, then the compressed stream, which runs to the end of the payload):
/// <code>
/// offset  size  field
///   0      4    magic 0x89 'B' 'L' 'Z'  (89 42 4c 5a; the high first byte keeps text from matching)
///   4      1    algorithm: 1 brotli, 2 zlib, 3 zstd (see <see cref="BlobCompression"/>)
///   5      4    uncompressed length, u32 big-endian
/// </code>
/// A payload that does not start with the magic is not compressed. A payload that starts with it
/// but has an unknown algorithm or is shorter than the header is malformed.
/// </summary>
/// <param name="Algorithm">The algorithm of the stream after the header.</param>
/// <param name="UncompressedLength">The length of the data before compression.</param>
public readonly record struct CompressionHeader(BlobCompression Algorithm, uint UncompressedLength)
{
    /// <summary>Bytes in the header.</summary>
    public const int Size = 9;

    /// <summary>The 4 magic bytes.</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, 0x42, 0x4c, 0x5a];

    /// <summary>True if <paramref name="payload"/> starts with the magic (it then must carry a valid header).</summary>
    public static bool HasMagic(ReadOnlySpan<byte> payload) => payload.StartsWith(Magic);

    /// <summary>Reads and checks the header; throws <see cref="BlobDecodingException"/> when it is missing or malformed.</summary>
    public static CompressionHeader Read(ReadOnlySpan<byte> payload)
    {
        if (!HasMagic(payload))
            throw new BlobDecodingException($"compressed payload: no compression header (magic 89 42 4c 5a expected, found {Convert.ToHexStringLower(payload[..Math.Min(4, payload.Length)])})");
        if (payload.Length < Size)
            throw new BlobDecodingException($"compressed payload: {payload.Length} bytes, shorter than the {Size}-byte header");
        byte algorithm = payload[4];
        if (algorithm is < (byte)BlobCompression.Brotli or > (byte)BlobCompression.Zstd)
            throw new BlobDecodingException($"compressed payload: unknown algorithm byte {algorithm} (1 brotli, 2 zlib, 3 zstd)");
        return new CompressionHeader((BlobCompression)algorithm, BinaryPrimitives.ReadUInt32BigEndian(payload[5..]));
    }

    /// <summary>Writes the header into the first <see cref="Size"/> bytes of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        if (Algorithm == BlobCompression.None || !Enum.IsDefined(Algorithm)) throw new ArgumentException($"no header for algorithm {Algorithm}");
        Magic.CopyTo(destination);
        destination[4] = (byte)Algorithm;
        BinaryPrimitives.WriteUInt32BigEndian(destination[5..], UncompressedLength);
    }
}
