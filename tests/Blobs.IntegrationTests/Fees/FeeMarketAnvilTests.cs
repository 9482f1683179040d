using System.Numerics;
using System.Text.Json;
using Blobs.Fees;
using Xunit.Abstractions;

namespace Blobs.IntegrationTests.Fees;

/// <summary>
/// The fee model against a real anvil (1.7.1): eth_config parsed, and block by block the node's excessBlobGas,
/// eth_blobBaseFee and eth_feeHistory compared with our prediction from the previous head. Blocks are filled with blob
/// transactions sent by <c>cast send --blob</c> and mined one at a time with <c>evm_mine</c>.
/// <para>
/// What anvil 1.7.1 does, found by experiment (pinned by <see cref="Anvil_1_7_1_updates_the_excess_with_bpo1_parameters"/>):
/// its <c>eth_config</c>, its block limit (9 blobs) and its blob base fee (fraction 5007716) follow the 6/9 schedule on
/// every <c>--hardfork</c>, but the excess blob gas of each new block is computed with EIP-7918 and BPO1's parameters
/// (target 10, max 15, fraction 8346193), also on Prague, and <c>--init</c>'s <c>blobSchedule</c> does not change that;
/// and its receipts' <c>blobGasPrice</c> is computed with Cancun's fraction 3338477, not the fee the block charged.
/// So from anvil's default genesis (excess 0) the excess can never rise — 9 blobs never exceed a target of 10 — which is
/// why a plain anvil shows <c>excessBlobGas</c> 0 after any number of full blocks.
/// </para>
/// <para>
/// The two rules agree exactly where EIP-7918's reserve price binds under both fractions (2^13 × base fee &gt; 2^17 ×
/// blob base fee): then a block's excess grows by used × (max − target) / max, which is used / 3 for 6/9 and for 10/15
/// alike, and a full 9-blob block adds 3 blobs under Prague's EIP-4844 rule too. The block-by-block test therefore starts
/// anvil from a genesis with excess 50 331 648 (fee 23 174 wei) and a 1 gwei base fee, where that holds for every block
/// it mines, and there the node's excess, its eth_blobBaseFee and eth_feeHistory fees and the blob fee it debits from
/// the sender must all equal ours, block by block.
/// </para>
/// </summary>
public class FeeMarketAnvilTests(ITestOutputHelper output)
{
    private const ulong G = BlobGasConstants.GasPerBlob;

    /// <summary>Genesis excess blob gas of the fee tests: 384 blobs' worth; blob base fee 23 174 wei under 6/9/5007716.</summary>
    private const ulong StartExcess = 50_331_648;

    /// <summary>Genesis execution base fee: 1 gwei, far above 16 × the blob base fee, so EIP-7918's reserve price binds.</summary>
    private static readonly BigInteger StartBaseFee = 1_000_000_000;

