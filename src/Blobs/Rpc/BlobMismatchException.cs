namespace Blobs.Rpc;

/// <summary>Blobs fetched back do not match the versioned hashes asked for; the message names the hash.</summary>
public sealed class BlobMismatchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BlobMismatchException(string message, Exception? inner = null) : base(message, inner) { }
}
