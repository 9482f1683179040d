using System.Numerics;

namespace Blobs.Fees;

/// <summary>Recommended fee fields for a blob transaction meant to be included within <see cref="WithinBlocks"/> blocks.</summary>
/// <param name="WithinBlocks">K: the window the recommendation covers (the next K blocks).</param>
/// <param name="MaxFeePerBlobGas">
/// The largest blob base fee among the next K blocks if every one of them is full: a transaction with this
/// <c>maxFeePerBlobGas</c> stays includable in each of those blocks whatever the other blob senders do.
/// </param>
/// <param name="NextBlobBaseFee">The next block's blob base fee (exact).</param>
/// <param name="MaxPriorityFeePerGas">Priority fee from recent blocks (median of a reward percentile), or the fallback.</param>
/// <param name="MaxFeePerGas">2 × the next execution base fee + the priority fee (the usual EIP-1559 headroom).</param>
/// <param name="PriorityFeeSource">How the priority fee was chosen.</param>
public sealed record FeeRecommendation(int WithinBlocks, BigInteger MaxFeePerBlobGas, BigInteger NextBlobBaseFee, BigInteger MaxPriorityFeePerGas, BigInteger MaxFeePerGas, string PriorityFeeSource);
