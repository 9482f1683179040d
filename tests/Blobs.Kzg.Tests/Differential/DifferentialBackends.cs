using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Differential;

/// <summary>
/// Runs the same call on the managed and the native (c-kzg) backend and requires the same outcome:
/// identical output bytes, identical accept/reject decisions, and invalid input refused by both.
/// The native backend is the oracle: without it the tests skip, and under CI=true they fail.
/// </summary>
internal static class DifferentialBackends
{
    /// <summary>What a call produced: its output rendered as text, or "invalid input" when it threw <see cref="KzgInputException"/>.</summary>
    public const string InvalidInput = "invalid input";

    /// <summary>Seeded random blobs per run (BLOBS_DIFFERENTIAL_BLOBS, default and minimum 200).</summary>
    public static int RandomBlobCount { get; } =
        Math.Max(200, int.TryParse(Environment.GetEnvironmentVariable("BLOBS_DIFFERENTIAL_BLOBS"), out var n) ? n : 200);

    /// <summary>The two contexts; skips (fails under CI) when c-kzg is unavailable.</summary>
    public static (KzgContext Native, KzgContext Managed) Get()
    {
        var native = TestBackends.Get(TestBackends.Native);
        var managed = TestBackends.Get(TestBackends.Managed);
        return (native, managed);
    }

    /// <summary>Runs <paramref name="call"/> on both backends and asserts equal outcomes; returns the outcome.</summary>
    public static string Agree(string what, Func<KzgContext, string> call)
    {
        var (native, managed) = Get();
        string expected = Outcome(() => call(native));
        string actual = Outcome(() => call(managed));
        Assert.True(expected == actual, $"{what}: native gave {expected}, managed gave {actual}");
        return expected;
    }

    /// <summary>Runs a verification on both backends, asserts the same decision and returns it.</summary>
    public static bool AgreeBool(string what, Func<KzgContext, bool> call) =>
        Agree(what, k => call(k) ? "true" : "false") switch
        {
            "true" => true,
            "false" => false,
            var other => throw new Xunit.Sdk.XunitException($"{what}: expected a decision, both gave {other}"),
        };

    private static string Outcome(Func<string> call)
    {
        try { return call(); }
        catch (KzgInputException) { return InvalidInput; }
    }

    /// <summary>A blob whose elements are uniform below BLS_MODULUS (rejection sampling over 255-bit values).</summary>
    public static byte[] UniformBlob(Random rng)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        Span<byte> element = stackalloc byte[32];
        for (int off = 0; off < blob.Length; off += 32)
        {
            do
            {
                rng.NextBytes(element);
                element[0] &= 0x7f;
            } while (!FieldElement.IsCanonical(element));
            element.CopyTo(blob.AsSpan(off));
        }
        return blob;
    }

    /// <summary>A field element uniform below BLS_MODULUS.</summary>
    public static FieldElement UniformField(Random rng)
    {
        Span<byte> element = stackalloc byte[32];
        do
        {
            rng.NextBytes(element);
            element[0] &= 0x7f;
        } while (!FieldElement.IsCanonical(element));
        return FieldElement.FromBytes(element);
    }
}
