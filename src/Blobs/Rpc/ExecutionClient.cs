using System.Numerics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;
using Nethereum.RPC.Eth.DTOs;

namespace Blobs.Rpc;

/// <summary>
/// The execution-layer JSON-RPC methods a blob sender needs, through Nethereum.Web3: the typed Web3
/// requests where Nethereum 6.1 has them (eth_chainId, eth_getTransactionCount, eth_getBalance,
/// eth_getBlockByNumber, eth_sendRawTransaction, eth_getTransactionReceipt, eth_getTransactionByHash),
/// and untyped requests on the same Nethereum client for the rest (eth_blobBaseFee, eth_config,
/// eth_maxPriorityFeePerGas, and eth_estimateGas, whose Nethereum call input has no blob fields).
/// Every failure is an <see cref="RpcException"/> naming the endpoint and method.
/// </summary>
public sealed class ExecutionClient : IDisposable
{
    /// <summary>Creates a client for <paramref name="url"/>.</summary>
    public ExecutionClient(string url, HttpClient? http = null, TimeSpan? timeout = null) => Rpc = new JsonRpcClient(url, http, timeout);

    /// <summary>The underlying JSON-RPC client (Nethereum transport and Web3).</summary>
    public JsonRpcClient Rpc { get; }

    private Nethereum.Web3.Web3 Web3 => Rpc.Web3;

    /// <summary>eth_chainId.</summary>
    public async Task<ulong> ChainIdAsync(CancellationToken ct = default) =>
        ToUInt64(await Rpc.SendAsync("eth_chainId", () => Web3.Eth.ChainId.SendRequestAsync(), ct).ConfigureAwait(false), "eth_chainId");

    /// <summary>eth_getTransactionCount(address, "pending").</summary>
    public async Task<ulong> PendingNonceAsync(Address address, CancellationToken ct = default) =>
        ToUInt64(await Rpc.SendAsync("eth_getTransactionCount",
            () => Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(address.ToString(), BlockParameter.CreatePending()), ct).ConfigureAwait(false),
            "eth_getTransactionCount");

    /// <summary>eth_getBalance(address, "latest").</summary>
    public async Task<BigInteger> BalanceAsync(Address address, CancellationToken ct = default) =>
        await Rpc.SendAsync("eth_getBalance", () => Web3.Eth.GetBalance.SendRequestAsync(address.ToString(), BlockParameter.CreateLatest()), ct).ConfigureAwait(false) is { } balance
            ? Parsed("eth_getBalance", () => balance.Value)
            : throw new RpcException("eth_getBalance: empty answer", Rpc.DisplayUrl, "eth_getBalance");

