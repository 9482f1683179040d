using System.CommandLine;
using System.Reflection;
using Blobs.Cli.Infrastructure;

namespace Blobs.Cli;

/// <summary>The <c>blob</c> command: builds the command tree from every <see cref="ICliCommand"/> in this assembly.</summary>
public static class BlobCli
{
    /// <summary>The text at the top of <c>blob --help</c>: what the tool does, the main job, the exit codes.</summary>
    public const string RootDescription =
        "blob: EIP-4844 / EIP-7594 blob transactions, KZG commitments and the blob fee market.\n\n"
        + "The main job, on a local anvil devnet that blob starts and stops itself:\n"
        + "  blob send samples/batch.jsonl          (from a checkout: ./blob send samples/batch.jsonl)\n"
        + "On a testnet: blob send FILE --rpc-url URL --beacon-url URL --chain sepolia, key in BLOB_PRIVATE_KEY or --keystore.\n\n"
        + "Exit codes:\n"
        + "  0  ok (sent and verified; for verify commands: the proof verified)\n"
        + "  1  failed (the node refused or is unreachable, a proof did not verify, a timeout, insufficient funds)\n"
        + "  2  invalid input (bad arguments, wrong lengths, malformed files; the message names the problem)\n"
        + "Errors are one line on stderr; --verbose adds the stack trace. --json on any command prints one JSON value on stdout\n"
        + "(amounts in wei as decimal strings; counts, gas, block numbers and chain ids as numbers; hashes as lowercase 0x-hex).";

    /// <summary>Builds the root command.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(RootDescription);
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
