using System.Text.Json;
using Blobs.IntegrationTests.Transactions;
using Blobs.Kzg;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// The main-job command as a person runs it: <c>blob send samples/batch.jsonl</c> as its own process with no chain set up
/// (it starts and stops its own anvil), output piped: the summary table on stdout, plain progress lines on stderr, no
/// escape codes anywhere; and with --json one object with the documented fields.
/// </summary>
public class SendProcessTests
{
    private static readonly string[] RequiredJsonFields =
        ["txHash", "blockNumber", "blobVersionedHashes", "blobGasUsed", "blobGasPrice", "verified", "blobFeePaid", "calldataGas", "calldataCost", "fillRatio"];

    [SkippableFact]
    public async Task Piped_send_prints_the_table_and_progress_lines_without_escape_codes()
    {
        TxTools.Bin();
        TxTools.Kzg();
        var (code, output, err) = await CliProcess.RunAsync(["send", "samples/batch.jsonl"]);
        Assert.True(code == 0, err);
        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u001b', err);
        foreach (var row in new[] { "tx hash", "block", "blobs", "bytes", "fill ratio", "versioned hashes", "blob gas", "blob fee paid", "as calldata", "verified" })
            Assert.Contains("│ " + row, output);
        Assert.Contains("yes: fetched back", output);
        Assert.Contains("EIP-7623", output);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.All(lines, l => Assert.StartsWith("· ", l));
        Assert.Contains(lines, l => l.StartsWith("· starting a local anvil devnet", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("· blob 1/1: commitment and proofs done", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("· waiting for 0x", StringComparison.Ordinal));
        Assert.Equal("· devnet stopped", lines[^1]);
    }

    [SkippableFact]
    public async Task Json_send_prints_one_object_with_the_documented_fields_and_nothing_else()
    {
        TxTools.Bin();
        TxTools.Kzg();
        var batch = Path.Combine(CliProcess.RepoRoot(), "samples", "batch.jsonl");
        var (code, output, err) = await CliProcess.RunAsync(["send", "samples/batch.jsonl", "--json", "--hardfork", "prague"], new Dictionary<string, string?> { ["NO_COLOR"] = "1" });
        Assert.True(code == 0, err);
        Assert.Equal("", err);
        var j = Blobs.Cli.Tests.JsonConvention.Parse(output);
        foreach (var f in RequiredJsonFields) Assert.True(j.TryGetProperty(f, out _), $"missing {f}");
        Assert.True(j.GetProperty("verified").GetBoolean(), j.GetProperty("problem").ToString());
        Assert.Equal("v0", j.GetProperty("sidecar").GetString());
        Assert.Equal(new FileInfo(batch).Length, j.GetProperty("inputBytes").GetInt64());
        int blobs = j.GetProperty("blobs").GetInt32();
        Assert.Equal(blobs, j.GetProperty("blobVersionedHashes").GetArrayLength());
        Assert.Equal(blobs * 131072L, j.GetProperty("blobGasUsed").GetInt64());
        Assert.Equal(j.GetProperty("blobGasUsed").GetInt64() * long.Parse(j.GetProperty("blobGasPrice").GetString()!), long.Parse(j.GetProperty("blobFeePaid").GetString()!));
        Assert.All(j.GetProperty("blobVersionedHashes").EnumerateArray(), h => Assert.Matches("^0x01[0-9a-f]{62}$", h.GetString()));
        Assert.True(j.GetProperty("devnet").GetBoolean());
        Assert.True(j.GetProperty("blockNumber").GetUInt64() >= 1);
        // Calldata comparison: EIP-7623 gas for these bytes (zeros + 4 × non-zeros tokens, 10 gas per token floor).
        var data = File.ReadAllBytes(batch);
        long zeros = data.Count(b => b == 0);
        long tokens = zeros + 4 * (data.Length - zeros);
        Assert.Equal(21000 + Math.Max(4 * tokens, 10 * tokens), j.GetProperty("calldataGas").GetInt64());
        Assert.Equal(Math.Round((double)data.Length / (blobs * 4096 - 1) / 31, 6), j.GetProperty("fillRatio").GetDouble(), 6);
    }
}
