using Blobs.Codecs;
using Blobs.Journal;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Pipeline;

/// <summary>
/// The main job as one call: batch bytes → blobs (codec) → commitments and proofs (KZG) → signed
/// type-3 transaction → eth_sendRawTransaction → receipt → blobs fetched back from the beacon API,
/// re-committed, matched to the versioned hashes, decoded and compared with the input.
/// </summary>
public static class BlobPipeline
{
    /// <summary>The most blobs one transaction may carry since Fusaka.</summary>
    public const int MaxBlobsPerTransaction = 6;

    /// <summary>Encodes <paramref name="data"/> into blobs; throws <see cref="ArgumentException"/> when it needs more than <paramref name="maxBlobs"/>.</summary>
    public static IReadOnlyList<ReadOnlyMemory<byte>> EncodeBlobs(ReadOnlySpan<byte> data, IBlobCodec codec, int maxBlobs = MaxBlobsPerTransaction)
    {
        int needed = codec.BlobsNeeded(data.Length);
        if (needed > maxBlobs)
            throw new ArgumentException($"{data.Length} bytes need {needed} blobs with the {codec.Name} codec; a transaction carries at most {maxBlobs} (capacity {codec.Capacity(maxBlobs)} bytes); split the batch");
        return codec.Encode(data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
    }

    /// <summary>
    /// Sends <paramref name="data"/> as a blob transaction and, when <paramref name="beacon"/> is given, fetches it back and verifies it.
    /// With a <paramref name="journal"/>, the signed transaction is journaled before it is sent and a batch already journaled for
    /// this chain and sender is resumed rather than sent again (<see cref="JournaledSubmitter"/>).
    /// </summary>
    public static async Task<PipelineResult> RunAsync(ExecutionClient execution, BeaconClient? beacon, KzgContext kzg, ReadOnlyMemory<byte> data, IBlobCodec codec,
        Address to, ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default, BatchJournal? journal = null)
    {
        options ??= new SubmitOptions();
        options.Status?.Report($"encoding {data.Length} bytes with the {codec.Name} codec");
        var blobs = EncodeBlobs(data.Span, codec);
        var submitter = new BlobSubmitter(execution, kzg);
        var submission = journal is null
            ? await submitter.SendAsync(to, blobs, privateKey, options, ct).ConfigureAwait(false)
            : await new JournaledSubmitter(journal, execution, kzg).SendAsync(data, blobs, codec.Name, to, privateKey, options, ct).ConfigureAwait(false);
        var receipt = submission.Receipt;
        if (receipt is null || beacon is null)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, receipt is null ? "not waited for inclusion" : "no beacon URL: blobs not fetched back");
        if (receipt.Status != 1)
            return new PipelineResult(data.Length, codec.Name, submission, null, false, $"the transaction was included but failed (status {receipt.Status})");

        options.Status?.Report($"fetching {blobs.Count} blob(s) back from the beacon API at {beacon.Url}");
        var retriever = new BlobRetriever(beacon, kzg);
        var ids = await BlobRetriever.CandidateBlockIdsAsync(execution, beacon, receipt.BlockNumber, receipt.BlockHash, ct).ConfigureAwait(false);
        var hashes = submission.Sent.Transaction.BlobVersionedHashes;
        RetrievedBlobs fetched;
        try { fetched = await retriever.FetchAsync(ids, hashes, ct).ConfigureAwait(false); }
        catch (BlobMismatchException e) { return new PipelineResult(data.Length, codec.Name, submission, null, false, e.Message); }

        byte[] decoded;
        try { decoded = codec.Decode(fetched.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()); }
        catch (BlobDecodingException e) { return new PipelineResult(data.Length, codec.Name, submission, fetched, false, $"fetched blobs do not decode with the {codec.Name} codec: {e.Message}"); }
        if (!decoded.AsSpan().SequenceEqual(data.Span))
            return new PipelineResult(data.Length, codec.Name, submission, fetched, false, $"fetched blobs decode to {decoded.Length} bytes that differ from the {data.Length} input bytes");
        return new PipelineResult(data.Length, codec.Name, submission, fetched, true, null);
    }
}
