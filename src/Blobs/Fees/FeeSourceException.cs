namespace Blobs.Fees;

/// <summary>The node could not be reached or gave an answer the fee model cannot use; the message names the URL or the field.</summary>
public sealed class FeeSourceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FeeSourceException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The JSON-RPC error code (or HTTP status) when the node answered and refused, else <c>null</c> (unreachable, timed out, malformed).</summary>
    public int? RpcErrorCode { get; init; }
}
