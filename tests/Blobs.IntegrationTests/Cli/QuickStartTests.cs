using System.Text.RegularExpressions;
using Blobs.Codecs;
using Blobs.IntegrationTests.Transactions;
using Blobs.Rpc;
using Blobs.Samples;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// The README's C# quick start is samples/QuickStart.cs, compiled into this project: the README must quote it verbatim
/// (so a README edit that breaks the code fails here), and it must run: the batch goes out, is included, and its blobs
/// come back from anvil's beacon endpoint decoding to the same bytes.
/// </summary>
public partial class QuickStartTests
{
    [Fact]
    public void The_readme_quotes_the_compiled_quick_start_verbatim()
    {
        var root = CliProcess.RepoRoot();
        var code = File.ReadAllText(Path.Combine(root, "samples", "QuickStart.cs")).ReplaceLineEndings("\n").Trim();
        var readme = File.ReadAllText(Path.Combine(root, "README.md")).ReplaceLineEndings("\n");
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups[1].Value.Trim()).ToArray();
        Assert.True(blocks.Length > 0, "README.md has no ```csharp block");
        Assert.Contains(code, blocks);
    }

    [SkippableFact]
    public async Task The_quick_start_sends_a_batch_that_comes_back()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        await anvil.WarmUpKzgAsync();
        var batch = File.ReadAllBytes(Path.Combine(CliProcess.RepoRoot(), "samples", "batch.jsonl"));

        var receipt = await QuickStart.SendAsync(anvil.RpcUrl, anvil.DevPrivateKey, batch);

        Assert.Equal(1, receipt.Status);
        var codec = BlobCodecs.Get("simple");
        int blobs = codec.BlobsNeeded(batch.Length);
        Assert.Equal((ulong)blobs * 131072, receipt.BlobGasUsed);
        using var node = new ExecutionClient(anvil.RpcUrl);
        using var beacon = new BeaconClient(anvil.BeaconUrl);
        var tx = await node.TransactionAsync(receipt.TransactionHash) ?? throw new InvalidOperationException("transaction unknown");
        var hashes = tx.GetProperty("blobVersionedHashes").EnumerateArray().Select(h => Blobs.Kzg.VersionedHash.FromHex(h.GetString()!)).ToArray();
        var ids = await BlobRetriever.CandidateBlockIdsAsync(node, beacon, receipt.BlockNumber, receipt.BlockHash);
        var fetched = await new BlobRetriever(beacon, TxTools.Kzg()).FetchAsync(ids, hashes);
        Assert.Equal(batch, codec.Decode(fetched.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()));
    }

    [GeneratedRegex("```csharp\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
