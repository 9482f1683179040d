using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Blobs.Fees;

namespace Blobs.IntegrationTests.Fees;

/// <summary>
/// A real anvil for the fee tests: started on 127.0.0.1 and a free port with the given hardfork, automine off so that
/// each block is built by <c>evm_mine</c> from the transactions sent before it; killed on dispose.
/// Blob transactions are sent by <c>cast send --blob</c> with anvil's first dev key.
/// </summary>
internal sealed class FeeAnvil : IDisposable
{
    /// <summary>anvil's first dev account key (public, from the anvil/hardhat mnemonic).</summary>
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private int _nonce;

    private FeeAnvil(Process process, string url, string toolsBin)
    {
        _process = process;
        Url = url;
        ToolsBin = toolsBin;
        Source = new FeeDataSource(url);
    }

    public string Url { get; }
    public string ToolsBin { get; }
    public FeeDataSource Source { get; }

    /// <summary>The tools directory (<c>BLOBS_TOOLS_DIR</c>, else <c>.tools</c> at the repository root), or null when anvil/cast are missing.</summary>
    public static string? FindToolsBin([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BLOBS_TOOLS_DIR") is { Length: > 0 } env) candidates.Add(Path.Combine(env, "bin"));
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(here) ?? "" })
            for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, ".tools", "bin"));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "anvil")) && File.Exists(Path.Combine(c, "cast")));
    }

    public static async Task<FeeAnvil> StartAsync(string toolsBin, string hardfork)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        var psi = new ProcessStartInfo(Path.Combine(toolsBin, "anvil"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--hardfork", hardfork, "--host", "127.0.0.1", "--port", port.ToString(), "--no-mining" }) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("anvil did not start");
        var anvil = new FeeAnvil(process, $"http://127.0.0.1:{port}", toolsBin);
        process.OutputDataReceived += (_, e) => { lock (anvil._log) anvil._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (anvil._log) anvil._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (int i = 0; i < 200; i++)
        {
            if (process.HasExited) throw new InvalidOperationException("anvil exited: " + anvil.Log);
            try { await anvil.Source.GetChainIdAsync(); return anvil; }
            catch (FeeSourceException) { await Task.Delay(100); }
        }
        anvil.Dispose();
        throw new TimeoutException("anvil did not answer within 20 s");
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>Sends one blob transaction carrying <paramref name="payload"/> (cast's SimpleCoder decides the blob count) without mining it.</summary>
    public async Task SendBlobTxAsync(string payloadFile, bool legacySidecar)
    {
        var psi = new ProcessStartInfo(Path.Combine(ToolsBin, "cast")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string> { "send", "--async", "--rpc-url", Url, "--private-key", DevKey, "--nonce", _nonce.ToString(), "--blob" };
        if (legacySidecar) args.Add("--eip4844");
        args.AddRange(["--path", payloadFile, "0x000000000000000000000000000000000000dEaD"]);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"cast send failed ({p.ExitCode}): {await stderr} {await stdout}");
        _nonce++;
    }

    public Task MineAsync() => Source.CallAsync("evm_mine", []);

    /// <summary>Writes a file whose SimpleCoder encoding (one u64 header element, 31 bytes per element) needs exactly <paramref name="blobs"/> blobs.</summary>
    public static string PayloadFile(int blobs, int seed)
    {
        // capacity of n blobs = n·4096 elements, one of them the header: (n·4096 − 1)·31 bytes; take a little less than that.
        int bytes = (blobs * 4096 - 1) * 31 - 1000;
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        var path = Path.Combine(Path.GetTempPath(), $"fees-it-{blobs}-{seed}-{Environment.ProcessId}.bin");
        File.WriteAllBytes(path, data);
        return path;
    }

    public void Dispose()
    {
        Source.Dispose();
        try
        {
            if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(5000); }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
