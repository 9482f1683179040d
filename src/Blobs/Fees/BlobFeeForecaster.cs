using System.Numerics;

namespace Blobs.Fees;

/// <summary>
/// Forecasts over a <see cref="ChainFeeState"/>: the head's and next block's blob base fee (exact), projections over
/// the next N blocks under a usage scenario, and a recommended <c>maxFeePerBlobGas</c> and priority fee.
/// Pure functions. Future blocks are placed <see cref="ChainFeeState.SlotSeconds"/> apart, so a fork that activates
/// within the window is honoured (the child block's schedule is used, with no rescaling of the excess).
/// EIP-7918's check needs each parent's execution base fee; beyond the head it is taken as constant (the node's
/// next-block base fee when known, else the head's), which only matters while the reserve price binds.
/// </summary>
public static class BlobFeeForecaster
{
    /// <summary>The most blocks a projection may span.</summary>
    public const int MaxProjectionBlocks = 100_000;

    /// <summary>Default priority fee when recent blocks give none: 1 gwei.</summary>
    public static readonly BigInteger DefaultPriorityFee = 1_000_000_000;

    /// <summary>The fork in force at the head.</summary>
    public static ForkActivation HeadFork(ChainFeeState state) => state.Forks.At(state.Head.Timestamp);

    /// <summary>The fork in force for the next block.</summary>
    public static ForkActivation NextFork(ChainFeeState state) => state.Forks.At(NextTimestamp(state, 1));

    /// <summary>The head block's blob base fee, from its excess blob gas and its own schedule.</summary>
    public static BigInteger CurrentBlobBaseFee(ChainFeeState state) => BlobFeeMath.BlobBaseFee(state.Head.ExcessBlobGas, HeadFork(state).Schedule);

    /// <summary>The next block's excess blob gas (exact: it depends only on the head).</summary>
    public static ulong NextExcessBlobGas(ChainFeeState state) => BlobFeeMath.NextExcessBlobGas(state.Head, state.Forks, NextTimestamp(state, 1));

    /// <summary>The next block's blob base fee (exact).</summary>
    public static BigInteger NextBlobBaseFee(ChainFeeState state) => BlobFeeMath.BlobBaseFee(NextExcessBlobGas(state), NextFork(state).Schedule);

    /// <summary>
    /// Projects the next <paramref name="blocks"/> blocks under <paramref name="scenario"/>. Entry 0 is the next block,
    /// whose excess and fee are exact in every scenario; later entries assume the scenario for every block from the next one on.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blocks"/> outside 1..<see cref="MaxProjectionBlocks"/>.</exception>
    public static IReadOnlyList<ProjectedBlock> Project(ChainFeeState state, int blocks, UsageScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (blocks < 1 || blocks > MaxProjectionBlocks) throw new ArgumentOutOfRangeException(nameof(blocks), blocks, $"projection length must be between 1 and {MaxProjectionBlocks}");
        var result = new List<ProjectedBlock>(blocks);
        ulong excess = state.Head.ExcessBlobGas;
        ulong used = state.Head.BlobGasUsed;
        BigInteger baseFee = state.Head.BaseFeePerGas;
        BigInteger laterBaseFee = state.NextBaseFeePerGas ?? state.Head.BaseFeePerGas;
        for (int i = 1; i <= blocks; i++)
        {
            ulong ts = NextTimestamp(state, i);
            var fork = state.Forks.At(ts);
            excess = BlobFeeMath.NextExcessBlobGas(excess, used, baseFee, fork.Schedule, fork.ReservePrice);
            int blobs = BlobsFor(state, scenario, i, fork.Schedule);
            result.Add(new ProjectedBlock(i, state.Head.Number + (ulong)i, ts, fork.Name, excess, BlobFeeMath.BlobBaseFee(excess, fork.Schedule), blobs));
            used = BlobFeeMath.BlobGas(blobs);
            baseFee = laterBaseFee;
        }
        return result;
    }

