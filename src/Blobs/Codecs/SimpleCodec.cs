using System.Buffers.Binary;

namespace Blobs.Codecs;

/// <summary>
/// alloy's <c>SimpleCoder</c> (<c>crates/eips/src/eip4844/builder.rs</c>), the coder behind
/// <c>cast send --blob --path FILE</c>, name <c>simple</c>.
/// <para>Rules:</para>
/// <list type="number">
/// <item>The blobs form one stream of field elements (element 4096 is element 0 of the second blob);
/// byte 0 of every element is 0.</item>
/// <item>Each item is one header element holding its length as a u64 big-endian in bytes 1..8
/// (bytes 9..31 zero), followed by ceil(length / 31) elements with 31 data bytes each in bytes 1..31,
/// the last one zero-padded. Items follow each other with no gap and cross blob boundaries freely.</item>
/// <item>An empty item writes nothing. Empty data is one all-zero blob (alloy starts with one blob).</item>
/// <item>Blobs are added only as elements need them: n blobs hold 4096·n elements, so one item of at
/// most (4096·n − 1)·31 bytes.</item>
/// </list>
/// <para>Decoding (alloy's <c>decode_all</c>, stricter): every element's byte 0 is zero; items are read
/// until the stream ends or a header says length 0; a header's bytes 9..31 are zero; a length must
/// fit in the elements that remain; the padding of an item's last element is zero; after a zero
/// header everything is zero. <see cref="Decode"/> returns the items concatenated,
/// <see cref="DecodeItems"/> one by one. (alloy also refuses an item above 2 MiB; we refuse only what
/// does not fit in the blobs given.)</para>
/// <para>The streaming builder takes items (one header each), so its blobs equal <see cref="Encode"/>
/// of the concatenation only for a single item; they decode to the concatenation in any case, and
/// <see cref="DecodeItems"/> gives the items back. Difference from alloy's <c>SidecarBuilder</c>: an
/// empty item added when the allocated blobs are exactly full makes alloy add an all-zero blob; we
/// add nothing.</para>
/// </summary>
public sealed class SimpleCodec : IBlobCodec
{
    /// <summary>The shared instance (the codec is stateless).</summary>
    public static SimpleCodec Instance { get; } = new();

    /// <summary>Data bytes per element.</summary>
    public const int BytesPerElement = 31;

    /// <inheritdoc />
    public string Name => "simple";

