using System.Globalization;
using Blobs.Fees;

namespace Blobs.Cli.Infrastructure;

/// <summary>
/// The chains <c>--chain</c> knows by name (the fee library's built-in schedules: mainnet, sepolia, hoodi) and what it
/// checks: the node's eth_chainId must be the chain's id before anything is computed or signed.
/// </summary>
public static class ChainPresets
{
    /// <summary>The names accepted besides a decimal chain id.</summary>
    public static IReadOnlyList<string> Names => ForkSchedule.Presets.Select(p => p.Name).ToArray();

    /// <summary>The chain id for a preset name or a decimal id; <see cref="CliException"/> (invalid input) otherwise.</summary>
    public static ulong ChainId(string text, string option = "--chain")
    {
        var preset = ForkSchedule.Presets.FirstOrDefault(p => string.Equals(p.Name, text, StringComparison.OrdinalIgnoreCase));
        if (preset?.ChainId is { } id) return id;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0) return n;
        throw new CliException($"{option} '{text}': expected {string.Join(", ", Names)} or a chain id", ExitCodes.InvalidInput);
    }

    /// <summary>"sepolia (11155111)" for a known chain, else "chain 12345".</summary>
    public static string Describe(ulong chainId) =>
        ForkSchedule.ForChainId(chainId) is { } p ? $"{p.Name} ({chainId})" : chainId == 31337 ? "anvil devnet (31337)" : $"chain {chainId}";
}
