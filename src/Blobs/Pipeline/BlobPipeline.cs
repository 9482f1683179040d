using System.Numerics;
using Blobs.Codecs;
using Blobs.Journal;
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
        var journaled = options.Journal is { } journal ? new JournaledSubmitter(journal, execution, kzg) : null;
        SubmissionResult submission;
        TransactionReceipt? receipt;
        if (journaled is null)
        {
            var (signed, formKnown) = await PrepareCheckedAsync(submitter, execution, to, blobs, privateKey, options, notes, ct).ConfigureAwait(false);
            submission = await SendAsync(execution, signed, options, ct,
                () => submitter.SubmitAsync(signed, submit with { WaitForReceipt = false }, allowFormFallback: !formKnown, notes, ct)).ConfigureAwait(false);
            receipt = await WaitAsync(options, () =>
            {
                submit.Status?.Report($"waiting for {submission.Hash} to be included");
                return execution.WaitForReceiptAsync(submission.Hash, submit.ReceiptTimeout, null, ct);
            }).ConfigureAwait(false);
        }
        else
        {
            // With a journal: a batch already journaled is resumed, never signed twice; a new one is recorded
            // (under the journal's lock, after every check) before it is sent.
            var key = await journaled.KeyAsync(data, BlobTransactionSigner.AddressOf(privateKey.Span), ct).ConfigureAwait(false);
            SignedBlobTransaction signed;
            bool formKnown;
            JournalEntry entry;
            using (journaled.Journal.Lock())
            {
                var found = await journaled.ResumeIfJournaledAsync(key, privateKey, submit, notes, ct).ConfigureAwait(false);
                if (found.Resumed is { } resumed)
                    return await FetchBackAsync(execution, beacon, kzg, data, codec, blobs.Count, resumed, options, ct).ConfigureAwait(false);
                (signed, formKnown) = await PrepareCheckedAsync(submitter, execution, to, blobs, privateKey, options with { Submit = found.Pin(submit) }, notes, ct).ConfigureAwait(false);
                entry = journaled.Record(key, signed, codec.Name, data.Length, submit, found.Refused);
            }
            (submission, entry) = await SendAsync(execution, signed, options, ct,
                () => journaled.SubmitRecordedAsync(entry, signed, submit, allowFormFallback: !formKnown, notes, ct)).ConfigureAwait(false);
            receipt = await WaitAsync(options, () => journaled.WaitRecordedAsync(entry, submission.Hash, submit, ct)).ConfigureAwait(false);
        }
        return await FetchBackAsync(execution, beacon, kzg, data, codec, blobs.Count, submission with { Receipt = receipt ?? submission.Receipt }, options, ct).ConfigureAwait(false);
    }

    /// <summary>Steps 3–4: commitments and proofs, fields from the node, signature; then the sender must afford the worst case.</summary>
    private static async Task<(SignedBlobTransaction Signed, bool FormKnown)> PrepareCheckedAsync(BlobSubmitter submitter, ExecutionClient execution, Address to,
        IReadOnlyList<ReadOnlyMemory<byte>> blobs, ReadOnlyMemory<byte> privateKey, PipelineOptions options, List<string> notes, CancellationToken ct)
    {
        var prepared = await submitter.PrepareAsync(to, blobs, privateKey, options.Submit, notes, ct).ConfigureAwait(false);
        if (options.CheckFunds)
        {
            options.Stages?.Report(PipelineStage.CheckingFunds);
            await CheckFundsAsync(execution, prepared.Signed.Transaction, ct).ConfigureAwait(false);
        }
        return prepared;
    }

    /// <summary>Step 5: send (falling back to the other sidecar form on a clear refusal when the form was a guess); a refusal becomes the pipeline's typed exception.</summary>
    private static async Task<T> SendAsync<T>(ExecutionClient execution, SignedBlobTransaction signed, PipelineOptions options, CancellationToken ct, Func<Task<T>> send)
    {
        options.Stages?.Report(PipelineStage.Sending);
        try { return await send().ConfigureAwait(false); }
        catch (RpcException e) when (e.IsNodeError)
        {
            throw await Explain(execution, signed, e, ct).ConfigureAwait(false);
        }
    }

    /// <summary>Step 6: wait for inclusion, unless the options say not to (then null).</summary>
    private static async Task<TransactionReceipt?> WaitAsync(PipelineOptions options, Func<Task<TransactionReceipt>> wait)
    {
        if (!options.Submit.WaitForReceipt) return null;
        options.Stages?.Report(PipelineStage.WaitingForInclusion);
        return await wait().ConfigureAwait(false);
    }

    /// <summary>Steps 7–8: fetch the blobs back from the beacon API, re-commit and match them, decode and compare with the batch.</summary>
    private static async Task<PipelineResult> FetchBackAsync(ExecutionClient execution, BeaconClient? beacon, KzgContext kzg, ReadOnlyMemory<byte> data, IBlobCodec codec,
        int blobCount, SubmissionResult submission, PipelineOptions options, CancellationToken ct)
    {
        var submit = options.Submit;
        if (submission.Receipt is not { } receipt) return new PipelineResult(data.Length, codec.Name, submission, null, false, "not waited for inclusion");
        if (beacon is null)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, "no beacon URL: blobs not fetched back");
        if (receipt.Status != 1)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, $"the transaction was included but failed (status {receipt.Status})");

        options.Stages?.Report(PipelineStage.FetchingBack);
        submit.Status?.Report($"fetching {blobCount} blob(s) back from the beacon API at {beacon.Url}");
        var retriever = new BlobRetriever(beacon, kzg);
        var ids = await BlobRetriever.CandidateBlockIdsAsync(execution, beacon, receipt.BlockNumber, receipt.BlockHash, ct).ConfigureAwait(false);
        var hashes = submission.Sent.Transaction.BlobVersionedHashes;
        RetrievedBlobs fetched;
        try { fetched = await retriever.FetchAsync(ids, hashes, ct).ConfigureAwait(false); }
        catch (BlobMismatchException e) { return new PipelineResult(data.Length, codec.Name, submission, null, false, e.Message); }

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
        // Classify what the node said, not what a wrapper (the journal's "how to resume" hint) added to it.
        var said = e;
        while (said.InnerException is RpcException inner) said = inner;
        var m = said.Message.ToLowerInvariant();
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
            return new SidecarRefusedException(signed.Sidecar.Version, said.Endpoint, NodeMessage(said.Message), e);
        return e;
    }

    private static string NodeMessage(string message)
    {
        int i = message.IndexOf(": ", StringComparison.Ordinal);
        return i >= 0 && message.StartsWith("eth_sendRawTransaction refused", StringComparison.Ordinal) ? message[(i + 2)..] : message;
    }
}
