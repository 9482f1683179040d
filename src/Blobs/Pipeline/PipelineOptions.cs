using Blobs.Rpc;

namespace Blobs.Pipeline;

/// <summary>How <see cref="BlobPipeline"/> runs: the submit options plus the pipeline's own checks and hooks.</summary>
public sealed record PipelineOptions
{
    /// <summary>How the transaction is filled, sent and waited for (fees, sidecar form, timeout, status and per-blob progress).</summary>
    public SubmitOptions Submit { get; init; } = new();

    /// <summary>The most blobs the batch may need (default and upper bound: <see cref="BlobPipeline.MaxBlobsPerTransaction"/>).</summary>
    public int MaxBlobs { get; init; } = BlobPipeline.MaxBlobsPerTransaction;

    /// <summary>Receives each <see cref="PipelineStage"/> as it starts (synchronously, on the pipeline's thread).</summary>
    public IProgress<PipelineStage>? Stages { get; init; }

    /// <summary>Refuse an explicit <see cref="SubmitOptions.MaxFeePerBlobGas"/> below the node's current blob base fee before computing proofs (default on).</summary>
    public bool CheckBlobFeeCap { get; init; } = true;

    /// <summary>Refuse to send when the sender's balance is below the most the transaction can cost (default on).</summary>
    public bool CheckFunds { get; init; } = true;

    /// <summary>
    /// The journal that makes the batch recoverable: the signed transaction and its sidecar are recorded after every
    /// check and before they are sent, each step is recorded, and a batch already journaled for this chain and sender
    /// is resumed instead of being signed again (<see cref="Journal.JournaledSubmitter"/>). Null: no journal.
    /// </summary>
    public Journal.BatchJournal? Journal { get; init; }
}
