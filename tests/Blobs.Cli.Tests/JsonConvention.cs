using System.Text.Json;
using System.Text.RegularExpressions;

namespace Blobs.Cli.Tests;

/// <summary>
/// The JSON convention README.md states for every <c>--json</c> output, as a check over a whole document: amounts in wei
/// (properties named value, …Fee, …FeePerGas, …FeePerBlobGas, …GasPrice, …Wei, …Cost, …Paid) are decimal strings;
/// counts, gas, excess blob gas, update fractions, block numbers, nonces and chain ids are JSON numbers, and every number
/// is an integer except the ratios; every 0x-string is lowercase hex. (Also compiled into the integration tests.)
/// </summary>
internal static partial class JsonConvention
{
    /// <summary>The only properties that may hold a fraction.</summary>
    private static readonly HashSet<string> Ratios = ["fillRatio", "efficiency"];

    [GeneratedRegex("^value$|Fee$|FeePerGas$|FeePerBlobGas$|GasPrice$|Wei$|Cost$|Paid$")]
    private static partial Regex WeiName();

    [GeneratedRegex("^(chainId|nonce|blockNumber|headBlock|block|offset|target|max|nextTarget|nextMax|updateFraction|nextUpdateFraction|withinBlocks|type|yParity|port|pid|blobs|blobsUsed)$|Gas$|GasUsed$|Bytes$|Tokens$|Transactions$")]
    private static partial Regex NumberName();

    [GeneratedRegex("^(0|[1-9][0-9]*)$")]
    private static partial Regex Decimal();

    [GeneratedRegex("^0x[0-9a-f]*$")]
    private static partial Regex LowerHex();

    /// <summary>Fails with every place in <paramref name="json"/> that breaks the convention.</summary>
    public static void Check(JsonElement json)
    {
        var problems = new List<string>();
        Walk(json, "$", null, problems);
        Assert.True(problems.Count == 0, "JSON convention broken:\n" + string.Join("\n", problems));
    }

    /// <summary>Parses <paramref name="text"/> (one JSON value, nothing else), checks it, and returns it.</summary>
    public static JsonElement Parse(string text)
    {
        var root = JsonDocument.Parse(text).RootElement.Clone();
        Check(root);
        return root;
    }

    private static void Walk(JsonElement e, string path, string? name, List<string> problems)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in e.EnumerateObject()) Walk(p.Value, path + "." + p.Name, p.Name, problems);
                return;
            case JsonValueKind.Array:
                int i = 0;
                foreach (var item in e.EnumerateArray()) Walk(item, $"{path}[{i++}]", null, problems);
                return;
            case JsonValueKind.Number:
                if (name is not null && WeiName().IsMatch(name)) problems.Add($"{path}: an amount in wei must be a decimal string, not the number {e.GetRawText()}");
                else if (!(name is not null && Ratios.Contains(name)) && !Decimal().IsMatch(e.GetRawText()))
                    problems.Add($"{path}: {e.GetRawText()} is not a whole non-negative number");
                return;
            case JsonValueKind.String:
                var s = e.GetString()!;
                if (name is not null && WeiName().IsMatch(name))
                {
                    if (!Decimal().IsMatch(s)) problems.Add($"{path}: an amount in wei must be a decimal string, not '{s}'");
                }
                else if (name is not null && NumberName().IsMatch(name)) problems.Add($"{path}: must be a JSON number, not the string '{s}'");
                if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && !LowerHex().IsMatch(s))
                    problems.Add($"{path}: '{(s.Length > 80 ? s[..80] + "…" : s)}' is not lowercase 0x-hex");
                return;
        }
    }
}