    /// <summary>
    /// The highest blob base fee over the next <paramref name="withinBlocks"/> blocks if every block is full: the
    /// smallest <c>maxFeePerBlobGas</c> that keeps a transaction includable in any of them in the worst case.
    /// </summary>
    public static BigInteger WorstCaseBlobBaseFee(ChainFeeState state, int withinBlocks) =>
        Project(state, withinBlocks, UsageScenario.Full).Max(b => b.BlobBaseFee);

    /// <summary>
    /// The priority fee from recent blocks: for each recent block that used gas, its reward at the percentile closest to
    /// <paramref name="percentile"/>; the median of those (lower middle for an even count). Falls back to
    /// <paramref name="fallback"/> (default 1 gwei) when there is no such block.
    /// </summary>
    public static (BigInteger Fee, string Source) PriorityFee(ChainFeeState state, double percentile = 50, BigInteger? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fb = fallback ?? DefaultPriorityFee;
        if (state.RewardPercentiles.Count == 0 || state.RecentRewards.Count == 0) return (fb, "fallback (no eth_feeHistory rewards)");
        int column = 0;
        for (int j = 1; j < state.RewardPercentiles.Count; j++)
            if (Math.Abs(state.RewardPercentiles[j] - percentile) < Math.Abs(state.RewardPercentiles[column] - percentile)) column = j;
        var samples = new List<BigInteger>();
        for (int b = 0; b < state.RecentRewards.Count; b++)
        {
            bool used = b < state.RecentGasUsedRatio.Count ? state.RecentGasUsedRatio[b] > 0 : true;
            var row = state.RecentRewards[b];
            if (used && column < row.Count) samples.Add(row[column]);
        }
        if (samples.Count == 0) return (fb, "fallback (recent blocks are empty)");
        samples.Sort();
        var median = samples[(samples.Count - 1) / 2];
        return (median, $"median of the p{state.RewardPercentiles[column]:0.#} reward over {samples.Count} recent blocks");
    }

    /// <summary>
    /// Recommended fees for inclusion within <paramref name="withinBlocks"/> blocks: <c>maxFeePerBlobGas</c> from
    /// <see cref="WorstCaseBlobBaseFee"/>, the priority fee from <see cref="PriorityFee"/>, and
    /// <c>maxFeePerGas</c> = 2 × next execution base fee + priority fee.
    /// </summary>
    public static FeeRecommendation Recommend(ChainFeeState state, int withinBlocks, double percentile = 50)
    {
        var (tip, source) = PriorityFee(state, percentile);
        var nextBase = state.NextBaseFeePerGas ?? state.Head.BaseFeePerGas;
        return new FeeRecommendation(withinBlocks, WorstCaseBlobBaseFee(state, withinBlocks), NextBlobBaseFee(state), tip, 2 * nextBase + tip, source);
    }

    private static ulong NextTimestamp(ChainFeeState state, int offset)
    {
        ulong step = (ulong)offset * state.SlotSeconds;
        if (state.Head.Timestamp > ulong.MaxValue - step)
            throw new ArgumentOutOfRangeException(nameof(state), $"head timestamp {state.Head.Timestamp} leaves no room for {offset} more block(s)");
        return state.Head.Timestamp + step;
    }

    private static int BlobsFor(ChainFeeState state, UsageScenario scenario, int offset, BlobSchedule schedule) => scenario switch
    {
        UsageScenario.Full => schedule.Max,
        UsageScenario.Target => schedule.Target,
        UsageScenario.Empty => 0,
        UsageScenario.Replay => state.RecentBlobsUsed.Count == 0 ? 0 : Math.Min(schedule.Max, Math.Max(0, state.RecentBlobsUsed[(offset - 1) % state.RecentBlobsUsed.Count])),
        _ => throw new ArgumentOutOfRangeException(nameof(scenario), scenario, "unknown usage scenario"),
    };
}
