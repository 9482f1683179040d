using System.Diagnostics;
using System.Text.Json;
using Blobs.IntegrationTests.Transactions;
using Blobs.Kzg;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// The .NET tool package: scripts/pack-tool.sh packs src/Blobs.Cli and installs it with <c>dotnet tool install --tool-path</c>
/// from the package directory; the installed <c>blob</c> then runs from a directory outside the checkout: its help, a KZG
/// command without libckzg (a clear "no backend" line while the managed backend is not built), and the main job with its
/// tools found through BLOBS_TOOLS_DIR alone.
/// </summary>
public sealed class PackagedToolTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("blobs-tool-").FullName;

    private static async Task<(int Code, string Out, string Err)> Run(string file, IEnumerable<string> args, string cwd, IReadOnlyDictionary<string, string?> env, int timeoutSeconds = 300)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = cwd };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var k in new[] { "BLOBS_TOOLS_DIR", "BLOBS_CKZG_PATH", "BLOBS_ANVIL", "BLOB_PRIVATE_KEY" }) psi.Environment.Remove(k);
        foreach (var (k, v) in env) if (v is null) psi.Environment.Remove(k); else psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000)) { p.Kill(true); throw new TimeoutException($"{file} {string.Join(' ', args)}: no exit in {timeoutSeconds} s"); }
        return (p.ExitCode, await o, await e);
    }

    [SkippableFact]
    public async Task Packed_tool_installs_and_runs_outside_the_checkout()
    {
        var tools = Path.GetDirectoryName(TxTools.Bin())!;
        var root = CliProcess.RepoRoot();
        var toolPath = Path.Combine(_dir, "tool");
        var noEnv = new Dictionary<string, string?>();

        // 1. Pack and install; the script prints the installed command's path.
        var (code, output, err) = await Run("bash", [Path.Combine(root, "scripts", "pack-tool.sh"), toolPath], root, noEnv, 600);
        Assert.True(code == 0, err);
        var blob = output.Trim();
        Assert.Equal(Path.Combine(toolPath, "blob"), blob);
        Assert.True(File.Exists(blob));

        // 2. Help, from a directory that is not the checkout.
        var cwd = Directory.CreateDirectory(Path.Combine(_dir, "work")).FullName;
        (code, output, err) = await Run(blob, ["--help"], cwd, noEnv);
        Assert.True(code == 0, err);
        Assert.Contains("Exit codes:", output);
        Assert.Contains("devnet", output);

        // 3. A KZG command with no libckzg anywhere: one clear line while there is no managed backend, else a commitment.
        File.WriteAllBytes(Path.Combine(cwd, "zero.blob"), new byte[131072]);
        (code, output, err) = await Run(blob, ["commit", "zero.blob", "--json"], cwd, noEnv);
        bool managed = HasManagedBackend();
        if (managed) Assert.True(code == 0, err);
        else
        {
            Assert.Equal(1, code);
            Assert.StartsWith("error: no KZG backend available", err.Trim());
            Assert.Contains("libckzg.so not found", err);
            Assert.Contains("managed", err);
        }

        // 4. The main job with the tools found through BLOBS_TOOLS_DIR only (anvil in bin/, libckzg in native/).
        File.Copy(Path.Combine(root, "samples", "batch.jsonl"), Path.Combine(cwd, "batch.jsonl"));
        (code, output, err) = await Run(blob, ["send", "batch.jsonl", "--json"], cwd, new Dictionary<string, string?> { ["BLOBS_TOOLS_DIR"] = tools });
        Assert.True(code == 0, err);
        Assert.True(Blobs.Cli.Tests.JsonConvention.Parse(output).GetProperty("verified").GetBoolean());
    }

    private static bool HasManagedBackend()
    {
        try { _ = KzgBackends.Create(KzgBackendKind.Managed); return true; }
        catch (NotSupportedException) { return false; }
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
