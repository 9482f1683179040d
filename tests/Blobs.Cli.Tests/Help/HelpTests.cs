using Blobs.Cli;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Help;

/// <summary><c>blob --help</c> and every sub-command's help: exit 0, a description, the exit codes at the top level, no escape codes.</summary>
public class HelpTests
{
    public static TheoryData<string> Commands()
    {
        var data = new TheoryData<string>();
        void Walk(System.CommandLine.Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                data.Add(path);
                Walk(sub, path);
            }
        }
        Walk(BlobCli.BuildRoot(), "");
        return data;
    }

    [Fact]
    public async Task Root_help_lists_every_command_and_the_exit_codes()
    {
        var (code, output, _) = await Run("--help");
        Assert.Equal(0, code);
        foreach (var sub in BlobCli.BuildRoot().Subcommands) Assert.Contains(sub.Name, output);
        Assert.Contains("Exit codes:", output);
        Assert.Contains("0 ", output);
        Assert.Contains("1 ", output);
        Assert.Contains("2 ", output);
        Assert.Contains("./blob send samples/batch.jsonl", output);
        Assert.DoesNotContain("\u001b", output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Every_command_has_help_with_a_description(string command)
    {
        var (code, output, err) = await Run([.. command.Split(' '), "--help"]);
        Assert.True(code == 0, err);
        Assert.Contains("Description:", output);
        Assert.Contains("Usage:", output);
        Assert.Contains("--json", output);
        Assert.DoesNotContain("\u001b", output);
        var description = output.Split("Usage:")[0].Replace("Description:", "").Trim();
        Assert.True(description.Length >= 20, $"'{command}' has a thin description: '{description}'");
        Assert.True(char.IsUpper(description[0]), $"'{command}': the description should start with a capital: '{description}'");
        // Every option value has a named placeholder (<URL>, <WEI>, <FILE>, …) or its list of choices, never the option's own name.
        var unnamed = System.Text.RegularExpressions.Regex.Matches(output, @"--[a-z-]+ <[a-z][a-z-]*>").Select(m => m.Value).ToArray();
        Assert.True(unnamed.Length == 0, $"'{command}': options without a placeholder name: {string.Join(", ", unnamed)}");
    }

    [Fact]
    public async Task Devnet_and_send_are_commands()
    {
        var root = BlobCli.BuildRoot();
        Assert.Contains(root.Subcommands, c => c.Name == "devnet");
        Assert.Contains(root.Subcommands, c => c.Name == "send");
        var (code, output, _) = await Run("devnet", "--help");
        Assert.Equal(0, code);
        foreach (var option in new[] { "--hardfork", "--port", "--block-time" }) Assert.Contains(option, output);
    }
}