    /// <inheritdoc />
    public long Capacity(int blobCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blobCount);
        return blobCount == 0 ? 0 : ((long)blobCount * BlobFormat.FieldElementsPerBlob - 1) * BytesPerElement;
    }

    /// <summary>Field elements one item of <paramref name="length"/> bytes takes (0 for an empty item).</summary>
    public static long ElementsFor(long length) => length == 0 ? 0 : 1 + (length + BytesPerElement - 1) / BytesPerElement;

    /// <inheritdoc />
    public int BlobsNeeded(long dataLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(dataLength);
        long blobs = Math.Max(1, (ElementsFor(dataLength) + BlobFormat.FieldElementsPerBlob - 1) / BlobFormat.FieldElementsPerBlob);
        if (blobs > int.MaxValue) throw new BlobCapacityException($"{dataLength} bytes need more than {int.MaxValue} blobs");
        return (int)blobs;
    }

    /// <inheritdoc />
    public byte[][] Encode(ReadOnlySpan<byte> data)
    {
        var builder = new SimpleBlobBuilder(int.MaxValue);
        builder.Add(data);
        return builder.Finish();
    }

    /// <summary>Encodes several items back to back, each with its own header (alloy's <c>SidecarBuilder</c> fed item by item).</summary>
    public byte[][] EncodeItems(IEnumerable<ReadOnlyMemory<byte>> items, int maxBlobs = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(items);
        var builder = new SimpleBlobBuilder(maxBlobs);
        foreach (var item in items) builder.Add(item.Span);
        return builder.Finish();
    }

    /// <inheritdoc />
    public IBlobBuilder CreateBuilder(int maxBlobs) => new SimpleBlobBuilder(maxBlobs);

    /// <inheritdoc />
    public byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        var items = Scan(blobs);
        long total = 0;
        foreach (var (_, length) in items) total += length;
        var output = new byte[total];
        long off = 0;
        foreach (var (start, length) in items)
        {
            CopyItem(blobs, start, length, output.AsSpan((int)off, (int)length));
            off += length;
        }
        return output;
    }

    /// <summary>Decodes the items one by one (alloy's <c>decode_all</c>), with the checks listed on the class.</summary>
    public IReadOnlyList<byte[]> DecodeItems(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        var items = Scan(blobs);
        var result = new byte[items.Count][];
        for (int i = 0; i < items.Count; i++)
        {
            var (start, length) = items[i];
            result[i] = new byte[length];
            CopyItem(blobs, start, length, result[i]);
        }
        return result;
    }

    /// <summary>Checks the whole stream and returns each item's first data element and length.</summary>
    private List<(long Start, long Length)> Scan(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        BlobFormat.CheckBlobs(blobs);
        for (int i = 0; i < blobs.Count; i++) BlobFormat.RequireZeroTopBytes(blobs[i].Span, i, Name);
        long total = (long)blobs.Count * BlobFormat.FieldElementsPerBlob;
        var items = new List<(long, long)>();
        long fe = 0;
        while (fe < total)
        {
            // 1. The header: a u64 big-endian length in bytes 1..8, zeros after.
            var (hb, he) = Locate(fe);
            var header = blobs[hb].Span.Slice(he * BlobFormat.BytesPerFieldElement, BlobFormat.BytesPerFieldElement);
            int junk = header[9..].IndexOfAnyExcept((byte)0);
            if (junk >= 0)
                throw new BlobDecodingException(hb, he, $"byte {9 + junk} is 0x{header[9 + junk]:x2} in a length header; the simple codec's header holds a u64 in bytes 1..8 and zeros after");
            ulong length = BinaryPrimitives.ReadUInt64BigEndian(header[1..]);

            // 2. Length 0 ends the data; everything after must be zero.
            if (length == 0)
            {
                RequireZeroFrom(blobs, fe + 1, hb, he);
                break;
            }

            // 3. The length must fit in the elements that follow.
            long room = (total - fe - 1) * BytesPerElement;
            if (length > (ulong)room)
                throw new BlobDecodingException(hb, he, $"the header gives a length of {length} bytes, but the {total - fe - 1} elements after it hold at most {room}");

            // 4. The padding of the item's last element is zero.
            long n = (long)length;
            long dataElements = (n + BytesPerElement - 1) / BytesPerElement;
            int rem = (int)(n % BytesPerElement);
            if (rem != 0)
            {
                var (lb, le) = Locate(fe + dataElements);
                var lastElement = blobs[lb].Span.Slice(le * BlobFormat.BytesPerFieldElement, BlobFormat.BytesPerFieldElement);
                int pad = lastElement[(1 + rem)..].IndexOfAnyExcept((byte)0);
                if (pad >= 0)
                    throw new BlobDecodingException(lb, le, $"byte {1 + rem + pad} is 0x{lastElement[1 + rem + pad]:x2}; it pads the end of a {n}-byte item and must be zero");
            }
            items.Add((fe + 1, n));
            fe += 1 + dataElements;
        }
        return items;
    }

    private static (int Blob, int Element) Locate(long fe) => ((int)(fe / BlobFormat.FieldElementsPerBlob), (int)(fe % BlobFormat.FieldElementsPerBlob));

    private static void RequireZeroFrom(IReadOnlyList<ReadOnlyMemory<byte>> blobs, long fe, int endBlob, int endElement)
    {
        var (b, e) = Locate(fe);
        for (; b < blobs.Count; b++, e = 0)
        {
            var region = blobs[b].Span[(e * BlobFormat.BytesPerFieldElement)..];
            int i = region.IndexOfAnyExcept((byte)0);
            if (i < 0) continue;
            int pos = e * BlobFormat.BytesPerFieldElement + i;
            throw new BlobDecodingException(b, pos / BlobFormat.BytesPerFieldElement,
                $"byte {pos % BlobFormat.BytesPerFieldElement} is 0x{region[i]:x2} after the end of the data (a zero length header at blob {endBlob}, element {endElement}); it must be zero");
        }
    }

    private static void CopyItem(IReadOnlyList<ReadOnlyMemory<byte>> blobs, long start, long length, Span<byte> output)
    {
        long fe = start;
        int o = 0;
        while (o < length)
        {
            var (b, e) = Locate(fe);
            var blob = blobs[b].Span;
            // Whole elements within this blob.
            int inBlob = BlobFormat.FieldElementsPerBlob - e;
            int whole = (int)Math.Min(inBlob, (length - o) / BytesPerElement);
            ViemCodec.Gather(blob[(e * BlobFormat.BytesPerFieldElement)..], whole, output[o..]);
            o += whole * BytesPerElement;
            fe += whole;
            if (whole < inBlob && o < length)
            {
                // The item's last, partial element.
                int n = (int)(length - o);
                blob.Slice((e + whole) * BlobFormat.BytesPerFieldElement + 1, n).CopyTo(output[o..]);
                o += n;
                fe++;
            }
        }
    }
}

