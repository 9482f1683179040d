using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Transactions;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Newtonsoft.Json.Linq;

namespace Blobs.Rpc;

/// <summary>
/// The JSON-RPC transport of the toolkit, behind Nethereum's client API: <see cref="Web3"/> (a <c>Nethereum.Web3.Web3</c>)
/// for the typed calls and <see cref="CallAsync"/> for the methods Nethereum 6.1 has no typed request for, both over this
/// class's own HTTP transport. Each attempt has its own time limit (<see cref="Timeout"/>; <see cref="SendTimeout"/> for
/// eth_sendRawTransaction, generous because a node may take long to check six blobs' proofs) — Nethereum's process-wide
/// <c>ClientBase.ConnectionTimeout</c> is not used. Failures that may pass (timeout, refused or reset connection, HTTP
/// 5xx or 429, an answer that is not JSON-RPC) are retried with exponential backoff under <see cref="Retry"/>, for
/// idempotent methods only: reads, and eth_sendRawTransaction (the same signed bytes can only be accepted once; when a
/// retry is answered "already known" the first attempt got through, and the transaction's own hash is returned).
/// State-changing methods a node signs or executes (eth_sendTransaction, evm_*, anvil_*, …) are tried once. Every
/// failure becomes an <see cref="RpcException"/> naming the endpoint, the method and what happened.
/// </summary>
public sealed class JsonRpcClient : IDisposable
{
    private static readonly AsyncLocal<CancellationToken> s_callToken = new();
    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly Transport _client;
    private long _id;

    /// <summary>Creates a client for <paramref name="url"/> (http or https).</summary>
    /// <param name="url">The endpoint.</param>
    /// <param name="http">An HttpClient to use (not disposed by this client; its own Timeout still applies); null for one of its own.</param>
    /// <param name="timeout">How long one attempt of a call may take (default: BLOBS_RPC_TIMEOUT seconds, else 30 s).</param>
    /// <param name="retry">Retries of idempotent calls (default <see cref="RpcRetryPolicy.Default"/>).</param>
    public JsonRpcClient(string url, HttpClient? http = null, TimeSpan? timeout = null, RpcRetryPolicy? retry = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
            throw new ArgumentException($"RPC URL '{Redact(url)}' is not an http(s) URL");
        Url = uri;
        _ownsHttp = http is null;
        Timeout = timeout ?? Seconds("BLOBS_RPC_TIMEOUT") ?? TimeSpan.FromSeconds(30);
        if (Timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), "the RPC timeout must be positive");
        var send = Seconds("BLOBS_RPC_SEND_TIMEOUT") ?? TimeSpan.FromSeconds(120);
        SendTimeout = Timeout > send ? Timeout : send;
        Retry = retry ?? RpcRetryPolicy.Default;
        // Our own limits apply per attempt (below); the HttpClient's must not cut them.
        _http = http ?? new HttpClient { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client = new Transport(this);
        Web3 = new Nethereum.Web3.Web3(_client);
    }

    /// <summary>The endpoint.</summary>
    public Uri Url { get; }

    /// <summary>A positive number of seconds from environment variable <paramref name="name"/>, or null.</summary>
    private static TimeSpan? Seconds(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s) : null;

    /// <summary>How long one attempt of a call may take (default 30 s).</summary>
    public TimeSpan Timeout { get; }

    /// <summary>How long one attempt of eth_sendRawTransaction may take (default: BLOBS_RPC_SEND_TIMEOUT seconds, else 120 s; at least <see cref="Timeout"/>).</summary>
    public TimeSpan SendTimeout { get; set; }

    /// <summary>How failures that may pass are retried.</summary>
    public RpcRetryPolicy Retry { get; set; }

    /// <summary>The endpoint as it may be shown: user info (credentials) removed.</summary>
    public string DisplayUrl => Redact(Url.ToString());

    /// <summary>The Nethereum client (transport) behind this instance.</summary>
    public IClient Client => _client;

    /// <summary>A <c>Nethereum.Web3.Web3</c> over the same connection, for typed calls.</summary>
    public Nethereum.Web3.Web3 Web3 { get; }

