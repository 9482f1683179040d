using System.CommandLine;
using System.Reflection;
using Blobs.Cli.Infrastructure;

namespace Blobs.Cli;

/// <summary>The <c>blob</c> command: builds the command tree from every <see cref="ICliCommand"/> in this assembly.</summary>
public static class BlobCli
{
    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("blob — EIP-4844 / EIP-7594 blob transactions, KZG commitments and the blob fee market.");
        root.Options.Add(GlobalOptions.Json);
        root.Options.Add(GlobalOptions.Verbose);
        root.Options.Add(GlobalOptions.Kzg);
        var commands = typeof(BlobCli).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && !t.IsInterface && typeof(ICliCommand).IsAssignableFrom(t))
            .Select(t => (ICliCommand)Activator.CreateInstance(t)!)
            .Select(c => c.Build())
            .OrderBy(c => c.Name, StringComparer.Ordinal);
        foreach (var command in commands) root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>, writing to the given streams; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        var root = BuildRoot();
        var parse = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            int code = await parse.InvokeAsync(config, cancellationToken);
            // Parse errors (unknown option, missing argument) are invalid input.
            return parse.Errors.Count > 0 && code != ExitCodes.Ok ? ExitCodes.InvalidInput : code;
        }
        catch (Exception e)
        {
            return CliErrors.Report(e, error, parse.GetValue(GlobalOptions.Verbose));
        }
    }
}
