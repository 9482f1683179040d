namespace Blobs.Fuzz;

/// <summary>
/// One parser under fuzzing: <see cref="Run"/> feeds it bytes and swallows the library's own "invalid input"
/// exceptions; anything else that escapes (another exception type, a broken invariant reported as
/// <see cref="FuzzInvariantException"/>) is a bug, reported to the fuzzer as a crash and to xUnit as a failure.
/// </summary>
/// <param name="Name">The name used by scripts/fuzz.sh and the corpus folder (fuzz/corpus/NAME).</param>
/// <param name="Description">What the target parses.</param>
/// <param name="Run">Runs one input.</param>
public sealed record FuzzTarget(string Name, string Description, Action<byte[]> Run);

/// <summary>A parser accepted bytes but broke one of its promises (e.g. what it decoded does not re-encode to the input).</summary>
public sealed class FuzzInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FuzzInvariantException(string message) : base(message) { }
}