    private static string Tools()
    {
        var bin = FeeAnvil.FindToolsBin();
        if (bin is null && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("anvil/cast not found (BLOBS_TOOLS_DIR or .tools/bin); with CI=true this fails instead of skipping");
        Skip.If(bin is null, "anvil/cast not installed (run scripts/bootstrap.sh)");
        return bin!;
    }

    /// <summary>anvil from a genesis with a raised excess, one block mined so that the head carries anvil's own fee state.</summary>
    private static async Task<FeeAnvil> StartRaisedAsync(string hardfork, BigInteger baseFee, int firstBlockBlobs)
    {
        var anvil = await FeeAnvil.StartAsync(Tools(), hardfork, FeeAnvil.GenesisFile(StartExcess, baseFee));
        try
        {
            await anvil.SendBlobsAsync(firstBlockBlobs);
            await anvil.MineAsync();
            var head = await anvil.Source.GetHeaderAsync();
            Assert.Equal(1UL, head.Number);
            Assert.Equal(StartExcess, head.ExcessBlobGas);
            return anvil;
        }
        catch
        {
            anvil.Dispose();
            throw;
        }
    }

    [SkippableTheory]
    [InlineData("osaka", true)]
    [InlineData("prague", false)]
    public async Task Eth_config_is_parsed_and_wins(string hardfork, bool osakaRules)
    {
        using var anvil = await StartRaisedAsync(hardfork, StartBaseFee, 9);
        var config = await anvil.Source.GetEthConfigAsync();
        Assert.NotNull(config);
        Assert.Equal(31337UL, config!.Current.ChainId);
        Assert.Equal(new BlobSchedule(6, 9, 5_007_716), config.Current.Schedule);
        Assert.Equal(osakaRules, config.Current.ReservePrice);
        var state = await anvil.Source.ReadStateAsync(historyBlocks: 4);
        Assert.Equal("eth_config", state.ScheduleSource);
        Assert.Equal(hardfork, BlobFeeForecaster.HeadFork(state).Name);
        // The head's fee from its header and the schedule, against the node's fee history for the head.
        var history = await anvil.Source.GetFeeHistoryAsync(1, "latest");
        Assert.Equal(new BigInteger(23_174), BlobFeeForecaster.CurrentBlobBaseFee(state));
        Assert.Equal(history.BaseFeePerBlobGas[0], BlobFeeForecaster.CurrentBlobBaseFee(state));
        Assert.Equal(state.NodeNextBlobBaseFee, BlobFeeForecaster.NextBlobBaseFee(state));
    }

    /// <summary>
    /// For each block: before mining, predict its excess and blob base fee from the head (our model, the node's own
    /// eth_config schedule) and compare with the node's view of the pending block (eth_blobBaseFee, which anvil answers
    /// for the pending block, and eth_feeHistory's extra entry); after mining, compare with the header's excessBlobGas,
    /// the block's eth_feeHistory entry and the blob fee the block really charged (from the sender's balance; the
    /// receipts' blobGasPrice is wrong in anvil 1.7.1, see <see cref="Anvil_1_7_1_updates_the_excess_with_bpo1_parameters"/>).
    /// Also: the recommendation made before the first block, for inclusion within all of them, is never below a block's
    /// fee, and equals the last one's when every block is full.
    /// Osaka: every usage (EIP-7918 applies). Prague: full blocks only (see the class summary).
    /// </summary>
    [SkippableTheory]
    [InlineData("osaka", new[] { 9, 9, 6, 0, 3, 9, 9 })]
    [InlineData("prague", new[] { 9, 9, 9, 9, 9 })]
    public async Task Node_blob_fee_matches_prediction_block_by_block(string hardfork, int[] blobsPerBlock)
    {
        using var anvil = await StartRaisedAsync(hardfork, StartBaseFee, 9);
        var start = await anvil.Source.ReadStateAsync(historyBlocks: 4);
        var recommendation = BlobFeeForecaster.Recommend(start, blobsPerBlock.Length);
        var startFee = BlobFeeForecaster.CurrentBlobBaseFee(start);
        ulong expectedExcess = StartExcess;
        BigInteger lastFee = 0;
        foreach (int blobs in blobsPerBlock)
        {
            var before = await anvil.Source.ReadStateAsync(historyBlocks: 4);
            var schedule = BlobFeeForecaster.NextFork(before).Schedule;
            Assert.Equal(hardfork, BlobFeeForecaster.NextFork(before).Name);
            // Binding under the 6/9 fraction implies binding under BPO1's larger one (a lower fee), which anvil uses.
            Assert.True(BlobFeeMath.IsReservePriceActive(before.Head.ExcessBlobGas, before.Head.BaseFeePerGas, schedule),
                $"block {before.Head.Number + 1}: the test needs EIP-7918's reserve price to bind (see the class summary)");
            ulong predictedExcess = BlobFeeForecaster.NextExcessBlobGas(before);
            BigInteger predictedFee = BlobFeeForecaster.NextBlobBaseFee(before);

            // The node's view of the pending block, from the same head.
            Assert.Equal(predictedFee, before.NodeNextBlobBaseFee);
            Assert.Equal(predictedFee, before.NodeBlobBaseFee);

            var hashes = await anvil.SendBlobsAsync(blobs);
            await anvil.MineAsync();

            var head = await anvil.Source.GetHeaderAsync();
            // What the block really charged the sender per blob gas (balance drop minus execution gas).
            if (hashes.Length > 0)
            {
                var (charged, chargedBlobGas, _) = await anvil.BlobFeeChargedAsync(hashes, head.Number);
                Assert.Equal((ulong)blobs * G, chargedBlobGas);
                Assert.Equal(predictedFee, charged);
            }
            var history = await anvil.Source.GetFeeHistoryAsync(1, "latest");
            output.WriteLine($"{hardfork} block {head.Number}: parent excess {before.Head.ExcessBlobGas} used {before.Head.BlobGasUsed / G} blobs base fee {before.Head.BaseFeePerGas} → "
                + $"predicted excess {predictedExcess} fee {predictedFee}; node excess {head.ExcessBlobGas}, feeHistory {history.BaseFeePerBlobGas[0]}; {blobs} blobs");
            Assert.Equal(before.Head.Number + 1, head.Number);
            Assert.Equal((ulong)blobs * G, head.BlobGasUsed);
            Assert.Equal(predictedExcess, head.ExcessBlobGas);
            Assert.Equal(predictedFee, history.BaseFeePerBlobGas[0]);
            // feeHistory's blobGasUsedRatio is against max: the ratio × max gives back the blob count.
            Assert.Equal(blobs, history.BlobsUsed(schedule.Max)[0]);
            Assert.Equal((double)blobs / schedule.Max, history.BlobGasUsedRatio[0], 12);
            Assert.True(predictedFee <= recommendation.MaxFeePerBlobGas, $"block {head.Number}: fee {predictedFee} above the recommendation {recommendation.MaxFeePerBlobGas}");

            // Under the reserve price each block adds used × (9 − 6) / 9 (the previous block's usage: 9 before the first).
            expectedExcess += before.Head.BlobGasUsed / 3;
            Assert.Equal(expectedExcess, head.ExcessBlobGas);
            lastFee = predictedFee;
        }
        Assert.True(lastFee > startFee, $"the fee should have risen from {startFee}, is {lastFee}");
        if (blobsPerBlock.All(b => b == 9)) Assert.Equal(recommendation.MaxFeePerBlobGas, lastFee);
    }

    /// <summary>
    /// Pins down anvil 1.7.1's deviations, so that the reason the block-by-block test needs a raised genesis is a checked
    /// fact and not a guess: outside the reserve-price regime, and from its default genesis, the node's excess equals
    /// EIP-7918 with BPO1's parameters (10/15/8346193) and differs from what its own eth_config schedule (6/9) implies.
    /// Also: receipts report blobGasPrice with Cancun's update fraction, while the block charges the 6/9 fee.
    /// If a later anvil fixes these, this test fails and says so; the block-by-block test can then use any regime.
    /// </summary>
    [SkippableTheory]
    [InlineData("osaka")]
    [InlineData("prague")]
    public async Task Anvil_1_7_1_updates_the_excess_with_bpo1_parameters(string hardfork)
    {
        // (a) Base fee 1 wei: the reserve price never binds; an empty block lowers the excess by BPO1's target (10 blobs),
        //     a full 9-blob block lowers it by one more blob; eth_config's 6/9 says −6 and +3.
        using (var anvil = await StartRaisedAsync(hardfork, 1, 0))
        {
            foreach (int blobs in new[] { 0, 9, 0 })
            {
                var before = await anvil.Source.ReadStateAsync(historyBlocks: 2);
                var h = before.Head;
                var hashes = await anvil.SendBlobsAsync(blobs);
                await anvil.MineAsync();
                var head = await anvil.Source.GetHeaderAsync();
                if (hashes.Length > 0)
                {
                    // The block charges the fee of its excess under the 6/9 schedule's fraction; its receipts report
                    // blobGasPrice with Cancun's fraction 3338477 instead.
                    var (charged, _, receiptPrices) = await anvil.BlobFeeChargedAsync(hashes, head.Number);
                    var schedule = BlobFeeForecaster.NextFork(before).Schedule;
                    output.WriteLine($"{hardfork} block {head.Number}: charged {charged} per blob gas, receipts say {string.Join(", ", receiptPrices)}");
                    Assert.Equal(BlobFeeMath.BlobBaseFee(head.ExcessBlobGas, schedule), charged);
                    Assert.All(receiptPrices, p => Assert.Equal(BlobFeeMath.BlobBaseFee(head.ExcessBlobGas, BlobSchedule.Cancun), p));
                    Assert.NotEqual(charged, receiptPrices[0]);
                }
                ulong asBpo1 = BlobFeeMath.NextExcessBlobGas(h.ExcessBlobGas, h.BlobGasUsed, h.BaseFeePerGas, BlobSchedule.Bpo1, reservePrice: true);
                ulong asConfigured = BlobFeeForecaster.NextExcessBlobGas(before);
                output.WriteLine($"{hardfork} low base fee, block {head.Number}: parent excess {h.ExcessBlobGas} used {h.BlobGasUsed / G} → node {head.ExcessBlobGas}, BPO1 rule {asBpo1}, eth_config schedule {asConfigured}");
                Assert.Equal(asBpo1, head.ExcessBlobGas);
                Assert.NotEqual(asConfigured, head.ExcessBlobGas);
                Assert.Equal(h.ExcessBlobGas + h.BlobGasUsed - 10 * G, head.ExcessBlobGas);
            }
        }

        // (b) anvil's own genesis (excess 0): 9 blobs per block never reach the target of 10, so the excess stays 0,
        //     while the 6/9 schedule says 3 blobs' worth after the first full block.
        using (var anvil = await FeeAnvil.StartAsync(Tools(), hardfork))
        {
            await anvil.SendBlobsAsync(9);
            await anvil.MineAsync();
            var state = await anvil.Source.ReadStateAsync(historyBlocks: 2);
            Assert.Equal(9UL * G, state.Head.BlobGasUsed);
            Assert.Equal(0UL, state.Head.ExcessBlobGas);
            await anvil.MineAsync();
            var head = await anvil.Source.GetHeaderAsync();
            output.WriteLine($"{hardfork} default genesis, block {head.Number}: parent excess 0 used 9 → node {head.ExcessBlobGas}, eth_config schedule {BlobFeeForecaster.NextExcessBlobGas(state)}");
            Assert.Equal(0UL, head.ExcessBlobGas);
            Assert.Equal(0UL, BlobFeeMath.NextExcessBlobGas(0, 9 * G, state.Head.BaseFeePerGas, BlobSchedule.Bpo1, reservePrice: true));
            Assert.Equal(3UL * G, BlobFeeForecaster.NextExcessBlobGas(state));
        }
    }

    [SkippableFact]
    public async Task Cli_blob_fee_reads_the_node()
    {
        using var anvil = await StartRaisedAsync("osaka", StartBaseFee, 9);
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await Blobs.Cli.BlobCli.RunAsync(["fee", "--rpc-url", anvil.Url, "--json", "--blocks", "3"], o, e);
        Assert.True(code == 0, e.ToString());
        var j = Blobs.Cli.Tests.JsonConvention.Parse(o.ToString());
        Assert.Equal("osaka", j.GetProperty("fork").GetString());
        Assert.Equal("eth_config", j.GetProperty("scheduleSource").GetString());
        Assert.Equal(6, j.GetProperty("target").GetInt32());
        Assert.Equal(9, j.GetProperty("max").GetInt32());
        Assert.Equal(5_007_716UL, j.GetProperty("updateFraction").GetUInt64());
        Assert.Equal(31337UL, j.GetProperty("chainId").GetUInt64());
        Assert.Equal(StartExcess, j.GetProperty("excessBlobGas").GetUInt64());
        Assert.Equal("23174", j.GetProperty("blobBaseFee").GetString());               // wei: a decimal string
        Assert.Equal(StartExcess + 3 * G, j.GetProperty("nextExcessBlobGas").GetUInt64());
        Assert.Equal(j.GetProperty("nodeNextBlobBaseFee").GetString(), j.GetProperty("nextBlobBaseFee").GetString());
        Assert.True(j.GetProperty("reservePriceActive").GetBoolean());

        var text = new StringWriter();
        Assert.Equal(0, await Blobs.Cli.BlobCli.RunAsync(["fee", "cost", "5000", "--rpc-url", anvil.Url], text, e));
        Assert.Contains("blobs are cheaper", text.ToString());
    }
}
