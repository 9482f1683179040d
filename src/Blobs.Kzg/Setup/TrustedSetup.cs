using System.Text.Json;

namespace Blobs.Kzg;

/// <summary>
/// A KZG trusted setup: 4096 G1 points in monomial and in (bit-reversed) Lagrange form and 65 G2
/// points in monomial form, all compressed. <see cref="Mainnet"/> is the Ethereum ceremony output
/// embedded in this assembly. Loaders accept the c-kzg text format and the consensus-specs JSON
/// format and reject malformed setups with a message that says what and where.
/// </summary>
public sealed class TrustedSetup
{
    private static readonly Lazy<TrustedSetup> s_mainnet = new(LoadEmbedded);

    private TrustedSetup(byte[] g1Monomial, byte[] g1Lagrange, byte[] g2Monomial)
    {
        G1MonomialBytes = g1Monomial;
        G1LagrangeBytes = g1Lagrange;
        G2MonomialBytes = g2Monomial;
    }

    /// <summary>The mainnet ceremony output (c-kzg's trusted_setup.txt, SHA-256 d39b9f2d…0f26b7).</summary>
    public static TrustedSetup Mainnet => s_mainnet.Value;

    /// <summary>4096 × 48 bytes: g1_monomial.</summary>
    public ReadOnlyMemory<byte> G1MonomialBytes { get; }

    /// <summary>4096 × 48 bytes: g1_lagrange, in bit-reversal permutation order as published.</summary>
    public ReadOnlyMemory<byte> G1LagrangeBytes { get; }

    /// <summary>65 × 96 bytes: g2_monomial.</summary>
    public ReadOnlyMemory<byte> G2MonomialBytes { get; }

    /// <summary>Loads a setup file; JSON when its first non-blank character is '{', the c-kzg text format otherwise.</summary>
    public static TrustedSetup Load(string path)
    {
        var text = File.ReadAllText(path);
        return text.AsSpan().TrimStart().StartsWith("{") ? FromJson(text) : FromText(text);
    }

    /// <summary>
    /// Parses the c-kzg text format: the count of G1 points (4096), the count of G2 points (65), then
    /// the G1 Lagrange points, the G2 monomial points and the G1 monomial points, one hex value per line.
    /// </summary>
    public static TrustedSetup FromText(string text)
    {
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int pos = 0;
        int n1 = ReadCount(tokens, ref pos, "G1 point count", KzgConstants.FieldElementsPerBlob);
        int n2 = ReadCount(tokens, ref pos, "G2 point count", KzgConstants.G2PointsInSetup);
        int needed = 2 + n1 + n2 + n1;
        if (tokens.Length != needed)
            throw new FormatException($"trusted setup: expected {needed} values (2 counts, {n1} G1 Lagrange, {n2} G2 monomial, {n1} G1 monomial), found {tokens.Length}");
        var lagrange = ReadPoints(tokens.AsSpan(pos, n1), 48, "g1_lagrange", pos + 1); pos += n1;
        var g2 = ReadPoints(tokens.AsSpan(pos, n2), 96, "g2_monomial", pos + 1); pos += n2;
        var monomial = ReadPoints(tokens.AsSpan(pos, n1), 48, "g1_monomial", pos + 1);
        return Validated(monomial, lagrange, g2);
    }

