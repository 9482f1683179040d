using Blobs.Kzg;

namespace Blobs.Tests.Transactions;

/// <summary>The KZG context for transaction tests: the default backend (c-kzg from .tools, or managed when built); skips when none loads, fails under CI=true.</summary>
internal static class TxKzg
{
    private static readonly Lazy<(KzgContext? Context, string Why)> s_kzg = new(() =>
    {
        try
        {
            var ctx = KzgContext.Default;
            _ = ctx.BlobToKzgCommitment(new byte[KzgConstants.BytesPerBlob]);
            return (ctx, "");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            return (null, e.Message);
        }
    });

    public static KzgContext Context()
    {
        if (s_kzg.Value.Context is { } ctx) return ctx;
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException("CI=true and no KZG backend loads: " + s_kzg.Value.Why);
        Skip.If(true, "no KZG backend available (run scripts/bootstrap.sh for libckzg.so): " + s_kzg.Value.Why);
        return null!;
    }
}
