using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;

namespace Blobs.Cli.Commands.Kzg;

/// <summary>
/// <c>blob commit FILE...</c>: blob_to_kzg_commitment of each blob, one 0x-hex commitment per line in
/// argument order; with <c>--json</c> an array of <c>{file, commitment, versionedHash}</c>.
/// Exit 0, or 2 for an unreadable file, a wrong length or a non-canonical element (named with its index).
/// </summary>
public sealed class CommitCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var files = KzgCommandSupport.FilesArgument("Blob files: 131072 raw bytes or their 0x-hex text.");
        var command = new Command("commit", "Compute the KZG commitment of each blob (blob_to_kzg_commitment).");
        command.Arguments.Add(files);
        command.SetAction(parse => Run(parse, parse.GetValue(files)!));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths)
    {
        var blobs = KzgCommandSupport.ReadBlobs(paths);
        var kzg = KzgCommandSupport.Context(parse);
        var commitments = KzgCommandSupport.Map(blobs.Length, i => kzg.BlobToKzgCommitment(blobs[i]));
        var (output, _, json) = CommandIo.Of(parse);
        if (json)
        {
            CliJson.Write(output, new JsonArray(paths.Select((path, i) => (JsonNode?)new JsonObject
            {
                ["file"] = path,
                ["commitment"] = commitments[i].ToString(),
                ["versionedHash"] = KzgContext.ToVersionedHash(commitments[i]).ToString(),
            }).ToArray()));
        }
        else
        {
            foreach (var c in commitments) output.WriteLine(c.ToString());
        }
        return ExitCodes.Ok;
    }
}
