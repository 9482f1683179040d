namespace Blobs.Devnet;

/// <summary>anvil could not be found or started; the message says where it was looked for and what to do.</summary>
public sealed class AnvilNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AnvilNotFoundException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>True when anvil exited because the fixed port it was given on 127.0.0.1 is taken.</summary>
    public bool PortInUse { get; init; }
}
