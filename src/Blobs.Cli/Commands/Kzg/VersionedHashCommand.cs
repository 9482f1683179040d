using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;

namespace Blobs.Cli.Commands.Kzg;

/// <summary>
/// <c>blob versioned-hash HEX...</c>: kzg_to_versioned_hash (0x01 ‖ sha256(commitment)[1:]) of each
/// 48-byte commitment, one 0x-hex hash per line; with <c>--json</c> an array of
/// <c>{commitment, versionedHash}</c>. Like the spec function it hashes the bytes and does not load a
/// KZG backend, so it checks the length, not the point. Exit 0, or 2 for bad hex or a wrong length.
/// </summary>
public sealed class VersionedHashCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Build()
    {
        var commitments = new Argument<string[]>("HEX") { Description = "KZG commitments, 48-byte hex each.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("versioned-hash", "Compute the versioned hash of each KZG commitment (kzg_to_versioned_hash).");
        command.Arguments.Add(commitments);
        command.SetAction(parse => Run(parse, parse.GetValue(commitments)!));
        return command;
    }

    private static int Run(ParseResult parse, string[] hexes)
    {
        var commitments = hexes.Select((h, i) => KzgCommandSupport.ParseCommitment(h, hexes.Length == 1 ? "commitment" : $"commitment {i}")).ToArray();
        var hashes = commitments.Select(c => KzgContext.ToVersionedHash(c)).ToArray();
        var (output, _, json) = CommandIo.Of(parse);
        if (json)
        {
            CliJson.Write(output, new JsonArray(commitments.Select((c, i) => (JsonNode?)new JsonObject
            {
                ["commitment"] = c.ToString(),
                ["versionedHash"] = hashes[i].ToString(),
            }).ToArray()));
        }
        else
        {
            foreach (var h in hashes) output.WriteLine(h.ToString());
        }
        return ExitCodes.Ok;
    }
}
