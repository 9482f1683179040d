namespace Blobs.Fees;

/// <summary>
/// A chain's blob schedules over time: forks ordered by activation time. Built-in presets for mainnet, Sepolia
/// and Hoodi (<see cref="Mainnet"/>, <see cref="Sepolia"/>, <see cref="Hoodi"/>); a node's own answer to
/// <c>eth_config</c> (EIP-7910) gives another (<see cref="EthConfig.ToForkSchedule"/>) and wins over the presets.
/// </summary>
public sealed record ForkSchedule
{
    /// <summary>Creates a schedule; the forks must be in strictly increasing activation order.</summary>
    /// <exception cref="ArgumentException">No forks, or activation times not strictly increasing.</exception>
    public ForkSchedule(string name, ulong? chainId, IReadOnlyList<ForkActivation> forks)
    {
        ArgumentNullException.ThrowIfNull(forks);
        if (forks.Count == 0) throw new ArgumentException("a fork schedule needs at least one fork", nameof(forks));
        for (int i = 1; i < forks.Count; i++)
        {
            if (forks[i].ActivationTime <= forks[i - 1].ActivationTime)
                throw new ArgumentException($"fork schedule: {forks[i].Name} activates at {forks[i].ActivationTime}, not after {forks[i - 1].Name} at {forks[i - 1].ActivationTime}", nameof(forks));
        }
        Name = name;
        ChainId = chainId;
        Forks = forks.ToArray();
    }

    /// <summary>Name of the chain or source (<c>mainnet</c>, <c>sepolia</c>, <c>hoodi</c>, <c>eth_config</c>…).</summary>
    public string Name { get; }

    /// <summary>Chain id, when known.</summary>
    public ulong? ChainId { get; }

    /// <summary>Forks in increasing activation order.</summary>
    public IReadOnlyList<ForkActivation> Forks { get; }

    /// <summary>The fork in force for a block with timestamp <paramref name="timestamp"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The timestamp is before the first blob fork of this schedule.</exception>
    public ForkActivation At(ulong timestamp) => TryAt(timestamp)
        ?? throw new ArgumentOutOfRangeException(nameof(timestamp), timestamp, $"{Name}: timestamp {timestamp} is before the first blob fork ({Forks[0].Name} at {Forks[0].ActivationTime})");

    /// <summary>The fork in force at <paramref name="timestamp"/>, or <c>null</c> before the first one.</summary>
    public ForkActivation? TryAt(ulong timestamp)
    {
        ForkActivation? found = null;
        foreach (var fork in Forks)
        {
            if (fork.ActivationTime <= timestamp) found = fork;
            else break;
        }
        return found;
    }

    /// <summary>The first fork that activates strictly after <paramref name="timestamp"/>, or <c>null</c>.</summary>
    public ForkActivation? NextAfter(ulong timestamp) => Forks.FirstOrDefault(f => f.ActivationTime > timestamp);

    /// <summary>A schedule with one fork in force from time 0 (for offline use with <c>--fork</c>).</summary>
    public static ForkSchedule Single(ForkActivation fork) => new(fork.Name, null, [fork with { ActivationTime = 0 }]);

    /// <summary>Ethereum mainnet (chain id 1).</summary>
    public static ForkSchedule Mainnet { get; } = Preset("mainnet", 1, 1710338135, 1746612311, 1764798551, 1765290071, 1767747671);

    /// <summary>Sepolia (chain id 11155111).</summary>
    public static ForkSchedule Sepolia { get; } = Preset("sepolia", 11155111, 1706655072, 1741159776, 1760427360, 1761017184, 1761607008);

    /// <summary>Hoodi (chain id 560048); Cancun from genesis.</summary>
    public static ForkSchedule Hoodi { get; } = Preset("hoodi", 560048, 0, 1742999832, 1761677592, 1762365720, 1762955544);

    /// <summary>The built-in presets.</summary>
    public static IReadOnlyList<ForkSchedule> Presets { get; } = [Mainnet, Sepolia, Hoodi];

    /// <summary>The preset with the given name (mainnet, sepolia, hoodi; case-insensitive).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static ForkSchedule ForChain(string name) =>
        Presets.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown chain '{name}': expected mainnet, sepolia or hoodi", nameof(name));

    /// <summary>The preset for a chain id, or <c>null</c>.</summary>
    public static ForkSchedule? ForChainId(ulong chainId) => Presets.FirstOrDefault(p => p.ChainId == chainId);

    private static ForkSchedule Preset(string name, ulong chainId, ulong cancun, ulong prague, ulong osaka, ulong bpo1, ulong bpo2) =>
        new(name, chainId,
        [
            ForkActivation.Named("cancun", cancun),
            ForkActivation.Named("prague", prague),
            ForkActivation.Named("osaka", osaka),
            ForkActivation.Named("bpo1", bpo1),
            ForkActivation.Named("bpo2", bpo2),
        ]);
}
