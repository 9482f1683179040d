namespace Blobs.Codecs;

/// <summary>
/// Packs arbitrary bytes into blobs (131072 bytes, 4096 canonical field elements each) and back.
/// Decoding never guesses: malformed input throws <see cref="BlobDecodingException"/> naming the
/// blob and element index. Implementations are immutable and thread-safe.
/// </summary>
public interface IBlobCodec
{
    /// <summary>Short name used on the command line ("op", "simple", "viem", "raw").</summary>
    string Name { get; }

    /// <summary>The largest payload, in bytes, that fits in <paramref name="blobCount"/> blobs.</summary>
    long Capacity(int blobCount);

    /// <summary>The number of blobs <paramref name="dataLength"/> bytes need.</summary>
    int BlobsNeeded(long dataLength);

    /// <summary>Encodes <paramref name="data"/> into as many blobs as it needs (each 131072 bytes).</summary>
    byte[][] Encode(ReadOnlySpan<byte> data);

    /// <summary>Decodes the payload from blobs in order.</summary>
    byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs);

    /// <summary>
    /// Starts a streaming builder that takes many items and closes blobs as they fill, refusing
    /// (with <see cref="BlobCapacityException"/>, or <c>false</c> from <see cref="IBlobBuilder.TryAdd"/>)
    /// an item that would need more than <paramref name="maxBlobs"/> blobs. The blobs it produces
    /// decode, under this codec, to the items concatenated.
    /// </summary>
    IBlobBuilder CreateBuilder(int maxBlobs);
}

/// <summary>Thrown when blobs do not decode under a codec; the message names the blob and element index.</summary>
public sealed class BlobDecodingException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public BlobDecodingException(string message) : base(message) { }

    /// <summary>Creates the exception for a whole blob.</summary>
    public BlobDecodingException(int blobIndex, string problem)
        : base($"blob {blobIndex}: {problem}")
    {
        BlobIndex = blobIndex;
    }

    /// <summary>Creates the exception for a position in the input.</summary>
    public BlobDecodingException(int blobIndex, int elementIndex, string problem)
        : base($"blob {blobIndex}, field element {elementIndex}: {problem}")
    {
        BlobIndex = blobIndex;
        ElementIndex = elementIndex;
    }

    /// <summary>The index of the offending blob, when known.</summary>
    public int? BlobIndex { get; }

    /// <summary>The index of the offending field element within its blob, when known.</summary>
    public int? ElementIndex { get; }
}

/// <summary>Thrown when data does not fit the capacity given to an encoder.</summary>
public sealed class BlobCapacityException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public BlobCapacityException(string message) : base(message) { }
}
