namespace Blobs.Codecs;

/// <summary>
/// Base of the codecs that cut the payload into fixed-size chunks, one chunk per blob, and encode
/// each blob from its own chunk only (OP Stack v0, viem, raw). A "full" chunk is
/// <see cref="ChunkSize"/> bytes; the tail is the rest (shorter, possibly empty), encoded into
/// the last blob when <see cref="NeedsTailBlob"/> says so. Streaming output
/// (<see cref="CreateBuilder"/>) is byte-identical to <see cref="Encode"/> of the concatenated items.
/// </summary>
public abstract class ChunkedBlobCodec : IBlobCodec
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>Payload bytes a full blob holds.</summary>
    public abstract int ChunkSize { get; }

    /// <inheritdoc />
    public abstract long Capacity(int blobCount);

    /// <inheritdoc />
    public int BlobsNeeded(long dataLength)
    {
        if (dataLength < 0) throw new ArgumentOutOfRangeException(nameof(dataLength), dataLength, "must not be negative");
        long full = dataLength / ChunkSize;
        int tail = (int)(dataLength % ChunkSize);
        long blobs = full + (NeedsTailBlob(tail, dataLength) ? 1 : 0);
        if (blobs > int.MaxValue) throw new BlobCapacityException($"{dataLength} bytes need more than {int.MaxValue} blobs");
        return (int)blobs;
    }

    /// <summary>Whether a tail of <paramref name="tailLength"/> bytes (total payload <paramref name="totalLength"/>) takes a blob of its own.</summary>
    protected abstract bool NeedsTailBlob(int tailLength, long totalLength);

    /// <summary>Encodes a full chunk (exactly <see cref="ChunkSize"/> bytes) into a zeroed blob, the <paramref name="blobIndex"/>-th of the output.</summary>
    protected abstract void EncodeFull(ReadOnlySpan<byte> chunk, Span<byte> blob, int blobIndex);

    /// <summary>Encodes the tail (fewer than <see cref="ChunkSize"/> bytes) into a zeroed blob, the <paramref name="blobIndex"/>-th (last) of the output.</summary>
    protected abstract void EncodeTail(ReadOnlySpan<byte> tail, Span<byte> blob, int blobIndex);

    /// <summary>Checks the whole payload before anything is encoded (throws <see cref="ArgumentException"/>); none by default.</summary>
    protected virtual void CheckPayload(ReadOnlySpan<byte> data) { }

    /// <inheritdoc />
    public byte[][] Encode(ReadOnlySpan<byte> data)
    {
        CheckPayload(data);
        int count = BlobsNeeded(data.Length);
        var blobs = new byte[count][];
        int chunk = ChunkSize, i = 0, off = 0;
        for (; off + chunk <= data.Length && i < count; off += chunk, i++)
        {
            blobs[i] = new byte[BlobFormat.BytesPerBlob];
            EncodeFull(data.Slice(off, chunk), blobs[i], i);
        }
        if (i < count)
        {
            blobs[i] = new byte[BlobFormat.BytesPerBlob];
            EncodeTail(data[off..], blobs[i], i);
        }
        return blobs;
    }

    /// <inheritdoc />
    public abstract byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs);

    /// <inheritdoc />
    public IBlobBuilder CreateBuilder(int maxBlobs) => new ChunkedBlobBuilder(this, maxBlobs);

    /// <summary>Encodes a full chunk for the builder.</summary>
    internal void EncodeFullChunk(ReadOnlySpan<byte> chunk, Span<byte> blob, int blobIndex) => EncodeFull(chunk, blob, blobIndex);

    /// <summary>Encodes the tail for the builder, if it takes a blob.</summary>
    internal bool TryEncodeTailChunk(ReadOnlySpan<byte> tail, long totalLength, Span<byte> blob, int blobIndex)
    {
        if (!NeedsTailBlob(tail.Length, totalLength)) return false;
        EncodeTail(tail, blob, blobIndex);
        return true;
    }

    /// <summary>Throws <see cref="BlobCapacityException"/> unless <paramref name="dataLength"/> bytes fit in <paramref name="maxBlobs"/> blobs.</summary>
    public void CheckFits(long dataLength, int maxBlobs)
    {
        int needed = BlobsNeeded(dataLength);
        if (needed > maxBlobs)
            throw new BlobCapacityException($"{dataLength} bytes need {needed} blobs under the {Name} codec; at most {maxBlobs} allowed ({Capacity(maxBlobs)} bytes)");
    }
}
