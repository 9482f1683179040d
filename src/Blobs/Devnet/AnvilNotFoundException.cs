namespace Blobs.Devnet;

/// <summary>anvil could not be found or started; the message says where it was looked for and what to do.</summary>
public sealed class AnvilNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnvilNotFoundException(string message, Exception? inner = null) : base(message, inner) { }
}
