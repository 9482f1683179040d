using System.Diagnostics;
using System.Text.Json;
using Blobs.IntegrationTests.Transactions;
using Blobs.Rpc;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// <c>blob devnet</c> as a process: it prints where the devnet is, the devnet answers there (JSON-RPC and the beacon blob
/// endpoint), a blob transaction sent to it from another <c>blob send</c> comes back verified, and SIGTERM stops both it
/// and anvil with exit 0.
/// </summary>
public class DevnetCommandTests
{
    [SkippableFact]
    public async Task Json_devnet_stays_up_takes_a_send_and_stops_on_sigterm()
    {
        TxTools.Bin();
        TxTools.Kzg();
        using var p = Process.Start(CliProcess.StartInfo(["devnet", "--json", "--hardfork", "prague"]))!;
        var stderr = p.StandardError.ReadToEndAsync();
        int anvilPid = 0;
        try
        {
            var first = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(string.IsNullOrEmpty(first), "no JSON line; stderr: " + (p.HasExited ? await stderr : "(running)"));
            var j = Blobs.Cli.Tests.JsonConvention.Parse(first!);
            var rpc = j.GetProperty("rpcUrl").GetString()!;
            Assert.StartsWith("http://127.0.0.1:", rpc);
            Assert.Equal(rpc, j.GetProperty("beaconUrl").GetString());
            Assert.Equal("prague", j.GetProperty("hardfork").GetString());
            Assert.Equal(TxTools.DevKeyHex, j.GetProperty("devPrivateKey").GetString());
            Assert.True(j.GetProperty("devKeyIsPublic").GetBoolean());
            Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", j.GetProperty("devAddress").GetString());
            anvilPid = j.GetProperty("pid").GetInt32();

            using (var node = new ExecutionClient(rpc))
                Assert.Equal(j.GetProperty("chainId").GetUInt64(), await node.ChainIdAsync());

            // Another shell sends to it, as the devnet's own hint says.
            var (code, output, err) = await CliProcess.RunAsync(["send", "samples/batch.jsonl", "--rpc-url", rpc, "--beacon-url", rpc, "--json"],
                new Dictionary<string, string?> { ["BLOB_PRIVATE_KEY"] = j.GetProperty("devPrivateKey").GetString() });
            Assert.True(code == 0, err);
            var sent = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.True(sent.GetProperty("verified").GetBoolean());
            Assert.False(sent.GetProperty("devnet").GetBoolean());
            Assert.Equal("v0", sent.GetProperty("sidecar").GetString());

            CliProcess.Terminate(p.Id);
            Assert.True(p.WaitForExit(15_000), "blob devnet did not stop on SIGTERM");
            Assert.Equal(0, p.ExitCode);
            Assert.True(await WaitGone(anvilPid), $"anvil {anvilPid} still runs after blob devnet stopped");
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [SkippableFact]
    public async Task Text_devnet_prints_urls_chain_key_and_the_public_key_warning()
    {
        TxTools.Bin();
        using var p = Process.Start(CliProcess.StartInfo(["devnet", "--block-time", "1"]))!;
        try
        {
            var lines = new List<string>();
            while (lines.Count < 12)
            {
                var line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
                if (line is null) break;
                lines.Add(line);
                if (line.Contains("blob send FILE", StringComparison.Ordinal)) break;
            }
            var text = string.Join("\n", lines);
            Assert.DoesNotContain('\u001b', text);
            Assert.Contains("devnet running", text);
            Assert.Matches(@"RPC URL\s+http://127\.0\.0\.1:\d+", text);
            Assert.Matches(@"beacon URL\s+http://127\.0\.0\.1:\d+", text);
            Assert.Matches(@"chain id\s+31337", text);
            Assert.Contains("a block every 1 s", text);
            Assert.Contains(TxTools.DevKeyHex, text);
            Assert.Contains("well-known public test key", text);
            Assert.Contains($"BLOB_PRIVATE_KEY={TxTools.DevKeyHex} blob send FILE --rpc-url http://127.0.0.1:", text);
            CliProcess.Terminate(p.Id);
            Assert.True(p.WaitForExit(15_000));
            Assert.Equal(0, p.ExitCode);
        }
        finally
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
    }

    [SkippableFact]
    public async Task A_port_in_use_is_one_line_saying_so()
    {
        TxTools.Bin();
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        int port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var (code, output, err) = await CliProcess.RunAsync(["devnet", "--port", port.ToString()], timeoutSeconds: 60);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: port {port} on 127.0.0.1 is already in use: pick another --port, or leave it out for a free one", err.Trim());
    }

    [SkippableFact]
    public async Task The_library_flags_a_port_in_use()
    {
        var bin = TxTools.Bin();
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        int port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;
        var e = await Assert.ThrowsAsync<Blobs.Devnet.AnvilNotFoundException>(() =>
            Blobs.Devnet.AnvilDevnet.StartAsync(new Blobs.Devnet.AnvilOptions { Port = port, AnvilPath = Path.Combine(bin, "anvil") }));
        Assert.True(e.PortInUse, e.Message);
    }

    private static async Task<bool> WaitGone(int pid)
    {
        for (int i = 0; i < 50; i++)
        {
            try { using var p = Process.GetProcessById(pid); if (p.HasExited) return true; }
            catch (ArgumentException) { return true; }
            await Task.Delay(100);
        }
        return false;
    }
}
