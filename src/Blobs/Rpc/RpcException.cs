namespace Blobs.Rpc;

/// <summary>A JSON-RPC or beacon API call failed: unreachable endpoint, HTTP error, or an error object from the node.</summary>
public sealed class RpcException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RpcException(string message, string endpoint, string? method = null, long? code = null, Exception? inner = null) : base(message, inner)
    {
        Endpoint = endpoint;
        Method = method;
        Code = code;
    }

    /// <summary>The URL called.</summary>
    public string Endpoint { get; }

    /// <summary>The JSON-RPC method or beacon path.</summary>
    public string? Method { get; }

    /// <summary>The JSON-RPC error code or HTTP status, when the node answered.</summary>
    public long? Code { get; }

    /// <summary>True when the node was reached and refused (as opposed to not reachable at all).</summary>
    public bool IsNodeError => Code is not null;
}
