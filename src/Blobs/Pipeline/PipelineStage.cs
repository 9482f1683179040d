namespace Blobs.Pipeline;

/// <summary>The steps of <see cref="BlobPipeline.RunAsync(Rpc.ExecutionClient, Rpc.BeaconClient?, Kzg.KzgContext, ReadOnlyMemory{byte}, Codecs.IBlobCodec, Transactions.Address, ReadOnlyMemory{byte}, PipelineOptions, CancellationToken)"/>, in order; each is reported once when it starts.</summary>
public enum PipelineStage
{
    /// <summary>The batch is packed into blobs by the codec.</summary>
    Encoding,
    /// <summary>Sidecar form and chain checked; commitments and proofs (blob proofs or cell proofs) computed, fields filled, signed.</summary>
    Proving,
    /// <summary>The sender's balance is checked against the most the transaction can cost.</summary>
    CheckingFunds,
    /// <summary>eth_sendRawTransaction.</summary>
    Sending,
    /// <summary>Polling for the receipt.</summary>
    WaitingForInclusion,
    /// <summary>The blobs are fetched back from the beacon API and re-committed.</summary>
    FetchingBack,
    /// <summary>The fetched blobs are decoded and compared with the batch.</summary>
    Verifying,
}
