using System.Text.Json;

namespace Blobs.Cli.Tests;

/// <summary>Runs the <c>blob</c> command in process, as every CLI test does.</summary>
internal static class Cli
{
    /// <summary>Runs <c>blob ARGS</c>; returns the exit code, stdout and stderr.</summary>
    public static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await BlobCli.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    /// <summary>Runs <c>blob ARGS --json</c>, which must succeed, and returns its output checked against the JSON convention.</summary>
    public static async Task<JsonElement> Json(params string[] args)
    {
        var (code, output, err) = await Run([.. args, "--json"]);
        Assert.True(code == 0, err);
        return JsonConvention.Parse(output);
    }
}
