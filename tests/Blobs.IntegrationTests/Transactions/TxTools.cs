using System.Diagnostics;
using System.Runtime.CompilerServices;
using Blobs.Devnet;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Transactions;

/// <summary>
/// What the end-to-end transaction tests need: anvil and cast (from BLOBS_TOOLS_DIR or .tools), a KZG backend,
/// and sidecars made by <c>cast mktx --blob</c> (cast's own KZG), so that sending is tested even without ours.
/// A missing tool skips the test, except under CI=true, where it fails.
/// </summary>
internal static class TxTools
{
    /// <summary>anvil's first dev account (public knowledge).</summary>
    public const string DevKeyHex = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static byte[] DevKey => Hex.Decode(DevKeyHex);

    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips (or, under CI=true, fails) when <paramref name="condition"/> holds.</summary>
    public static void Require(bool available, string reason)
    {
        if (available) return;
        if (InCi) throw new InvalidOperationException($"CI=true and {reason}");
        Skip.If(true, reason);
    }

    /// <summary>The directory holding anvil and cast.</summary>
    public static string Bin([CallerFilePath] string here = "")
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("BLOBS_TOOLS_DIR") is { Length: > 0 } env) candidates.Add(Path.Combine(env, "bin"));
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(here) ?? "" })
            for (var dir = start.Length > 0 ? new DirectoryInfo(start) : null; dir is not null; dir = dir.Parent)
                candidates.Add(Path.Combine(dir.FullName, ".tools", "bin"));
        var found = candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "anvil")) && File.Exists(Path.Combine(c, "cast")));
        Require(found is not null, "anvil/cast not installed (run scripts/bootstrap.sh)");
        return found!;
    }

    /// <summary>
    /// Starts anvil (the toolkit's own <see cref="AnvilDevnet"/>) with the given hardfork, its KZG settings loaded up front
    /// (<see cref="AnvilDevnet.WarmUpKzgAsync"/>) so that a test's first blob transaction does not wait for them past the JSON-RPC timeout.
    /// </summary>
    public static async Task<AnvilDevnet> AnvilAsync(string hardfork, bool noMining = false)
    {
        var anvil = await AnvilDevnet.StartAsync(new AnvilOptions { Hardfork = hardfork, NoMining = noMining, AnvilPath = Path.Combine(Bin(), "anvil") });
        await anvil.WarmUpKzgAsync();
        return anvil;
    }

    private static readonly Lazy<(KzgContext? Context, string Why)> s_kzg = new(() =>
    {
        try
        {
            var ctx = KzgContext.Default;
            _ = ctx.BlobToKzgCommitment(new byte[KzgConstants.BytesPerBlob]);
            return (ctx, "");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            return (null, e.Message);
        }
    });

    /// <summary>A working KZG context (native or managed); skips (fails under CI) when none is built yet.</summary>
    public static KzgContext Kzg()
    {
        Require(s_kzg.Value.Context is not null, "no KZG backend available: " + s_kzg.Value.Why);
        return s_kzg.Value.Context!;
    }

    /// <summary>
    /// A sidecar computed by cast (Foundry's c-kzg) for <paramref name="data"/> encoded with alloy's SimpleCoder:
    /// <c>cast mktx --blob [--eip4844]</c> offline, decoded by our codec.
    /// </summary>
    public static BlobSidecar CastSidecar(byte[] data, SidecarVersion version)
    {
        var file = Path.Combine(Path.GetTempPath(), $"blobs-tx-it-{Environment.ProcessId}-{Guid.NewGuid():n}.bin");
        File.WriteAllBytes(file, data);
        try
        {
            var args = new List<string> { "mktx", "--private-key", DevKeyHex, "--chain", "31337", "--nonce", "0", "--gas-limit", "21000",
                "--gas-price", "1", "--priority-gas-price", "1", "--blob-gas-price", "1", "--blob" };
            if (version == SidecarVersion.V0) args.Add("--eip4844");
            args.AddRange(["--path", file, "0x000000000000000000000000000000000000dEaD"]);
            var hex = Cast(args);
            return BlobTransactionCodec.DecodeHex(hex).Sidecar!;
        }
        finally { File.Delete(file); }
    }

    /// <summary>Runs cast with the arguments; returns stdout (trimmed); throws with stderr on failure.</summary>
    public static string Cast(IEnumerable<string> args, string? stdin = null)
    {
        var psi = new ProcessStartInfo(Path.Combine(Bin(), "cast"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        if (stdin is not null) { p.StandardInput.Write(stdin); p.StandardInput.Close(); }
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("cast did not finish in 120 s"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"cast {string.Join(' ', psi.ArgumentList.Take(1))} failed ({p.ExitCode}): {stderr.Result}");
        return stdout.Result.Trim();
    }

    /// <summary>Seeded random bytes.</summary>
    public static byte[] RandomBytes(int length, int seed)
    {
        var b = new byte[length];
        new Random(seed).NextBytes(b);
        return b;
    }

    /// <summary>A byte count whose SimpleCoder encoding needs exactly <paramref name="blobs"/> blobs (header element, 31 bytes per element).</summary>
    public static int SimpleBytesFor(int blobs) => (blobs * 4096 - 1) * 31 - 1000;
}
