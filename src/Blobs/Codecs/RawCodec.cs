namespace Blobs.Codecs;

/// <summary>
/// Raw mode, name <c>raw</c>: for callers who already hold blobs. The payload is whole blobs back to
/// back (its length a multiple of 131072, possibly zero); each is used as it is and every field
/// element must be canonical (below BLS_MODULUS). Decoding checks every element and concatenates.
/// </summary>
public sealed class RawCodec : ChunkedBlobCodec
{
    /// <summary>The shared instance (the codec is stateless).</summary>
    public static RawCodec Instance { get; } = new();

    /// <inheritdoc />
    public override string Name => "raw";

    /// <inheritdoc />
    public override int ChunkSize => BlobFormat.BytesPerBlob;

    /// <inheritdoc />
    public override long Capacity(int blobCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blobCount);
        return (long)blobCount * BlobFormat.BytesPerBlob;
    }

    /// <inheritdoc />
    protected override bool NeedsTailBlob(int tailLength, long totalLength) => tailLength > 0;

    /// <inheritdoc />
    protected override void CheckPayload(ReadOnlySpan<byte> data) => CheckLength(data.Length);

    /// <inheritdoc />
    protected override void EncodeFull(ReadOnlySpan<byte> chunk, Span<byte> blob, int blobIndex)
    {
        CheckCanonical(chunk, blobIndex);
        chunk.CopyTo(blob);
    }

    /// <inheritdoc />
    protected override void EncodeTail(ReadOnlySpan<byte> tail, Span<byte> blob, int blobIndex) =>
        throw new ArgumentException($"raw mode: {tail.Length} bytes left over after {blobIndex} whole blob(s); the payload length must be a multiple of {BlobFormat.BytesPerBlob}");

    private static void CheckLength(long length)
    {
        if (length % BlobFormat.BytesPerBlob != 0)
            throw new ArgumentException($"raw mode: {length} bytes is not a multiple of {BlobFormat.BytesPerBlob} (raw mode takes whole blobs)");
    }

    private static void CheckCanonical(ReadOnlySpan<byte> blob, int blobIndex)
    {
        int e = BlobFormat.FirstNonCanonical(blob);
        if (e >= 0) throw new ArgumentException($"raw mode: blob {blobIndex}, field element {e}: not canonical (at least BLS_MODULUS)");
    }

    /// <inheritdoc />
    public override byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        BlobFormat.CheckBlobs(blobs, allowNone: true);
        var output = new byte[(long)blobs.Count * BlobFormat.BytesPerBlob];
        for (int i = 0; i < blobs.Count; i++)
        {
            BlobFormat.RequireCanonical(blobs[i].Span, i);
            blobs[i].Span.CopyTo(output.AsSpan(i * BlobFormat.BytesPerBlob));
        }
        return output;
    }
}
