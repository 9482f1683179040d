using System.Diagnostics;
using System.Text.Json;
using Blobs.Codecs;
using Blobs.Devnet;
using Blobs.IntegrationTests.Fees;
using Blobs.Kzg;
using Blobs.Rpc;
using Xunit.Abstractions;

namespace Blobs.IntegrationTests.Codecs;

/// <summary>
/// Interop with cast for real: a file posted by <c>cast send --blob --path FILE</c> to anvil, read back
/// through anvil's beacon endpoint <c>GET /eth/v1/beacon/blobs/{block}</c>, decodes with our simple codec
/// to the file; and our encoding of the file is the very blobs cast posted.
/// </summary>
public class CastSimpleCodecTests(ITestOutputHelper output)
{
    private static string Tools()
    {
        var bin = FeeAnvil.FindToolsBin();
        if (bin is null && Environment.GetEnvironmentVariable("CI") == "true")
            throw new InvalidOperationException("CI: anvil/cast not installed (scripts/bootstrap.sh)");
        Skip.If(bin is null, "anvil/cast not installed (run scripts/bootstrap.sh)");
        return bin!;
    }

    public static IEnumerable<object[]> Files() =>
    [
        ["osaka", 11, 0],             // a few bytes
        ["osaka", 126_945, 0],        // exactly one blob
        ["osaka", 300_000, 64],       // three blobs, ending in zeros
        ["prague", 126_946, 1],       // one byte into the second blob, v0 sidecar
    ];

    [SkippableTheory]
    [MemberData(nameof(Files))]
    public async Task Cast_posted_blobs_decode_to_the_file(string hardfork, int length, int zeroTail)
    {
        var tools = Tools();
        var data = new byte[length];
        new Random(length).NextBytes(data);
        data.AsSpan(length - zeroTail).Clear();
        var path = Path.Combine(Path.GetTempPath(), $"codec-it-{length}-{Environment.ProcessId}.bin");
        await File.WriteAllBytesAsync(path, data);
        await using var devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Hardfork = hardfork, AnvilPath = Path.Combine(tools, "anvil") });
        try
        {
            // 1. cast posts the file.
            var receipt = await CastSendBlobAsync(tools, devnet, path, legacySidecar: hardfork != "osaka");
            ulong block = Convert.ToUInt64(receipt.GetProperty("blockNumber").GetString(), 16);
            output.WriteLine($"cast tx {receipt.GetProperty("transactionHash").GetString()} in block {block}");

            // 2. The blobs come back through the beacon API.
            using var beacon = new BeaconClient(devnet.BeaconUrl);
            var fetched = await beacon.GetBlobsAsync(block.ToString());
            Assert.Equal(SimpleCodec.Instance.BlobsNeeded(length), fetched.Count);

            // 3. Our simple codec decodes them to the file, and encodes the file to the same blobs.
            Assert.Equal(data, SimpleCodec.Instance.Decode(fetched.Select(b => (ReadOnlyMemory<byte>)b).ToArray()));
            var ours = SimpleCodec.Instance.Encode(data);
            Assert.Equal(fetched.Count, ours.Length);
            for (int i = 0; i < ours.Length; i++) Assert.True(ours[i].AsSpan().SequenceEqual(fetched[i]), $"blob {i} differs from cast's");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<JsonElement> CastSendBlobAsync(string tools, AnvilDevnet devnet, string file, bool legacySidecar)
    {
        var psi = new ProcessStartInfo(Path.Combine(tools, "cast")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string> { "send", "--blob", "--path", file, "--rpc-url", devnet.RpcUrl, "--private-key", Hex.Encode(devnet.DevPrivateKey.Span), "--json" };
        if (legacySidecar) args.Add("--eip4844");
        args.Add("0x000000000000000000000000000000000000dEaD");
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"cast send failed ({p.ExitCode}): {await stderr} {await stdout}");
        using var doc = JsonDocument.Parse(await stdout);
        var receipt = doc.RootElement.Clone();
        Assert.Equal("0x1", receipt.GetProperty("status").GetString());
        return receipt;
    }
}
