using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>Creates the two backends once per process so both run on the same inputs in one run.</summary>
internal static class Backends
{
    private static readonly Lazy<KzgContext> s_managed = new(() => KzgBackends.CreateContext(KzgBackendKind.Managed));
    private static readonly Lazy<KzgContext> s_native = new(() => KzgBackends.CreateContext(KzgBackendKind.Native));
    private static readonly Lazy<KzgContext> s_nativeNoPrecompute = new(() =>
        new KzgContext(Blobs.Kzg.Native.NativeKzgBackend.Create(TrustedSetup.Mainnet, new Blobs.Kzg.Native.NativeKzgOptions { Precompute = 0 })));

    /// <summary>The names BenchmarkDotNet shows as the Backend parameter.</summary>
    public static IEnumerable<string> Names => ["native", "managed"];

    /// <summary>For the cell suite: also c-kzg loaded with precompute 0 ("native-p0"; "native" uses 8).</summary>
    public static IEnumerable<string> CellNames => ["native", "native-p0", "managed"];

    /// <summary>The context for a backend name.</summary>
    public static KzgContext Get(string name) => name switch
    {
        "native" => s_native.Value,
        "native-p0" => s_nativeNoPrecompute.Value,
        _ => s_managed.Value,
    };
}
