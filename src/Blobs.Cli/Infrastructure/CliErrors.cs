using Blobs.Kzg;

namespace Blobs.Cli.Infrastructure;

/// <summary>Thrown by a command for a failure the user can act on; the message is printed as is.</summary>
public sealed class CliException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CliException(string message, int exitCode = ExitCodes.Failed, Exception? inner = null) : base(message, inner) => ExitCode = exitCode;

    /// <summary>The exit code to return.</summary>
    public int ExitCode { get; }
}

/// <summary>Maps exceptions to one-line messages and exit codes.</summary>
public static class CliErrors
{
    /// <summary>Writes "error: …" on one line (and the stack with <paramref name="verbose"/>) and returns the exit code.</summary>
    public static int Report(Exception e, TextWriter error, bool verbose)
    {
        if (e is System.Reflection.TargetInvocationException { InnerException: { } inner }) e = inner;
        int code = e switch
        {
            CliException c => c.ExitCode,
            KzgInputException or FormatException or ArgumentException or InvalidDataException => ExitCodes.InvalidInput,
            FileNotFoundException or DirectoryNotFoundException => ExitCodes.InvalidInput,
            _ => ExitCodes.Failed,
        };
        var message = e is OperationCanceledException ? "interrupted (nothing more was done; a transaction already sent stays sent)" : OneLine(e);
        error.WriteLine("error: " + message);
        if (verbose) error.WriteLine(e.ToString());
        return code;
    }

    /// <summary>An exception's message on one line, without .NET's " (Parameter 'x')" suffix.</summary>
    public static string OneLine(Exception e)
    {
        var line = e.Message.ReplaceLineEndings(" ").Trim();
        int p = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return p > 0 ? line[..p] : line;
    }
}
