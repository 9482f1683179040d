namespace Blobs.Codecs.Compression;

/// <summary>
/// Compression in front of another codec: <see cref="Encode"/> compresses the data into the
/// self-describing form (<see cref="CompressionHeader"/> + stream) and encodes that with
/// <see cref="Inner"/>; <see cref="Decode"/> decodes with <see cref="Inner"/>, requires the header and
/// decompresses with whatever algorithm it names (so decoding needs no flag), refusing more than
/// <see cref="MaxDecompressedLength"/> bytes. Name: <c>inner+algorithm</c>, e.g. <c>simple+zstd</c>.
/// <para>Capacity depends on the data: <see cref="Capacity"/> counts compressed bytes (header
/// included) and <see cref="BlobsNeeded"/> assumes incompressible data (the worst case).</para>
/// </summary>
public sealed class CompressedBlobCodec : IBlobCodec
{
    /// <summary>Wraps <paramref name="inner"/> (any codec but raw, which carries whole blobs only).</summary>
    public CompressedBlobCodec(IBlobCodec inner, BlobCompression algorithm, int? level = null, long maxDecompressedLength = PayloadCompression.DefaultMaxDecompressedLength)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (algorithm == BlobCompression.None || !Enum.IsDefined(algorithm)) throw new ArgumentException($"not a compression algorithm: {algorithm}", nameof(algorithm));
        if (inner is RawCodec) throw new ArgumentException("raw mode carries whole blobs as they are; it cannot carry a compressed payload", nameof(inner));
        if (inner is CompressedBlobCodec) throw new ArgumentException("the codec is compressed already", nameof(inner));
        ArgumentOutOfRangeException.ThrowIfNegative(maxDecompressedLength);
        Level = level ?? PayloadCompression.DefaultLevel(algorithm);
        PayloadCompression.CheckLevel(algorithm, Level);
        Inner = inner;
        Algorithm = algorithm;
        MaxDecompressedLength = maxDecompressedLength;
    }

    /// <summary>The codec that carries the compressed payload.</summary>
    public IBlobCodec Inner { get; }

    /// <summary>The algorithm used to encode (decoding follows the header).</summary>
    public BlobCompression Algorithm { get; }

    /// <summary>The compression level used to encode.</summary>
    public int Level { get; }

    /// <summary>The largest uncompressed length decoding accepts.</summary>
    public long MaxDecompressedLength { get; }

    /// <inheritdoc />
    public string Name => $"{Inner.Name}+{Algorithm.ToString().ToLowerInvariant()}";

    /// <summary>The largest compressed payload (header included) that fits in <paramref name="blobCount"/> blobs.</summary>
    public long Capacity(int blobCount) => Inner.Capacity(blobCount);

    /// <summary>The blobs <paramref name="dataLength"/> bytes need in the worst case (incompressible data).</summary>
    public int BlobsNeeded(long dataLength) => Inner.BlobsNeeded(PayloadCompression.MaxCompressedLength(dataLength, Algorithm));

    /// <inheritdoc />
    public byte[][] Encode(ReadOnlySpan<byte> data) => Inner.Encode(PayloadCompression.Compress(data, Algorithm, Level));

    /// <inheritdoc />
    public byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs) => PayloadCompression.Decompress(Inner.Decode(blobs), MaxDecompressedLength);

    /// <summary>
    /// A builder that compresses items as they come (flushing the compressor after each so the exact
    /// compressed size is known) and refuses an item whose compressed form would not fit. Its blobs
    /// are made at <see cref="IBlobBuilder.Finish"/> (a later item changes every blob) and differ from
    /// <see cref="Encode"/> of the concatenation (the flush points), but decode to the same bytes.
    /// </summary>
    public IBlobBuilder CreateBuilder(int maxBlobs) => new CompressedBlobBuilder(this, maxBlobs);
}