/// <summary>Streaming builder for <see cref="SimpleCodec"/>: each item gets its own header; a blob closes when its last element is written.</summary>
internal sealed class SimpleBlobBuilder : IBlobBuilder
{
    private readonly List<byte[]> _closed = [];
    private byte[]? _open;
    private long _fe;
    private bool _finished;

    public SimpleBlobBuilder(int maxBlobs)
    {
        BlobFormat.CheckMaxBlobs(maxBlobs);
        MaxBlobs = maxBlobs;
    }

    public int MaxBlobs { get; }

    public long BytesAdded { get; private set; }

    public IReadOnlyList<byte[]> ClosedBlobs => _closed;

    public event Action<int, byte[]>? BlobClosed;

    public bool TryAdd(ReadOnlySpan<byte> item)
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        if (item.IsEmpty) return true;
        int length = item.Length;
        long need = SimpleCodec.ElementsFor(length);
        if (_fe + need > (long)MaxBlobs * BlobFormat.FieldElementsPerBlob) return false;

        // 1. The header element: u64 big-endian length in bytes 1..8.
        BinaryPrimitives.WriteUInt64BigEndian(NextElement().Slice(1, 8), (ulong)item.Length);
        Advance(1);

        // 2. Data, 31 bytes per element, as many whole elements per blob as fit.
        while (!item.IsEmpty)
        {
            var blob = CurrentBlob();
            int e = (int)(_fe % BlobFormat.FieldElementsPerBlob);
            int whole = Math.Min(BlobFormat.FieldElementsPerBlob - e, item.Length / SimpleCodec.BytesPerElement);
            if (whole > 0)
            {
                ViemCodec.Spread(item[..(whole * SimpleCodec.BytesPerElement)], blob.AsSpan(e * BlobFormat.BytesPerFieldElement));
                item = item[(whole * SimpleCodec.BytesPerElement)..];
                Advance(whole);
            }
            else
            {
                item.CopyTo(NextElement()[1..]);
                item = default;
                Advance(1);
            }
        }
        BytesAdded += length;
        return true;
    }

    public void Add(ReadOnlySpan<byte> item)
    {
        if (!TryAdd(item))
            throw new BlobCapacityException($"item of {item.Length} bytes does not fit: {BytesAdded} bytes taken, at most {SimpleCodec.Instance.Capacity(MaxBlobs)} bytes (one item) in {MaxBlobs} blobs under the simple codec, each item taking one header element");
    }

    public byte[][] Finish()
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        _finished = true;
        if (_open is not null) Close();
        else if (_closed.Count == 0) { _open = new byte[BlobFormat.BytesPerBlob]; Close(); }
        return [.. _closed];
    }

    private byte[] CurrentBlob() => _open ??= new byte[BlobFormat.BytesPerBlob];

    private Span<byte> NextElement()
    {
        int e = (int)(_fe % BlobFormat.FieldElementsPerBlob);
        return CurrentBlob().AsSpan(e * BlobFormat.BytesPerFieldElement, BlobFormat.BytesPerFieldElement);
    }

    private void Advance(int elements)
    {
        _fe += elements;
        if (_fe % BlobFormat.FieldElementsPerBlob == 0) Close();
    }

    private void Close()
    {
        var blob = _open!;
        _open = null;
        _closed.Add(blob);
        BlobClosed?.Invoke(_closed.Count - 1, blob);
    }
}
