using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Blobs.Tests.Codecs;

/// <summary>Loads <c>vectors/codecs/*.json</c> (made by the peer tools, see vectors/codecs/README.md) relative to this source file.</summary>
internal static class CodecVectors
{
    public static string Directory([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !System.IO.Directory.Exists(Path.Combine(dir.FullName, "vectors", "codecs"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("vectors/codecs not found above " + here);
        return Path.Combine(dir.FullName, "vectors", "codecs");
    }

    public static List<JsonElement> Cases(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory(), file)));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
        if (cases.Count == 0) throw new InvalidDataException(file + " has no cases");
        return cases;
    }

    /// <summary>xUnit member data: (file, case name) so that each case is its own test.</summary>
    public static IEnumerable<object[]> Names(string file) => Cases(file).Select(c => new object[] { file, c.GetProperty("name").GetString()! });

    public static JsonElement Case(string file, string name) => Cases(file).Single(c => c.GetProperty("name").GetString() == name);

    /// <summary>The input a case describes: literal hex, or sha256-ctr(seed, length) with the last zeroTail bytes zeroed.</summary>
    public static byte[] Input(JsonElement c)
    {
        var spec = c.GetProperty("input");
        if (spec.TryGetProperty("hex", out var hex)) return Convert.FromHexString(hex.GetString()!.AsSpan(2));
        var data = Sha256Ctr(spec.GetProperty("seed").GetString()!, spec.GetProperty("length").GetInt32());
        if (spec.TryGetProperty("zeroTail", out var z)) data.AsSpan(Math.Max(0, data.Length - z.GetInt32())).Clear();
        return data;
    }

    /// <summary>SHA-256(UTF-8 seed ‖ uint32 big-endian k) for k = 0, 1, … concatenated, cut to <paramref name="length"/>.</summary>
    public static byte[] Sha256Ctr(string seed, int length)
    {
        var output = new byte[length];
        var block = new byte[Encoding.UTF8.GetByteCount(seed) + 4];
        Encoding.UTF8.GetBytes(seed, block);
        Span<byte> digest = stackalloc byte[32];
        for (int k = 0, o = 0; o < length; k++, o += 32)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(block.AsSpan(block.Length - 4), (uint)k);
            SHA256.HashData(block, digest);
            digest[..Math.Min(32, length - o)].CopyTo(output.AsSpan(o));
        }
        return output;
    }

    public static string[] Strings(JsonElement c, string property) => c.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
