using Spectre.Console;

namespace Blobs.Cli.Infrastructure;

/// <summary>
/// What the command's streams are connected to, and Spectre consoles over them with matching capabilities:
/// ANSI (cursor movement for live displays) only on a real terminal whose TERM is not "dumb", colours only there and
/// when NO_COLOR is not set. Anything else — a pipe, a file, a test's StringWriter — gets plain text without escape codes.
/// </summary>
public static class Terminal
{
    /// <summary>True when the NO_COLOR environment variable is set to anything (https://no-color.org).</summary>
    public static bool NoColor => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    /// <summary>True when <paramref name="writer"/> is this process's stdout or stderr and that stream is a terminal.</summary>
    public static bool IsTerminal(TextWriter writer)
    {
        if (string.Equals(Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal)) return false;
        if (ReferenceEquals(writer, Console.Out)) return !Console.IsOutputRedirected;
        if (ReferenceEquals(writer, Console.Error)) return !Console.IsErrorRedirected;
        return false;
    }

    /// <summary>A console writing to <paramref name="writer"/>; plain (no escape codes, <paramref name="plainWidth"/> columns) unless it is a terminal.</summary>
    public static IAnsiConsole ConsoleFor(TextWriter writer, int plainWidth = 120)
    {
        bool tty = IsTerminal(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = tty ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = tty && !NoColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = tty ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!tty) console.Profile.Width = plainWidth;
        return console;
    }
}
