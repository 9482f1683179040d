namespace Blobs.Kzg.Tests.Infrastructure;

/// <summary>
/// The KZG backends the tests run against, each created once per test process. The native backend
/// is always listed (its tests skip, or fail under CI, when libckzg is missing). The managed backend is
/// listed as soon as <see cref="KzgBackends.CreateManaged"/> stops throwing
/// <see cref="NotSupportedException"/>, so vector tests start covering it without any change here.
/// </summary>
internal static class TestBackends
{
    private static readonly Lazy<(KzgContext? Context, string Why)> s_native = new(() =>
        KzgBackends.TryCreateNative(TrustedSetup.Mainnet, out var backend, out var why)
            ? (new KzgContext(backend!), "")
            : ((KzgContext?)null, "native KZG backend unavailable: " + why));

    private static readonly Lazy<(KzgContext? Context, string Why)> s_managed = new(() =>
    {
        try
        {
            return (new KzgContext(KzgBackends.CreateManaged(TrustedSetup.Mainnet)), "");
        }
        catch (NotSupportedException e)
        {
            return (null, "managed KZG backend unavailable: " + e.Message);
        }
    });

    /// <summary>Native backend name.</summary>
    public const string Native = "native";
    /// <summary>Managed backend name.</summary>
    public const string Managed = "managed";

    /// <summary>The backends vector cases run on: native always, managed once it can be created.</summary>
    public static IReadOnlyList<string> Names =>
        s_managed.Value.Context is null ? [Native] : [Native, Managed];

    /// <summary>Why the managed backend is not in <see cref="Names"/> (empty when it is).</summary>
    public static string ManagedUnavailableReason => s_managed.Value.Why;

    /// <summary>The native context, or null with the reason.</summary>
    public static KzgContext? TryNative(out string why)
    {
        why = s_native.Value.Why;
        return s_native.Value.Context;
    }

    /// <summary>
    /// The context for a backend name; a missing native library skips the test (fails under CI=true), a
    /// managed backend that cannot be created skips it.
    /// </summary>
    public static KzgContext Get(string name)
    {
        var (context, why) = name switch
        {
            Native => s_native.Value,
            Managed => s_managed.Value,
            _ => throw new ArgumentException($"unknown backend '{name}'", nameof(name)),
        };
        if (context is not null) return context;
        if (name == Native) TestEnvironment.SkipOrFailUnderCI(why);
        throw new Xunit.SkipException(why);
    }
}
