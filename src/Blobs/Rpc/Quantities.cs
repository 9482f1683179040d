using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Blobs.Rpc;

/// <summary>JSON-RPC quantities ("0x…" hex, no leading zeros) to and from numbers.</summary>
public static class Quantities
{
    /// <summary>Formats a non-negative integer as a JSON-RPC quantity.</summary>
    public static string ToHex(BigInteger value) =>
        value.Sign < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value.IsZero ? "0x0" : "0x" + value.ToString("x").TrimStart('0');

    /// <summary>Formats a 64-bit quantity.</summary>
    public static string ToHex(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    /// <summary>Parses a quantity; throws <see cref="FormatException"/> naming <paramref name="what"/>.</summary>
    public static BigInteger Parse(string? text, string what)
    {
        if (text is null || !text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || text.Length < 3)
            throw new FormatException($"{what}: '{text}' is not a hex quantity");
        if (!BigInteger.TryParse("0" + text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"{what}: '{text}' is not a hex quantity");
        return v;
    }

    /// <summary>Parses a quantity that fits 64 bits.</summary>
    public static ulong ParseUInt64(string? text, string what)
    {
        var v = Parse(text, what);
        if (v > ulong.MaxValue) throw new FormatException($"{what}: {text} does not fit 64 bits");
        return (ulong)v;
    }

    /// <summary>Reads a quantity property; null when absent or null.</summary>
    public static BigInteger? Get(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var p) && p.ValueKind == JsonValueKind.String
            ? Parse(p.GetString(), property) : null;
}
