using System.Numerics;
using Blobs.Fees;

namespace Blobs.Tests.Fees;

public class ForecastTests
{
    private const ulong G = BlobGasConstants.GasPerBlob;

    private static ChainFeeState State(ForkSchedule forks, ulong ts, ulong excess, int blobs, BigInteger baseFee) =>
        new(forks, "test", new BlockFeeHeader(1000, ts, excess, (ulong)blobs * G, baseFee));

    [Fact]
    public void Next_block_fee_is_exact_from_the_head()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("prague")), 5000, 10_000_000, 9, 10);
        Assert.Equal(10_000_000UL + 3 * G, BlobFeeForecaster.NextExcessBlobGas(s));
        Assert.Equal(BlobFeeMath.FakeExponential(1, 10_000_000 + 3 * G, 5_007_716), BlobFeeForecaster.NextBlobBaseFee(s));
        Assert.Equal(BlobFeeMath.FakeExponential(1, 10_000_000, 5_007_716), BlobFeeForecaster.CurrentBlobBaseFee(s));
    }

    [Fact]
    public void Scenarios_move_the_excess_as_the_rules_say()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("prague")), 0, 20 * G, 6, 1);
        var full = BlobFeeForecaster.Project(s, 5, UsageScenario.Full);
        var target = BlobFeeForecaster.Project(s, 5, UsageScenario.Target);
        var empty = BlobFeeForecaster.Project(s, 5, UsageScenario.Empty);
        // Block 1 depends on the head only: the same in every scenario.
        Assert.All(new[] { full, target, empty }, p => Assert.Equal(20 * G, p[0].ExcessBlobGas));
        Assert.Equal(new ulong[] { 20, 23, 26, 29, 32 }.Select(x => x * G), full.Select(b => b.ExcessBlobGas));
        Assert.All(target, b => Assert.Equal(20 * G, b.ExcessBlobGas));
        Assert.Equal(new ulong[] { 20, 14, 8, 2, 0 }.Select(x => x * G), empty.Select(b => b.ExcessBlobGas));
        Assert.Equal(new ulong[] { 1001, 1002, 1003, 1004, 1005 }, full.Select(b => b.Number));
        Assert.True(full.Zip(full.Skip(1)).All(p => p.First.BlobBaseFee <= p.Second.BlobBaseFee));
    }

    [Fact]
    public void Replay_repeats_recent_usage()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("prague")), 0, 10 * G, 0, 1) with { RecentBlobsUsed = [9, 0] };
        var p = BlobFeeForecaster.Project(s, 4, UsageScenario.Replay);
        Assert.Equal(new[] { 9, 0, 9, 0 }, p.Select(b => b.BlobsUsed));
        Assert.Equal(new ulong[] { 4, 7, 1, 4 }.Select(x => x * G), p.Select(b => b.ExcessBlobGas));
    }

    [Fact]
    public void Projection_crosses_a_fork_with_the_child_schedule()
    {
        // Mainnet head 24 s before BPO2: blocks 1 and 2 are BPO1, block 3 on are BPO2.
        ulong ts = 1767747671 - 36;
        var s = State(ForkSchedule.Mainnet, ts, 30 * G, 15, 1);
        var p = BlobFeeForecaster.Project(s, 4, UsageScenario.Full);
        Assert.Equal(new[] { "bpo1", "bpo1", "bpo2", "bpo2" }, p.Select(b => b.Fork));
        Assert.Equal(new[] { 15, 15, 21, 21 }, p.Select(b => b.BlobsUsed));
        // 30+15-10 = 35, +5 = 40, then under BPO2 target 14: 40 + 15 - 14 = 41, 41 + 21 - 14 = 48.
        Assert.Equal(new ulong[] { 35, 40, 41, 48 }.Select(x => x * G), p.Select(b => b.ExcessBlobGas));
        Assert.Equal(BlobFeeMath.BlobBaseFee(41 * G, BlobSchedule.Bpo2), p[2].BlobBaseFee);
    }

    /// <summary>
    /// The recommendation's guarantee, as a property: for a random head (excess, usage, execution base fee) on mainnet
    /// around each blob fork (Cancun→Prague, Prague→Osaka, Osaka→BPO1→BPO2) and a random K, and for random usage and
    /// random execution base fees in every later block (EIP-7918 switching on and off), no block among the next K has a
    /// blob base fee above the recommended maxFeePerBlobGas; after K − 1 full blocks the K-th block's fee equals it
    /// whatever the base fees were.
    /// </summary>
    [Fact]
    public void Recommended_max_fee_covers_every_usage_and_base_fee_within_K_blocks()
    {
        var rng = new Random(1559);
        var forks = ForkSchedule.Mainnet;
        ulong[] windows = [1746612311, 1764798551, 1765290071, 1767747671];
        for (int trial = 0; trial < 400; trial++)
        {
            ulong ts = windows[trial % windows.Length] - 150 + (ulong)rng.Next(0, 300);
            var fork = forks.At(ts);
            var head = new BlockFeeHeader(1, ts, (ulong)rng.NextInt64(0, 80_000_000), (ulong)rng.Next(0, fork.Schedule.Max + 1) * G, RandomBaseFee(rng));
            var state = new ChainFeeState(forks, "mainnet", head);
            int k = rng.Next(1, 13);
            var rec = BlobFeeForecaster.Recommend(state, k).MaxFeePerBlobGas;
            Assert.Equal(BlobFeeForecaster.WorstCaseBlobBaseFee(state, k), rec);
            foreach (bool allFull in new[] { false, true })
            {
                ulong excess = head.ExcessBlobGas, used = head.BlobGasUsed;
                BigInteger baseFee = head.BaseFeePerGas, fee = 0;
                for (int i = 1; i <= k; i++)
                {
                    var f = forks.At(ts + (ulong)i * 12);
                    excess = BlobFeeMath.NextExcessBlobGas(excess, used, baseFee, f.Schedule, f.ReservePrice);
                    fee = BlobFeeMath.BlobBaseFee(excess, f.Schedule);
                    Assert.True(fee <= rec, $"trial {trial} block {i}: fee {fee} above the recommendation {rec}");
                    used = (allFull ? (ulong)f.Schedule.Max : (ulong)rng.Next(0, f.Schedule.Max + 1)) * G;
                    baseFee = RandomBaseFee(rng);
                }
                // Fees are monotone along the all-full path except where a fork lowers them; across these windows
                // the last block is the highest unless a fork step-down falls inside the window.
                if (allFull && forks.At(ts + 12).Name == forks.At(ts + (ulong)k * 12).Name) Assert.Equal(rec, fee);
            }
        }

        static BigInteger RandomBaseFee(Random rng) => rng.Next(4) switch
        {
            0 => rng.Next(0, 20),                                // reserve never binds
            1 => rng.NextInt64(1_000_000, 1_000_000_000),        // binds at low blob fees
            _ => rng.NextInt64(1_000_000_000, 200_000_000_000),  // 1–200 gwei
        };
    }

    [Fact]
    public void Priority_fee_is_the_median_over_non_empty_blocks()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("osaka")), 0, 0, 0, 100) with
        {
            RewardPercentiles = [25, 50, 75],
            RecentGasUsedRatio = [0.5, 0, 0.2, 0.9],
            RecentRewards = [[1, 5, 9], [0, 0, 0], [2, 7, 8], [3, 3, 3]],
            NextBaseFeePerGas = 90,
        };
        var (fee, source) = BlobFeeForecaster.PriorityFee(s, 50);
        Assert.Equal(5, fee);  // samples 5, 7, 3 → sorted 3, 5, 7
        Assert.Contains("p50", source);
        Assert.Equal(2, BlobFeeForecaster.PriorityFee(s, 30).Fee); // closest percentile 25: samples 1, 2, 3
    }

    [Fact]
    public void Priority_fee_falls_back_when_there_is_nothing_to_learn_from()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("osaka")), 0, 0, 0, 100);
        Assert.Equal(BlobFeeForecaster.DefaultPriorityFee, BlobFeeForecaster.PriorityFee(s).Fee);
        var rec = BlobFeeForecaster.Recommend(s with { NextBaseFeePerGas = 50 }, 3);
        Assert.Equal(2 * 50 + BlobFeeForecaster.DefaultPriorityFee, rec.MaxFeePerGas);
        Assert.Equal(3, rec.WithinBlocks);
        Assert.True(rec.MaxFeePerBlobGas >= rec.NextBlobBaseFee);
    }

    [Fact]
    public void Projection_length_is_checked()
    {
        var s = State(ForkSchedule.Single(ForkActivation.Named("osaka")), 0, 0, 0, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobFeeForecaster.Project(s, 0, UsageScenario.Full));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobFeeForecaster.Project(s, BlobFeeForecaster.MaxProjectionBlocks + 1, UsageScenario.Full));
    }
}
