using System.Numerics;
using Blobs.Fees;

namespace Blobs.Tests.Fees;

public class CostTests
{
    private const ulong G = BlobGasConstants.GasPerBlob;

    [Fact]
    public void Blob_and_calldata_costs_follow_the_formulas()
    {
        // 1000 bytes, 100 zeros; blob fee 3 wei, base fee 10 gwei, tip 1 gwei.
        var prices = new CostInputs(3, 10_000_000_000, 1_000_000_000);
        var c = PayloadCostCalculator.Compare(1000, 100, prices);
        Assert.Equal(1, c.Blobs);
        Assert.Equal(G, c.BlobGas);
        Assert.Equal(21_000UL, c.BlobTxGas);
        Assert.Equal(G * 3 + 21_000 * new BigInteger(11_000_000_000), c.BlobCostWei);
        Assert.Equal(100UL + 4 * 900, c.CalldataTokens);
        Assert.Equal(21_000UL + 10 * 3700, c.CalldataGas);
        Assert.Equal(21_000UL + 4 * 3700, c.CalldataStandardGas);
        Assert.Equal(new BigInteger(58_000) * 11_000_000_000, c.CalldataCostWei);
        // 58000 gas × 11 gwei against 21000 gas × 11 gwei + 393216 wei: blobs are cheaper.
        Assert.False(c.CalldataCheaper);
    }

    [Fact]
    public void Counting_zeros_from_the_data()
    {
        byte[] data = new byte[300];
        for (int i = 0; i < 300; i += 3) data[i] = 7;   // 100 non-zero, 200 zero
        var c = PayloadCostCalculator.Compare(data, new CostInputs(1, 1, 0));
        Assert.Equal(200, c.ZeroBytes);
        Assert.Equal(200UL + 400, c.CalldataTokens);
    }

    [Fact]
    public void Blob_count_and_transactions()
    {
        var prices = new CostInputs(1, 1, 0);
        Assert.Equal(1, PayloadCostCalculator.Compare(0, 0, prices).Blobs);
        Assert.Equal(1, PayloadCostCalculator.Compare(126_976, 0, prices).Blobs);
        Assert.Equal(2, PayloadCostCalculator.Compare(126_977, 0, prices).Blobs);
        var seven = PayloadCostCalculator.Compare(6 * 126_976 + 1, 0, prices);
        Assert.Equal(7, seven.Blobs);
        Assert.Equal(2, seven.BlobTransactions);
        Assert.Equal(42_000UL, seven.BlobTxGas);
        Assert.Equal(2, PayloadCostCalculator.Compare(1000, 0, prices with { BlobCapacityBytes = 999 }).Blobs);
    }

    [Fact]
    public void Break_even_is_the_first_length_where_blobs_win()
    {
        var rng = new Random(7623);
        for (int trial = 0; trial < 200; trial++)
        {
            var prices = new CostInputs(rng.NextInt64(1, 2_000_000_000), rng.NextInt64(0, 50_000_000_000), rng.NextInt64(0, 3_000_000_000));
            if (prices.GasPrice.IsZero) continue;
            long? n = PayloadCostCalculator.BreakEven(prices);
            BigInteger Blob(long len) => PayloadCostCalculator.Compare(len, 0, prices).BlobCostWei;
            BigInteger Call(long len) => PayloadCostCalculator.Compare(len, 0, prices).CalldataCostWei;
            if (n is { } at)
            {
                Assert.True(Blob(at) <= Call(at), $"trial {trial}: blobs not cheaper at {at}");
                if (at > 1) Assert.True(Blob(at - 1) > Call(at - 1), $"trial {trial}: blobs already cheaper at {at - 1}");
            }
            else
            {
                for (long len = 1; len <= 6 * 126_976; len += 4_999) Assert.True(Call(len) < Blob(len), $"trial {trial}: blobs cheaper at {len} but no break-even");
            }
        }
    }

    [Fact]
    public void Break_even_matches_a_hand_computation()
    {
        // Base fee 1 gwei, no tip, blob fee 1 wei: one blob costs 131072 wei + 21000 gwei; calldata costs 21000 gwei + 40 gwei per
        // non-zero byte. Calldata reaches the blob cost when 40·10^9·n ≥ 131072 → n = 1.
        Assert.Equal(1L, PayloadCostCalculator.BreakEven(new CostInputs(1, 1_000_000_000, 0)));
        // Blob fee 10^6 gwei (10^15 wei): blob = 131072·10^15 wei; 40·10^9·n ≥ 1.31072·10^20 → n ≥ 3 276 800 > 6 blobs: none.
        Assert.Null(PayloadCostCalculator.BreakEven(new CostInputs(BigInteger.Pow(10, 15), 1_000_000_000, 0)));
        // Blob fee 10^7 wei, base fee 1 gwei: blob part 1.31072·10^12 wei; 4·10^10·n ≥ 1.31072·10^12 → n ≥ 32.768 → 33.
        Assert.Equal(33L, PayloadCostCalculator.BreakEven(new CostInputs(10_000_000, 1_000_000_000, 0)));
    }

