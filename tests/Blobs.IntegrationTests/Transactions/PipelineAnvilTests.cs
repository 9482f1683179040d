using System.Text.Json;
using Blobs.Codecs;
using Blobs.Pipeline;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;
using Blobs.IntegrationTests.Cli;

namespace Blobs.IntegrationTests.Transactions;

/// <summary>
/// The whole job against a real anvil with our KZG and codecs: batch → blobs → commitments and proofs (or cell proofs) →
/// signed type-3 transaction → eth_sendRawTransaction in the fork's form → receipt (status 1, 131072 blob gas per blob) →
/// blobs fetched back from the beacon endpoint, re-committed, matched, decoded to the same bytes. Also through the CLI:
/// <c>blob send</c>, <c>blob fetch</c>, <c>blob tx build</c> (sent raw afterwards) and <c>blob tx decode</c>.
/// </summary>
public class PipelineAnvilTests
{
    private static readonly Address Burn = Address.Parse("0x000000000000000000000000000000000000dEaD");

    [SkippableTheory]
    [InlineData("osaka", SidecarVersion.V1, 1)]
    [InlineData("osaka", SidecarVersion.V1, 6)]
    [InlineData("prague", SidecarVersion.V0, 1)]
    [InlineData("prague", SidecarVersion.V0, 6)]
    public async Task A_batch_goes_out_and_comes_back_verified(string hardfork, SidecarVersion form, int blobs)
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync(hardfork);
        var codec = BlobCodecs.Get("simple");
        var data = TxTools.RandomBytes((int)codec.Capacity(blobs) - 17, 7594 + blobs);
        Assert.Equal(blobs, codec.BlobsNeeded(data.Length));
        using var execution = new ExecutionClient(anvil.RpcUrl);
        using var beacon = new BeaconClient(anvil.BeaconUrl);

        var result = await BlobPipeline.RunAsync(execution, beacon, kzg, data, codec, Burn, anvil.DevPrivateKey);

