using System.Runtime.CompilerServices;

namespace Blobs.Cli.Tests;

/// <summary>
/// Keeps every test run away from the user's send journal (~/.local/state/blobs): before any test runs, BLOBS_JOURNAL
/// points at a fresh folder of this test process (deleted when it exits), for the commands run in process and for the
/// child processes, which inherit it. Without it a batch journaled by an earlier run on a chain with the same genesis
/// (anvil's) is resumed instead of sent, and the runs of different checkouts on one machine see each other's entries.
/// Tests that give --journal DIR still use their own folder.
/// </summary>
internal static class TestJournal
{
    /// <summary>The folder this test process journals into.</summary>
    public static string Directory { get; } = Path.Combine(Path.GetTempPath(), $"blobs-test-journal-{Environment.ProcessId}-{Guid.NewGuid():N}");

#pragma warning disable CA2255 // A test assembly's setup: the environment must be set before the first test touches the journal.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Isolate()
    {
        Environment.SetEnvironmentVariable("BLOBS_JOURNAL", Directory);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { if (System.IO.Directory.Exists(Directory)) System.IO.Directory.Delete(Directory, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        };
    }
}
