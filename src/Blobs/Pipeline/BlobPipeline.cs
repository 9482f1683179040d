using System.Numerics;
using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Pipeline;

/// <summary>
/// The main job as one call: batch bytes → blobs (codec) → commitments and proofs (KZG) → signed
/// type-3 transaction → checks (blob fee cap, funds) → eth_sendRawTransaction → receipt → blobs fetched
/// back from the beacon API, re-committed, matched to the versioned hashes, decoded and compared with the input.
/// </summary>
public static class BlobPipeline
{
    /// <summary>The most blobs one transaction may carry since Fusaka.</summary>
    public const int MaxBlobsPerTransaction = 6;

    /// <summary>Encodes <paramref name="data"/> into blobs; throws <see cref="BatchTooLargeException"/> when it needs more than <paramref name="maxBlobs"/>.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> EncodeBlobs(ReadOnlySpan<byte> data, IBlobCodec codec, int maxBlobs = MaxBlobsPerTransaction)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (maxBlobs < 1) throw new ArgumentOutOfRangeException(nameof(maxBlobs), maxBlobs, "at least one blob");
        int needed = codec.BlobsNeeded(data.Length);
        if (needed > maxBlobs) throw new BatchTooLargeException(data.Length, needed, maxBlobs, codec.Capacity(maxBlobs), codec.Name);
        return codec.Encode(data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
    }

    /// <summary>Sends <paramref name="data"/> as a blob transaction and, when <paramref name="beacon"/> is given, fetches it back and verifies it.</summary>
    public static Task<PipelineResult> RunAsync(ExecutionClient execution, BeaconClient? beacon, KzgContext kzg, ReadOnlyMemory<byte> data, IBlobCodec codec,
        Address to, ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default) =>
        RunAsync(execution, beacon, kzg, data, codec, to, privateKey, new PipelineOptions { Submit = options ?? new SubmitOptions() }, ct);

    /// <summary>
    /// Sends <paramref name="data"/> as a blob transaction and, when <paramref name="beacon"/> is given, fetches it back and verifies it.
    /// Failures before anything is sent are exceptions (<see cref="BatchTooLargeException"/>, <see cref="BlobFeeCapTooLowException"/>,
    /// <see cref="InsufficientFundsException"/>, <see cref="SidecarRefusedException"/>, <see cref="RpcException"/>); a transaction that was
    /// included but could not be verified is a result with <see cref="PipelineResult.Verified"/> false and the reason.
    /// </summary>
    public static async Task<PipelineResult> RunAsync(ExecutionClient execution, BeaconClient? beacon, KzgContext kzg, ReadOnlyMemory<byte> data, IBlobCodec codec,
        Address to, ReadOnlyMemory<byte> privateKey, PipelineOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(options);
        var submit = options.Submit;

        // 1. Encode the batch into blobs.
        options.Stages?.Report(PipelineStage.Encoding);
        submit.Status?.Report($"encoding {data.Length} bytes with the {codec.Name} codec");
        var blobs = EncodeBlobs(data.Span, codec, Math.Min(options.MaxBlobs, MaxBlobsPerTransaction));

        // 2. A blob fee cap below the current blob base fee can never be included: refuse before the expensive part.
        if (options.CheckBlobFeeCap && submit.MaxFeePerBlobGas is { } cap)
            await CheckBlobFeeCapAsync(execution, cap, ct).ConfigureAwait(false);

        // 3. Commitments and proofs, fields from the node, signature.
        options.Stages?.Report(PipelineStage.Proving);
        var submitter = new BlobSubmitter(execution, kzg);
        var notes = new List<string>();
        var (signed, formKnown) = await submitter.PrepareAsync(to, blobs, privateKey, submit, notes, ct).ConfigureAwait(false);

        // 4. The sender must afford the worst case.
        if (options.CheckFunds)
        {
            options.Stages?.Report(PipelineStage.CheckingFunds);
            await CheckFundsAsync(execution, signed.Transaction, ct).ConfigureAwait(false);
        }

        // 5. Last chance to record the transaction before it leaves (journal hook).
        if (options.BeforeSubmit is { } beforeSubmit) await beforeSubmit(signed, ct).ConfigureAwait(false);

        // 6. Send (falling back to the other sidecar form on a clear refusal when the form was a guess).
        options.Stages?.Report(PipelineStage.Sending);
        SubmissionResult submission;
        try
        {
            submission = await submitter.SubmitAsync(signed, submit with { WaitForReceipt = false }, allowFormFallback: !formKnown, notes, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (e.IsNodeError)
        {
            throw await Explain(execution, signed, e, ct).ConfigureAwait(false);
        }

        // 7. Wait for inclusion.
        if (!submit.WaitForReceipt) return new PipelineResult(data.Length, codec.Name, submission, null, false, "not waited for inclusion");
        options.Stages?.Report(PipelineStage.WaitingForInclusion);
        submit.Status?.Report($"waiting for {submission.Hash} to be included");
        var receipt = await execution.WaitForReceiptAsync(submission.Hash, submit.ReceiptTimeout, null, ct).ConfigureAwait(false);
        submission = submission with { Receipt = receipt };
        if (beacon is null)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, "no beacon URL: blobs not fetched back");
        if (receipt.Status != 1)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, $"the transaction was included but failed (status {receipt.Status})");

        // 8. Fetch the blobs back from the beacon API; re-commit and match them to the versioned hashes.
        options.Stages?.Report(PipelineStage.FetchingBack);
        submit.Status?.Report($"fetching {blobs.Count} blob(s) back from the beacon API at {beacon.Url}");
        var retriever = new BlobRetriever(beacon, kzg);
        var ids = await BlobRetriever.CandidateBlockIdsAsync(execution, beacon, receipt.BlockNumber, receipt.BlockHash, ct).ConfigureAwait(false);
        var hashes = submission.Sent.Transaction.BlobVersionedHashes;
        RetrievedBlobs fetched;
        try { fetched = await retriever.FetchAsync(ids, hashes, ct).ConfigureAwait(false); }
        catch (BlobMismatchException e) { return new PipelineResult(data.Length, codec.Name, submission, null, false, e.Message); }

        // 9. Decode and compare with the batch.
        options.Stages?.Report(PipelineStage.Verifying);
        byte[] decoded;
        try { decoded = codec.Decode(fetched.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()); }
        catch (BlobDecodingException e) { return new PipelineResult(data.Length, codec.Name, submission, fetched, false, $"fetched blobs do not decode with the {codec.Name} codec: {e.Message}"); }
        if (!decoded.AsSpan().SequenceEqual(data.Span))
            return new PipelineResult(data.Length, codec.Name, submission, fetched, false, $"fetched blobs decode to {decoded.Length} bytes that differ from the {data.Length} input bytes");
        return new PipelineResult(data.Length, codec.Name, submission, fetched, true, null);
    }

