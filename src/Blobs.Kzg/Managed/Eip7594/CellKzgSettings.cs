namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// What the managed cell functions keep per trusted setup: the setup itself and the tables derived
/// from it on first use. One instance per backend; thread-safe.
/// </summary>
internal sealed partial class CellKzgSettings
{
    /// <summary>Creates the settings for a setup; tables are built lazily on first use.</summary>
    public CellKzgSettings(TrustedSetup setup, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        Setup = setup;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The trusted setup.</summary>
    public TrustedSetup Setup { get; }

    /// <summary>How many threads one call may use (1: the calling thread only).</summary>
    public int MaxDegreeOfParallelism { get; }
}
