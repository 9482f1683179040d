using System.Numerics;
using Blobs.Fees;
using Xunit.Abstractions;

namespace Blobs.IntegrationTests.Fees;

/// <summary>
/// The fee model against a real anvil: eth_config parsed, and block by block the node's excessBlobGas, eth_blobBaseFee
/// and eth_feeHistory compared with our prediction from the previous head. Blocks are filled with blob transactions
/// sent by <c>cast send --blob</c> and mined one at a time with <c>evm_mine</c>.
/// </summary>
public class FeeMarketAnvilTests(ITestOutputHelper output)
{
    private static string Tools()
    {
        var bin = FeeAnvil.FindToolsBin();
        Skip.If(bin is null, "anvil/cast not installed (run scripts/bootstrap.sh)");
        return bin!;
    }

    [SkippableTheory]
    [InlineData("osaka", true)]
    [InlineData("prague", false)]
    public async Task Eth_config_is_parsed_and_wins(string hardfork, bool osakaRules)
    {
        using var anvil = await FeeAnvil.StartAsync(Tools(), hardfork);
        var config = await anvil.Source.GetEthConfigAsync();
        Assert.NotNull(config);
        Assert.Equal(31337UL, config!.Current.ChainId);
        Assert.Equal(new BlobSchedule(6, 9, 5_007_716), config.Current.Schedule);
        Assert.Equal(osakaRules, config.Current.ReservePrice);
        var state = await anvil.Source.ReadStateAsync(historyBlocks: 4);
        Assert.Equal("eth_config", state.ScheduleSource);
        Assert.Equal(hardfork, BlobFeeForecaster.HeadFork(state).Name);
        Assert.Equal(state.NodeBlobBaseFee, BlobFeeForecaster.CurrentBlobBaseFee(state));
        Assert.Equal(state.NodeNextBlobBaseFee, BlobFeeForecaster.NextBlobBaseFee(state));
    }