    /// <summary>Throws <see cref="BlobFeeCapTooLowException"/> when <paramref name="cap"/> is below the node's eth_blobBaseFee (no check when the node lacks it).</summary>
    public static async Task CheckBlobFeeCapAsync(ExecutionClient execution, BigInteger cap, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        var fee = await execution.BlobBaseFeeAsync(ct).ConfigureAwait(false);
        if (fee is { } current && cap < current) throw new BlobFeeCapTooLowException(cap, current, execution.Rpc.DisplayUrl);
    }

    /// <summary>
    /// The most <paramref name="tx"/> may cost: gas limit × max fee per gas + blob gas × max fee per blob gas + value,
    /// with a breakdown in words.
    /// </summary>
    public static (BigInteger Required, string Breakdown) MaxCost(BlobTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var required = tx.GasLimit * tx.MaxFeePerGas + tx.BlobGas * tx.MaxFeePerBlobGas + tx.Value;
        var breakdown = $"{tx.GasLimit} gas × {tx.MaxFeePerGas} wei + {tx.BlobGas} blob gas × {tx.MaxFeePerBlobGas} wei" + (tx.Value.IsZero ? "" : $" + value {tx.Value} wei");
        return (required, breakdown);
    }

    /// <summary>Throws <see cref="InsufficientFundsException"/> when the sender's balance is below <see cref="MaxCost"/>.</summary>
    public static async Task CheckFundsAsync(ExecutionClient execution, BlobTransaction tx, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(tx);
        var from = tx.Sender();
        var balance = await execution.BalanceAsync(from, ct).ConfigureAwait(false);
        var (required, breakdown) = MaxCost(tx);
        if (balance < required) throw new InsufficientFundsException(from, balance, required, breakdown);
    }

    /// <summary>Turns a node's refusal into the pipeline's typed exceptions where one applies.</summary>
    private static async Task<Exception> Explain(ExecutionClient execution, SignedBlobTransaction signed, RpcException e, CancellationToken ct)
    {
        var m = e.Message.ToLowerInvariant();
        if (m.Contains("insufficient funds"))
        {
            var from = signed.Transaction.Sender();
            BigInteger balance;
            try { balance = await execution.BalanceAsync(from, ct).ConfigureAwait(false); }
            catch (RpcException) { return e; }
            var (required, breakdown) = MaxCost(signed.Transaction);
            return new InsufficientFundsException(from, balance, required, breakdown, e);
        }
        bool aboutFees = m.Contains("nonce") || m.Contains("underpriced") || m.Contains("fee") || m.Contains("gas") || m.Contains("already known") || m.Contains("replacement");
        bool aboutSidecar = m.Contains("sidecar") || m.Contains("proof") || m.Contains("cell") || m.Contains("wrapper") || m.Contains("version");
        if (aboutSidecar && !aboutFees && !m.Contains("both sidecar forms"))
            return new SidecarRefusedException(signed.Sidecar.Version, e.Endpoint, NodeMessage(e.Message), e);
        return e;
    }

    private static string NodeMessage(string message)
    {
        int i = message.IndexOf(": ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith("eth_sendRawTransaction refused", StringComparison.Ordinal) ? message[(i + 2)..] : message;
    }
}
