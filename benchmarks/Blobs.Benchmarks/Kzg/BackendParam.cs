using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>Creates the two backends once per process so both run on the same inputs in one run.</summary>
internal static class Backends
{
    private static readonly Lazy<KzgContext> s_managed = new(() => KzgBackends.CreateContext(KzgBackendKind.Managed));
    private static readonly Lazy<KzgContext> s_native = new(() => KzgBackends.CreateContext(KzgBackendKind.Native));

    /// <summary>The names BenchmarkDotNet shows as the Backend parameter.</summary>
    public static IEnumerable<string> Names => ["native", "managed"];

    /// <summary>The context for a backend name.</summary>
    public static KzgContext Get(string name) => name == "native" ? s_native.Value : s_managed.Value;
}
