using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Devnet;

/// <summary>
/// A local anvil devnet on 127.0.0.1 and a free port, for tests and for <c>blob send</c> without
/// --rpc-url. Exposes the RPC URL, the beacon URL (anvil serves the beacon blob endpoints on the
/// same port), the chain id and the first dev account's key (the well-known public anvil key).
/// Disposing kills the process; a process-exit hook kills it too if the owner forgets.
/// </summary>
public sealed partial class AnvilDevnet : IAsyncDisposable, IDisposable
{
    private static readonly ConcurrentDictionary<int, Process> s_live = new();
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private int _disposed;

    static AnvilDevnet()
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();
    }

    private AnvilDevnet(Process process, ConcurrentQueue<string> output, int port, ulong chainId, byte[] devKey, string hardfork, string path)
    {
        _process = process;
        _output = output;
        Port = port;
        ChainId = chainId;
        DevPrivateKey = devKey;
        Hardfork = hardfork;
        AnvilPath = path;
    }

    /// <summary>The TCP port anvil listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary>The JSON-RPC URL.</summary>
    public string RpcUrl => $"http://127.0.0.1:{Port}";

    /// <summary>The beacon API URL (same server: anvil serves /eth/v1/beacon/blobs).</summary>
    public string BeaconUrl => RpcUrl;

    /// <summary>The chain id.</summary>
    public ulong ChainId { get; }

    /// <summary>The hardfork anvil was started with.</summary>
    public string Hardfork { get; }

    /// <summary>The anvil binary used.</summary>
    public string AnvilPath { get; }

    /// <summary>The process id.</summary>
    public int ProcessId => _process.Id;

    /// <summary>True while the process runs.</summary>
    public bool IsRunning => !_process.HasExited;

    /// <summary>The private key of the first dev account (funded with 10000 ETH; public knowledge, never use it on a real chain).</summary>
    public ReadOnlyMemory<byte> DevPrivateKey { get; }

    /// <summary>The address of the first dev account.</summary>
    public Address DevAddress => BlobTransactionSigner.AddressOf(DevPrivateKey.Span);

    /// <summary>The last lines anvil printed (for error messages).</summary>
    public string RecentOutput => string.Join("\n", _output.TakeLast(30));

    /// <summary>Finds anvil: BLOBS_ANVIL, then BLOBS_TOOLS_DIR/bin/anvil, then .tools/bin/anvil in the app's directory or any parent, then PATH.</summary>
    public static string? FindAnvil()
    {
        foreach (var candidate in Candidates())
            if (File.Exists(candidate)) return Path.GetFullPath(candidate);
        return null;
    }

    private static IEnumerable<string> Candidates()
    {
        var env = Environment.GetEnvironmentVariable("BLOBS_ANVIL");
        if (!string.IsNullOrEmpty(env)) yield return env;
        var tools = Environment.GetEnvironmentVariable("BLOBS_TOOLS_DIR");
        if (!string.IsNullOrEmpty(tools)) yield return Path.Combine(tools, "bin", "anvil");
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                yield return Path.Combine(dir.FullName, ".tools", "bin", "anvil");
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return Path.Combine(dir, "anvil");
    }

    /// <summary>Starts anvil and waits until it answers JSON-RPC.</summary>
    public static async Task<AnvilDevnet> StartAsync(AnvilOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new AnvilOptions();
        var path = options.AnvilPath ?? FindAnvil() ?? throw new AnvilNotFoundException(
            "anvil not found (looked at BLOBS_ANVIL, BLOBS_TOOLS_DIR/bin/anvil, .tools/bin/anvil above the app and the current directory, and PATH); run scripts/bootstrap.sh, or pass --rpc-url to use a running node");
        var psi = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (options.Port is < 0 or > 65535) throw new ArgumentOutOfRangeException(nameof(options), options.Port, "port must be 0 (any free port) to 65535");
        foreach (var a in new[] { "--host", "127.0.0.1", "--port", options.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--hardfork", options.Hardfork })
            psi.ArgumentList.Add(a);
        if (options.NoMining) psi.ArgumentList.Add("--no-mining");
        if (options.BlockTimeSeconds is { } bt) { psi.ArgumentList.Add("--block-time"); psi.ArgumentList.Add(bt.ToString()); }
        if (options.ChainId is { } id) { psi.ArgumentList.Add("--chain-id"); psi.ArgumentList.Add(id.ToString()); }
        foreach (var a in options.ExtraArguments) psi.ArgumentList.Add(a);

        var output = new ConcurrentQueue<string>();
        var listening = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? firstKey = null;
        bool inKeys = false;
        Process process;
        try { process = Process.Start(psi) ?? throw new AnvilNotFoundException($"could not start {path}"); }
        catch (System.ComponentModel.Win32Exception e) { throw new AnvilNotFoundException($"could not start {path}: {e.Message}", e); }
        s_live[process.Id] = process;
        void OnLine(string? line)
        {
            if (line is null) return;
            output.Enqueue(line);
            while (output.Count > 200) output.TryDequeue(out _);
            if (line.Contains("Private Keys", StringComparison.Ordinal)) inKeys = true;
            if (inKeys && firstKey is null && KeyLine().Match(line) is { Success: true } km) firstKey = km.Groups[1].Value;
            if (ListenLine().Match(line) is { Success: true } m) listening.TrySetResult(int.Parse(m.Groups[1].Value));
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) =>
        {
            // Exited can fire before the last lines are read: wait (bounded) for the streams to drain so the message carries
            // anvil's reason. Only the parameterless WaitForExit waits for the asynchronous output handlers.
            try { Task.Run(() => process.WaitForExit()).Wait(TimeSpan.FromSeconds(3)); }
            catch (AggregateException) { }
            var reason = string.Join(" | ", output.Where(l => l.Trim().Length > 0).TakeLast(5));
            // anvil says "Address already in use"; should its line still be unread, a bind of the port tells the same.
            bool portInUse = options.Port != 0 && (reason.Contains("in use", StringComparison.OrdinalIgnoreCase) || PortTaken(options.Port));
            listening.TrySetException(new AnvilNotFoundException($"anvil exited with code {SafeExitCode(process)} before listening: {(reason.Length > 0 ? reason : "no output")}")
            {
                PortInUse = portInUse,
            });
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.StartTimeout);
            int port;
            try { port = await listening.Task.WaitAsync(timeout.Token).ConfigureAwait(false); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"anvil ({path}) did not start listening within {options.StartTimeout.TotalSeconds:0} s: {string.Join(" | ", output.TakeLast(5))}");
            }
            var key = Hex.Decode(firstKey ?? "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80", "anvil dev key");
            using var client = new ExecutionClient($"http://127.0.0.1:{port}");
            ulong chainId = 0;
            for (int attempt = 0; ; attempt++)
            {
                try { chainId = await client.ChainIdAsync(timeout.Token).ConfigureAwait(false); break; }
                catch (RpcException) when (attempt < 50) { await Task.Delay(100, timeout.Token).ConfigureAwait(false); }
            }
            return new AnvilDevnet(process, output, port, chainId, key, options.Hardfork, path);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Completes when the anvil process exits (by itself, or after <see cref="Dispose"/>).</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>anvil's exit code once it has exited; null while it runs.</summary>
    public int? ExitCode
    {
        get
        {
            try { return _process.HasExited ? _process.ExitCode : null; }
            catch (InvalidOperationException) { return null; }
        }
    }

    /// <summary>Mines one block now (anvil evm_mine), for --no-mining devnets.</summary>
    public async Task MineAsync(CancellationToken cancellationToken = default)
    {
        using var rpc = new JsonRpcClient(RpcUrl);
        await rpc.CallAsync("evm_mine", null, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="port"/> on 127.0.0.1 cannot be bound.</summary>
    private static bool PortTaken(int port)
    {
        try
        {
            using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            probe.Start();
            return false;
        }
        catch (System.Net.Sockets.SocketException) { return true; }
    }

    /// <summary>Kills anvil and waits for it to exit.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        Kill(_process);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
        finally
        {
            s_live.TryRemove(process.Id, out _);
            process.Dispose();
        }
    }

    private static void KillAll()
    {
        foreach (var p in s_live.Values.ToArray()) Kill(p);
    }

    private static string SafeExitCode(Process p)
    {
        try { return p.ExitCode.ToString(); } catch (InvalidOperationException) { return "?"; }
    }

    [GeneratedRegex(@"Listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListenLine();

    [GeneratedRegex(@"^\(0\)\s+(0x[0-9a-fA-F]{64})\s*$")]
    private static partial Regex KeyLine();
}
