namespace Blobs.Transactions;

/// <summary>
/// Thrown when bytes do not decode as a type-3 transaction (payload or network form); the message
/// names the field or RLP item and, where it helps, the byte offset.
/// </summary>
public sealed class TransactionDecodingException : FormatException
{
    /// <summary>Creates the exception.</summary>
    public TransactionDecodingException(string message, Exception? inner = null) : base(message, inner) { }
}
