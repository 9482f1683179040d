using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Vectors;

/// <summary>
/// Runs official vector cases of one handler on every backend in <see cref="TestBackends.Names"/>.
/// A case with <c>output: null</c> must be rejected with <see cref="KzgInputException"/> (turning the
/// YAML values into API values is part of the call: a 47-byte commitment is refused there); any other
/// case must produce exactly the expected output (a verify that returns false is a result, not an
/// error). A backend that throws <see cref="NotSupportedException"/> skips the case with its reason.
/// </summary>
public abstract class VectorTestBase
{
    /// <summary>The rows of a handler's theory: (case, backend) for every case of the handler and every backend.</summary>
    protected static TheoryData<string, string> CasesOf(string handler)
    {
        var data = new TheoryData<string, string>();
        if (!VectorFiles.Available)
        {
            data.Add(VectorFiles.Missing, TestBackends.Native);
            return data;
        }
        var cases = VectorFiles.Cases(handler);
        if (cases.Count == 0) data.Add(VectorFiles.Missing, TestBackends.Native);
        foreach (var name in cases)
            foreach (var backend in TestBackends.Names)
                data.Add(ShortName(handler, name), backend);
        return data;
    }

    /// <summary>
    /// The case name without its "&lt;handler&gt;_case_" prefix (the class names the handler), so the
    /// test name shows handler, case and backend in full (xUnit cuts string arguments at 50 characters).
    /// </summary>
    internal static string ShortName(string handler, string caseName) =>
        caseName.StartsWith(handler + "_case_", StringComparison.Ordinal) ? caseName[(handler.Length + 6)..] : caseName;

    /// <summary>The handler this class runs.</summary>
    protected abstract string Handler { get; }

    /// <summary>Calls the function under test and returns its output flattened like <see cref="VectorCase.ExpectedFlat"/>.</summary>
    private protected abstract IEnumerable<string> Run(VectorCase v, KzgContext kzg);

    /// <summary>Loads the case, picks the backend, runs and checks it.</summary>
    protected void Check(string vector, string backend)
    {
        string handler = Handler;
        if (vector == VectorFiles.Missing || !VectorFiles.Available)
            TestEnvironment.SkipOrFailUnderCI(VectorFiles.Available ? $"no cases for {handler} under {VectorFiles.Root}" : VectorFiles.MissingReason);
        var kzg = TestBackends.Get(backend);
        var name = VectorFiles.Cases(handler).Single(c => ShortName(handler, c) == vector);
        var v = VectorCase.Load(handler, name);
        vector = $"{handler}/{vector}";

        IReadOnlyList<string>? actual = null;
        Exception? error = null;
        try { actual = Run(v, kzg).ToList(); }
        catch (NotSupportedException e) { throw new Xunit.SkipException($"{backend}: {e.Message}"); }
        catch (Exception e) { error = e; }

        if (v.ExpectsInvalidInput)
        {
            Assert.True(error is KzgInputException,
                error is null ? $"{vector} on {backend}: expected the input to be rejected, got [{Preview(actual!)}]"
                              : $"{vector} on {backend}: expected KzgInputException, got {error.GetType().Name}: {error.Message}");
            var topic = Topic(vector[(handler.Length + 1)..]);
            if (topic is not null)
                Assert.True(error!.Message.Contains(topic, StringComparison.OrdinalIgnoreCase),
                    $"{vector} on {backend}: the message should name the {topic.TrimEnd(':')}, got: {error.Message}");
            Assert.False(string.IsNullOrWhiteSpace(error!.Message));
            return;
        }
        if (error is not null)
            Assert.Fail($"{vector} on {backend}: valid input raised {error.GetType().Name}: {error.Message}");
        var expected = v.ExpectedFlat();
        Assert.True(expected.Count == actual!.Count, $"{vector} on {backend}: expected {expected.Count} output values, got {actual.Count}");
        for (int i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
                Assert.Fail($"{vector} on {backend}: output value {i} differs\n expected {Shorten(expected[i])}\n actual   {Shorten(actual[i])}");
        }
    }

    /// <summary>What the rejection message of an invalid case must mention, judged from the case name.</summary>
    private static string? Topic(string shortName) => shortName switch
    {
        _ when shortName.Contains("commitment") => "commitment",
        _ when shortName.Contains("proof") => "proof",
        _ when shortName.Contains("invalid_blob") || shortName.StartsWith("blob_") => "blob",
        _ when shortName.Contains("cell_index") || shortName.Contains("shuffled") => "cell ind",
        _ when shortName.Contains("cell") => "cell",
        _ when shortName.StartsWith("invalid_z") => "z:",
        _ when shortName.StartsWith("invalid_y") => "y:",
        _ => null,
    };

    private protected static string H(ReadOnlySpan<byte> bytes) => Hex.Encode(bytes);
    private protected static string B(bool value) => value ? "true" : "false";
    private protected static KzgCommitment Commitment(byte[] bytes) => KzgCommitment.FromBytes(bytes);
    private protected static KzgProof Proof(byte[] bytes) => KzgProof.FromBytes(bytes);
    private protected static FieldElement Field(byte[] bytes, string what) => FieldElement.FromBytes(bytes, what);

    private static string Shorten(string s) => s.Length <= 140 ? s : s[..130] + $"… ({s.Length} chars)";
    private static string Preview(IReadOnlyList<string> values) => string.Join(", ", values.Take(3).Select(Shorten)) + (values.Count > 3 ? ", …" : "");
}
