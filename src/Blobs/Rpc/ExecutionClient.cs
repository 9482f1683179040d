using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>The execution-layer JSON-RPC methods a blob sender needs.</summary>
public sealed class ExecutionClient : IDisposable
{
    /// <summary>Creates a client for <paramref name="url"/>.</summary>
    public ExecutionClient(string url, HttpClient? http = null) => Rpc = new JsonRpcClient(url, http);

    /// <summary>The underlying JSON-RPC client.</summary>
    public JsonRpcClient Rpc { get; }

    /// <summary>eth_chainId.</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken ct = default) =>
        Quantities.ParseUInt64((await Rpc.CallAsync("eth_chainId", null, ct).ConfigureAwait(false)).GetString(), "eth_chainId");

    /// <summary>eth_getTransactionCount(address, "pending").</summary>
    public async Task<ulong> PendingNonceAsync(Address address, CancellationToken ct = default) =>
        Quantities.ParseUInt64((await Rpc.CallAsync("eth_getTransactionCount", [address.ToString(), "pending"], ct).ConfigureAwait(false)).GetString(), "eth_getTransactionCount");

    /// <summary>eth_getBalance(address, "latest").</summary>
    public async Task<BigInteger> BalanceAsync(Address address, CancellationToken ct = default) =>
        Quantities.Parse((await Rpc.CallAsync("eth_getBalance", [address.ToString(), "latest"], ct).ConfigureAwait(false)).GetString(), "eth_getBalance");

    /// <summary>The latest block's baseFeePerGas.</summary>
    public async Task<BigInteger> BaseFeeAsync(CancellationToken ct = default)
    {
        var block = await Rpc.CallAsync("eth_getBlockByNumber", ["latest", false], ct).ConfigureAwait(false);
        return Quantities.Get(block, "baseFeePerGas") ?? 0;
    }

    /// <summary>eth_maxPriorityFeePerGas; null when the node does not have it.</summary>
    public async Task<BigInteger?> MaxPriorityFeeAsync(CancellationToken ct = default)
    {
        try { return Quantities.Parse((await Rpc.CallAsync("eth_maxPriorityFeePerGas", null, ct).ConfigureAwait(false)).GetString(), "eth_maxPriorityFeePerGas"); }
        catch (RpcException e) when (e.IsNodeError) { return null; }
    }

    /// <summary>eth_blobBaseFee (the head block's blob base fee); null when the node does not have it.</summary>
    public async Task<BigInteger?> BlobBaseFeeAsync(CancellationToken ct = default)
    {
        try { return Quantities.Parse((await Rpc.CallAsync("eth_blobBaseFee", null, ct).ConfigureAwait(false)).GetString(), "eth_blobBaseFee"); }
        catch (RpcException e) when (e.IsNodeError) { return null; }
    }

    /// <summary>eth_config (EIP-7910); null when the node does not have it.</summary>
    public async Task<JsonElement?> EthConfigAsync(CancellationToken ct = default)
    {
        try
        {
            var r = await Rpc.CallAsync("eth_config", null, ct).ConfigureAwait(false);
            return r.ValueKind == JsonValueKind.Object ? r : null;
        }
        catch (RpcException e) when (e.IsNodeError) { return null; }
    }

    /// <summary>
    /// The sidecar form the chain's current fork takes, from eth_config: v1 when the current fork has
    /// Osaka's P256VERIFY precompile (EIP-7951, shipped with EIP-7594), v0 otherwise; null without eth_config.
    /// </summary>
    public async Task<SidecarVersion?> SidecarVersionAsync(CancellationToken ct = default)
    {
        var config = await EthConfigAsync(ct).ConfigureAwait(false);
        if (config is not { } c || !c.TryGetProperty("current", out var current) || current.ValueKind != JsonValueKind.Object) return null;
        if (!current.TryGetProperty("precompiles", out var pre) || pre.ValueKind != JsonValueKind.Object) return null;
        return pre.TryGetProperty("P256VERIFY", out _) ? SidecarVersion.V1 : SidecarVersion.V0;
    }

    /// <summary>eth_estimateGas for a blob transaction (from, to, value, data, blobVersionedHashes, maxFeePerBlobGas).</summary>
    public async Task<ulong> EstimateGasAsync(Address from, TransactionFields fields, IReadOnlyList<VersionedHash> hashes, CancellationToken ct = default)
    {
        var call = new JsonObject
        {
            ["from"] = from.ToString(),
            ["to"] = fields.To.ToString(),
            ["value"] = Quantities.ToHex(fields.Value),
            ["input"] = Hex.Encode(fields.Data.Span),
            ["type"] = "0x3",
            ["maxFeePerBlobGas"] = Quantities.ToHex(fields.MaxFeePerBlobGas),
            ["blobVersionedHashes"] = new JsonArray(hashes.Select(h => (JsonNode)JsonValue.Create(h.ToString())!).ToArray()),
        };
        var r = await Rpc.CallAsync("eth_estimateGas", [call], ct).ConfigureAwait(false);
        return Quantities.ParseUInt64(r.GetString(), "eth_estimateGas");
    }

    /// <summary>eth_sendRawTransaction; returns the hash the node reports.</summary>
    public async Task<Hash32> SendRawTransactionAsync(ReadOnlyMemory<byte> raw, CancellationToken ct = default)
    {
        var r = await Rpc.CallAsync("eth_sendRawTransaction", [Hex.Encode(raw.Span)], ct).ConfigureAwait(false);
        return Hash32.Parse(r.GetString()!);
    }

    /// <summary>eth_getTransactionReceipt; null while pending or unknown.</summary>
    public async Task<TransactionReceipt?> ReceiptAsync(Hash32 hash, CancellationToken ct = default)
    {
        var r = await Rpc.CallAsync("eth_getTransactionReceipt", [hash.ToString()], ct).ConfigureAwait(false);
        return r.ValueKind == JsonValueKind.Object ? TransactionReceipt.Parse(r) : null;
    }

    /// <summary>eth_getTransactionByHash; null when unknown.</summary>
    public async Task<JsonElement?> TransactionAsync(Hash32 hash, CancellationToken ct = default)
    {
        var r = await Rpc.CallAsync("eth_getTransactionByHash", [hash.ToString()], ct).ConfigureAwait(false);
        return r.ValueKind == JsonValueKind.Object ? r : null;
    }

    /// <summary>Polls for the receipt until it appears or <paramref name="timeout"/> passes (then <see cref="TimeoutException"/>).</summary>
    public async Task<TransactionReceipt> WaitForReceiptAsync(Hash32 hash, TimeSpan timeout, TimeSpan? pollInterval = null, CancellationToken ct = default)
    {
        var deadline = DateTime.UtcNow + timeout;
        var interval = pollInterval ?? TimeSpan.FromMilliseconds(200);
        while (true)
        {
            var receipt = await ReceiptAsync(hash, ct).ConfigureAwait(false);
            if (receipt is not null) return receipt;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"transaction {hash} was not included within {timeout.TotalSeconds:0} s; it may be underpriced (raise --max-fee-per-blob-gas) or the chain is not producing blocks");
            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Rpc.Dispose();
}
