namespace Blobs.Devnet;

/// <summary>How <see cref="AnvilDevnet"/> starts anvil.</summary>
public sealed record AnvilOptions
{
    /// <summary>The hardfork (anvil --hardfork): "osaka" (default), "prague", "cancun"…</summary>
    public string Hardfork { get; init; } = "osaka";

    /// <summary>The port on 127.0.0.1 (anvil --port); 0 (default) lets the system pick a free one.</summary>
    public int Port { get; init; }

    /// <summary>Disable automatic mining (anvil --no-mining): transactions stay pending until <c>evm_mine</c>.</summary>
    public bool NoMining { get; init; }

    /// <summary>Mine a block every this many seconds instead of on each transaction (anvil --block-time).</summary>
    public int? BlockTimeSeconds { get; init; }

    /// <summary>The chain id (anvil --chain-id); anvil's default is 31337.</summary>
    public ulong? ChainId { get; init; }

    /// <summary>Path of the anvil binary; null to search (BLOBS_ANVIL, BLOBS_TOOLS_DIR/bin, .tools/bin upwards, PATH).</summary>
    public string? AnvilPath { get; init; }

    /// <summary>More arguments passed as they are.</summary>
    public IReadOnlyList<string> ExtraArguments { get; init; } = [];

    /// <summary>How long to wait for anvil to answer.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
