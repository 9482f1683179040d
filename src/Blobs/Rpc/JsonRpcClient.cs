using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.JsonRpc.Client;
using Newtonsoft.Json.Linq;

namespace Blobs.Rpc;

/// <summary>
/// The JSON-RPC transport of the toolkit: Nethereum's <see cref="RpcClient"/> (the client behind
/// <c>Nethereum.Web3</c>), with every failure turned into an <see cref="RpcException"/> that names the
/// endpoint and method and keeps the node's error code. <see cref="Web3"/> exposes the same connection
/// as a <c>Nethereum.Web3.Web3</c> for the typed calls (chain id, nonce, blocks, raw send, receipts);
/// <see cref="CallAsync"/> covers the methods Nethereum 6.1 has no typed request for (eth_blobBaseFee,
/// eth_config, eth_estimateGas with blob fields, evm_mine), answering with System.Text.Json elements.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly RpcClient _client;
    private long _id;

    /// <summary>Creates a client for <paramref name="url"/> (http or https).</summary>
    /// <param name="url">The endpoint.</param>
    /// <param name="http">An HttpClient to use (not disposed by this client); null for one of its own.</param>
    /// <param name="timeout">
    /// How long one call may take (default: Nethereum's <c>ClientBase.ConnectionTimeout</c>, 20 s). Nethereum's own limit is
    /// process-wide and also applies; this library never changes it, so a longer timeout needs the application to raise it.
    /// </param>
    public JsonRpcClient(string url, HttpClient? http = null, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"RPC URL '{Redact(url)}' is not an http(s) URL");
        Url = uri;
        _ownsHttp = http is null;
        Timeout = timeout ?? ClientBase.ConnectionTimeout;
        _http = http ?? new HttpClient { Timeout = Timeout + TimeSpan.FromSeconds(5) };
        // Nethereum's own limit (ClientBase.ConnectionTimeout) is process-wide; ours is per client, in SendAsync.
        _client = new RpcClient(uri, _http, null, null, null);
        Web3 = new Nethereum.Web3.Web3(_client);
    }

    /// <summary>The endpoint.</summary>
    public Uri Url { get; }

    /// <summary>How long one call may take before it fails with an <see cref="RpcException"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The endpoint as it may be shown: user info (credentials) removed.</summary>
    public string DisplayUrl => Redact(Url.ToString());

    /// <summary>The Nethereum client (transport) behind this instance.</summary>
    public IClient Client => _client;

    /// <summary>A <c>Nethereum.Web3.Web3</c> over the same connection, for typed calls.</summary>
    public Nethereum.Web3.Web3 Web3 { get; }

    /// <summary>
    /// Calls <paramref name="method"/> with <paramref name="parameters"/> and returns its <c>result</c>
    /// (a standalone element, safe to keep; <see cref="JsonValueKind.Null"/> for a null result).
    /// </summary>
    public Task<JsonElement> CallAsync(string method, JsonArray? parameters = null, CancellationToken cancellationToken = default)
    {
        var args = (parameters ?? []).Select(ToNewtonsoft).ToArray();
        var request = new RpcRequest(Interlocked.Increment(ref _id), method, args);
        return SendAsync(method, async () =>
        {
            var token = await _client.SendRequestAsync<JToken?>(request).ConfigureAwait(false);
            return ToElement(token);
        }, cancellationToken);
    }

    /// <summary>
    /// Runs one Nethereum call (typed or not) under the error mapping of this client: a node's error object,
    /// an unreachable endpoint, a timeout or an answer that is not JSON-RPC becomes an <see cref="RpcException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(string method, Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        try
        {
            return await call().WaitAsync(Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (RpcResponseException e)
        {
            var error = e.RpcError;
            var message = error?.Message ?? e.Message;
            var data = error?.Data is null ? null : SafeData(error);
            if (!string.IsNullOrEmpty(data) && data != "null") message += $" ({Trim(data)})";
            throw new RpcException($"{method} refused by {DisplayUrl}: {message}", DisplayUrl, method, error?.Code ?? 0, e);
        }
        catch (Exception e) when (e is RpcClientTimeoutException or TimeoutException)
        {
            throw new RpcException($"the RPC endpoint {DisplayUrl} did not answer {method} in time", DisplayUrl, method, null, e);
        }
        catch (RpcClientUnknownException e)
        {
            var cause = Innermost(e);
            throw new RpcException($"cannot reach the RPC endpoint {DisplayUrl} for {method} ({Trim(cause.Message)}); check --rpc-url and that the node is running", DisplayUrl, method, null, e);
        }
        catch (Newtonsoft.Json.JsonException e)
        {
            throw new RpcException($"{method} at {DisplayUrl}: the answer is not the expected JSON ({Trim(e.Message)})", DisplayUrl, method, null, e);
        }
        catch (FormatException e)
        {
            throw new RpcException($"{method} at {DisplayUrl}: malformed value in the answer ({Trim(e.Message)})", DisplayUrl, method, null, e);
        }
        catch (HttpRequestException e)
        {
            throw new RpcException($"cannot reach the RPC endpoint {DisplayUrl} for {method} ({Trim(e.Message)}); check --rpc-url and that the node is running", DisplayUrl, method, null, e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException($"the RPC endpoint {DisplayUrl} did not answer {method} in time", DisplayUrl, method, null, e);
        }
    }

    private static string SafeData(RpcError error)
    {
        try { return error.GetDataAsString() ?? ""; }
        catch (Exception e) when (e is InvalidCastException or Newtonsoft.Json.JsonException) { return error.Data?.ToString() ?? ""; }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    private static object? ToNewtonsoft(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        _ => JToken.Parse(node.ToJsonString()),
    };

    private static JsonElement ToElement(JToken? token)
    {
        var text = token is null ? "null" : token.ToString(Newtonsoft.Json.Formatting.None);
        using var doc = JsonDocument.Parse(text);
        return doc.RootElement.Clone();
    }

    /// <summary>Removes user info (credentials) from a URL before it is shown.</summary>
    public static string Redact(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.UserInfo.Length > 0)
            return new UriBuilder(u) { UserName = "", Password = "" }.Uri.ToString();
        return url;
    }

    private static string Trim(string s) => s.Length <= 300 ? s : s[..300] + "…";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}
