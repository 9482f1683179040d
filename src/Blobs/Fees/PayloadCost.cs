using System.Numerics;

namespace Blobs.Fees;

/// <summary>The cost of posting one payload as blobs and as calldata.</summary>
/// <param name="PayloadBytes">Payload length.</param>
/// <param name="ZeroBytes">Zero bytes in it (calldata prices them lower).</param>
/// <param name="Blobs">Blobs needed (at least one).</param>
/// <param name="BlobTransactions">Blob transactions needed (blobs / max per transaction, rounded up).</param>
/// <param name="BlobGas">Blob gas: blobs × 2^17.</param>
/// <param name="BlobTxGas">Execution gas of the blob transactions: 21000 + execution each.</param>
/// <param name="BlobCostWei">blob gas × blob base fee + execution gas × (base fee + tip).</param>
/// <param name="CalldataTokens">EIP-7623 tokens: zeros + 4 × non-zeros.</param>
/// <param name="CalldataGas">21000 + max(4 × tokens + execution, 10 × tokens).</param>
/// <param name="CalldataStandardGas">21000 + 4 × tokens + execution (the pre-EIP-7623 rule, for comparison).</param>
/// <param name="CalldataCostWei">calldata gas × (base fee + tip).</param>
/// <param name="CalldataExceedsTransactionGasCap">True when the calldata gas exceeds the per-transaction cap 2^24 (EIP-7825), so one transaction cannot carry it.</param>
/// <param name="BreakEvenBytes">Smallest payload length (all bytes non-zero) from which blobs cost no more than calldata at these prices, or <c>null</c> when calldata stays cheaper up to 6 blobs.</param>
public sealed record PayloadCost(
    long PayloadBytes,
    long ZeroBytes,
    int Blobs,
    int BlobTransactions,
    ulong BlobGas,
    ulong BlobTxGas,
    BigInteger BlobCostWei,
    ulong CalldataTokens,
    ulong CalldataGas,
    ulong CalldataStandardGas,
    BigInteger CalldataCostWei,
    bool CalldataExceedsTransactionGasCap,
    long? BreakEvenBytes)
{
    /// <summary>True when calldata is strictly cheaper than blobs for this payload.</summary>
    public bool CalldataCheaper => CalldataCostWei < BlobCostWei;
}
