using System.Net.Http.Headers;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace Blobs.Fees;

/// <summary>
/// Reads a <see cref="ChainFeeState"/> from an execution node over JSON-RPC (plain HTTP POST, self-contained):
/// <c>eth_config</c> (EIP-7910) for the schedule when the node answers, else the built-in preset for its chain id;
/// <c>eth_getBlockByNumber("latest")</c> for the head's fee fields; <c>eth_feeHistory</c> with reward percentiles for
/// recent usage and tips; <c>eth_blobBaseFee</c> for comparison.
/// </summary>
public sealed class FeeDataSource : IDisposable
{
    private readonly HttpClient _http;
    private readonly bool _ownsClient;
    private int _id;

    /// <summary>Creates a source for the node at <paramref name="url"/>; pass an <see cref="HttpClient"/> to share one.</summary>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    public FeeDataSource(string url, HttpClient? http = null, TimeSpan? timeout = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"RPC URL must be an absolute http(s) URL: '{url}'", nameof(url));
        Url = uri;
        _ownsClient = http is null;
        _http = http ?? new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(15) };
    }

    /// <summary>The node's URL.</summary>
    public Uri Url { get; }

    /// <summary>Calls <paramref name="method"/> and returns a clone of its <c>result</c>.</summary>
    /// <exception cref="FeeSourceException">Unreachable node, HTTP error, malformed answer or JSON-RPC error.</exception>
    public async Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["jsonrpc"] = "2.0",
            ["id"] = Interlocked.Increment(ref _id),
            ["method"] = method,
            ["params"] = parameters,
        });
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsync(Url, content, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new FeeSourceException($"cannot reach {Url}: {e.Message}", e);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeeSourceException($"cannot reach {Url}: timed out", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode && text.Length == 0)
                throw new FeeSourceException($"{Url}: HTTP {(int)response.StatusCode} for {method}");
            JsonDocument doc;
            try { doc = JsonDocument.Parse(text); }
            catch (JsonException e) { throw new FeeSourceException($"{Url}: {method} answered with something that is not JSON (HTTP {(int)response.StatusCode})", e); }
            using (doc)
            {
                var root = doc.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
                {
                    int? code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt32(out var ci) ? ci : null;
                    string msg = error.TryGetProperty("message", out var m) ? m.ToString() : "no message";
                    throw new FeeSourceException($"{Url}: {method} failed: {msg}" + (code is { } k ? $" (code {k})" : "")) { RpcErrorCode = code };
                }
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("result", out var result))
                    throw new FeeSourceException($"{Url}: {method} answered without a result");
                return result.Clone();
            }
        }
    }

    /// <summary><c>eth_config</c>, or <c>null</c> when the node does not implement it or answers null.</summary>
    public async Task<EthConfig?> GetEthConfigAsync(CancellationToken cancellationToken = default)
    {
        JsonElement result;
        try { result = await CallAsync("eth_config", [], cancellationToken).ConfigureAwait(false); }
        catch (FeeSourceException e) when (e.RpcErrorCode is not null) { return null; }
        if (result.ValueKind != JsonValueKind.Object) return null;
        try { return EthConfig.Parse(result); }
        catch (FormatException e) { throw new FeeSourceException($"{Url}: {e.Message}", e); }
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public async Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default)
    {
        var r = await CallAsync("eth_chainId", [], cancellationToken).ConfigureAwait(false);
        try { return Quantity.Parse(r, $"{Url}: eth_chainId"); }
        catch (FormatException e) { throw new FeeSourceException(e.Message, e); }
    }

    /// <summary>The fee fields of block <paramref name="block"/> (a number, or a tag such as <c>latest</c>).</summary>
    /// <exception cref="FeeSourceException">No such block, or blob fields missing (blobs not active).</exception>
    public async Task<BlockFeeHeader> GetHeaderAsync(string block = "latest", CancellationToken cancellationToken = default)
    {
        var b = await CallAsync("eth_getBlockByNumber", [block, false], cancellationToken).ConfigureAwait(false);
        if (b.ValueKind != JsonValueKind.Object) throw new FeeSourceException($"{Url}: block {block} not found");
        BigInteger Field(string name)
        {
            if (!b.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                throw new FeeSourceException($"{Url}: block {block} has no {name} (blobs are not active on this chain)");
            try { return Quantity.ParseBig(v, $"{Url}: block {block} {name}"); }
            catch (FormatException e) { throw new FeeSourceException(e.Message, e); }
        }
        ulong U64(string name)
        {
            var v = Field(name);
            if (v > ulong.MaxValue) throw new FeeSourceException($"{Url}: block {block} {name} does not fit in 64 bits");
            return (ulong)v;
        }
        return new BlockFeeHeader(U64("number"), U64("timestamp"), U64("excessBlobGas"), U64("blobGasUsed"), Field("baseFeePerGas"));
    }

    /// <summary><c>eth_feeHistory(blockCount, newest, percentiles)</c>.</summary>
    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, string newestBlock = "latest", IReadOnlyList<double>? percentiles = null, CancellationToken cancellationToken = default)
    {
        if (blockCount < 1 || blockCount > 1024) throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, "eth_feeHistory block count must be between 1 and 1024");
        var r = await CallAsync("eth_feeHistory", [Quantity.ToHex(blockCount), newestBlock, (percentiles ?? []).ToArray()], cancellationToken).ConfigureAwait(false);
        string what = $"{Url}: eth_feeHistory";
        try
        {
            if (r.ValueKind != JsonValueKind.Object) throw new FormatException($"{what}: expected an object");
            ulong oldest = Quantity.Parse(r.GetProperty("oldestBlock"), what + " oldestBlock");
            var baseFees = BigList(r, "baseFeePerGas", what);
            var gasRatio = DoubleList(r, "gasUsedRatio", what);
            var blobFees = r.TryGetProperty("baseFeePerBlobGas", out _) ? BigList(r, "baseFeePerBlobGas", what) : [];
            var blobRatio = r.TryGetProperty("blobGasUsedRatio", out _) ? DoubleList(r, "blobGasUsedRatio", what) : [];
            var rewards = new List<IReadOnlyList<BigInteger>>();
            if (r.TryGetProperty("reward", out var rw) && rw.ValueKind == JsonValueKind.Array)
                foreach (var row in rw.EnumerateArray())
                    rewards.Add(row.EnumerateArray().Select(x => Quantity.ParseBig(x, what + " reward")).ToArray());
            return new FeeHistory(oldest, baseFees, gasRatio, blobFees, blobRatio, rewards);
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FeeSourceException($"{what}: malformed answer: {e.Message}", e);
        }
    }

    /// <summary>
    /// <c>eth_blobBaseFee</c>, or <c>null</c> if the node does not implement it. Clients differ on which block it
    /// prices: geth answers the head block's fee, anvil 1.7.1 the pending (next) block's. For the next block's fee use
    /// <see cref="BlobFeeForecaster.NextBlobBaseFee"/> or <c>eth_feeHistory</c>'s last <c>baseFeePerBlobGas</c> entry.
    /// </summary>
    public async Task<BigInteger?> GetBlobBaseFeeAsync(CancellationToken cancellationToken = default)
    {
        try { return Quantity.ParseBig(await CallAsync("eth_blobBaseFee", [], cancellationToken).ConfigureAwait(false), $"{Url}: eth_blobBaseFee"); }
        catch (FeeSourceException e) when (e.RpcErrorCode is not null) { return null; }
        catch (FormatException e) { throw new FeeSourceException(e.Message, e); }
    }

    /// <summary>
    /// Reads the snapshot: schedule from <c>eth_config</c> when it answers (it wins), else the preset for the chain id,
    /// else <paramref name="fallbackSchedule"/>; head header; <paramref name="historyBlocks"/> blocks of fee history with
    /// reward percentiles 25/50/75.
    /// </summary>
    /// <exception cref="FeeSourceException">Unreachable node, malformed answers, or no schedule known for the chain.</exception>
    public async Task<ChainFeeState> ReadStateAsync(int historyBlocks = 20, ForkSchedule? fallbackSchedule = null, CancellationToken cancellationToken = default)
    {
        ulong chainId = await GetChainIdAsync(cancellationToken).ConfigureAwait(false);
        var config = await GetEthConfigAsync(cancellationToken).ConfigureAwait(false);
        ForkSchedule forks;
        string source;
        if (config?.Current.Schedule is not null)
        {
            forks = config.ToForkSchedule();
            source = "eth_config";
        }
        else if (ForkSchedule.ForChainId(chainId) is { } preset)
        {
            forks = preset;
            source = "preset " + preset.Name;
        }
        else if (fallbackSchedule is not null)
        {
            forks = fallbackSchedule;
            source = fallbackSchedule.Name;
        }
        else throw new FeeSourceException($"{Url}: chain {chainId} has no eth_config and no built-in blob schedule; give one with --fork or --chain");

        var head = await GetHeaderAsync("latest", cancellationToken).ConfigureAwait(false);
        if (forks.TryAt(head.Timestamp) is null)
            throw new FeeSourceException($"{Url}: head timestamp {head.Timestamp} is before the first blob fork of the {source} schedule");
        double[] percentiles = [25, 50, 75];
        int count = (int)Math.Min((ulong)Math.Max(1, historyBlocks), head.Number + 1);
        var history = await GetFeeHistoryAsync(count, Quantity.ToHex(head.Number), percentiles, cancellationToken).ConfigureAwait(false);
        var blobFee = await GetBlobBaseFeeAsync(cancellationToken).ConfigureAwait(false);
        int max = forks.At(head.Timestamp).Schedule.Max;
        return new ChainFeeState(forks, source, head)
        {
            ChainId = chainId,
            RecentBlobsUsed = history.BlobsUsed(max),
            RecentGasUsedRatio = history.GasUsedRatio,
            RewardPercentiles = percentiles,
            RecentRewards = history.Rewards,
            NextBaseFeePerGas = history.BaseFeePerGas.Count > history.BlockCount ? history.BaseFeePerGas[^1] : null,
            NodeNextBlobBaseFee = history.BaseFeePerBlobGas.Count > history.BlockCount ? history.BaseFeePerBlobGas[^1] : null,
            NodeBlobBaseFee = blobFee,
        };
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsClient) _http.Dispose();
    }

    private static BigInteger[] BigList(JsonElement r, string name, string what) =>
        r.GetProperty(name).EnumerateArray().Select(x => Quantity.ParseBig(x, $"{what} {name}")).ToArray();

    private static double[] DoubleList(JsonElement r, string name, string what) =>
        r.GetProperty(name).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : throw new FormatException($"{what} {name}: not a number")).ToArray();
}
