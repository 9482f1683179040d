using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;
using Blobs.Cli;
using Blobs.IntegrationTests.Transactions;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// Runs the <c>blob</c> command the way a person does: as its own process (<c>dotnet blob.dll</c> from the test output,
/// which the project reference builds), stdout and stderr piped, from the repository root so that <c>samples/</c> resolves;
/// or in process through <see cref="BlobCli.RunAsync"/> for the cheaper checks.
/// </summary>
internal static class CliProcess
{
    /// <summary>The repository root (where <c>blob</c>, <c>samples/</c> and <c>README.md</c> are).</summary>
    public static string RepoRoot([CallerFilePath] string here = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(here)!, "..", "..", ".."));

    /// <summary>The built CLI next to the tests.</summary>
    public static string BlobDll => Path.Combine(AppContext.BaseDirectory, "blob.dll");

    /// <summary>Environment for a child: the tools directory (anvil, libckzg) the tests use, and whatever <paramref name="extra"/> adds or removes (null value).</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? extra = null, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? RepoRoot(),
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(BlobDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        var tools = Path.GetDirectoryName(TxTools.Bin())!;
        psi.Environment["BLOBS_TOOLS_DIR"] = tools;
        if (File.Exists(Path.Combine(tools, "native", "libckzg.so"))) psi.Environment["BLOBS_CKZG_PATH"] = Path.Combine(tools, "native", "libckzg.so");
        psi.Environment.Remove("BLOB_PRIVATE_KEY");
        psi.Environment.Remove("NO_COLOR");
        if (extra is not null)
            foreach (var (k, v) in extra)
                if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        return psi;
    }

    /// <summary>Runs the CLI as a process to the end (at most <paramref name="timeoutSeconds"/>); returns exit code and both streams.</summary>
    public static async Task<(int Code, string Out, string Err)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string?>? extra = null,
        string? workingDirectory = null, int timeoutSeconds = 240)
    {
        using var p = Process.Start(StartInfo(args, extra, workingDirectory))!;
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try { await p.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"blob {string.Join(' ', args)} did not finish in {timeoutSeconds} s; stderr: {await stderr}");
        }
        return (p.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the CLI in this process.</summary>
    public static async Task<(int Code, string Out, string Err)> InProcessAsync(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await BlobCli.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>The last non-empty line of <paramref name="text"/>.</summary>
    public static string LastLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>Sends SIGTERM to <paramref name="pid"/> (what Ctrl-C's sibling, a service stop, does).</summary>
    public static void Terminate(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", pid.ToString() }, UseShellExecute = false })!;
        kill.WaitForExit(5000);
    }
}
