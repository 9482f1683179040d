namespace Blobs.Codecs.Compression;

/// <summary>Compression put in front of a codec; the value is the algorithm byte of <see cref="CompressionHeader"/>.</summary>
public enum BlobCompression : byte
{
    /// <summary>No compression and no header: the codec carries the data as it is.</summary>
    None = 0,

    /// <summary>Brotli (RFC 7932), through the BCL.</summary>
    Brotli = 1,

    /// <summary>zlib (RFC 1950: deflate with a 2-byte header and an Adler-32 trailer), through the BCL.</summary>
    Zlib = 2,

    /// <summary>Zstandard (RFC 8878), through ZstdSharp.</summary>
    Zstd = 3,
}
