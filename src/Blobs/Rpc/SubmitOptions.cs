using System.Numerics;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>How <see cref="BlobSubmitter"/> fills and sends a blob transaction; null fields are read from the node.</summary>
public sealed record SubmitOptions
{
    /// <summary>The sidecar form; null to pick from eth_config (v1 from Osaka) and fall back on a clear rejection.</summary>
    public SidecarVersion? Sidecar { get; init; }
    /// <summary>max_fee_per_blob_gas; default 2 × eth_blobBaseFee (at least 1 wei).</summary>
    public BigInteger? MaxFeePerBlobGas { get; init; }
    /// <summary>max_priority_fee_per_gas; default eth_maxPriorityFeePerGas or 1 gwei.</summary>
    public BigInteger? MaxPriorityFeePerGas { get; init; }
    /// <summary>max_fee_per_gas; default 2 × base fee + tip.</summary>
    public BigInteger? MaxFeePerGas { get; init; }
    /// <summary>Gas limit; default eth_estimateGas (or a safe intrinsic estimate when the node refuses).</summary>
    public ulong? GasLimit { get; init; }
    /// <summary>Nonce; default the pending nonce of the sender.</summary>
    public ulong? Nonce { get; init; }
    /// <summary>Value sent (wei).</summary>
    public BigInteger Value { get; init; }
    /// <summary>Calldata.</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;
    /// <summary>Access list.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];
    /// <summary>The expected chain id; the node's must match when set.</summary>
    public ulong? ExpectedChainId { get; init; }
    /// <summary>Wait for the receipt after sending.</summary>
    public bool WaitForReceipt { get; init; } = true;
    /// <summary>How long to wait for the receipt.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Receives one line per step ("computing cell proofs for 3 blobs", "sent 0x…").</summary>
    public IProgress<string>? Status { get; init; }
    /// <summary>Receives the index of each blob once it is committed and proven.</summary>
    public IProgress<int>? BlobDone { get; init; }
}
