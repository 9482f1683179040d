using System.Text.RegularExpressions;
using Blobs.Kzg;

namespace Blobs.Cli.Tests.Kzg;

/// <summary>
/// Shared by the KZG command tests: the native backend as the oracle (its own instance, not the one
/// the CLI uses), a scratch directory for blob files, and the official vector files. A missing
/// libckzg skips the tests, and fails them under CI=true.
/// </summary>
internal static partial class KzgCli
{
    private static readonly Lazy<(KzgContext? Context, string Why)> s_oracle = new(() =>
        KzgBackends.TryCreateNative(TrustedSetup.Mainnet, out var backend, out var why) ? (new KzgContext(backend!), "") : (null, why));

    public static bool IsCI => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The native oracle; skips (or fails under CI) when it cannot load.</summary>
    public static KzgContext Oracle()
    {
        var (context, why) = s_oracle.Value;
        if (context is not null) return context;
        Require(false, "native KZG backend unavailable: " + why);
        return null!;
    }

    /// <summary>Skips with <paramref name="reason"/>, or fails under CI.</summary>
    public static void Require(bool condition, string reason)
    {
        if (condition) return;
        if (IsCI) Assert.Fail("CI=true: " + reason);
        throw new Xunit.SkipException(reason);
    }

    /// <summary>Runs the CLI in process.</summary>
    public static Task<(int Code, string Out, string Err)> Run(params string[] args) => Cli.Run(args);

    /// <summary>Seeded random blob of canonical elements (each below 2^254).</summary>
    public static byte[] RandomBlob(int seed)
    {
        var rng = new Random(seed);
        var blob = new byte[KzgConstants.BytesPerBlob];
        rng.NextBytes(blob);
        for (int off = 0; off < blob.Length; off += 32) blob[off] &= 0x3f;
        return blob;
    }

    /// <summary>The official vector root: BLOBS_KZG_VECTORS, else ../shared/vectors/kzg beside the repository.</summary>
    public static string VectorRoot
    {
        get
        {
            var env = Environment.GetEnvironmentVariable("BLOBS_KZG_VECTORS");
            if (!string.IsNullOrWhiteSpace(env)) return env;
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Blobs.sln")))
                    return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "vectors", "kzg"));
            return Path.GetFullPath(Path.Combine("..", "shared", "vectors", "kzg"));
        }
    }

    /// <summary>
    /// Reads the top-level scalar fields of a vector's data.yaml (blob, commitment, output): enough for the
    /// blob_to_kzg_commitment and compute_blob_kzg_proof cases these tests use.
    /// </summary>
    public static Dictionary<string, string> ReadVector(string handler, string caseName)
    {
        var text = File.ReadAllText(Path.Combine(VectorRoot, handler, "kzg-mainnet", caseName, "data.yaml"));
        return ScalarField().Matches(text).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
    }

    [GeneratedRegex(@"^\s*(blob|commitment|output):\s*'(0x[0-9a-f]*)'\s*$", RegexOptions.Multiline)]
    private static partial Regex ScalarField();
}

/// <summary>A scratch directory deleted after the test.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "blobs-cli-kzg-" + Guid.NewGuid().ToString("N"));

    /// <summary>Writes raw bytes to a new file and returns its path.</summary>
    public string Raw(string name, ReadOnlySpan<byte> bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(file, bytes.ToArray());
        return file;
    }

    /// <summary>Writes 0x-hex text (with a trailing newline) to a new file and returns its path.</summary>
    public string HexText(string name, ReadOnlySpan<byte> bytes)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, Blobs.Kzg.Hex.Encode(bytes) + "\n");
        return file;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
