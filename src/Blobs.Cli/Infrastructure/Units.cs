using System.Globalization;
using System.Numerics;

namespace Blobs.Cli.Infrastructure;

/// <summary>Human formatting of amounts for text output (JSON output keeps exact decimal strings in wei).</summary>
public static class Units
{
    private static readonly BigInteger Gwei = BigInteger.Pow(10, 9);
    private static readonly BigInteger Ether = BigInteger.Pow(10, 18);

    /// <summary>An amount in wei as "131,072 wei", "1.875 gwei" or "0.004967 ETH" (wei below a million gwei... shown in the unit that reads best).</summary>
    public static string Wei(BigInteger wei)
    {
        if (BigInteger.Abs(wei) < 1_000_000) return wei.ToString("N0", CultureInfo.InvariantCulture) + " wei";
        if (BigInteger.Abs(wei) < Gwei * 1_000_000) return Scaled(wei, Gwei, 4) + " gwei";
        return Scaled(wei, Ether, 6) + " ETH";
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
