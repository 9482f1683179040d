namespace Blobs.Sidecars;

/// <summary>The network form of a blob sidecar.</summary>
public enum SidecarVersion
{
    /// <summary>EIP-4844 (Cancun/Prague): one blob KZG proof per blob.</summary>
    V0 = 0,
    /// <summary>EIP-7594 (Osaka/Fusaka): wrapper_version 1, 128 cell KZG proofs per blob, flat.</summary>
    V1 = 1,
}
