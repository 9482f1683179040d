using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;

namespace Blobs.Cli.Commands.Kzg;

/// <summary>
/// <c>blob verify FILE --commitment HEX --proof HEX</c>: verify_blob_kzg_proof. Prints <c>valid</c> and
/// exits 0, or prints <c>invalid</c> and exits 1 when the proof does not verify; exits 2 for bad input
/// (file length, non-canonical element, commitment or proof that is not a valid G1 point).
/// With <c>--json</c> one object <c>{file, commitment, proof, valid}</c>.
/// </summary>
public sealed class VerifyCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "Blob file: 131072 raw bytes or their 0x-hex text." };
        var commitment = new Option<string>("--commitment") { HelpName = "HEX", Description = "The blob's KZG commitment (48-byte hex).", Required = true };
        var proof = new Option<string>("--proof") { HelpName = "HEX", Description = "The blob proof (48-byte hex).", Required = true };
        var command = new Command("verify", "Verify a blob proof against a commitment (verify_blob_kzg_proof); exit 1 when it does not verify.");
        command.Arguments.Add(file);
        command.Options.Add(commitment);
        command.Options.Add(proof);
        command.SetAction(parse => Run(parse, parse.GetValue(file)!, parse.GetValue(commitment)!, parse.GetValue(proof)!));
        return command;
    }

    private static int Run(ParseResult parse, string path, string commitmentHex, string proofHex)
    {
        var commitment = KzgCommandSupport.ParseCommitment(commitmentHex, "--commitment");
        var proof = KzgCommandSupport.ParseProof(proofHex, "--proof");
        var blob = KzgCommandSupport.ReadBlobs([path])[0];
        var kzg = KzgCommandSupport.Context(parse);
        bool valid = kzg.VerifyBlobKzgProof(blob, commitment, proof);
        var (output, err, json) = CommandIo.Of(parse);
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["file"] = path,
                ["commitment"] = commitment.ToString(),
                ["proof"] = proof.ToString(),
                ["valid"] = valid,
            });
        }
        else
        {
            output.WriteLine(valid ? "valid" : "invalid");
        }
        if (!valid) err.WriteLine($"{path}: the proof does not verify against the commitment");
        return valid ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
