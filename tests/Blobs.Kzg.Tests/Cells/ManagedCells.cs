using Blobs.Kzg.Managed;
using Blobs.Kzg.Managed.Eip7594;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The managed backend the cell tests use (one per test process), on one thread and on two.</summary>
internal static class ManagedCells
{
    private static readonly Lazy<ManagedKzgBackend> s_backend = new(() => new ManagedKzgBackend(TrustedSetup.Mainnet));
    private static readonly Lazy<KzgContext> s_context = new(() => new KzgContext(s_backend.Value));
    private static readonly Lazy<KzgContext> s_twoThreads = new(() =>
        new KzgContext(new ManagedKzgBackend(TrustedSetup.Mainnet, new ManagedKzgOptions { MaxDegreeOfParallelism = 2 })));

    /// <summary>The cell settings of the one-thread backend.</summary>
    public static CellKzgSettings Settings => s_backend.Value.CellSettings;

    /// <summary>A context over the managed backend, one thread per call.</summary>
    public static KzgContext Context => s_context.Value;

    /// <summary>A context over the managed backend with MaxDegreeOfParallelism = 2.</summary>
    public static KzgContext TwoThreads => s_twoThreads.Value;
}
