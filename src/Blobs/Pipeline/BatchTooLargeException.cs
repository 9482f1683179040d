namespace Blobs.Pipeline;

/// <summary>The batch needs more blobs than one transaction may carry; the message says how many and what fits.</summary>
public sealed class BatchTooLargeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public BatchTooLargeException(long bytes, int blobsNeeded, int maxBlobs, long capacity, string codec)
        : base($"{bytes} bytes need {blobsNeeded} blobs with the {codec} codec, more than the {maxBlobs} allowed ({maxBlobs} blob(s) hold {capacity} bytes); split the batch or compress it")
    {
        Bytes = bytes;
        BlobsNeeded = blobsNeeded;
        MaxBlobs = maxBlobs;
        Capacity = capacity;
        Codec = codec;
    }

    /// <summary>The batch size in bytes.</summary>
    public long Bytes { get; }

    /// <summary>Blobs the batch needs with <see cref="Codec"/>.</summary>
    public int BlobsNeeded { get; }

    /// <summary>The limit that was exceeded.</summary>
    public int MaxBlobs { get; }

    /// <summary>Bytes that <see cref="MaxBlobs"/> blobs hold with <see cref="Codec"/>.</summary>
    public long Capacity { get; }

    /// <summary>The codec name.</summary>
    public string Codec { get; }
}