        Assert.True(result.Verified, result.Problem);
        Assert.Equal(form, result.Submission.Form);
        var receipt = result.Submission.Receipt!;
        Assert.Equal(1, receipt.Status);
        Assert.Equal(131072UL * (ulong)blobs, receipt.BlobGasUsed);
        Assert.True(receipt.BlobGasPrice >= 1);
        Assert.Equal("blobs", result.Fetched!.Endpoint);
        Assert.Equal(result.Submission.Sent.Transaction.BlobVersionedHashes, result.Fetched.VersionedHashes);
        Assert.Equal(data, codec.Decode(result.Fetched.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()));
        // What we sent decodes, and validates with proofs under the node's chain id.
        var sent = BlobTransactionCodec.Decode(result.Submission.Sent.NetworkEncoding());
        var verdict = BlobTransactionValidator.Validate(sent.Transaction, sent.Sidecar, kzg, new ValidationRules { ChainId = anvil.ChainId, RequiredSidecarVersion = form });
        Assert.True(verdict.IsValid, string.Join("; ", verdict.Errors));
    }

    [SkippableFact]
    public async Task A_whole_block_is_fetched_and_re_committed()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        var codec = BlobCodecs.Get("simple");
        var data = TxTools.RandomBytes(200_000, 11);
        using var execution = new ExecutionClient(anvil.RpcUrl);
        var sent = await new BlobSubmitter(execution, kzg).SendAsync(Burn, BlobPipeline.EncodeBlobs(data, codec), anvil.DevPrivateKey);
        using var beacon = new BeaconClient(anvil.BeaconUrl);
        var all = await new BlobRetriever(beacon, kzg).FetchBlockAsync(sent.Receipt!.BlockNumber.ToString());
        Assert.Equal(sent.Sent.Transaction.BlobVersionedHashes, all.VersionedHashes);
        Assert.Equal(data, codec.Decode(all.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()));
    }

    [SkippableFact]
    public async Task A_blob_the_block_does_not_hold_is_an_error_naming_its_hash()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var execution = new ExecutionClient(anvil.RpcUrl);
        var sent = await new BlobSubmitter(execution, kzg).SendAsync(Burn, BlobPipeline.EncodeBlobs(new byte[] { 1, 2, 3 }, BlobCodecs.Get("simple")), anvil.DevPrivateKey);
        var missing = Blobs.Kzg.VersionedHash.FromBytes([0x01, .. Enumerable.Repeat((byte)0xab, 31)]);
        using var beacon = new BeaconClient(anvil.BeaconUrl);
        var e = await Assert.ThrowsAsync<BlobMismatchException>(() =>
            new BlobRetriever(beacon, kzg).FetchAsync([sent.Receipt!.BlockNumber.ToString()], [sent.Sent.Transaction.BlobVersionedHashes[0], missing]));
        Assert.Contains(missing.ToString(), e.Message);
    }

    private static Task<(int Code, string Out, string Err)> Cli(params string[] args) => CliProcess.InProcessAsync(args);

    [SkippableFact]
    public async Task Cli_send_then_fetch_by_transaction_hash_gives_the_file_back()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        var dir = Directory.CreateTempSubdirectory("blobs-tx-cli-");
        try
        {
            var file = Path.Combine(dir.FullName, "batch.bin");
            var data = TxTools.RandomBytes(300_000, 3);
            File.WriteAllBytes(file, data);
            var (code, output, err) = await Cli("send", file, "--to", Burn.ToString(), "--rpc-url", anvil.RpcUrl, "--beacon-url", anvil.BeaconUrl,
                "--private-key", TxTools.DevKeyHex, "--json");
            Assert.True(code == 0, err);
            Assert.DoesNotContain(TxTools.DevKeyHex[2..], output + err, StringComparison.OrdinalIgnoreCase);
            var j = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.True(j.GetProperty("verified").GetBoolean(), j.GetProperty("problem").ToString());
            Assert.Equal(3, j.GetProperty("blobVersionedHashes").GetArrayLength());
            Assert.Equal(3 * 131072, j.GetProperty("blobGasUsed").GetInt64());
            Assert.True(j.GetProperty("blockNumber").GetInt64() >= 1);
            Assert.False(string.IsNullOrEmpty(j.GetProperty("blobGasPrice").GetString()));
            Assert.Equal("v1", j.GetProperty("sidecar").GetString());
            var txHash = j.GetProperty("txHash").GetString()!;

            var back = Path.Combine(dir.FullName, "back.bin");
            (code, output, err) = await Cli("fetch", txHash, "--beacon-url", anvil.BeaconUrl, "--rpc-url", anvil.RpcUrl, "--out", back, "--json");
            Assert.True(code == 0, err);
            var f = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.Equal(txHash, f.GetProperty("txHash").GetString());
            Assert.Equal(j.GetProperty("blobVersionedHashes").ToString(), f.GetProperty("blobVersionedHashes").ToString());
            Assert.Equal(data, File.ReadAllBytes(back));

            // By block number: all blobs of the block.
            (code, output, err) = await Cli("fetch", j.GetProperty("blockNumber").GetInt64().ToString(), "--beacon-url", anvil.BeaconUrl, "--json");
            Assert.True(code == 0, err);
            Assert.Equal(data.Length, Blobs.Cli.Tests.JsonConvention.Parse(output).GetProperty("decodedBytes").GetInt32());
        }
        finally { dir.Delete(true); }
    }

    [SkippableTheory]
    [InlineData("prague", "v0")]
    [InlineData("osaka", "v1")]
    public async Task Cli_build_writes_a_transaction_that_decodes_validates_and_is_accepted(string hardfork, string form)
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync(hardfork);
        var dir = Directory.CreateTempSubdirectory("blobs-tx-build-");
        try
        {
            var file = Path.Combine(dir.FullName, "batch.bin");
            File.WriteAllBytes(file, TxTools.RandomBytes(1000, 5));
            var raw = Path.Combine(dir.FullName, "tx.hex");
            var (code, output, err) = await Cli("tx", "build", file, "--to", Burn.ToString(), "--rpc-url", anvil.RpcUrl, "--private-key", TxTools.DevKeyHex, "--out", raw, "--json");
            Assert.True(code == 0, err);
            var b = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.Equal(form, b.GetProperty("sidecar").GetString());
            Assert.True(b.GetProperty("valid").GetBoolean());

            (code, output, err) = await Cli("tx", "decode", raw, "--chain-id", "31337", "--json", "--no-blobs");
            Assert.True(code == 0, err);
            var d = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.Equal("valid", d.GetProperty("validation").GetProperty("verdict").GetString());
            Assert.Equal(b.GetProperty("hash").GetString(), d.GetProperty("hash").GetString());

            // cast reads it too.
            var castJson = TxTools.Cast(["decode-transaction"], File.ReadAllText(raw).Trim());
            var c = JsonDocument.Parse(castJson).RootElement;
            if (c.ValueKind == JsonValueKind.String) c = JsonDocument.Parse(c.GetString()!).RootElement;
            Assert.Equal(d.GetProperty("hash").GetString(), c.GetProperty("hash").GetString());

            // Nothing was sent; sending the file's bytes now is accepted.
            using var execution = new ExecutionClient(anvil.RpcUrl);
            var hash = await execution.SendRawTransactionAsync(Blobs.Kzg.Hex.Decode(File.ReadAllText(raw)));
            var receipt = await execution.WaitForReceiptAsync(hash, TimeSpan.FromSeconds(30));
            Assert.Equal(1, receipt.Status);
            Assert.Equal(131072UL, receipt.BlobGasUsed);
        }
        finally { dir.Delete(true); }
    }

    [SkippableFact]
    public async Task Cli_send_without_rpc_url_runs_its_own_devnet()
    {
        TxTools.Kzg();
        Environment.SetEnvironmentVariable("BLOBS_ANVIL", Path.Combine(TxTools.Bin(), "anvil"));
        var file = Path.Combine(Path.GetTempPath(), $"blobs-tx-devnet-{Environment.ProcessId}.bin");
        File.WriteAllBytes(file, TxTools.RandomBytes(5000, 9));
        try
        {
            var (code, output, err) = await Cli("send", file, "--hardfork", "prague", "--json");
            Assert.True(code == 0, err);
            var j = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.True(j.GetProperty("devnet").GetBoolean());
            Assert.True(j.GetProperty("verified").GetBoolean(), j.GetProperty("problem").ToString());
            Assert.Equal("v0", j.GetProperty("sidecar").GetString());
            Assert.Equal(131072, j.GetProperty("blobGasUsed").GetInt64());
        }
        finally { File.Delete(file); }
    }
}
