using System.Net;
using System.Text.Json;
using Blobs.Kzg;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>
/// The beacon API calls that return blobs: <c>GET /eth/v1/beacon/blobs/{block_id}?versioned_hashes=…</c>
/// and, as a fallback, the deprecated <c>GET /eth/v1/beacon/blob_sidecars/{block_id}</c>.
/// Blobs are returned as the node sent them; <see cref="BlobRetriever"/> re-commits and matches them.
/// </summary>
public sealed class BeaconClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;

    /// <summary>Creates a client for the beacon API at <paramref name="url"/>.</summary>
    public BeaconClient(string url, HttpClient? http = null)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"beacon URL '{url}' is not an http(s) URL");
        Url = uri;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
    }

    /// <summary>The beacon API base URL.</summary>
    public Uri Url { get; }

    /// <summary>GET /eth/v1/beacon/blobs/{blockId}, filtered to <paramref name="versionedHashes"/> when given.</summary>
    public async Task<IReadOnlyList<byte[]>> GetBlobsAsync(string blockId, IReadOnlyList<VersionedHash>? versionedHashes = null, CancellationToken ct = default)
    {
        var path = $"eth/v1/beacon/blobs/{Uri.EscapeDataString(blockId)}";
        if (versionedHashes is { Count: > 0 })
            // Comma-separated: what Lighthouse, Prysm, Teku and anvil all read (anvil keeps only the last of repeated keys).
            path += "?versioned_hashes=" + string.Join(",", versionedHashes.Select(h => h.ToString()));
        var data = await GetDataAsync(path, ct).ConfigureAwait(false);
        if (data.ValueKind != JsonValueKind.Array) throw new RpcException($"{path}: 'data' is not an array", Url.ToString(), path);
        return data.EnumerateArray().Select((b, i) => DecodeHex(b.GetString(), $"{path}: data[{i}]")).ToArray();
    }

    /// <summary>GET /eth/v1/beacon/blob_sidecars/{blockId} (deprecated): blobs with their commitments, by index.</summary>
    public async Task<IReadOnlyList<(int Index, byte[] Blob, KzgCommitment Commitment)>> GetBlobSidecarsAsync(string blockId, CancellationToken ct = default)
    {
        var path = $"eth/v1/beacon/blob_sidecars/{Uri.EscapeDataString(blockId)}";
        var data = await GetDataAsync(path, ct).ConfigureAwait(false);
        if (data.ValueKind != JsonValueKind.Array) throw new RpcException($"{path}: 'data' is not an array", Url.ToString(), path);
        var result = new List<(int, byte[], KzgCommitment)>();
        int n = 0;
        foreach (var s in data.EnumerateArray())
        {
            int index = s.TryGetProperty("index", out var ix) && int.TryParse(ix.ToString(), out var v) ? v : n;
            var blob = DecodeHex(s.GetProperty("blob").GetString(), $"{path}: data[{n}].blob");
            var commitment = KzgCommitment.FromBytes(DecodeHex(s.GetProperty("kzg_commitment").GetString(), $"{path}: data[{n}].kzg_commitment"));
            result.Add((index, blob, commitment));
            n++;
        }
        return result;
    }

    /// <summary>
    /// The root of the beacon block whose parent is <paramref name="parentRoot"/>
    /// (GET /eth/v1/beacon/headers?parent_root=…): the block that carries the execution payload whose
    /// parentBeaconBlockRoot is <paramref name="parentRoot"/>. Null when the node has no such header or no such endpoint.
    /// </summary>
    public async Task<string?> ChildBlockRootAsync(Hash32 parentRoot, CancellationToken ct = default)
    {
        try
        {
            var data = await GetDataAsync($"eth/v1/beacon/headers?parent_root={parentRoot}", ct).ConfigureAwait(false);
            if (data.ValueKind != JsonValueKind.Array) return null;
            foreach (var h in data.EnumerateArray())
                if (h.TryGetProperty("root", out var root) && root.ValueKind == JsonValueKind.String) return root.GetString();
            return null;
        }
        catch (RpcException) { return null; }
    }

    /// <summary>GET /eth/v1/beacon/genesis: genesis_time (unix seconds); null when not served.</summary>
    public async Task<ulong?> GenesisTimeAsync(CancellationToken ct = default)
    {
        try
        {
            var data = await GetDataAsync("eth/v1/beacon/genesis", ct).ConfigureAwait(false);
            return ulong.TryParse(data.GetProperty("genesis_time").ToString(), out var t) ? t : null;
        }
        catch (Exception e) when (e is RpcException or KeyNotFoundException or InvalidOperationException) { return null; }
    }

    private async Task<JsonElement> GetDataAsync(string path, CancellationToken ct)
    {
        var uri = new Uri(Url, path);
        HttpResponseMessage response;
        try { response = await _http.GetAsync(uri, ct).ConfigureAwait(false); }
        catch (HttpRequestException e)
        {
            throw new RpcException($"cannot reach the beacon API at {Url} ({e.Message}); check --beacon-url", Url.ToString(), path, null, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new RpcException($"the beacon API at {Url} did not answer {path} in time", Url.ToString(), path, null, e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                string msg = text.Length > 300 ? text[..300] : text;
                try
                {
                    using var err = JsonDocument.Parse(text);
                    if (err.RootElement.TryGetProperty("message", out var m)) msg = m.ToString();
                }
                catch (JsonException) { }
                throw new RpcException($"GET {uri}: HTTP {(int)response.StatusCode}: {msg}", Url.ToString(), path, (int)response.StatusCode);
            }
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (!doc.RootElement.TryGetProperty("data", out var data))
                    throw new RpcException($"GET {uri}: the answer has no 'data'", Url.ToString(), path, 200);
                return data.Clone();
            }
            catch (JsonException e)
            {
                throw new RpcException($"GET {uri}: the answer is not JSON ({e.Message})", Url.ToString(), path, 200, e);
            }
        }
    }

    private byte[] DecodeHex(string? hex, string what)
    {
        try { return Hex.Decode(hex ?? "", what); }
        catch (KzgInputException e) { throw new RpcException(e.Message, Url.ToString(), what, 200, e); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
