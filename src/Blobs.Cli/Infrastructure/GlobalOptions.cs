using System.CommandLine;
using Blobs.Kzg;

namespace Blobs.Cli.Infrastructure;

/// <summary>Options every sub-command accepts.</summary>
public static class GlobalOptions
{
    /// <summary>--json: machine-readable output.</summary>
    public static readonly Option<bool> Json = new("--json") { Description = "Print one JSON value on stdout instead of text (amounts in wei as decimal strings).", Recursive = true };

    /// <summary>--verbose: stack traces on errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose", "-v") { Description = "Show the full error with its stack trace.", Recursive = true };

    /// <summary>--kzg: the KZG backend.</summary>
    public static readonly Option<string> Kzg = new("--kzg")
    {
        Description = "KZG backend: auto, managed or native (c-kzg).",
        Recursive = true,
        DefaultValueFactory = _ => "auto",
    };

    static GlobalOptions() => Kzg.AcceptOnlyFromAmong("auto", "managed", "native");

    /// <summary>Creates the KZG context the user asked for (disposing it is safe: the shared default context ignores it).</summary>
    public static KzgContext CreateKzg(ParseResult parse) => parse.GetValue(Kzg) switch
    {
        "managed" => KzgBackends.CreateContext(KzgBackendKind.Managed),
        "native" => KzgBackends.CreateContext(KzgBackendKind.Native),
        _ => KzgContext.Default,
    };
}
