using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Numerics;
using System.Text;
using System.Text.Json.Nodes;
using Blobs.Fees;

namespace Blobs.IntegrationTests.Fees;

/// <summary>
/// A real anvil for the fee tests: started on 127.0.0.1 and a free port with the given hardfork, automine off so that
/// each block is built by <c>evm_mine</c> from the transactions sent before it; killed on dispose. Optionally started
/// from a genesis file (<c>--init</c>) whose <c>excessBlobGas</c> and <c>baseFeePerGas</c> put the blob fee market
/// somewhere other than its floor. Blob transactions are sent by <c>cast send --blob</c> with anvil's first dev key.
/// </summary>
internal sealed class FeeAnvil : IDisposable
{
    /// <summary>anvil's first dev account key (public, from the anvil/hardhat mnemonic).</summary>
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>Its address, funded in the genesis files written by <see cref="GenesisFile"/>.</summary>
    private const string DevAddress = "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266";

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly List<string> _files = [];
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

    /// <summary>
    /// The tools directory (<c>BLOBS_TOOLS_DIR</c>, else <c>.tools</c> at the repository root), or null when anvil/cast
    /// are missing.
    /// </summary>
    public static string? FindToolsBin([System.Runtime.CompilerServices.CallerFilePath] string here = "")
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BLOBS_TOOLS_DIR") is { Length: > 0 } env) candidates.Add(Path.Combine(env, "bin"));
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(here) ?? "" })
            for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, ".tools", "bin"));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "anvil")) && File.Exists(Path.Combine(c, "cast")));
    }

    /// <summary>
    /// Writes a genesis file for <c>anvil --init</c>: chain 31337, every fork up to Osaka at time 0, the dev account
    /// funded, and the given <c>excessBlobGas</c> and <c>baseFeePerGas</c>. anvil 1.7.1 shows 0 in the genesis header
    /// itself but starts block 1 from this excess.
    /// </summary>
    public static string GenesisFile(ulong excessBlobGas, BigInteger baseFeePerGas)
    {
        var config = new JsonObject { ["chainId"] = 31337 };
        foreach (var block in new[] { "homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "berlin", "london", "mergeNetsplit" })
            config[block + "Block"] = 0;
        config["terminalTotalDifficulty"] = 0;
        foreach (var time in new[] { "shanghai", "cancun", "prague", "osaka" }) config[time + "Time"] = 0;
        var genesis = new JsonObject
        {
            ["config"] = config,
            ["nonce"] = "0x0",
            ["timestamp"] = "0x0",
            ["extraData"] = "0x",
            ["gasLimit"] = "0x1c9c380",
            ["difficulty"] = "0x0",
            ["mixHash"] = "0x" + new string('0', 64),
            ["coinbase"] = "0x" + new string('0', 40),
            ["baseFeePerGas"] = "0x" + baseFeePerGas.ToString("x"),
            ["excessBlobGas"] = "0x" + excessBlobGas.ToString("x"),
            ["blobGasUsed"] = "0x0",
            ["alloc"] = new JsonObject { [DevAddress] = new JsonObject { ["balance"] = "0x21e19e0c9bab2400000" } },
        };
        var path = Path.Combine(Path.GetTempPath(), $"fees-it-genesis-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, genesis.ToJsonString());
        return path;
    }

    /// <summary>Starts anvil with <c>--hardfork</c>, <c>--no-mining</c> and, when given, <c>--init genesisFile</c> (deleted on dispose).</summary>
    public static async Task<FeeAnvil> StartAsync(string toolsBin, string hardfork, string? genesisFile = null)
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        var psi = new ProcessStartInfo(Path.Combine(toolsBin, "anvil"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var args = new List<string> { "--hardfork", hardfork, "--host", "127.0.0.1", "--port", port.ToString(), "--no-mining" };
        if (genesisFile is not null) args.AddRange(["--init", genesisFile]);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("anvil did not start");
        var anvil = new FeeAnvil(process, $"http://127.0.0.1:{port}", toolsBin);
        if (genesisFile is not null) anvil._files.Add(genesisFile);
        process.OutputDataReceived += (_, e) => { lock (anvil._log) anvil._log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (anvil._log) anvil._log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        for (int i = 0; i < 200; i++)
        {
            if (process.HasExited) { var log = anvil.Log; anvil.Dispose(); throw new InvalidOperationException("anvil exited: " + log); }
            try { await anvil.Source.GetChainIdAsync(); return anvil; }
            catch (FeeSourceException) { await Task.Delay(100); }
        }
        anvil.Dispose();
        throw new TimeoutException("anvil did not answer within 20 s");
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>
    /// Sends blob transactions carrying <paramref name="blobs"/> blobs in all (one of 6 and/or one of 3; 0, 3, 6 or 9)
    /// without mining them, each with cast's SimpleCoder and the v0 (EIP-4844) sidecar anvil accepts on every fork.
    /// </summary>
    /// <returns>The transaction hashes.</returns>
    public async Task<string[]> SendBlobsAsync(int blobs)
    {
        if (blobs is not (0 or 3 or 6 or 9)) throw new ArgumentOutOfRangeException(nameof(blobs), blobs, "payload files exist for 3 and 6 blobs: send 0, 3, 6 or 9");
        // Consecutive nonces, sent concurrently (the pool queues n + 1 until n arrives): cast spends its time on KZG proofs.
        var sends = new List<Task<string>>();
        if (blobs >= 6) { sends.Add(SendBlobTxAsync(PayloadFile(6), _nonce++)); blobs -= 6; }
        if (blobs == 3) sends.Add(SendBlobTxAsync(PayloadFile(3), _nonce++));
        return await Task.WhenAll(sends);
    }

    /// <summary>
    /// What the block that included <paramref name="txHashes"/> (all from the dev account, nothing else touching it)
    /// really charged per blob gas, from the dev account's balance before and after it: (balance drop − Σ gasUsed ×
    /// effectiveGasPrice) / Σ blobGasUsed, checked to divide exactly; and the receipts' own <c>blobGasPrice</c> values.
    /// </summary>
    public async Task<(BigInteger Charged, ulong BlobGas, BigInteger[] ReceiptBlobGasPrices)> BlobFeeChargedAsync(IReadOnlyList<string> txHashes, ulong block)
    {
        BigInteger execution = 0, blobGas = 0;
        var receiptPrices = new List<BigInteger>();
        foreach (var hash in txHashes)
        {
            var r = await Source.CallAsync("eth_getTransactionReceipt", [hash]);
            if (r.ValueKind != System.Text.Json.JsonValueKind.Object) throw new InvalidOperationException($"no receipt for {hash}");
            if (Hex(r.GetProperty("blockNumber")) != block) throw new InvalidOperationException($"{hash} is in block {Hex(r.GetProperty("blockNumber"))}, not {block}");
            execution += Hex(r.GetProperty("gasUsed")) * Hex(r.GetProperty("effectiveGasPrice"));
            blobGas += Hex(r.GetProperty("blobGasUsed"));
            receiptPrices.Add(Hex(r.GetProperty("blobGasPrice")));
        }
        var drop = await BalanceAsync(block - 1) - await BalanceAsync(block);
        var blobPart = drop - execution;
        if (blobGas.IsZero || blobPart % blobGas != 0) throw new InvalidOperationException($"block {block}: balance drop {drop} − execution {execution} is not a whole fee per blob gas over {blobGas}");
        return (blobPart / blobGas, (ulong)blobGas, receiptPrices.ToArray());
    }

    private async Task<BigInteger> BalanceAsync(ulong block) =>
        Hex(await Source.CallAsync("eth_getBalance", [DevAddress, "0x" + block.ToString("x")]));

    private static BigInteger Hex(System.Text.Json.JsonElement e) =>
        BigInteger.Parse("0" + e.GetString()![2..], System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Mines one block with <c>evm_mine</c>.</summary>
    public Task MineAsync() => Source.CallAsync("evm_mine", []);

    private async Task<string> SendBlobTxAsync(string payloadFile, int nonce)
    {
        var psi = new ProcessStartInfo(Path.Combine(ToolsBin, "cast")) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var args = new List<string> { "send", "--async", "--rpc-url", Url, "--private-key", DevKey, "--nonce", nonce.ToString(), "--blob", "--eip4844", "--path", payloadFile, "0x000000000000000000000000000000000000dEaD" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await p.WaitForExitAsync(cts.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"cast send (nonce {nonce}) failed ({p.ExitCode}): {await stderr} {await stdout}");
        var hash = (await stdout).Trim();
        if (!hash.StartsWith("0x", StringComparison.Ordinal) || hash.Length != 66) throw new InvalidOperationException($"cast send (nonce {nonce}) printed no transaction hash: {hash}");
        return hash;
    }

    /// <summary>A file whose SimpleCoder encoding (one u64 header element, 31 bytes per element) needs exactly <paramref name="blobs"/> blobs.</summary>
    private string PayloadFile(int blobs)
    {
        // capacity of n blobs = n·4096 elements, one of them the header: (n·4096 − 1)·31 bytes; take a little less than that.
        var path = Path.Combine(Path.GetTempPath(), $"fees-it-{blobs}-{Environment.ProcessId}-{_process.Id}.bin");
        if (!_files.Contains(path))
        {
            var data = new byte[(blobs * 4096 - 1) * 31 - 1000];
            new Random(blobs).NextBytes(data);
            File.WriteAllBytes(path, data);
            _files.Add(path);
        }
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
        foreach (var f in _files) File.Delete(f);
    }
}
