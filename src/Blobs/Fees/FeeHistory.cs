using System.Numerics;

namespace Blobs.Fees;

/// <summary>
/// An <c>eth_feeHistory</c> answer. <see cref="BaseFeePerGas"/> and <see cref="BaseFeePerBlobGas"/> have one entry
/// more than there are blocks: the last is the fee of the block after the newest one. <see cref="BlobGasUsedRatio"/>
/// is blob gas used over the block's <em>maximum</em> blob gas (not the target).
/// </summary>
/// <param name="OldestBlock">Number of the first block covered.</param>
/// <param name="BaseFeePerGas">Execution base fee per block, plus the next block's.</param>
/// <param name="GasUsedRatio">Gas used over gas limit per block.</param>
/// <param name="BaseFeePerBlobGas">Blob base fee per block, plus the next block's.</param>
/// <param name="BlobGasUsedRatio">Blob gas used over max blob gas per block.</param>
/// <param name="Rewards">Per block, the priority fee at each requested percentile (empty when none were requested).</param>
public sealed record FeeHistory(
    ulong OldestBlock,
    IReadOnlyList<BigInteger> BaseFeePerGas,
    IReadOnlyList<double> GasUsedRatio,
    IReadOnlyList<BigInteger> BaseFeePerBlobGas,
    IReadOnlyList<double> BlobGasUsedRatio,
    IReadOnlyList<IReadOnlyList<BigInteger>> Rewards)
{
    /// <summary>Number of blocks covered.</summary>
    public int BlockCount => GasUsedRatio.Count;

    /// <summary>
    /// Blobs used by each covered block, recovered exactly from the ratio against <paramref name="maxBlobsPerBlock"/>
    /// (blob counts are small integers, so rounding the ratio × max recovers them).
    /// </summary>
    public IReadOnlyList<int> BlobsUsed(int maxBlobsPerBlock) =>
        BlobGasUsedRatio.Select(r => (int)Math.Round(r * maxBlobsPerBlock, MidpointRounding.AwayFromZero)).ToArray();
}
