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

    private Fk20Tables? _fk20;
    private readonly object _gate = new();

    /// <summary>The FK20 fixed-base tables (25 MB), built on first use with <see cref="MaxDegreeOfParallelism"/> threads.</summary>
    public Fk20Tables Fk20Tables
    {
        get
        {
            var tables = Volatile.Read(ref _fk20);
            if (tables is not null) return tables;
            lock (_gate)
            {
                _fk20 ??= Fk20Tables.Build(Setup, Math.Max(MaxDegreeOfParallelism, Environment.ProcessorCount > 1 ? 2 : 1));
                return _fk20;
            }
        }
    }

    /// <summary>True once the FK20 tables exist.</summary>
    public bool HasFk20Tables => Volatile.Read(ref _fk20) is not null;
}
