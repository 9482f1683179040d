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
    /// <param name="url">The beacon API base URL.</param>
    /// <param name="http">An HttpClient to use (not disposed by this client; its own Timeout still applies); null for one of its own.</param>
    /// <param name="timeout">How long one attempt of a GET may take (default 30 s; six blobs are about 1.6 MB of hex).</param>
    /// <param name="retry">Retries of failures that may pass (default <see cref="RpcRetryPolicy.Default"/>).</param>
    public BeaconClient(string url, HttpClient? http = null, TimeSpan? timeout = null, RpcRetryPolicy? retry = null)
    {
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"beacon URL '{JsonRpcClient.Redact(url)}' is not an http(s) URL");
        Url = uri;
        _ownsHttp = http is null;
        Timeout = timeout ?? TimeSpan.FromSeconds(30);
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the beacon timeout must be positive");
        Retry = retry ?? RpcRetryPolicy.Default;
        _http = http ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    /// <summary>The beacon API base URL.</summary>
    public Uri Url { get; }

    /// <summary>How long one attempt of a GET may take.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>
    /// How failures that may pass are retried (GETs are idempotent): timeouts, refused or reset connections, HTTP 5xx
    /// and 429, and 200 answers that are not JSON. Other HTTP errors (404: no such block or blobs) are final.
    /// </summary>
    public RpcRetryPolicy Retry { get; set; }

    private string Display => JsonRpcClient.Redact(Url.ToString());

    /// <summary>GET /eth/v1/beacon/blobs/{blockId}, filtered to <paramref name="versionedHashes"/> when given.</summary>
    public async Task<IReadOnlyList<byte[]>> GetBlobsAsync(string blockId, IReadOnlyList<VersionedHash>? versionedHashes = null, CancellationToken ct = default)
    {
        var path = $"eth/v1/beacon/blobs/{Uri.EscapeDataString(blockId)}";
        if (versionedHashes is { Count: > 0 })
            // Comma-separated: what Lighthouse, Prysm, Teku and anvil all read (anvil keeps only the last of repeated keys).
            path += "?versioned_hashes=" + string.Join(",", versionedHashes.Select(h => h.ToString()));
        var data = await GetDataAsync(path, ct).ConfigureAwait(false);
        if (data.ValueKind != JsonValueKind.Array) throw new RpcException($"{path}: 'data' is not an array", Display, path, 200);
        return data.EnumerateArray().Select((b, i) => DecodeHex(String(b, $"{path}: data[{i}]"), $"{path}: data[{i}]")).ToArray();
    }

    /// <summary>GET /eth/v1/beacon/blob_sidecars/{blockId} (deprecated): blobs with their commitments, by index.</summary>
    public async Task<IReadOnlyList<(int Index, byte[] Blob, KzgCommitment Commitment)>> GetBlobSidecarsAsync(string blockId, CancellationToken ct = default)
    {
        var path = $"eth/v1/beacon/blob_sidecars/{Uri.EscapeDataString(blockId)}";
        var data = await GetDataAsync(path, ct).ConfigureAwait(false);
        if (data.ValueKind != JsonValueKind.Array) throw new RpcException($"{path}: 'data' is not an array", Display, path, 200);
        var result = new List<(int, byte[], KzgCommitment)>();
        int n = 0;
        foreach (var s in data.EnumerateArray())
        {
            string at = $"{path}: data[{n}]";
            if (s.ValueKind != JsonValueKind.Object) throw new RpcException($"{at} is not an object", Display, path, 200);
            int index = s.TryGetProperty("index", out var ix) && int.TryParse(ix.ToString(), out var v) ? v : n;
            var blob = DecodeHex(String(Property(s, "blob", at), at + ".blob"), at + ".blob");
            var commitmentBytes = DecodeHex(String(Property(s, "kzg_commitment", at), at + ".kzg_commitment"), at + ".kzg_commitment");
            if (commitmentBytes.Length != KzgCommitment.Size)
                throw new RpcException($"{at}.kzg_commitment: {commitmentBytes.Length} bytes, a commitment is {KzgCommitment.Size}", Display, path, 200);
            result.Add((index, blob, KzgCommitment.FromBytes(commitmentBytes)));
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
                if (h.ValueKind == JsonValueKind.Object && h.TryGetProperty("root", out var root) && root.ValueKind == JsonValueKind.String) return root.GetString();
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
        var shown = JsonRpcClient.Redact(uri.ToString());
        int attempts = Math.Max(1, Retry.MaxAttempts);
        for (int attempt = 1; ; attempt++)
        {
            ct.ThrowIfCancellationRequested();
            string problem;
            using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
            {
                cts.CancelAfter(Timeout);
                try
                {
                    using var response = await _http.GetAsync(uri, cts.Token).ConfigureAwait(false);
                    var text = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
                    int status = (int)response.StatusCode;
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        if (TryData(text, out var data, out var why)) return data;
                        if (why is not null) throw new RpcException($"GET {shown}: {why}", Display, path, 200);
                        problem = $"the answer is not JSON ({Snippet(text)})";
                    }
                    else if (status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                        problem = $"HTTP {status}: {Message(text)}";
                    else
                        throw new RpcException($"GET {shown}: HTTP {status}: {Message(text)}", Display, path, status);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    problem = $"no answer within {Timeout.TotalSeconds:0.#} s";
                }
                catch (HttpRequestException e)
                {
                    problem = Innermost(e).Message;
                }
                catch (IOException e)
                {
                    problem = e.Message;
                }
            }
            if (attempt >= attempts)
            {
                var tries = attempts == 1 ? "" : $" ({attempts} attempts)";
                throw problem.StartsWith("no answer", StringComparison.Ordinal)
                    ? new RpcException($"the beacon API at {Display} did not answer {path} in time: {problem}{tries}", Display, path)
                    : problem.StartsWith("HTTP ", StringComparison.Ordinal) || problem.StartsWith("the answer", StringComparison.Ordinal)
                        ? new RpcException($"GET {shown} failed: {problem}{tries}", Display, path)
                        : new RpcException($"cannot reach the beacon API at {Display} ({problem}){tries}; check --beacon-url", Display, path);
            }
            await Task.Delay(Retry.DelayBefore(attempt + 1), ct).ConfigureAwait(false);
        }
    }

    /// <summary>The 'data' member of a JSON answer: false with a reason when it is JSON without 'data', false without one when it is not JSON.</summary>
    private static bool TryData(string text, out JsonElement data, out string? why)
    {
        data = default;
        why = null;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 64 });
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("data", out var d))
            {
                why = "the answer has no 'data'";
                return false;
            }
            data = d.Clone();
            return true;
        }
        catch (JsonException) { return false; }
    }

    private static string Message(string text)
    {
        try
        {
            using var err = JsonDocument.Parse(text);
            if (err.RootElement.ValueKind == JsonValueKind.Object && err.RootElement.TryGetProperty("message", out var m)) return Snippet(m.ToString());
        }
        catch (JsonException) { }
        return Snippet(text);
    }

    private static string Snippet(string text)
    {
        text = text.Replace('\n', ' ').Replace('\r', ' ');
        return text.Length <= 300 ? text : text[..300] + "…";
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private JsonElement Property(JsonElement obj, string name, string at) =>
        obj.TryGetProperty(name, out var v) ? v : throw new RpcException($"{at} has no '{name}'", Display, at, 200);

    private string String(JsonElement e, string what) =>
        e.ValueKind == JsonValueKind.String ? e.GetString()! : throw new RpcException($"{what} is not a string", Display, what, 200);

    private byte[] DecodeHex(string? hex, string what)
    {
        try { return Hex.Decode(hex ?? "", what); }
        catch (KzgInputException e) { throw new RpcException(e.Message, Display, what, 200, e); }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
