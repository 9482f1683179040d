using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Blobs.Fees;

/// <summary>JSON-RPC quantities: JSON numbers, decimal strings or 0x-hex strings, never negative.</summary>
internal static class Quantity
{
    /// <summary>Parses a JSON number, decimal string or 0x-hex quantity into 64 bits.</summary>
    internal static ulong Parse(JsonElement v, string what)
    {
        var big = ParseBig(v, what);
        if (big > ulong.MaxValue) throw new FormatException($"{what}: {big} does not fit in 64 bits");
        return (ulong)big;
    }

    /// <summary>Parses a JSON number, decimal string or 0x-hex quantity of any size (non-negative).</summary>
    internal static BigInteger ParseBig(JsonElement v, string what)
    {
        switch (v.ValueKind)
        {
            case JsonValueKind.Number:
                var raw = v.GetRawText();
                if (!BigInteger.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                    throw new FormatException($"{what}: '{raw}' is not a non-negative integer");
                return n;
            case JsonValueKind.String:
                return ParseText(v.GetString()!, what);
            default:
                throw new FormatException($"{what}: expected a number or a quantity string, got {v.ValueKind}");
        }
    }

    /// <summary>Parses a decimal or 0x-hex quantity string.</summary>
    internal static BigInteger ParseText(string s, string what)
    {
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            var hex = s[2..];
            if (hex.Length == 0 || hex.Length > 128 || !hex.All(Uri.IsHexDigit)) throw new FormatException($"{what}: '{s}' is not a hex quantity");
            return BigInteger.Parse("0" + hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
        }
        if (s.Length == 0 || s.Length > 80 || !s.All(char.IsAsciiDigit)) throw new FormatException($"{what}: '{s}' is not a quantity");
        return BigInteger.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture);
    }
}
