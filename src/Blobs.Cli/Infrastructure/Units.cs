using System.Globalization;
using System.Numerics;

namespace Blobs.Cli.Infrastructure;

/// <summary>
/// Amounts on the command line: the one parser of wei options (<see cref="ParseWei"/>) and the formats of text output
/// (JSON output keeps exact decimal strings in wei, see <see cref="CliJson"/>).
/// </summary>
public static class Units
{
    private static readonly BigInteger Gwei = BigInteger.Pow(10, 9);
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);
    private static readonly BigInteger MaxWei = BigInteger.One << 256;

    /// <summary>
    /// An amount in wei given to <paramref name="option"/>: a non-negative decimal integer or 0x-hex, below 2^256 (no
    /// sign, no spaces, no exponent). Anything else is a <see cref="CliException"/> (invalid input) naming the option.
    /// </summary>
    public static BigInteger ParseWei(string text, string option)
    {
        if ((text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? text.Length is > 2 and <= 66 && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
                : text.Length is > 0 and <= 78 && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out v))
            && v < MaxWei)
            return v;
        throw new CliException($"{option} '{text}': expected a non-negative integer in wei (decimal or 0x-hex, at most 256 bits)", ExitCodes.InvalidInput);
    }

    /// <summary><see cref="ParseWei"/> for an optional option: null when it was not given.</summary>
    public static BigInteger? ParseWeiOrNull(string? text, string option) => text is null ? null : ParseWei(text, option);

    /// <summary>An amount in wei as "131,072 wei", "1.875 gwei" or "0.004967 ETH" (rounded, in the unit that reads best).</summary>
    public static string Wei(BigInteger wei)
    {
        if (BigInteger.Abs(wei) < 1_000_000) return wei.ToString("N0", CultureInfo.InvariantCulture) + " wei";
        if (BigInteger.Abs(wei) < Gwei * 1_000_000) return Scaled(wei, Gwei, 4) + " gwei";
        return Scaled(wei, Ether, 6) + " ETH";
    }

    /// <summary>An amount in wei exactly, for fee caps a user may copy: "23 wei" below 10^6, else gwei with up to 9 decimals ("2.75035 gwei").</summary>
    public static string WeiExact(BigInteger wei)
    {
        if (wei < 1_000_000) return $"{wei.ToString(CultureInfo.InvariantCulture)} wei";
        var gwei = BigInteger.DivRem(wei, Gwei, out var rem);
        var frac = rem.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        var whole = gwei.ToString(CultureInfo.InvariantCulture);
        return frac.Length == 0 ? $"{whole} gwei" : $"{whole}.{frac} gwei";
    }

    /// <summary>A count with thousands separators.</summary>
    public static string Count(BigInteger n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A fraction as a percentage with one decimal.</summary>
    public static string Percent(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    private static string Scaled(BigInteger wei, BigInteger unit, int decimals)
    {
        var whole = BigInteger.DivRem(wei, unit, out var rest);
        var frac = (decimal)BigInteger.Abs(rest) / (decimal)unit;
        var digits = Math.Round(frac, decimals, MidpointRounding.AwayFromZero);
        if (digits >= 1m) { whole += wei.Sign; digits = 0; }
        var fracText = digits.ToString("0." + new string('#', decimals), CultureInfo.InvariantCulture).TrimStart('0');
        return whole.ToString("N0", CultureInfo.InvariantCulture) + (fracText.Length > 1 ? fracText : "");
    }
}
