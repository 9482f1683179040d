using System.CommandLine;

namespace Blobs.Cli.Infrastructure;

/// <summary>Where a command writes: its standard output and error (the invocation's, so that tests can capture them), and whether <c>--json</c> was given.</summary>
/// <param name="Output">Results: the text output, or the one JSON value with --json.</param>
/// <param name="Error">Progress lines, warnings and errors.</param>
/// <param name="Json">True with --json.</param>
public readonly record struct CommandIo(TextWriter Output, TextWriter Error, bool Json)
{
    /// <summary>The streams and the --json flag of an invocation.</summary>
    public static CommandIo Of(ParseResult parse) =>
        new(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(GlobalOptions.Json));
}
