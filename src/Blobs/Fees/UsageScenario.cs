namespace Blobs.Fees;

/// <summary>How many blobs each projected block is assumed to carry.</summary>
public enum UsageScenario
{
    /// <summary>Every block carries the maximum of its schedule.</summary>
    Full,
    /// <summary>Every block carries exactly the target.</summary>
    Target,
    /// <summary>No blobs.</summary>
    Empty,
    /// <summary>The recent blocks' usage, replayed in order and repeated (clamped to each block's maximum).</summary>
    Replay,
}
