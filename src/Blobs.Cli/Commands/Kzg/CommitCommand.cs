using System.CommandLine;
using Blobs.Cli.Infrastructure;

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
        var command = new Command("commit", "KZG commitment of each blob (blob_to_kzg_commitment).");
        command.Arguments.Add(files);
        command.SetAction(parse => Run(parse, parse.GetValue(files)!));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths)
    {
        var blobs = KzgCommandSupport.ReadBlobs(paths);
        var kzg = KzgCommandSupport.Context(parse);
        var commitments = KzgCommandSupport.Map(blobs.Length, i => kzg.BlobToKzgCommitment(blobs[i]));
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(GlobalOptions.Json))
        {
            KzgCommandSupport.WriteJson(output, w =>
            {
                w.WriteStartArray();
                for (int i = 0; i < paths.Length; i++)
                {
                    w.WriteStartObject();
                    w.WriteString("file", paths[i]);
                    w.WriteString("commitment", commitments[i].ToString());
                    w.WriteString("versionedHash", Blobs.Kzg.KzgContext.ToVersionedHash(commitments[i]).ToString());
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            });
        }
        else
        {
            foreach (var c in commitments) output.WriteLine(c.ToString());
        }
        return ExitCodes.Ok;
    }
}
