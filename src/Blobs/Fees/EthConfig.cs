using System.Text.Json;

namespace Blobs.Fees;

/// <summary>A parsed <c>eth_config</c> answer (EIP-7910): the current fork, the next scheduled one and the last one configured.</summary>
/// <param name="Current">The fork in force at the node's head.</param>
/// <param name="Next">The next scheduled fork, or <c>null</c>.</param>
/// <param name="Last">The last configured fork, or <c>null</c>.</param>
public sealed record EthConfig(EthConfigFork Current, EthConfigFork? Next, EthConfigFork? Last)
{
    private const string P256VerifyAddress = "0x0000000000000000000000000000000000000100";

    /// <summary>Parses the <c>result</c> object of <c>eth_config</c>.</summary>
    /// <exception cref="FormatException">A field is missing or malformed; the message names it.</exception>
    public static EthConfig Parse(JsonElement result)
    {
        if (result.ValueKind != JsonValueKind.Object) throw new FormatException($"eth_config: expected an object, got {result.ValueKind}");
        if (!result.TryGetProperty("current", out var current) || current.ValueKind != JsonValueKind.Object)
            throw new FormatException("eth_config: missing 'current'");
        return new EthConfig(ParseFork(current, "current"), ParseOptional(result, "next"), ParseOptional(result, "last"));
    }

    /// <summary>Parses the JSON text of the <c>result</c> object of <c>eth_config</c>.</summary>
    public static EthConfig Parse(string json)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new FormatException($"eth_config: not JSON ({e.Message})", e); }
        using (doc) return Parse(doc.RootElement);
    }

    /// <summary>
    /// The fork schedule the node announces: its current fork, then next and last when they differ. Times before the
    /// current fork are not covered (the node does not say what came before). Fork names are guessed from the schedules
    /// (<see cref="ForkActivation.GuessName"/>), else <c>fork@time</c>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The current fork has no blob schedule (before Cancun).</exception>
    public ForkSchedule ToForkSchedule()
    {
        if (Current.Schedule is null) throw new InvalidOperationException("eth_config: the current fork has no blobSchedule (blobs are not active)");
        var forks = new List<ForkActivation> { ToActivation(Current) };
        foreach (var f in new[] { Next, Last })
        {
            if (f?.Schedule is null || f.ActivationTime <= forks[^1].ActivationTime) continue;
            forks.Add(ToActivation(f));
        }
        return new ForkSchedule("eth_config", Current.ChainId, forks);
    }

    private static ForkActivation ToActivation(EthConfigFork f) =>
        new(ForkActivation.GuessName(f.Schedule!, f.ReservePrice) ?? $"fork@{f.ActivationTime}", f.ActivationTime, f.Schedule!, f.ReservePrice);

    private static EthConfigFork? ParseOptional(JsonElement result, string name) =>
        result.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object ? ParseFork(e, name) : null;

    private static EthConfigFork ParseFork(JsonElement e, string where)
    {
        ulong activation = ReadUInt64(e, "activationTime", where);
        ulong chainId = ReadUInt64(e, "chainId", where);
        BlobSchedule? schedule = null;
        if (e.TryGetProperty("blobSchedule", out var bs) && bs.ValueKind == JsonValueKind.Object)
        {
            ulong target = ReadUInt64(bs, "target", where + ".blobSchedule");
            ulong max = ReadUInt64(bs, "max", where + ".blobSchedule");
            ulong fraction = ReadUInt64(bs, "baseFeeUpdateFraction", where + ".blobSchedule");
            if (target > int.MaxValue || max > int.MaxValue) throw new FormatException($"eth_config: {where}.blobSchedule target/max out of range");
            try { schedule = new BlobSchedule((int)target, (int)max, fraction); }
            catch (ArgumentOutOfRangeException ex) { throw new FormatException($"eth_config: {where}.blobSchedule: {ex.Message}", ex); }
        }
        bool osaka = false;
        if (e.TryGetProperty("precompiles", out var pre) && pre.ValueKind == JsonValueKind.Object)
        {
            foreach (var p in pre.EnumerateObject())
            {
                if (p.Name.Equals("P256VERIFY", StringComparison.OrdinalIgnoreCase)
                    || (p.Value.ValueKind == JsonValueKind.String && string.Equals(p.Value.GetString(), P256VerifyAddress, StringComparison.OrdinalIgnoreCase)))
                    osaka = true;
            }
        }
        return new EthConfigFork(activation, chainId, schedule, osaka);
    }

    private static ulong ReadUInt64(JsonElement obj, string name, string where)
    {
        if (!obj.TryGetProperty(name, out var v)) throw new FormatException($"eth_config: {where}.{name} is missing");
        return Quantity.Parse(v, $"eth_config: {where}.{name}");
    }
}
