using System.Runtime.CompilerServices;
using System.Text.Json;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>Locates the cast-made vectors in vectors/transactions (see make.sh there).</summary>
internal static class TxVectors
{
    public static readonly string[] Names = ["v0-1blob-accesslist", "v1-1blob-accesslist", "v0-2blobs", "v1-2blobs"];

    public const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    public static string Dir([CallerFilePath] string source = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(source)!, "..", "..", "..", "vectors", "transactions"));

    public static string Hex(string name) => File.ReadAllText(Path.Combine(Dir(), name + ".hex")).Trim();

    public static byte[] Bytes(string name) => Blobs.Kzg.Hex.Decode(Hex(name));

    public static JsonElement Cast(string name) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(), name + ".cast.json"))).RootElement;

    public static string? CastPath()
    {
        var dir = Environment.GetEnvironmentVariable("BLOBS_TOOLS_DIR");
        var candidates = new List<string>();
        if (dir is not null) candidates.Add(Path.Combine(dir, "bin", "cast"));
        candidates.Add(Path.GetFullPath(Path.Combine(Dir(), "..", "..", ".tools", "bin", "cast")));
        candidates.Add("/work/main/.tools/bin/cast");
        return candidates.FirstOrDefault(File.Exists);
    }

    public static string Q(System.Numerics.BigInteger v) => "0x" + (v.IsZero ? "0" : v.ToString("x").TrimStart('0'));
}
