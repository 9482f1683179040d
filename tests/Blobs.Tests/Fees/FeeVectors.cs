using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Blobs.Tests.Fees;

/// <summary>Locates and loads <c>vectors/fees/*.json</c> relative to this source file (the build output may live anywhere).</summary>
internal static class FeeVectors
{
    public static string Directory([CallerFilePath] string here = "")
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(here)!);
        while (dir is not null && !System.IO.Directory.Exists(Path.Combine(dir.FullName, "vectors", "fees"))) dir = dir.Parent;
        if (dir is null) throw new DirectoryNotFoundException("vectors/fees not found above " + here);
        return Path.Combine(dir.FullName, "vectors", "fees");
    }

    public static IEnumerable<JsonElement> Cases(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory(), file)));
        var cases = doc.RootElement.GetProperty("cases").EnumerateArray().Select(e => e.Clone()).ToList();
        if (cases.Count == 0) throw new InvalidDataException(file + " has no cases");
        return cases;
    }

    /// <summary>xUnit member data: (index, case JSON text) so that each case is its own test.</summary>
    public static IEnumerable<object[]> Data(string file) =>
        Cases(file).Select((c, i) => new object[] { i, c.GetRawText() });
}
