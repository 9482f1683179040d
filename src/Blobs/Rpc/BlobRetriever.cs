using Blobs.Kzg;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>Blobs fetched back through the beacon API, each re-committed and matched to its versioned hash.</summary>
/// <param name="BlockId">The beacon block id that answered.</param>
/// <param name="Endpoint">Which endpoint answered: "blobs" or "blob_sidecars" (deprecated).</param>
/// <param name="Blobs">The blobs in the order of the versioned hashes asked for.</param>
/// <param name="VersionedHashes">The versioned hashes, recomputed from the blobs (equal to the ones asked for).</param>
public sealed record RetrievedBlobs(string BlockId, string Endpoint, IReadOnlyList<byte[]> Blobs, IReadOnlyList<VersionedHash> VersionedHashes);

/// <summary>
/// Fetches blobs from a beacon node and checks them: every blob is re-committed with KZG and its
/// versioned hash matched to the ones asked for. Tries <c>/eth/v1/beacon/blobs</c> first, then the
/// deprecated <c>blob_sidecars</c>.
/// </summary>
public sealed class BlobRetriever
{
    private readonly BeaconClient _beacon;
    private readonly KzgContext _kzg;

    /// <summary>Creates a retriever.</summary>
    public BlobRetriever(BeaconClient beacon, KzgContext kzg)
    {
        _beacon = beacon ?? throw new ArgumentNullException(nameof(beacon));
        _kzg = kzg ?? throw new ArgumentNullException(nameof(kzg));
    }

    /// <summary>
    /// Fetches the blobs of <paramref name="versionedHashes"/> trying each block id in turn (a devnet
    /// answers to the execution block number or hash; a real beacon node to a slot or block root).
    /// Throws <see cref="BlobMismatchException"/> naming the first hash that no candidate produced.
    /// </summary>
    public async Task<RetrievedBlobs> FetchAsync(IReadOnlyList<string> blockIds, IReadOnlyList<VersionedHash> versionedHashes, CancellationToken ct = default)
    {
        if (blockIds.Count == 0) throw new ArgumentException("no block id to fetch from");
        if (versionedHashes.Count == 0) throw new ArgumentException("no versioned hashes to fetch");
        var failures = new List<string>();
        foreach (var id in blockIds)
        {
            try
            {
                var blobs = await _beacon.GetBlobsAsync(id, versionedHashes, ct).ConfigureAwait(false);
                var matched = Match(blobs, versionedHashes, id, "blobs", out var missing);
                if (matched is not null) return matched;
                failures.Add($"block {id} (blobs): {missing}");
            }
            catch (RpcException e) { failures.Add($"block {id} (blobs): {e.Message}"); }
            try
            {
                var sidecars = await _beacon.GetBlobSidecarsAsync(id, ct).ConfigureAwait(false);
                var matched = Match(sidecars.OrderBy(s => s.Index).Select(s => s.Blob).ToArray(), versionedHashes, id, "blob_sidecars", out var missing);
                if (matched is not null) return matched;
                failures.Add($"block {id} (blob_sidecars): {missing}");
            }
            catch (RpcException e) { failures.Add($"block {id} (blob_sidecars): {e.Message}"); }
        }
        throw new BlobMismatchException($"could not fetch blob {versionedHashes[0]}{(versionedHashes.Count > 1 ? $" (and {versionedHashes.Count - 1} more)" : "")} from {_beacon.Url}: " + string.Join("; ", failures));
    }