    /// <summary>True when a failed attempt of <paramref name="method"/> may be repeated: reads and eth_sendRawTransaction, not calls that make a node sign or change state.</summary>
    public static bool IsIdempotent(string method) =>
        !(method is "eth_sendTransaction" or "eth_sign" or "eth_signTransaction" or "eth_signTypedData" or "eth_signTypedData_v4"
          || method.StartsWith("personal_", StringComparison.Ordinal) || method.StartsWith("evm_", StringComparison.Ordinal)
          || method.StartsWith("anvil_", StringComparison.Ordinal) || method.StartsWith("hardhat_", StringComparison.Ordinal)
          || method.StartsWith("miner_", StringComparison.Ordinal) || method.StartsWith("admin_", StringComparison.Ordinal)
          || method.StartsWith("debug_set", StringComparison.Ordinal));

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
    /// Runs one Nethereum call (typed or not) over this client's transport, under its error mapping: a node's error
    /// object, an unreachable endpoint, a timeout or an answer that is not JSON-RPC becomes an <see cref="RpcException"/>.
    /// </summary>
    public async Task<T> SendAsync<T>(string method, Func<Task<T>> call, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(call);
        var previous = s_callToken.Value;
        s_callToken.Value = cancellationToken;
        try
        {
            // A last guard against a hang anywhere below: every attempt, every backoff, and some slack.
            var limit = Retry.WorstCase(method == "eth_sendRawTransaction" ? SendTimeout : Timeout) + TimeSpan.FromSeconds(10);
            return await call().WaitAsync(limit, cancellationToken).ConfigureAwait(false);
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
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or RpcResponseFormatException or InvalidCastException or JsonException)
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
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RpcException($"the RPC endpoint {DisplayUrl} did not answer {method} in time", DisplayUrl, method, null, e);
        }
        finally { s_callToken.Value = previous; }
    }

    /// <summary>
    /// The transport Nethereum's API runs on: one POST per attempt with this client's time limits, retries with
    /// backoff for failures that may pass, and clear <see cref="RpcException"/>s when they do not.
    /// </summary>
    private sealed class Transport(JsonRpcClient owner) : ClientBase
    {
        private static readonly Newtonsoft.Json.JsonSerializerSettings s_settings = DefaultJsonSerializerSettingsFactory.BuildDefaultJsonSerializerSettings();

        /// <summary>The most bytes an answer may have (a block with full transactions stays far below).</summary>
        private const int MaxAnswerBytes = 256 << 20;

        public override async Task<RpcResponseMessage> SendAsync(RpcRequestMessage request, string? route = null)
        {
            var method = request.Method;
            var ct = s_callToken.Value;
            var body = Newtonsoft.Json.JsonConvert.SerializeObject(request, s_settings);
            var attemptLimit = method == "eth_sendRawTransaction" ? owner.SendTimeout : owner.Timeout;
            int attempts = IsIdempotent(method) ? Math.Max(1, owner.Retry.MaxAttempts) : 1;
            string? lastProblem = null;
            for (int attempt = 1; ; attempt++)
            {
                ct.ThrowIfCancellationRequested();
                string? problem;
                using (var cts = CancellationTokenSource.CreateLinkedTokenSource(ct))
                {
                    cts.CancelAfter(attemptLimit);
                    try
                    {
                        using var content = new StringContent(body, Encoding.UTF8);
                        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                        var uri = route is null ? owner.Url : new Uri(owner.Url, route);
                        using var response = await owner._http.PostAsync(uri, content, cts.Token).ConfigureAwait(false);
                        var text = await ReadAsync(response, cts.Token).ConfigureAwait(false);
                        var message = Parse(text);
                        int status = (int)response.StatusCode;
                        if (message is not null && (message.Error is not null || response.IsSuccessStatusCode))
                        {
                            if (message.Error is not null && attempt > 1 && method == "eth_sendRawTransaction" && IsAlreadyKnown(message.Error.Message)
                                && KnownHash(request) is { } hash)
                                // An earlier attempt reached the node: the transaction is in, under its own hash.
                                return new RpcResponseMessage(message.Id, JToken.FromObject(hash.ToString()));
                            return message;
                        }
                        problem = status >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests
                            ? $"HTTP {status} {response.ReasonPhrase}"
                            : message is null && response.IsSuccessStatusCode ? $"an answer that is not JSON-RPC: {Snippet(text)}" : null;
                        if (problem is null)
                            throw new RpcException($"{method} at {owner.DisplayUrl}: HTTP {status} {response.ReasonPhrase}: {Snippet(text)}", owner.DisplayUrl, method, status);
                    }
                    catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                    {
                        problem = $"no answer within {attemptLimit.TotalSeconds:0.#} s";
                    }
                    catch (HttpRequestException e)
                    {
                        problem = Trim(Innermost(e).Message);
                    }
                    catch (IOException e)
                    {
                        problem = Trim(e.Message);
                    }
                }
                lastProblem = problem;
                if (attempt >= attempts)
                {
                    var tries = attempts == 1 ? "" : $" ({attempts} attempts)";
                    throw lastProblem.StartsWith("no answer", StringComparison.Ordinal)
                        ? new RpcException($"the RPC endpoint {owner.DisplayUrl} did not answer {method} in time: {lastProblem}{tries}", owner.DisplayUrl, method)
                        : lastProblem.StartsWith("HTTP ", StringComparison.Ordinal) || lastProblem.StartsWith("an answer", StringComparison.Ordinal)
                            ? new RpcException($"{method} at {owner.DisplayUrl} failed: {lastProblem}{tries}", owner.DisplayUrl, method)
                            : new RpcException($"cannot reach the RPC endpoint {owner.DisplayUrl} for {method} ({lastProblem}){tries}; check --rpc-url and that the node is running", owner.DisplayUrl, method);
                }
                await Task.Delay(owner.Retry.DelayBefore(attempt + 1), ct).ConfigureAwait(false);
            }
        }

        /// <summary>Nethereum throws a bare <see cref="Exception"/> when a result does not fit the DTO: a malformed answer, said as such.</summary>
        public override T DecodeResult<T>(RpcResponseMessage rpcResponseMessage)
        {
            try { return base.DecodeResult<T>(rpcResponseMessage); }
            catch (Exception e) when (e is not (RpcResponseException or OperationCanceledException or OutOfMemoryException))
            {
                throw new FormatException($"the result is not a {typeof(T).Name} ({Trim(e.Message)})", e);
            }
        }

        protected override async Task<RpcResponseMessage[]> SendAsync(RpcRequestMessage[] requests)
        {
            var result = new RpcResponseMessage[requests.Length];
            for (int i = 0; i < requests.Length; i++) result[i] = await SendAsync(requests[i]).ConfigureAwait(false);
            return result;
        }

        private static async Task<string> ReadAsync(HttpResponseMessage response, CancellationToken ct)
        {
            if (response.Content.Headers.ContentLength is > MaxAnswerBytes)
                throw new IOException($"answer of {response.Content.Headers.ContentLength} bytes is larger than {MaxAnswerBytes}");
            return await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        }

        private static RpcResponseMessage? Parse(string text)
        {
            try
            {
                var message = Newtonsoft.Json.JsonConvert.DeserializeObject<RpcResponseMessage>(text, s_settings);
                return message is null || (message.Error is null && message.Result is null && !HasResultKey(text)) ? null : message;
            }
            catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException or ArgumentException or FormatException or OverflowException)
            {
                return null;
            }
        }

        // {"result": null} is a valid answer (a receipt not yet there); an object with neither key is not JSON-RPC.
        private static bool HasResultKey(string text)
        {
            try { return JToken.Parse(text) is JObject o && o.ContainsKey("result"); }
            catch (Newtonsoft.Json.JsonException) { return false; }
        }

        private static bool IsAlreadyKnown(string? message)
        {
            var m = (message ?? "").ToLowerInvariant();
            return m.Contains("already known") || m.Contains("alreadyknown") || m.Contains("already imported") || m.Contains("known transaction");
        }

        private static Hash32? KnownHash(RpcRequestMessage request)
        {
            try
            {
                var raw = request.RawParameters is object[] { Length: > 0 } p ? p[0]?.ToString() : null;
                return raw is null ? null : BlobTransactionCodec.DecodeHex(raw).Transaction.Hash();
            }
            catch (TransactionDecodingException) { return null; }
        }

        private static string Snippet(string text) => Trim(text.Replace('\n', ' ').Replace('\r', ' '), 160);
    }

    private static string SafeData(Nethereum.JsonRpc.Client.RpcError error)
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

    private static string Trim(string s, int max = 300) => s.Length <= max ? s : s[..max] + "…";

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHttp) _http.Dispose();
    }
}

