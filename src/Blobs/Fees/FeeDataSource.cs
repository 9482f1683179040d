using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Rpc;

namespace Blobs.Fees;

/// <summary>
/// Reads a <see cref="ChainFeeState"/> from an execution node over JSON-RPC, through the toolkit's
/// <see cref="ExecutionClient"/> (its per-attempt time limit, bounded retries of these read-only calls and error mapping):
/// <c>eth_config</c> (EIP-7910) for the schedule when the node answers, else the built-in preset for its chain id;
/// <c>eth_getBlockByNumber("latest")</c> for the head's fee fields; <c>eth_feeHistory</c> with reward percentiles for
/// recent usage and tips; <c>eth_blobBaseFee</c> for comparison. Every failure is a <see cref="FeeSourceException"/>
/// whose one-line message names the endpoint and the method or field.
/// </summary>
public sealed class FeeDataSource : IDisposable
{
    private readonly ExecutionClient _client;
    private readonly bool _ownsClient;

    /// <summary>Creates a source for the node at <paramref name="url"/>.</summary>
    /// <param name="url">The node's JSON-RPC endpoint (http or https).</param>
    /// <param name="http">An HttpClient to share (not disposed here); null for one of its own.</param>
    /// <param name="timeout">How long one attempt of a call may take (default: that of <see cref="JsonRpcClient"/>).</param>
    /// <param name="retry">Retries of failures that may pass (default <see cref="RpcRetryPolicy.Default"/>).</param>
    /// <exception cref="ArgumentException">The URL is not an absolute http(s) URL.</exception>
    public FeeDataSource(string url, HttpClient? http = null, TimeSpan? timeout = null, RpcRetryPolicy? retry = null)
    {
        _client = new ExecutionClient(url, http, timeout);
        if (retry is not null) _client.Rpc.Retry = retry;
        _ownsClient = true;
    }

    /// <summary>Creates a source over an existing client (not disposed by this source).</summary>
    public FeeDataSource(ExecutionClient client)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ownsClient = false;
    }

    /// <summary>The node's URL.</summary>
    public Uri Url => _client.Rpc.Url;

    /// <summary>The JSON-RPC client underneath (its <see cref="JsonRpcClient.Retry"/> and time limits apply to every call).</summary>
    public JsonRpcClient Rpc => _client.Rpc;

    private string Where => _client.Rpc.DisplayUrl;

    /// <summary>Calls <paramref name="method"/> with parameters serialized as JSON and returns its <c>result</c> (standalone).</summary>
    /// <exception cref="FeeSourceException">Unreachable node, HTTP error, malformed answer or JSON-RPC error.</exception>
    public Task<JsonElement> CallAsync(string method, object?[] parameters, CancellationToken cancellationToken = default)
    {
        var args = new JsonArray(parameters.Select(p => JsonSerializer.SerializeToNode(p)).ToArray());
        return Mapped(() => _client.Rpc.CallAsync(method, args, cancellationToken));
    }

    /// <summary><c>eth_config</c>, or <c>null</c> when the node does not implement it or answers null.</summary>
    public async Task<EthConfig?> GetEthConfigAsync(CancellationToken cancellationToken = default)
    {
        var result = await Mapped(() => _client.EthConfigAsync(cancellationToken)).ConfigureAwait(false);
        if (result is not { } config) return null;
        try { return EthConfig.Parse(config); }
        catch (FormatException e) { throw new FeeSourceException($"{Where}: {e.Message}", e); }
    }

    /// <summary><c>eth_chainId</c>.</summary>
    public Task<ulong> GetChainIdAsync(CancellationToken cancellationToken = default) =>
        Mapped(() => _client.ChainIdAsync(cancellationToken));

    /// <summary>The fee fields of block <paramref name="block"/> (a number, or a tag such as <c>latest</c>).</summary>
    /// <exception cref="FeeSourceException">No such block, or blob fields missing (blobs not active).</exception>
    public async Task<BlockFeeHeader> GetHeaderAsync(string block = "latest", CancellationToken cancellationToken = default)
    {
        var b = await CallAsync("eth_getBlockByNumber", [block, false], cancellationToken).ConfigureAwait(false);
        if (b.ValueKind != JsonValueKind.Object) throw new FeeSourceException($"{Where}: block {block} not found");
        BigInteger Field(string name)
        {
            if (!b.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
                throw new FeeSourceException($"{Where}: block {block} has no {name} (blobs are not active on this chain)");
            try { return Quantity.ParseBig(v, $"{Where}: block {block} {name}"); }
            catch (FormatException e) { throw new FeeSourceException(e.Message, e); }
        }
        ulong U64(string name)
        {
            var v = Field(name);
            if (v > ulong.MaxValue) throw new FeeSourceException($"{Where}: block {block} {name} does not fit in 64 bits");
            return (ulong)v;
        }
        return new BlockFeeHeader(U64("number"), U64("timestamp"), U64("excessBlobGas"), U64("blobGasUsed"), Field("baseFeePerGas"));
    }

    /// <summary><c>eth_feeHistory(blockCount, newest, percentiles)</c>.</summary>
    public async Task<FeeHistory> GetFeeHistoryAsync(int blockCount, string newestBlock = "latest", IReadOnlyList<double>? percentiles = null, CancellationToken cancellationToken = default)
    {
        if (blockCount < 1 || blockCount > 1024) throw new ArgumentOutOfRangeException(nameof(blockCount), blockCount, "eth_feeHistory block count must be between 1 and 1024");
        var r = await CallAsync("eth_feeHistory", [Quantities.ToHex((ulong)blockCount), newestBlock, (percentiles ?? []).ToArray()], cancellationToken).ConfigureAwait(false);
        string what = $"{Where}: eth_feeHistory";
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
    public Task<BigInteger?> GetBlobBaseFeeAsync(CancellationToken cancellationToken = default) =>
        Mapped(() => _client.BlobBaseFeeAsync(cancellationToken));

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
        else throw new FeeSourceException($"{Where}: chain {chainId} has no eth_config and no built-in blob schedule; give one with --fork or --chain");

        var head = await GetHeaderAsync("latest", cancellationToken).ConfigureAwait(false);
        if (forks.TryAt(head.Timestamp) is null)
            throw new FeeSourceException($"{Where}: head timestamp {head.Timestamp} is before the first blob fork of the {source} schedule");
        double[] percentiles = [25, 50, 75];
        int count = (int)Math.Min((ulong)Math.Max(1, historyBlocks), head.Number + 1);
        var history = await GetFeeHistoryAsync(count, Quantities.ToHex(head.Number), percentiles, cancellationToken).ConfigureAwait(false);
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
        if (_ownsClient) _client.Dispose();
    }

    /// <summary>Runs a call of the execution client; its <see cref="RpcException"/> (one line, naming endpoint and method) becomes a <see cref="FeeSourceException"/>.</summary>
    private static async Task<T> Mapped<T>(Func<Task<T>> call)
    {
        try { return await call().ConfigureAwait(false); }
        catch (RpcException e)
        {
            throw new FeeSourceException(e.Message.ReplaceLineEndings(" "), e) { RpcErrorCode = e.Code is { } code && code >= int.MinValue && code <= int.MaxValue ? (int)code : null };
        }
    }

    private static BigInteger[] BigList(JsonElement r, string name, string what) =>
        r.GetProperty(name).EnumerateArray().Select(x => Quantity.ParseBig(x, $"{what} {name}")).ToArray();

    private static double[] DoubleList(JsonElement r, string name, string what) =>
        r.GetProperty(name).EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Number ? x.GetDouble() : throw new FormatException($"{what} {name}: not a number")).ToArray();
}