    /// <summary>Parses the consensus-specs JSON format with arrays <c>g1_monomial</c>, <c>g1_lagrange</c>, <c>g2_monomial</c>.</summary>
    public static TrustedSetup FromJson(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"trusted setup: invalid JSON ({e.Message})", e); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw new FormatException("trusted setup: JSON root must be an object");
            var monomial = ReadJsonArray(root, "g1_monomial", KzgConstants.FieldElementsPerBlob, 48);
            var lagrange = ReadJsonArray(root, "g1_lagrange", KzgConstants.FieldElementsPerBlob, 48);
            var g2 = ReadJsonArray(root, "g2_monomial", KzgConstants.G2PointsInSetup, 96);
            return Validated(monomial, lagrange, g2);
        }
    }

    /// <summary>Builds a setup from raw compressed points (same checks as the loaders).</summary>
    public static TrustedSetup FromBytes(ReadOnlySpan<byte> g1Monomial, ReadOnlySpan<byte> g1Lagrange, ReadOnlySpan<byte> g2Monomial)
    {
        if (g1Monomial.Length != KzgConstants.FieldElementsPerBlob * 48)
            throw new FormatException($"trusted setup: g1_monomial has {g1Monomial.Length} bytes, expected {KzgConstants.FieldElementsPerBlob * 48}");
        if (g1Lagrange.Length != KzgConstants.FieldElementsPerBlob * 48)
            throw new FormatException($"trusted setup: g1_lagrange has {g1Lagrange.Length} bytes, expected {KzgConstants.FieldElementsPerBlob * 48}");
        if (g2Monomial.Length != KzgConstants.G2PointsInSetup * 96)
            throw new FormatException($"trusted setup: g2_monomial has {g2Monomial.Length} bytes, expected {KzgConstants.G2PointsInSetup * 96}");
        return Validated(g1Monomial.ToArray(), g1Lagrange.ToArray(), g2Monomial.ToArray());
    }

    private static TrustedSetup Validated(byte[] monomial, byte[] lagrange, byte[] g2)
    {
        TrustedSetupValidation.CheckPoints(monomial, lagrange, g2);
        return new TrustedSetup(monomial, lagrange, g2);
    }

    private static TrustedSetup LoadEmbedded()
    {
        using var stream = typeof(TrustedSetup).Assembly.GetManifestResourceStream("Blobs.Kzg.trusted_setup.txt")
            ?? throw new InvalidOperationException("embedded mainnet trusted setup is missing from Blobs.Kzg");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // The embedded copy is the checked ceremony output: parse it without re-validating every point.
        var tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int pos = 0;
        int n1 = ReadCount(tokens, ref pos, "G1 point count", KzgConstants.FieldElementsPerBlob);
        int n2 = ReadCount(tokens, ref pos, "G2 point count", KzgConstants.G2PointsInSetup);
        var lagrange = ReadPoints(tokens.AsSpan(pos, n1), 48, "g1_lagrange", pos + 1); pos += n1;
        var g2 = ReadPoints(tokens.AsSpan(pos, n2), 96, "g2_monomial", pos + 1); pos += n2;
        var monomial = ReadPoints(tokens.AsSpan(pos, n1), 48, "g1_monomial", pos + 1);
        return new TrustedSetup(monomial, lagrange, g2);
    }

    private static int ReadCount(string[] tokens, ref int pos, string what, int expected)
    {
        if (pos >= tokens.Length)
            throw new FormatException($"trusted setup: missing {what}");
        if (!int.TryParse(tokens[pos], out int n))
            throw new FormatException($"trusted setup: {what} '{Shorten(tokens[pos])}' is not a number");
        if (n != expected)
            throw new FormatException($"trusted setup: {what} is {n}, expected {expected}");
        pos++;
        return n;
    }

    private static byte[] ReadPoints(ReadOnlySpan<string> values, int size, string what, int firstLine)
    {
        var result = new byte[values.Length * size];
        for (int i = 0; i < values.Length; i++)
            DecodeInto(values[i], result.AsSpan(i * size, size), $"{what}[{i}] (value {firstLine + i})");
        return result;
    }

    private static byte[] ReadJsonArray(JsonElement root, string name, int count, int size)
    {
        if (!root.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
            throw new FormatException($"trusted setup: JSON has no array '{name}'");
        if (array.GetArrayLength() != count)
            throw new FormatException($"trusted setup: '{name}' has {array.GetArrayLength()} points, expected {count}");
        var result = new byte[count * size];
        int i = 0;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
                throw new FormatException($"trusted setup: {name}[{i}] is not a string");
            DecodeInto(item.GetString()!, result.AsSpan(i * size, size), $"{name}[{i}]");
            i++;
        }
        return result;
    }

    private static void DecodeInto(string hex, Span<byte> dest, string where)
    {
        var s = hex.AsSpan();
        if (s.StartsWith("0x") || s.StartsWith("0X")) s = s[2..];
        if (s.Length != dest.Length * 2)
            throw new FormatException($"trusted setup: {where} has {s.Length} hex digits, expected {dest.Length * 2}");
        var status = Convert.FromHexString(s, dest, out _, out _);
        if (status != System.Buffers.OperationStatus.Done)
            throw new FormatException($"trusted setup: {where} is not valid hex");
    }

    private static string Shorten(string s) => s.Length <= 16 ? s : s[..16] + "…";
}
