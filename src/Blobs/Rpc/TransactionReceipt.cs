using System.Numerics;
using System.Text.Json;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>The parts of an eth_getTransactionReceipt answer that matter for a blob transaction.</summary>
/// <param name="TransactionHash">transactionHash.</param>
/// <param name="BlockNumber">blockNumber.</param>
/// <param name="BlockHash">blockHash.</param>
/// <param name="Status">status: 1 success, 0 reverted.</param>
/// <param name="GasUsed">gasUsed.</param>
/// <param name="EffectiveGasPrice">effectiveGasPrice (wei).</param>
/// <param name="BlobGasUsed">blobGasUsed: 131072 per blob.</param>
/// <param name="BlobGasPrice">blobGasPrice: the blob base fee of the block (wei per blob gas).</param>
public sealed record TransactionReceipt(Hash32 TransactionHash, ulong BlockNumber, Hash32 BlockHash, int Status, ulong GasUsed,
    BigInteger EffectiveGasPrice, ulong BlobGasUsed, BigInteger BlobGasPrice)
{
    /// <summary>The blob fee paid: blobGasUsed × blobGasPrice (wei).</summary>
    public BigInteger BlobFeePaid => BlobGasUsed * BlobGasPrice;

    /// <summary>Parses a receipt object (JSON-RPC names); throws <see cref="FormatException"/> naming a missing or malformed field.</summary>
    public static TransactionReceipt Parse(JsonElement r)
    {
        if (r.ValueKind != JsonValueKind.Object) throw new FormatException($"receipt: expected an object, got {r.ValueKind}");
        string? S(string name) => r.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
        return Build(S("transactionHash"), Quantities.Get(r, "blockNumber"), S("blockHash"), Quantities.Get(r, "status"), Quantities.Get(r, "gasUsed"),
            Quantities.Get(r, "effectiveGasPrice"), Quantities.Get(r, "blobGasUsed"), Quantities.Get(r, "blobGasPrice"));
    }

    /// <summary>Converts Nethereum's receipt DTO; throws <see cref="FormatException"/> naming a missing or malformed field.</summary>
    public static TransactionReceipt From(Nethereum.RPC.Eth.DTOs.TransactionReceipt r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return Build(r.TransactionHash, r.BlockNumber?.Value, r.BlockHash, r.Status?.Value, r.GasUsed?.Value,
            r.EffectiveGasPrice?.Value, r.BlobGasUsed?.Value, r.BlobGasPrice?.Value);
    }

    private static TransactionReceipt Build(string? hash, BigInteger? blockNumber, string? blockHash, BigInteger? status, BigInteger? gasUsed,
        BigInteger? effectiveGasPrice, BigInteger? blobGasUsed, BigInteger? blobGasPrice)
    {
        static Hash32 H(string? s, string name)
        {
            try { return Hash32.Parse(s ?? throw new FormatException($"receipt: {name} is missing")); }
            catch (ArgumentException e) { throw new FormatException($"receipt: {name} '{s}' is not a 32-byte hash", e); }
        }
        static ulong U(BigInteger? v, string name) =>
            v is { } x && x.Sign >= 0 && x <= ulong.MaxValue ? (ulong)x : throw new FormatException($"receipt: {name} is missing or does not fit 64 bits");
        return new TransactionReceipt(H(hash, "transactionHash"), U(blockNumber, "blockNumber"), H(blockHash, "blockHash"),
            status is { } st ? (st >= 0 && st <= int.MaxValue ? (int)st : throw new FormatException($"receipt: status {st} is out of range")) : 0, gasUsed is null ? 0 : U(gasUsed, "gasUsed"), effectiveGasPrice ?? 0,
            blobGasUsed is null ? 0 : U(blobGasUsed, "blobGasUsed"), blobGasPrice ?? 0);
    }
}
