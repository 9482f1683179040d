namespace Blobs.Codecs;

/// <summary>
/// Streaming builder for a <see cref="ChunkedBlobCodec"/>: items are concatenated; a blob closes as
/// soon as its chunk is complete (<see cref="ChunkedBlobCodec.ChunkSize"/> bytes), and
/// <see cref="Finish"/> encodes the tail. The result equals <c>Encode(concatenation of items)</c>.
/// </summary>
internal sealed class ChunkedBlobBuilder : IBlobBuilder
{
    private readonly ChunkedBlobCodec _codec;
    private readonly byte[] _pending;
    private readonly List<byte[]> _closed = [];
    private int _fill;
    private bool _finished;
    private string? _faulted;

    public ChunkedBlobBuilder(ChunkedBlobCodec codec, int maxBlobs)
    {
        BlobFormat.CheckMaxBlobs(maxBlobs);
        _codec = codec;
        MaxBlobs = maxBlobs;
        _pending = new byte[codec.ChunkSize];
    }

    public int MaxBlobs { get; }

    public long BytesAdded { get; private set; }

    public IReadOnlyList<byte[]> ClosedBlobs => _closed;

    public event Action<int, byte[]>? BlobClosed;

    public bool TryAdd(ReadOnlySpan<byte> item)
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        if (_faulted is not null) throw new InvalidOperationException("the builder failed earlier: " + _faulted);
        if (_codec.BlobsNeeded(BytesAdded + item.Length) > MaxBlobs) return false;
        try { Append(item); }
        catch (ArgumentException e)
        {
            // Part of the item may be in; the builder cannot go on.
            _faulted = e.Message;
            throw;
        }
        return true;
    }

    private void Append(ReadOnlySpan<byte> item)
    {
        while (!item.IsEmpty)
        {
            int n = Math.Min(item.Length, _pending.Length - _fill);
            item[..n].CopyTo(_pending.AsSpan(_fill));
            _fill += n;
            BytesAdded += n;
            item = item[n..];
            if (_fill == _pending.Length)
            {
                var blob = new byte[BlobFormat.BytesPerBlob];
                _codec.EncodeFullChunk(_pending, blob, _closed.Count);
                _fill = 0;
                Close(blob);
            }
        }
    }

    public void Add(ReadOnlySpan<byte> item)
    {
        if (!TryAdd(item))
            throw new BlobCapacityException($"item of {item.Length} bytes does not fit: {BytesAdded} bytes taken, at most {_codec.Capacity(MaxBlobs)} bytes in {MaxBlobs} blobs under the {_codec.Name} codec");
    }

    public byte[][] Finish()
    {
        if (_finished) throw new InvalidOperationException("the builder is finished");
        if (_faulted is not null) throw new InvalidOperationException("the builder failed earlier: " + _faulted);
        _finished = true;
        var blob = new byte[BlobFormat.BytesPerBlob];
        if (_codec.TryEncodeTailChunk(_pending.AsSpan(0, _fill), BytesAdded, blob, _closed.Count)) Close(blob);
        return [.. _closed];
    }

    private void Close(byte[] blob)
    {
        _closed.Add(blob);
        BlobClosed?.Invoke(_closed.Count - 1, blob);
    }
}
