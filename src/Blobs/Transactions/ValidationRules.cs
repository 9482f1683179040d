namespace Blobs.Transactions;

/// <summary>What <see cref="BlobTransactionValidator"/> checks against; the defaults are mainnet since Osaka.</summary>
public sealed record ValidationRules
{
    /// <summary>The chain id the transaction must carry; null to accept any.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>The most blobs one transaction may carry (6 since Fusaka, EIP-7594).</summary>
    public int MaxBlobsPerTransaction { get; init; } = 6;

    /// <summary>The transaction gas cap (2^24 since Osaka, EIP-7825); null for none.</summary>
    public ulong? MaxGasLimit { get; init; } = 1UL << 24;

    /// <summary>The largest signed payload (without sidecar) accepted, in bytes (geth: 128 KiB for the transaction proper).</summary>
    public int MaxPayloadBytes { get; init; } = 128 * 1024;

    /// <summary>The sidecar form required, when the chain accepts only one (e.g. V1 after Osaka); null to accept both.</summary>
    public Sidecars.SidecarVersion? RequiredSidecarVersion { get; init; }

    /// <summary>Whether a missing sidecar is an error (true for what goes to eth_sendRawTransaction).</summary>
    public bool RequireSidecar { get; init; }

    /// <summary>The rules the default tools use.</summary>
    public static ValidationRules Default { get; } = new();
}
