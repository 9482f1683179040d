using Blobs.Sidecars;

namespace Blobs.Pipeline;

/// <summary>
/// The node refused the sidecar form it was sent (typically v0 blob proofs after Fusaka/Osaka, where only v1 cell
/// proofs are taken), and no fallback to the other form was allowed because the form was chosen explicitly.
/// </summary>
public sealed class SidecarRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public SidecarRefusedException(SidecarVersion form, string endpoint, string nodeMessage, Exception? inner = null)
        : base($"the node at {endpoint} refused the {(form == SidecarVersion.V0 ? "v0 (blob proof)" : "v1 (cell proof)")} sidecar: {nodeMessage}", inner)
    {
        Form = form;
        Endpoint = endpoint;
        NodeMessage = nodeMessage;
    }

    /// <summary>The form that was refused.</summary>
    public SidecarVersion Form { get; }

    /// <summary>The node.</summary>
    public string Endpoint { get; }

    /// <summary>What the node said.</summary>
    public string NodeMessage { get; }
}