    [Fact]
    public void Warning_only_when_calldata_is_cheaper()
    {
        var cheapBlobs = new CostInputs(1, 10_000_000_000, 0);
        Assert.Null(PayloadCostCalculator.CalldataWarning(new byte[50_000], cheapBlobs));
        var dearBlobs = new CostInputs(BigInteger.Pow(10, 12), 1_000_000_000, 0);
        var msg = PayloadCostCalculator.CalldataWarning(new byte[] { 1, 2, 3 }, dearBlobs);
        Assert.NotNull(msg);
        Assert.Contains("calldata would be cheaper", msg);
    }

    [Fact]
    public void Blob_send_passes_the_codec_blob_count()
    {
        // 1000 bytes that a codec spread over 2 blobs: the blob side is priced for 2 blobs, calldata for the bytes.
        var data = new byte[1000];
        new Random(4844).NextBytes(data);
        data[0] = 0;
        var prices = new CostInputs(5, 2_000_000_000, 100);
        var c = PayloadCostCalculator.Compare(data, 2, prices);
        Assert.Equal(2, c.Blobs);
        Assert.Equal(2 * G, c.BlobGas);
        Assert.Equal(2 * G * 5 + 21_000 * new BigInteger(2_000_000_100), c.BlobCostWei);
        long zeros = data.Count(b => b == 0);
        Assert.Equal(zeros, c.ZeroBytes);
        Assert.Equal((ulong)zeros + 4 * (ulong)(1000 - zeros), c.CalldataTokens);
        Assert.Throws<ArgumentOutOfRangeException>(() => PayloadCostCalculator.Compare(data, 0, prices));

        // The warning follows the blob count: 3 bytes are cheaper as calldata once each blob costs 10^12 wei per gas.
        var dear = new CostInputs(BigInteger.Pow(10, 12), 1_000_000_000, 0);
        string? one = PayloadCostCalculator.CalldataWarning(new byte[] { 1, 2, 3 }, dear, blobs: 1);
        Assert.NotNull(one);
        Assert.Contains("for 1 blob(s)", one);
        Assert.Contains("for 2 blob(s)", PayloadCostCalculator.CalldataWarning(new byte[] { 1, 2, 3 }, dear, blobs: 2));
        Assert.Null(PayloadCostCalculator.CalldataWarning(new byte[100_000], new CostInputs(1, 1_000_000_000, 0), blobs: 1));
    }

    [Fact]
    public void Prices_for_the_next_block_follow_its_fork()
    {
        // Prague head: 9 blobs per transaction; the BPO1 block after it: 6 (EIP-7594), priced with BPO1's fraction.
        var forks = new ForkSchedule("t", null, [ForkActivation.Named("prague", 0), ForkActivation.Named("osaka", 1000), ForkActivation.Named("bpo1", 2000)]);
        var prague = new ChainFeeState(forks, "t", new BlockFeeHeader(1, 500, 20_000_000, 9 * G, 7)) { NextBaseFeePerGas = 8 };
        var p = CostInputs.ForNextBlock(prague, 3);
        Assert.Equal(9, p.MaxBlobsPerTransaction);
        Assert.Equal(BlobFeeMath.BlobBaseFee(20_000_000 + 3 * G, BlobSchedule.Prague), p.BlobBaseFee);
        Assert.Equal(8, p.BaseFeePerGas);
        Assert.Equal(3, p.PriorityFeePerGas);
        var bpo1 = CostInputs.ForNextBlock(prague with { Head = prague.Head with { Timestamp = 1995 } }, 0);
        Assert.Equal(6, bpo1.MaxBlobsPerTransaction);
        Assert.Equal(BlobFeeMath.BlobBaseFee(20_000_000 - G, BlobSchedule.Bpo1), bpo1.BlobBaseFee);
    }

    [Fact]
    public void Invalid_cost_inputs_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PayloadCostCalculator.Compare(-1, 0, new CostInputs(1, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayloadCostCalculator.Compare(10, 11, new CostInputs(1, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayloadCostCalculator.Compare(10, 0, new CostInputs(-1, 1, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PayloadCostCalculator.Compare(10, 0, new CostInputs(1, 1, 1) { BlobCapacityBytes = 0 }));
    }

    [Fact]
    public void Prices_for_the_next_block_come_from_the_state()
    {
        var forks = ForkSchedule.Single(ForkActivation.Named("prague"));
        var state = new ChainFeeState(forks, "t", new BlockFeeHeader(5, 0, 10_000_000, 9 * G, 7)) { NextBaseFeePerGas = 8 };
        var p = CostInputs.ForNextBlock(state, 3);
        Assert.Equal(BlobFeeMath.FakeExponential(1, 10_000_000 + 3 * G, 5_007_716), p.BlobBaseFee);
        Assert.Equal(8, p.BaseFeePerGas);
        Assert.Equal(3, p.PriorityFeePerGas);
        Assert.Equal(BlobFeeForecaster.DefaultPriorityFee, CostInputs.ForNextBlock(state).PriorityFeePerGas);
    }
}
