namespace Blobs.Codecs;

/// <summary>
/// Streaming encoder: takes items one after the other and closes each blob as soon as no later
/// item can change it. Not thread-safe; one builder per batch.
/// </summary>
public interface IBlobBuilder
{
    /// <summary>The most blobs this builder may produce.</summary>
    int MaxBlobs { get; }

    /// <summary>Payload bytes taken so far (item bytes, not counting codec overhead).</summary>
    long BytesAdded { get; }

    /// <summary>The blobs closed so far, in order; each is final (131072 bytes).</summary>
    IReadOnlyList<byte[]> ClosedBlobs { get; }

    /// <summary>Raised with the blob index and the blob each time a blob closes (also from <see cref="Finish"/>).</summary>
    event Action<int, byte[]>? BlobClosed;

    /// <summary>Adds an item if it fits within <see cref="MaxBlobs"/>; returns <c>false</c> and changes nothing if not.</summary>
    bool TryAdd(ReadOnlySpan<byte> item);

    /// <summary>Adds an item; throws <see cref="BlobCapacityException"/> if it does not fit within <see cref="MaxBlobs"/>.</summary>
    void Add(ReadOnlySpan<byte> item);

    /// <summary>Closes the last blob and returns all blobs; the builder takes no items afterwards.</summary>
    byte[][] Finish();
}
