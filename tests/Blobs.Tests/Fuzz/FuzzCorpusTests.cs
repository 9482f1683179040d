using System.Runtime.CompilerServices;
using Blobs.Fuzz;
using Blobs.Tests.Transactions;

namespace Blobs.Tests.Fuzz;

/// <summary>
/// Replays what scripts/fuzz.sh keeps: for every fuzz target, each input of its minimized corpus
/// (fuzz/corpus/TARGET), each crash or hang it ever found (fuzz/crashes/TARGET) and its seeds must run without an
/// exception other than the library's own "invalid input" ones, and in bounded time.
/// </summary>
public class FuzzCorpusTests
{
    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    private static string FuzzDir([CallerFilePath] string here = "")
    {
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(here)!); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "fuzz", "Blobs.Fuzz.Targets"))) return Path.Combine(dir.FullName, "fuzz");
        throw new DirectoryNotFoundException("fuzz/ not found above " + here);
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Inputs(string target)
    {
        foreach (var kind in new[] { "corpus", "crashes" })
        {
            var dir = Path.Combine(FuzzDir(), kind, target);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal))
                yield return ($"{kind}/{target}/{Path.GetFileName(file)}", File.ReadAllBytes(file));
        }
        int i = 0;
        foreach (var seed in FuzzSeeds.For(target)) yield return ($"seed {i++}", seed);
    }

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void Every_kept_input_and_every_crash_found_runs_clean(string name)
    {
        if (FuzzTargets.NeedsKzg(name)) TxKzg.Context();
        var target = FuzzTargets.Get(name);
        var failures = new List<string>();
        int count = 0;
        foreach (var (input, bytes) in Inputs(name))
        {
            count++;
            var run = Task.Run(() => target.Run(bytes));
            try
            {
                if (!run.Wait(TimeSpan.FromSeconds(30))) failures.Add($"{input}: still running after 30 s");
            }
            catch (AggregateException e)
            {
                var inner = e.InnerException!;
                failures.Add($"{input}: {inner.GetType().Name}: {inner.Message}\n{inner.StackTrace}");
            }
        }
        Assert.True(count > 0, $"no inputs for {name}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Every_target_has_a_committed_corpus()
    {
        var missing = FuzzTargets.All.Where(t => !Directory.Exists(Path.Combine(FuzzDir(), "corpus", t.Name))
            || !Directory.EnumerateFiles(Path.Combine(FuzzDir(), "corpus", t.Name)).Any()).Select(t => t.Name).ToArray();
        Assert.True(missing.Length == 0, "no corpus for: " + string.Join(", ", missing) + " (run scripts/fuzz.sh)");
    }

    [Fact]
    public void Blob_layout_of_fuzz_input_covers_one_or_two_blobs_at_either_end()
    {
        var one = FuzzTargets.BlobsFrom([0, 7]);
        Assert.Single(one);
        Assert.Equal(7, one[0].Span[0]);
        var two = FuzzTargets.BlobsFrom([3, 9]);
        Assert.Equal(2, two.Length);
        Assert.Equal(9, two[1].Span[^1]);
        Assert.All(two, b => Assert.Equal(131072, b.Length));
    }
}
