namespace Blobs.Codecs;

/// <summary>
/// viem's <c>toBlobs</c> / <c>fromBlobs</c> (<c>src/utils/blob/toBlobs.ts</c>), name <c>viem</c>.
/// <para>Rules:</para>
/// <list type="number">
/// <item>Every element is 0x00 followed by the next 31 data bytes; elements run on from one blob to
/// the next, so a full blob holds 4096 · 31 = 126976 bytes.</item>
/// <item>The first element that gets fewer than 31 data bytes (possibly none) gets the 0x80 terminator
/// right after them; the rest of its blob is zero. When the data fills a blob exactly, the terminator
/// opens the next blob (element 0 = 00 80 00…).</item>
/// <item>So n blobs hold at most 126976·n − 1 bytes.</item>
/// </list>
/// <para>Differences from viem, on purpose: viem refuses empty data (<c>EmptyBlobError</c>) and more
/// than 761855 bytes; we encode empty data as one blob holding only the terminator, and take any
/// length. viem's <c>fromBlobs</c> takes the last 0x80 in the last blob as the terminator without
/// further checks (older versions stopped at the first 0x80 anywhere, truncating data that contains
/// 0x80).</para>
/// <para>Decoding never guesses: byte 0 of every element is zero; the last non-zero data byte of the
/// last blob is the terminator and must be 0x80 (so data ending in 0x00 bytes round-trips); the
/// terminator must be in the last blob (no trailing blobs).</para>
/// </summary>
public sealed class ViemCodec : ChunkedBlobCodec
{
    /// <summary>The shared instance (the codec is stateless).</summary>
    public static ViemCodec Instance { get; } = new();

    /// <summary>Data bytes per element.</summary>
    public const int BytesPerElement = 31;

    /// <summary>Data bytes in a full blob: 4096 · 31.</summary>
    public const int BytesPerFullBlob = BlobFormat.FieldElementsPerBlob * BytesPerElement;

    /// <summary>The terminator byte written after the data.</summary>
    public const byte Terminator = 0x80;

    /// <inheritdoc />
    public override string Name => "viem";

    /// <inheritdoc />
    public override int ChunkSize => BytesPerFullBlob;

    /// <inheritdoc />
    public override long Capacity(int blobCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blobCount);
        return blobCount == 0 ? 0 : (long)blobCount * BytesPerFullBlob - 1;
    }

    /// <inheritdoc />
    protected override bool NeedsTailBlob(int tailLength, long totalLength) => true;

    /// <inheritdoc />
    protected override void EncodeFull(ReadOnlySpan<byte> chunk, Span<byte> blob, int blobIndex) => Spread(chunk, blob);

    /// <inheritdoc />
    protected override void EncodeTail(ReadOnlySpan<byte> tail, Span<byte> blob, int blobIndex)
    {
        int end = Spread(tail, blob);
        blob[end] = Terminator;
    }

    /// <summary>Writes <paramref name="data"/> 31 bytes per element into a zeroed blob; returns the blob offset right after the last data byte.</summary>
    internal static int Spread(ReadOnlySpan<byte> data, Span<byte> blob)
    {
        int full = data.Length / BytesPerElement, rem = data.Length % BytesPerElement;
        ElementCopy.Spread(data, blob, full);
        int src = full * BytesPerElement, dst = full * BlobFormat.BytesPerFieldElement + 1;
        if (rem == 0) return dst;
        data.Slice(src, rem).CopyTo(blob[dst..]);
        return dst + rem;
    }

    /// <summary>The inverse of <see cref="Spread"/> for <paramref name="elements"/> whole elements.</summary>
    internal static void Gather(ReadOnlySpan<byte> blob, int elements, Span<byte> output) => ElementCopy.Gather(blob, output, elements);

    /// <inheritdoc />
    public override byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        BlobFormat.CheckBlobs(blobs);
        for (int i = 0; i < blobs.Count; i++) BlobFormat.RequireZeroTopBytes(blobs[i].Span, i, Name);

        // 1. The terminator: the last non-zero byte of the last blob.
        int lastIndex = blobs.Count - 1;
        var last = blobs[lastIndex].Span;
        int t = last.LastIndexOfAnyExcept((byte)0);
        if (t < 0)
            throw new BlobDecodingException(lastIndex, lastIndex == 0
                ? "all zero: no 0x80 terminator (viem ends the data with 0x80)"
                : "all zero: no 0x80 terminator (viem ends the data with 0x80 in the last blob; trailing blobs are not allowed)");
        int te = t / BlobFormat.BytesPerFieldElement, tb = t % BlobFormat.BytesPerFieldElement;
        if (last[t] != Terminator)
            throw new BlobDecodingException(lastIndex, te, $"byte {tb} is 0x{last[t]:x2}, the last non-zero byte of the last blob; viem ends the data with a 0x80 terminator");

        // 2. Data: whole blobs, then the last blob up to the terminator.
        int tail = te * BytesPerElement + (tb - 1);
        var output = new byte[(long)lastIndex * BytesPerFullBlob + tail];
        for (int i = 0; i < lastIndex; i++)
            Gather(blobs[i].Span, BlobFormat.FieldElementsPerBlob, output.AsSpan(i * BytesPerFullBlob, BytesPerFullBlob));
        var rest = output.AsSpan(lastIndex * BytesPerFullBlob);
        Gather(last, te, rest);
        last.Slice(te * BlobFormat.BytesPerFieldElement + 1, tb - 1).CopyTo(rest[(te * BytesPerElement)..]);
        return output;
    }
}