    /// <summary>
    /// For each block: before mining, predict its excess and blob base fee from the head (our model, the node's own
    /// schedule); after mining, compare with the header's excessBlobGas, eth_blobBaseFee and the previous
    /// eth_feeHistory "next" entry. Blob counts per block: Osaka 6 (target: EIP-7918 and EIP-4844 differ while the
    /// reserve binds), 9, 0; Prague 9, 0.
    /// Fees (eth_blobBaseFee, feeHistory) must agree with our fee of the node's own excess. For the excess itself, the
    /// only disagreement tolerated is anvil's known one — its header never moves off 0 — which is reported as a skip
    /// naming the block and both values; any other mismatch fails.
    /// </summary>
    [SkippableTheory]
    [InlineData("osaka", new[] { 6, 9, 0 })]
    [InlineData("prague", new[] { 9, 0 })]
    public async Task Node_blob_fee_matches_prediction_block_by_block(string hardfork, int[] blobsPerBlock)
    {
        using var anvil = await FeeAnvil.StartAsync(Tools(), hardfork);
        string six = FeeAnvil.PayloadFile(6, 1), three = FeeAnvil.PayloadFile(3, 2);
        var deviations = new List<string>();
        try
        {
            foreach (int blobs in blobsPerBlock)
            {
                var before = await anvil.Source.ReadStateAsync(historyBlocks: 4);
                ulong predictedExcess = BlobFeeForecaster.NextExcessBlobGas(before);
                BigInteger predictedFee = BlobFeeForecaster.NextBlobBaseFee(before);
                // The node's view of the next block from the same head must be our fee of *its* next excess; we know
                // its excess only after mining, so check feeHistory's next entry against the mined header below.
                BigInteger? nodeNext = before.NodeNextBlobBaseFee;

                int left = blobs;
                while (left > 0)
                {
                    int n = Math.Min(left, 6);
                    Assert.True(n is 6 or 3, "payload files exist for 6 and 3 blobs");
                    await anvil.SendBlobTxAsync(n == 6 ? six : three, legacySidecar: true);
                    left -= n;
                }
                await anvil.MineAsync();

                var head = await anvil.Source.GetHeaderAsync();
                Assert.Equal(before.Head.Number + 1, head.Number);
                Assert.Equal((ulong)blobs * BlobGasConstants.GasPerBlob, head.BlobGasUsed);
                var schedule = BlobFeeForecaster.NextFork(before).Schedule;
                BigInteger feeOfNodeExcess = BlobFeeMath.BlobBaseFee(head.ExcessBlobGas, schedule);
                var nodeFee = await anvil.Source.GetBlobBaseFeeAsync();
                output.WriteLine($"{hardfork} block {head.Number}: parent excess {before.Head.ExcessBlobGas} used {before.Head.BlobGasUsed} base fee {before.Head.BaseFeePerGas} → "
                    + $"predicted excess {predictedExcess} fee {predictedFee}; node excess {head.ExcessBlobGas}, eth_blobBaseFee {nodeFee}, feeHistory next {nodeNext}");

                // feeHistory's blobGasUsedRatio is against max: the ratio × max gives back the blob count.
                var history = await anvil.Source.GetFeeHistoryAsync(1, "latest");
                Assert.Equal(blobs, history.BlobsUsed(schedule.Max)[0]);
                Assert.Equal((double)blobs / schedule.Max, history.BlobGasUsedRatio[0], 12);

                // Fees reported by the node are consistent with its own header under our fee function.
                Assert.Equal(feeOfNodeExcess, nodeFee);
                Assert.Equal(feeOfNodeExcess, nodeNext);

                if (head.ExcessBlobGas != predictedExcess)
                {
                    // The known anvil behaviour: excess stays 0 whatever the parent used.
                    Assert.True(head.ExcessBlobGas == 0,
                        $"{hardfork} block {head.Number}: node excess {head.ExcessBlobGas}, predicted {predictedExcess} — an unexplained disagreement");
                    deviations.Add($"block {head.Number}: header excessBlobGas 0, EIP-4844/7918 give {predictedExcess} (fee {predictedFee} vs node {nodeFee})");
                }
                else Assert.Equal(predictedFee, nodeFee);
            }
        }
        finally
        {
            File.Delete(six);
            File.Delete(three);
        }
        Skip.If(deviations.Count > 0, $"anvil ({hardfork}) does not follow the excess blob gas rule: " + string.Join("; ", deviations));
    }

    [SkippableFact]
    public async Task Cli_blob_fee_reads_the_node()
    {
        using var anvil = await FeeAnvil.StartAsync(Tools(), "osaka");
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await Blobs.Cli.BlobCli.RunAsync(["fee", "--rpc-url", anvil.Url, "--json", "--blocks", "3"], o, e);
        Assert.True(code == 0, e.ToString());
        var j = System.Text.Json.JsonDocument.Parse(o.ToString()).RootElement;
        Assert.Equal("osaka", j.GetProperty("fork").GetString());
        Assert.Equal("eth_config", j.GetProperty("scheduleSource").GetString());
        Assert.Equal(6, j.GetProperty("target").GetInt32());
        Assert.Equal(9, j.GetProperty("max").GetInt32());
        Assert.Equal("5007716", j.GetProperty("updateFraction").GetString());
        Assert.Equal("31337", j.GetProperty("chainId").GetString());
        Assert.Equal(j.GetProperty("nodeNextBlobBaseFee").GetString(), j.GetProperty("nextBlobBaseFee").GetString());
        Assert.Equal(j.GetProperty("nodeBlobBaseFee").GetString(), j.GetProperty("blobBaseFee").GetString());

        var text = new StringWriter();
        Assert.Equal(0, await Blobs.Cli.BlobCli.RunAsync(["fee", "cost", "5000", "--rpc-url", anvil.Url], text, e));
        Assert.Contains("blobs are cheaper", text.ToString());
    }
}