    /// <summary>The latest block's baseFeePerGas (0 before London).</summary>
    public async Task<BigInteger> BaseFeeAsync(CancellationToken ct = default)
    {
        var block = await Rpc.SendAsync("eth_getBlockByNumber",
            () => Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()), ct).ConfigureAwait(false);
        if (block is null) throw new RpcException("eth_getBlockByNumber(latest): no block", Rpc.DisplayUrl, "eth_getBlockByNumber");
        return Parsed("eth_getBlockByNumber", () => block.BaseFeePerGas?.Value ?? BigInteger.Zero);
    }

    /// <summary>The parentBeaconBlockRoot of execution block <paramref name="number"/> (EIP-4788); null before Cancun or when the block is unknown.</summary>
    public async Task<Hash32?> ParentBeaconBlockRootAsync(ulong number, CancellationToken ct = default)
    {
        var block = await Rpc.SendAsync("eth_getBlockByNumber",
            () => Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new BlockParameter(number)), ct).ConfigureAwait(false);
        if (block?.ParentBeaconBlockRoot is not { Length: > 0 } root) return null;
        try { return Hash32.Parse(root); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>eth_maxPriorityFeePerGas; null when the node does not have it.</summary>
    public async Task<BigInteger?> MaxPriorityFeeAsync(CancellationToken ct = default)
    {
        try { var r = await Rpc.CallAsync("eth_maxPriorityFeePerGas", null, ct).ConfigureAwait(false); return Parsed("eth_maxPriorityFeePerGas", () => Quantities.Parse(r.GetString(), "eth_maxPriorityFeePerGas")); }
        catch (RpcException e) when (e.IsNodeError) { return null; }
    }

    /// <summary>eth_blobBaseFee (the head block's blob base fee); null when the node does not have it.</summary>
    public async Task<BigInteger?> BlobBaseFeeAsync(CancellationToken ct = default)
    {
        try { var r = await Rpc.CallAsync("eth_blobBaseFee", null, ct).ConfigureAwait(false); return Parsed("eth_blobBaseFee", () => Quantities.Parse(r.GetString(), "eth_blobBaseFee")); }
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
    /// The sidecar form the chain's current fork takes, from eth_config: null without eth_config.
    /// See <see cref="SidecarVersionOf"/>.
    /// </summary>
    public async Task<SidecarVersion?> SidecarVersionAsync(CancellationToken ct = default) =>
        await EthConfigAsync(ct).ConfigureAwait(false) is { } config ? SidecarVersionOf(config) : null;

    /// <summary>
    /// The sidecar form of an eth_config answer's current fork: v1 (cell proofs) when that fork is Osaka
    /// or later — recognised by Osaka's P256VERIFY precompile (EIP-7951, at 0x…0100, which ships in the
    /// same fork as EIP-7594) or by a blob schedule above Osaka's 9 blobs (the BPO forks) — and v0 otherwise.
    /// Null when the answer has no current fork or no precompile list to judge by.
    /// </summary>
    public static SidecarVersion? SidecarVersionOf(JsonElement ethConfig)
    {
        if (ethConfig.ValueKind != JsonValueKind.Object || !ethConfig.TryGetProperty("current", out var current) || current.ValueKind != JsonValueKind.Object)
            return null;
        if (current.TryGetProperty("blobSchedule", out var bs) && bs.ValueKind == JsonValueKind.Object
            && bs.TryGetProperty("max", out var max) && max.ValueKind == JsonValueKind.Number && max.TryGetInt64(out var m) && m > 9)
            return SidecarVersion.V1;
        if (!current.TryGetProperty("precompiles", out var pre) || pre.ValueKind != JsonValueKind.Object) return null;
        foreach (var p in pre.EnumerateObject())
            if (p.Name == "P256VERIFY"
                || (p.Value.ValueKind == JsonValueKind.String && string.Equals(p.Value.GetString(), "0x0000000000000000000000000000000000000100", StringComparison.OrdinalIgnoreCase)))
                return SidecarVersion.V1;
        return SidecarVersion.V0;
    }

    /// <summary>eth_estimateGas for a blob transaction (type 3, from, to, value, input, access list, fee caps, blobVersionedHashes, maxFeePerBlobGas).</summary>
    public async Task<ulong> EstimateGasAsync(Address from, TransactionFields fields, IReadOnlyList<VersionedHash> hashes, CancellationToken ct = default)
    {
        var call = new JsonObject
        {
            ["type"] = "0x3",
            ["from"] = from.ToString(),
            ["to"] = fields.To.ToString(),
            ["value"] = Quantities.ToHex(fields.Value),
            ["input"] = Hex.Encode(fields.Data.Span),
            ["maxFeePerGas"] = Quantities.ToHex(fields.MaxFeePerGas),
            ["maxPriorityFeePerGas"] = Quantities.ToHex(fields.MaxPriorityFeePerGas),
            ["maxFeePerBlobGas"] = Quantities.ToHex(fields.MaxFeePerBlobGas),
            ["blobVersionedHashes"] = new JsonArray(hashes.Select(h => (JsonNode)JsonValue.Create(h.ToString())!).ToArray()),
        };
        if (fields.AccessList.Count > 0)
            call["accessList"] = new JsonArray(fields.AccessList.Select(e => (JsonNode)new JsonObject
            {
                ["address"] = e.Address.ToString(),
                ["storageKeys"] = new JsonArray(e.StorageKeys.Select(k => (JsonNode)JsonValue.Create(k.ToString())!).ToArray()),
            }).ToArray());
        var r = await Rpc.CallAsync("eth_estimateGas", [call], ct).ConfigureAwait(false);
        return Parsed("eth_estimateGas", () => Quantities.ParseUInt64(r.GetString(), "eth_estimateGas"));
    }

    /// <summary>eth_sendRawTransaction; returns the hash the node reports.</summary>
    public async Task<Hash32> SendRawTransactionAsync(ReadOnlyMemory<byte> raw, CancellationToken ct = default)
    {
        var hex = Hex.Encode(raw.Span);
        var hash = await Rpc.SendAsync("eth_sendRawTransaction", () => Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(hex), ct).ConfigureAwait(false);
        return ParseHash(hash, "eth_sendRawTransaction");
    }

    /// <summary>eth_getTransactionReceipt; null while pending or unknown.</summary>
    public async Task<TransactionReceipt?> ReceiptAsync(Hash32 hash, CancellationToken ct = default)
    {
        var r = await Rpc.SendAsync("eth_getTransactionReceipt", () => Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash.ToString()), ct).ConfigureAwait(false);
        if (r is null) return null;
        try { return TransactionReceipt.From(r); }
        catch (FormatException e) { throw new RpcException($"eth_getTransactionReceipt at {Rpc.DisplayUrl}: {e.Message}", Rpc.DisplayUrl, "eth_getTransactionReceipt", null, e); }
    }

    /// <summary>eth_getTransactionByHash (raw JSON, with the blob fields Nethereum's DTO lacks); null when unknown.</summary>
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
                throw new TimeoutException($"transaction {hash} was not included within {timeout.TotalSeconds:0} s; it may be underpriced (raise --max-fee-per-blob-gas, or replace it) or the chain is not producing blocks");
            await Task.Delay(interval, ct).ConfigureAwait(false);
        }
    }

    private ulong ToUInt64(Nethereum.Hex.HexTypes.HexBigInteger? value, string method)
    {
        if (value is null) throw new RpcException($"{method} at {Rpc.DisplayUrl}: empty answer", Rpc.DisplayUrl, method);
        var v = Parsed(method, () => value.Value);
        if (v.Sign < 0 || v > ulong.MaxValue)
            throw new RpcException($"{method} at {Rpc.DisplayUrl}: {value.HexValue} does not fit 64 bits", Rpc.DisplayUrl, method);
        return (ulong)v;
    }

    /// <summary>Runs a conversion of a node's answer; a malformed value becomes an <see cref="RpcException"/> naming the method.</summary>
    private T Parsed<T>(string method, Func<T> parse)
    {
        try { return parse(); }
        catch (Exception e) when (e is FormatException or InvalidOperationException or OverflowException or ArgumentException)
        {
            throw new RpcException($"{method} at {Rpc.DisplayUrl}: malformed value in the answer ({e.Message})", Rpc.DisplayUrl, method, null, e);
        }
    }

    private Hash32 ParseHash(string? text, string method)
    {
        try { return Hash32.Parse(text ?? ""); }
        catch (ArgumentException e) { throw new RpcException($"{method} at {Rpc.DisplayUrl}: '{text}' is not a 32-byte hash", Rpc.DisplayUrl, method, null, e); }
    }

    /// <inheritdoc />
    public void Dispose() => Rpc.Dispose();
}
