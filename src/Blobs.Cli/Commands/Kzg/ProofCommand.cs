using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;

namespace Blobs.Cli.Commands.Kzg;

/// <summary>
/// <c>blob proof FILE... [--commitment HEX]</c>: compute_blob_kzg_proof of each blob, one 0x-hex proof
/// per line in argument order; the commitment is computed unless given (then only one FILE is allowed).
/// With <c>--json</c> an array of <c>{file, commitment, proof}</c>. Exit 0, or 2 for bad input (file
/// length, non-canonical element, a commitment that is not a valid G1 point).
/// </summary>
public sealed class ProofCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var files = KzgCommandSupport.FilesArgument("Blob files: 131072 raw bytes or their 0x-hex text.");
        var commitment = new Option<string?>("--commitment") { HelpName = "HEX", Description = "The blob's commitment (48-byte hex); computed when omitted. Only with one FILE." };
        var command = new Command("proof", "Compute the KZG blob proof of each blob (compute_blob_kzg_proof).");
        command.Arguments.Add(files);
        command.Options.Add(commitment);
        command.SetAction(parse => Run(parse, parse.GetValue(files)!, parse.GetValue(commitment)));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths, string? commitmentHex)
    {
        if (commitmentHex is not null && paths.Length != 1)
            throw new CliException($"--commitment applies to one FILE; {paths.Length} given", ExitCodes.InvalidInput);
        KzgCommitment? given = commitmentHex is null ? null : KzgCommandSupport.ParseCommitment(commitmentHex, "--commitment");
        var blobs = KzgCommandSupport.ReadBlobs(paths);
        var kzg = KzgCommandSupport.Context(parse);
        var results = KzgCommandSupport.Map(blobs.Length, i =>
        {
            var c = given ?? kzg.BlobToKzgCommitment(blobs[i]);
            return (Commitment: c, Proof: kzg.ComputeBlobKzgProof(blobs[i], c));
        });
        var (output, _, json) = CommandIo.Of(parse);
        if (json)
        {
            CliJson.Write(output, new JsonArray(paths.Select((path, i) => (JsonNode?)new JsonObject
            {
                ["file"] = path,
                ["commitment"] = results[i].Commitment.ToString(),
                ["proof"] = results[i].Proof.ToString(),
            }).ToArray()));
        }
        else
        {
            foreach (var r in results) output.WriteLine(r.Proof.ToString());
        }
        return ExitCodes.Ok;
    }
}