/// <summary>
/// Bounded retries with exponential backoff for calls that may be repeated: attempt n waits
/// <see cref="InitialDelay"/> × 2^(n−2), at most <see cref="MaxDelay"/>, with ±20 % jitter.
/// </summary>
public sealed record RpcRetryPolicy
{
    /// <summary>4 attempts, 250 ms then 500 ms then 1 s between them.</summary>
    public static RpcRetryPolicy Default { get; } = new();

    /// <summary>One attempt, no retry.</summary>
    public static RpcRetryPolicy None { get; } = new() { MaxAttempts = 1 };

    /// <summary>Attempts in all (at least 1).</summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>The wait before the second attempt.</summary>
    public TimeSpan InitialDelay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest wait between two attempts.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>The wait before attempt <paramref name="attempt"/> (2 or more).</summary>
    public TimeSpan DelayBefore(int attempt)
    {
        double ms = InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 2));
        ms = Math.Min(ms, MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(ms * (0.8 + 0.4 * Random.Shared.NextDouble()));
    }

    /// <summary>The longest a call can take when every attempt runs to <paramref name="perAttempt"/>.</summary>
    public TimeSpan WorstCase(TimeSpan perAttempt)
    {
        int n = Math.Max(1, MaxAttempts);
        var total = perAttempt * n;
        for (int a = 2; a <= n; a++) total += TimeSpan.FromMilliseconds(Math.Min(InitialDelay.TotalMilliseconds * Math.Pow(2, a - 2), MaxDelay.TotalMilliseconds) * 1.2);
        return total;
    }
}
