using System.Numerics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Blobs.Devnet;
using Blobs.IntegrationTests.Transactions;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// The error catalogue of <c>blob send</c> against a real anvil: each failure is one line on stderr that says what went
/// wrong and what to do, exit code 1, nothing on stdout, and nothing sent. (Too many blobs, file too large and an
/// unreachable RPC need no chain: Blobs.Cli.Tests/Send/SendErrorTests.)
/// </summary>
public sealed partial class SendErrorCatalogueTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("blobs-cli-errors-").FullName;

    private string Batch(int bytes, int seed)
    {
        var path = Path.Combine(_dir, $"batch-{seed}.bin");
        File.WriteAllBytes(path, TxTools.RandomBytes(bytes, seed));
        return path;
    }

    private static string ErrorLine(string err)
    {
        var errors = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => l.StartsWith("error:", StringComparison.Ordinal)).ToArray();
        Assert.True(errors.Length == 1, "expected exactly one error line:\n" + err);
        Assert.Equal(errors[0], CliProcess.LastLine(err));
        return errors[0];
    }

    [SkippableFact]
    public async Task Insufficient_funds_names_the_account_and_the_amount_needed()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        // A fresh key that anvil never funded (seeded, below the curve order).
        var key = TxTools.RandomBytes(32, 424242);
        key[0] = 0x3f;
        var address = BlobTransactionSigner.AddressOf(key);
        var (code, output, err) = await CliProcess.InProcessAsync("send", Batch(5000, 1), "--rpc-url", anvil.RpcUrl, "--beacon-url", anvil.BeaconUrl,
            "--private-key", Hex.Encode(key), "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = ErrorLine(err);
        var m = InsufficientLine().Match(line);
        Assert.True(m.Success, line);
        Assert.Equal(address.ToString(), m.Groups["account"].Value);
        Assert.Equal("0", m.Groups["balance"].Value);
        // The amount is the worst case of the signed transaction: gas × fee cap + blob gas × blob fee cap.
        var required = BigInteger.Parse(m.Groups["required"].Value);
        var worst = BigInteger.Parse(m.Groups["gas"].Value) * BigInteger.Parse(m.Groups["fee"].Value) + BigInteger.Parse(m.Groups["blobGas"].Value) * BigInteger.Parse(m.Groups["blobFee"].Value);
        Assert.Equal(worst, required);
        Assert.Equal("131072", m.Groups["blobGas"].Value);
        Assert.True(required > 0);
        Assert.Contains($"send at least {required} wei to {address}", line);
        // Nothing was sent.
        using var node = new ExecutionClient(anvil.RpcUrl);
        Assert.Equal(0UL, await node.PendingNonceAsync(address));
    }

    [SkippableFact]
    public async Task Fee_cap_below_the_blob_base_fee_says_the_current_fee_and_what_to_pass()
    {
        TxTools.Kzg();
        // anvil's blob base fee never moves off 1 by itself (its header keeps excessBlobGas 0), but a genesis with a large
        // excessBlobGas makes eth_blobBaseFee real and high: a real node with a real fee, no fake.
        var genesis = Path.Combine(_dir, "genesis.json");
        File.WriteAllText(genesis, """{"config":{"chainId":31337},"nonce":"0x0","timestamp":"0x0","extraData":"0x","gasLimit":"0x1c9c380","difficulty":"0x0","alloc":{},"excessBlobGas":"0x10000000","blobGasUsed":"0x0"}""");
        await using var anvil = await AnvilDevnet.StartAsync(new AnvilOptions { Hardfork = "osaka", AnvilPath = Path.Combine(TxTools.Bin(), "anvil"), ExtraArguments = ["--init", genesis] });
        await anvil.WarmUpKzgAsync();   // anvil's KZG setup before the send below, not during it
        using var node = new ExecutionClient(anvil.RpcUrl);
        var fee = await node.BlobBaseFeeAsync() ?? throw new InvalidOperationException("anvil has no eth_blobBaseFee");
        Assert.True(fee > 1_000_000, $"the genesis excess should raise the blob base fee, got {fee}");

        var batch = Batch(5000, 2);
        var cap = fee / 2;
        var (code, output, err) = await CliProcess.InProcessAsync("send", batch, "--rpc-url", anvil.RpcUrl, "--beacon-url", anvil.BeaconUrl,
            "--private-key", TxTools.DevKeyHex, "--max-fee-per-blob-gas", cap.ToString(), "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = ErrorLine(err);
        Assert.StartsWith($"error: --max-fee-per-blob-gas {cap} wei is below the current blob base fee {fee} wei at {anvil.RpcUrl}", line);
        Assert.Contains($"raise it to at least {fee}", line);
        Assert.Contains($"--max-fee-per-blob-gas {2 * fee}", line);
        Assert.Equal(0UL, await node.PendingNonceAsync(anvil.DevAddress));

        // The advice works: with the default cap (2 × the current fee) the same batch goes through and comes back verified.
        var (ok, json, err2) = await CliProcess.InProcessAsync("send", batch, "--rpc-url", anvil.RpcUrl, "--beacon-url", anvil.BeaconUrl,
            "--private-key", TxTools.DevKeyHex, "--json");
        Assert.True(ok == 0, err2);
        var j = Blobs.Cli.Tests.JsonConvention.Parse(json);
        Assert.True(j.GetProperty("verified").GetBoolean(), j.GetProperty("problem").ToString());
        Assert.Equal((2 * fee).ToString(), j.GetProperty("maxFeePerBlobGas").GetString());
    }

    [SkippableFact]
    public async Task A_node_that_refuses_v0_after_osaka_gets_the_advice_to_send_v1()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        await anvil.WarmUpKzgAsync();
        using var geth = new FakeOsakaGethProxy(anvil.RpcUrl);
        var (code, output, err) = await CliProcess.InProcessAsync("send", Batch(5000, 3), "--rpc-url", geth.Url, "--beacon-url", anvil.BeaconUrl,
            "--private-key", TxTools.DevKeyHex, "--sidecar", "v0", "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = ErrorLine(err);
        Assert.StartsWith($"error: the node at {geth.Url} refused the v0 (blob proof) sidecar (", line);
        Assert.Contains("legacy blob proofs are not accepted after Osaka", line);   // what the node said
        Assert.Contains("use --sidecar v1", line);
        Assert.Equal(["v0"], geth.RawForms);

        // With the advice followed, the same node takes it.
        var (ok, json, err2) = await CliProcess.InProcessAsync("send", Batch(5000, 3), "--rpc-url", geth.Url, "--beacon-url", anvil.BeaconUrl,
            "--private-key", TxTools.DevKeyHex, "--sidecar", "v1", "--json");
        Assert.True(ok == 0, err2);
        Assert.True(Blobs.Cli.Tests.JsonConvention.Parse(json).GetProperty("verified").GetBoolean());
    }

    [SkippableFact]
    public async Task Wrong_chain_is_refused_before_signing()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        var (code, output, err) = await CliProcess.InProcessAsync("send", Batch(100, 4), "--rpc-url", anvil.RpcUrl, "--chain", "sepolia",
            "--private-key", TxTools.DevKeyHex, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var line = ErrorLine(err);
        Assert.Contains("is on chain 31337, not the expected 11155111", line);
        Assert.Contains("sepolia (11155111)", line);
    }

    [GeneratedRegex(@"^error: insufficient funds: (?<account>0x[0-9a-f]{40}) has (?<balance>\d+) wei but the transaction may cost up to (?<required>\d+) wei \((?<gas>\d+) gas × (?<fee>\d+) wei \+ (?<blobGas>\d+) blob gas × (?<blobFee>\d+) wei\); send at least \d+ wei to 0x[0-9a-f]{40}, or lower the fee caps$")]
    private static partial Regex InsufficientLine();

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
