using System.Numerics;
using Blobs.Fees;
using Blobs.Rpc;

namespace Blobs.Pipeline;

/// <summary>
/// What an included blob transaction paid, and what the same bytes would have cost as calldata in the same block
/// (EIP-7623 pricing at the transaction's effective gas price).
/// </summary>
/// <param name="BlobGasUsed">Blob gas used: 131072 per blob.</param>
/// <param name="BlobGasPrice">The block's blob base fee (wei per blob gas).</param>
/// <param name="BlobFeeWei">Blob gas × blob gas price.</param>
/// <param name="GasUsed">Execution gas used.</param>
/// <param name="EffectiveGasPrice">Effective gas price (wei per gas).</param>
/// <param name="ExecutionFeeWei">Gas used × effective gas price.</param>
/// <param name="CalldataGas">Gas of one transaction carrying the bytes as calldata: 21000 + max(4 × tokens, 10 × tokens).</param>
/// <param name="CalldataCostWei">Calldata gas × effective gas price.</param>
/// <param name="CalldataExceedsTransactionGasCap">True when that gas exceeds the 2^24 per-transaction cap (EIP-7825): one transaction could not carry it.</param>
public sealed record SendCost(ulong BlobGasUsed, BigInteger BlobGasPrice, BigInteger BlobFeeWei, ulong GasUsed, BigInteger EffectiveGasPrice,
    BigInteger ExecutionFeeWei, ulong CalldataGas, BigInteger CalldataCostWei, bool CalldataExceedsTransactionGasCap)
{
    /// <summary>Everything the blob transaction paid: blob fee + execution fee.</summary>
    public BigInteger TotalWei => BlobFeeWei + ExecutionFeeWei;

    /// <summary>Calldata cost ÷ blob transaction cost (0 when the transaction cost nothing).</summary>
    public double CalldataRatio => TotalWei.IsZero ? 0 : (double)CalldataCostWei / (double)TotalWei;

    /// <summary>The costs of <paramref name="data"/> sent in the transaction of <paramref name="receipt"/>.</summary>
    public static SendCost Of(ReadOnlySpan<byte> data, TransactionReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var calldata = PayloadCostCalculator.Compare(data, new CostInputs(receipt.BlobGasPrice, receipt.EffectiveGasPrice, BigInteger.Zero));
        return new SendCost(receipt.BlobGasUsed, receipt.BlobGasPrice, receipt.BlobFeePaid, receipt.GasUsed, receipt.EffectiveGasPrice,
            receipt.GasUsed * receipt.EffectiveGasPrice, calldata.CalldataGas, calldata.CalldataCostWei, calldata.CalldataExceedsTransactionGasCap);
    }
}
