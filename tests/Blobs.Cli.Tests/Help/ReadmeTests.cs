using System.CommandLine;

namespace Blobs.Cli.Tests.Help;

/// <summary>README.md keeps up with the command tree: the tour runs every command, the JSON reference covers every command.</summary>
public class ReadmeTests
{
    private static string Readme()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Blobs.sln"))) return File.ReadAllText(Path.Combine(dir.FullName, "README.md")).ReplaceLineEndings("\n");
        throw new FileNotFoundException("README.md not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The part of the README from <paramref name="start"/> to the next heading of the same level.</summary>
    private static string Section(string readme, string start)
    {
        int a = readme.IndexOf(start, StringComparison.Ordinal);
        Assert.True(a >= 0, $"README.md has no '{start}'");
        int b = readme.IndexOf("\n## ", a + start.Length, StringComparison.Ordinal);
        return b < 0 ? readme[a..] : readme[a..b];
    }

    /// <summary>Every command that does something (has an action), as its path: "send", "fee cost", "tx status".</summary>
    public static TheoryData<string> Runnable()
    {
        var data = new TheoryData<string>();
        void Walk(Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                if (sub.Action is not null) data.Add(path);
                Walk(sub, path);
            }
        }
        Walk(BlobCli.BuildRoot(), "");
        return data;
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void The_tour_runs_every_command(string command)
    {
        var tour = Section(Readme(), "## A tour: every command once");
        Assert.True(tour.Contains($"$ ./blob {command} ", StringComparison.Ordinal) || tour.Contains($"$ ./blob {command}\n", StringComparison.Ordinal),
            $"the README tour never runs `blob {command}`");
    }

    [Theory]
    [MemberData(nameof(Runnable))]
    public void The_json_reference_covers_every_command(string command)
    {
        var json = Section(Readme(), "## JSON output");
        Assert.True(json.Contains($"`blob {command} --json`", StringComparison.Ordinal) || json.Contains($"| `{command}` |", StringComparison.Ordinal),
            $"the README's JSON reference does not cover `blob {command}`");
    }

    [Fact]
    public void The_two_one_line_commands_stay_at_the_top()
    {
        var readme = Readme();
        int tour = readme.IndexOf("## A tour", StringComparison.Ordinal);
        Assert.InRange(readme.IndexOf("```bash\n./blob send samples/batch.jsonl\n```", StringComparison.Ordinal), 0, tour);
        Assert.InRange(readme.IndexOf("```bash\nbash scripts/test.sh\n```", StringComparison.Ordinal), 0, tour);
    }
}
