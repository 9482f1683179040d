using System.Numerics;

namespace Blobs.Fees;

/// <summary>
/// A snapshot of what the blob fee market depends on: the fork schedule in force, the head block's fee fields and
/// the recent usage. All forecasts (<see cref="BlobFeeForecaster"/>) are pure functions of it.
/// </summary>
public sealed record ChainFeeState
{
    /// <summary>Creates a snapshot.</summary>
    public ChainFeeState(ForkSchedule forks, string scheduleSource, BlockFeeHeader head)
    {
        ArgumentNullException.ThrowIfNull(forks);
        ArgumentNullException.ThrowIfNull(head);
        Forks = forks;
        ScheduleSource = scheduleSource;
        Head = head;
    }

    /// <summary>The blob schedules over time (the node's <c>eth_config</c> when it answered, else a preset or a single fork).</summary>
    public ForkSchedule Forks { get; init; }

    /// <summary>Where <see cref="Forks"/> came from (<c>eth_config</c>, <c>preset mainnet</c>, <c>--fork osaka</c>…).</summary>
    public string ScheduleSource { get; init; }

    /// <summary>The head block's fee fields.</summary>
    public BlockFeeHeader Head { get; init; }

    /// <summary>Seconds between blocks, used to place future blocks in time for fork lookups (12 on Ethereum).</summary>
    public ulong SlotSeconds { get; init; } = BlobGasConstants.SlotSeconds;

    /// <summary>Blobs used by recent blocks, oldest first, ending with the head (for the replay scenario).</summary>
    public IReadOnlyList<int> RecentBlobsUsed { get; init; } = [];

    /// <summary>Gas-used ratio of the same recent blocks (an empty block has 0 and is skipped for the priority fee).</summary>
    public IReadOnlyList<double> RecentGasUsedRatio { get; init; } = [];

    /// <summary>Percentiles of <see cref="RecentRewards"/>.</summary>
    public IReadOnlyList<double> RewardPercentiles { get; init; } = [];

    /// <summary>Per recent block, the priority fee paid at each of <see cref="RewardPercentiles"/>.</summary>
    public IReadOnlyList<IReadOnlyList<BigInteger>> RecentRewards { get; init; } = [];

    /// <summary>The next block's execution base fee as the node reported it (last <c>eth_feeHistory</c> <c>baseFeePerGas</c>), if known.</summary>
    public BigInteger? NextBaseFeePerGas { get; init; }

    /// <summary>
    /// The node's <c>eth_blobBaseFee</c>, if it answered (for comparison only): the head block's fee in geth, the
    /// pending block's in anvil (see <see cref="FeeDataSource.GetBlobBaseFeeAsync"/>).
    /// </summary>
    public BigInteger? NodeBlobBaseFee { get; init; }

    /// <summary>The node's next-block blob base fee (last <c>eth_feeHistory</c> <c>baseFeePerBlobGas</c>), if known (for comparison only).</summary>
    public BigInteger? NodeNextBlobBaseFee { get; init; }

    /// <summary>Chain id, when known.</summary>
    public ulong? ChainId { get; init; }
}
