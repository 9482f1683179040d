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

    /// <summary>Parses a receipt object.</summary>
    public static TransactionReceipt Parse(JsonElement r) => new(
        Hash32.Parse(r.GetProperty("transactionHash").GetString()!),
        Quantities.ParseUInt64(r.GetProperty("blockNumber").GetString(), "blockNumber"),
        Hash32.Parse(r.GetProperty("blockHash").GetString()!),
        (int)(Quantities.Get(r, "status") ?? 0),
        (ulong)(Quantities.Get(r, "gasUsed") ?? 0),
        Quantities.Get(r, "effectiveGasPrice") ?? 0,
        (ulong)(Quantities.Get(r, "blobGasUsed") ?? 0),
        Quantities.Get(r, "blobGasPrice") ?? 0);
}
