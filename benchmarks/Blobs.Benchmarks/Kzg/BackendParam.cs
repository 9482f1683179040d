using Blobs.Kzg;
using Blobs.Kzg.Managed;

namespace Blobs.Benchmarks.Kzg;

/// <summary>Creates the backends once per process so all of them run on the same inputs in one run.</summary>
internal static class Backends
{
    private static readonly Lazy<KzgContext> s_managed = new(() => Managed(1));
    private static readonly Lazy<KzgContext> s_managed2 = new(() => Managed(2));
    private static readonly Lazy<KzgContext> s_native = new(() => KzgBackends.CreateContext(KzgBackendKind.Native));
    private static readonly Lazy<KzgContext> s_nativeNoPrecompute = new(() =>
        new KzgContext(Blobs.Kzg.Native.NativeKzgBackend.Create(TrustedSetup.Mainnet, new Blobs.Kzg.Native.NativeKzgOptions { Precompute = 0 })));

    /// <summary>The names BenchmarkDotNet shows as the Backend parameter (single-call suites: one thread each).</summary>
    public static IEnumerable<string> Names => ["native", "managed"];

    /// <summary>For batch verification: also the managed backend with two threads per call ("managed-2t").</summary>
    public static IEnumerable<string> BatchNames => ["native", "managed", "managed-2t"];

    /// <summary>For the cell suite: also c-kzg loaded with precompute 0 ("native-p0"; "native" uses 8).</summary>
    public static IEnumerable<string> CellNames => ["native", "native-p0", "managed"];

    /// <summary>The context for a backend name.</summary>
    public static KzgContext Get(string name) => name switch
    {
        "native" => s_native.Value,
        "native-p0" => s_nativeNoPrecompute.Value,
        "managed-2t" => s_managed2.Value,
        _ => s_managed.Value,
    };

    /// <summary>A managed context with its fixed-base tables built up front (their build is not what is measured).</summary>
    private static KzgContext Managed(int threads) =>
        new(new ManagedKzgBackend(TrustedSetup.Mainnet, new ManagedKzgOptions { MaxDegreeOfParallelism = threads, PrecomputeAtLoad = true }));
}
