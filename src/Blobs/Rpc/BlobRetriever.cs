using Blobs.Kzg;

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
            var hash = VersionedHash.FromCommitment(_kzg.BlobToKzgCommitment(blobs[i]));
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