    /// <summary>
    /// The beacon block ids under which the blobs of execution block <paramref name="blockNumber"/> may be found,
    /// most specific first: the beacon block root that carries it (the child of its parentBeaconBlockRoot, when the
    /// beacon node serves headers), then the execution block number and hash (what anvil answers to).
    /// </summary>
    public static async Task<IReadOnlyList<string>> CandidateBlockIdsAsync(ExecutionClient execution, BeaconClient beacon, ulong blockNumber, Hash32 blockHash, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(execution);
        ArgumentNullException.ThrowIfNull(beacon);
        var ids = new List<string>();
        try
        {
            if (await execution.ParentBeaconBlockRootAsync(blockNumber, ct).ConfigureAwait(false) is { } parent
                && await beacon.ChildBlockRootAsync(parent, ct).ConfigureAwait(false) is { } root)
                ids.Add(root);
        }
        catch (RpcException) { }
        ids.Add(blockNumber.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ids.Add(blockHash.ToString());
        return ids;
    }

    /// <summary>
    /// Fetches every blob of beacon block <paramref name="blockId"/> and re-commits each (blobs endpoint, then the
    /// deprecated blob_sidecars, whose commitments must then match the blobs). The versioned hashes are computed here.
    /// </summary>
    public async Task<RetrievedBlobs> FetchBlockAsync(string blockId, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blockId);
        RpcException? first;
        try
        {
            var blobs = await _beacon.GetBlobsAsync(blockId, null, ct).ConfigureAwait(false);
            return new RetrievedBlobs(blockId, "blobs", blobs, Commit(blobs, blockId, "blobs"));
        }
        catch (RpcException e) { first = e; }
        try
        {
            var sidecars = (await _beacon.GetBlobSidecarsAsync(blockId, ct).ConfigureAwait(false)).OrderBy(s => s.Index).ToArray();
            var blobs = sidecars.Select(s => s.Blob).ToArray();
            var hashes = Commit(blobs, blockId, "blob_sidecars");
            for (int i = 0; i < sidecars.Length; i++)
                if (VersionedHash.FromCommitment(sidecars[i].Commitment) != hashes[i])
                    throw new BlobMismatchException($"block {blockId} (blob_sidecars): blob {sidecars[i].Index} re-commits to {hashes[i]}, but the node's commitment hashes to {VersionedHash.FromCommitment(sidecars[i].Commitment)}");
            return new RetrievedBlobs(blockId, "blob_sidecars", blobs, hashes);
        }
        catch (RpcException second)
        {
            throw new BlobMismatchException($"could not fetch the blobs of block {blockId} from {_beacon.Url}: blobs: {first.Message}; blob_sidecars: {second.Message}", second);
        }
    }

    private VersionedHash[] Commit(IReadOnlyList<byte[]> blobs, string blockId, string endpoint)
    {
        var hashes = new VersionedHash[blobs.Count];
        for (int i = 0; i < blobs.Count; i++)
        {
            if (blobs[i].Length != KzgConstants.BytesPerBlob)
                throw new BlobMismatchException($"block {blockId} ({endpoint}): blob {i} has {blobs[i].Length} bytes, a blob is {KzgConstants.BytesPerBlob}");
            try { hashes[i] = VersionedHash.FromCommitment(_kzg.BlobToKzgCommitment(blobs[i])); }
            catch (KzgInputException e) { throw new BlobMismatchException($"block {blockId} ({endpoint}): blob {i} is not a valid blob: {e.Message}", e); }
        }
        return hashes;
    }

    /// <summary>
    /// Re-commits each blob and orders them by the wanted hashes; null with <paramref name="problem"/>
    /// naming the first hash that is missing (a blob the node sent that commits to nothing asked for is ignored).
    /// </summary>
    public RetrievedBlobs? Match(IReadOnlyList<byte[]> blobs, IReadOnlyList<VersionedHash> wanted, string blockId, string endpoint, out string problem)
    {
        var byHash = new Dictionary<VersionedHash, byte[]>();
        for (int i = 0; i < blobs.Count; i++)
        {
            if (blobs[i].Length != KzgConstants.BytesPerBlob)
                throw new BlobMismatchException($"block {blockId} ({endpoint}): blob {i} has {blobs[i].Length} bytes, a blob is {KzgConstants.BytesPerBlob}");
            VersionedHash hash;
            try { hash = VersionedHash.FromCommitment(_kzg.BlobToKzgCommitment(blobs[i])); }
            catch (KzgInputException e) { throw new BlobMismatchException($"block {blockId} ({endpoint}): blob {i} is not a valid blob: {e.Message}", e); }
            byHash.TryAdd(hash, blobs[i]);
        }
        var ordered = new byte[wanted.Count][];
        for (int i = 0; i < wanted.Count; i++)
        {
            if (!byHash.TryGetValue(wanted[i], out var blob))
            {
                problem = blobs.Count == 0
                    ? "no blobs returned"
                    : $"none of the {blobs.Count} blobs returned re-commits to versioned hash {wanted[i]}";
                return null;
            }
            ordered[i] = blob;
        }
        problem = "";
        return new RetrievedBlobs(blockId, endpoint, ordered, wanted.ToArray());
    }
}
