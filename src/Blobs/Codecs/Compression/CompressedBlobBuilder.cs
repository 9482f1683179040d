using System.Buffers;

namespace Blobs.Codecs.Compression;

/// <summary>
/// Streaming builder for <see cref="CompressedBlobCodec"/>. Each accepted item is written to one
/// compression stream and flushed, so the compressed size so far is exact. An item that would not
/// fit (with room kept for the end of the stream) is refused and the stream is rebuilt from the
/// accepted items with the same flush points, which gives the same bytes: compression is deterministic.
/// </summary>
internal sealed class CompressedBlobBuilder : IBlobBuilder
{
    /// <summary>Room kept for what ending the stream adds after the last flush (brotli ≤ 2, zlib 6, zstd 3 + 4 checksum).</summary>
    private const int EndReserve = 16;

    private readonly CompressedBlobCodec _codec;
    private readonly ArrayBufferWriter<byte> _accepted = new();
    private readonly List<int> _itemEnds = [];
    private readonly List<byte[]> _closed = [];
    private MemoryStream _body = new();
    private Stream _compressor;
    private bool _finished;

    public CompressedBlobBuilder(CompressedBlobCodec codec, int maxBlobs)
    {
        BlobFormat.CheckMaxBlobs(maxBlobs);
        _codec = codec;
        MaxBlobs = maxBlobs;
        _compressor = PayloadCompression.CreateCompressor(codec.Algorithm, codec.Level, _body);
    }

    public int MaxBlobs { get; }

    public long BytesAdded => _accepted.WrittenCount;

    public IReadOnlyList<byte[]> ClosedBlobs => _closed;

    public event Action<int, byte[]>? BlobClosed;

    public bool TryAdd(ReadOnlySpan<byte> item)
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        if (item.IsEmpty) return true;
        if ((long)_accepted.WrittenCount + item.Length > uint.MaxValue) return false;
        _compressor.Write(item);
        _compressor.Flush();
        long payload = CompressionHeader.Size + _body.Length + EndReserve;
        if (_codec.Inner.BlobsNeeded(payload) <= MaxBlobs)
        {
            _accepted.Write(item);
            _itemEnds.Add(_accepted.WrittenCount);
            return true;
        }
        Rebuild();
        return false;
    }

    public void Add(ReadOnlySpan<byte> item)
    {
        if (!TryAdd(item))
            throw new BlobCapacityException($"item of {item.Length} bytes does not fit: {BytesAdded} bytes taken, compressed they leave too little of the {_codec.Capacity(MaxBlobs)} bytes {MaxBlobs} blobs hold under the {_codec.Name} codec");
    }

    public byte[][] Finish()
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        _finished = true;
        _compressor.Dispose();
        PayloadCompression.EnsureStream(_codec.Algorithm, _body, headerBytes: 0);
        var payload = new byte[CompressionHeader.Size + _body.Length];
        _body.Position = 0;
        _body.ReadExactly(payload.AsSpan(CompressionHeader.Size));
        new CompressionHeader(_codec.Algorithm, (uint)_accepted.WrittenCount).Write(payload);
        var blobs = _codec.Inner.Encode(payload);
        if (blobs.Length > MaxBlobs) throw new InvalidOperationException($"the compressed payload needs {blobs.Length} blobs, more than the {MaxBlobs} it was checked against");
        foreach (var blob in blobs)
        {
            _closed.Add(blob);
            BlobClosed?.Invoke(_closed.Count - 1, blob);
        }
        return blobs;
    }

    /// <summary>Starts the stream again from the accepted items, flushing after each as before.</summary>
    private void Rebuild()
    {
        _compressor.Dispose();
        _body = new MemoryStream();
        _compressor = PayloadCompression.CreateCompressor(_codec.Algorithm, _codec.Level, _body);
        var all = _accepted.WrittenSpan;
        int start = 0;
        foreach (int end in _itemEnds)
        {
            _compressor.Write(all[start..end]);
            _compressor.Flush();
            start = end;
        }
    }
}
