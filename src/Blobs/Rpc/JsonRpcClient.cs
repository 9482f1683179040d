using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blobs.Rpc;

/// <summary>
/// A minimal JSON-RPC 2.0 client over <see cref="HttpClient"/>: one call, one answer, every failure
/// an <see cref="RpcException"/> that names the URL and method.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private long _id;

    /// <summary>Creates a client for <paramref name="url"/> (http or https).</summary>
    public JsonRpcClient(string url, HttpClient? http = null, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"RPC URL '{url}' is not an http(s) URL");
        Url = uri;
        _ownsHttp = http is null;
        _http = http ?? new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>The endpoint.</summary>
    public Uri Url { get; }

    /// <summary>Calls <paramref name="method"/> and returns its <c>result</c> (a clone, safe to keep).</summary>
    public async Task<JsonElement> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters ?? new JsonArray(),
        };
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(Url, JsonContent.Create(request), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException($"cannot reach the RPC endpoint {Url} ({e.Message}); check --rpc-url and that the node is running", Url.ToString(), method, null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException($"the RPC endpoint {Url} did not answer {method} in time", Url.ToString(), method, null, e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            JsonDocument doc;
            try { doc = JsonDocument.Parse(text); }
            catch (JsonException)
            {
                throw new RpcException($"{method} at {Url}: HTTP {(int)response.StatusCode}, not a JSON-RPC answer: {Trim(text)}", Url.ToString(), method, (int)response.StatusCode);
            }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    long code = error.TryGetProperty("code", out var c) && c.TryGetInt64(out var cv) ? cv : 0;
                    var msg = error.TryGetProperty("message", out var m) ? m.ToString() : error.ToString();
                    if (error.TryGetProperty("data", out var data) && data.ValueKind != JsonValueKind.Null) msg += $" ({Trim(data.ToString())})";
                    throw new RpcException($"{method} refused by {Url}: {msg}", Url.ToString(), method, code);
                }
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
                    throw new RpcException($"{method} at {Url}: answer has no result: {Trim(text)}", Url.ToString(), method, (int)response.StatusCode);
                return result.Clone();
            }
        }
    }

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300] + "…";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
