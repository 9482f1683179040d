using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob fetch BLOCK|TXHASH --beacon-url URL</c>: fetches blobs from a beacon node
/// (GET /eth/v1/beacon/blobs/{block_id}, the deprecated blob_sidecars as a fallback), re-commits every blob and
/// checks its versioned hash, then decodes them with --codec and writes the payload to --out (or, with --raw,
/// the blobs themselves). With a transaction hash (and --rpc-url to look it up) only that transaction's blobs
/// are fetched, in its order, and a missing or mismatching blob is an error naming the versioned hash.
/// JSON: blockId, endpoint, txHash, blobs, blobVersionedHashes, codec, decodedBytes, sha256, out.
/// </summary>
public sealed class FetchCommand : ICliCommand
{
    private readonly Argument<string> _target = new("BLOCK|TXHASH") { Description = "A beacon block id (slot, head, finalized, 0x-root) or, with --rpc-url, a transaction hash." };
    private readonly Option<string> _beaconUrl = new("--beacon-url") { HelpName = "URL", Description = "Beacon API URL (anvil serves it on its RPC port).", Required = true };
    private readonly Option<string?> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL to look a transaction hash up (default: the beacon URL, as on anvil)." };
    private readonly Option<FileInfo?> _out = new("--out", "-o") { HelpName = "FILE", Description = "Write the decoded payload (or, with --raw, the blobs back to back) to this file." };
    private readonly Option<bool> _raw = new("--raw") { Description = "Do not decode: --out receives the blobs themselves." };

    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("fetch", "Fetch blobs back from a beacon node, re-commit them, match their versioned hashes and decode them.");
        command.Arguments.Add(_target);
        command.Options.Add(_beaconUrl);
        command.Options.Add(_rpcUrl);
        command.Options.Add(TxCli.CodecName);
        command.Options.Add(_out);
        command.Options.Add(_raw);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, _, json) = CommandIo.Of(parse);
        var target = parse.GetValue(_target)!.Trim();
        var beaconUrl = parse.GetValue(_beaconUrl)!;
        bool raw = parse.GetValue(_raw);
        var outFile = parse.GetValue(_out);
        var codec = raw ? null : TxCli.Codec(parse);
        var kzg = TxCli.TryKzg(parse, out var kzgProblem) ?? throw new CliException($"cannot verify fetched blobs: {kzgProblem}", ExitCodes.Failed);
        using var beacon = new BeaconClient(beaconUrl);
        var retriever = new BlobRetriever(beacon, kzg);

        RetrievedBlobs fetched;
        Hash32? txHash = null;
        try
        {
            if (IsHash(target) && await LookUpTransactionAsync(parse.GetValue(_rpcUrl) ?? beaconUrl, Hash32.Parse(target), ct) is { } found)
            {
                txHash = Hash32.Parse(target);
                using var execution = new ExecutionClient(parse.GetValue(_rpcUrl) ?? beaconUrl);
                var ids = await BlobRetriever.CandidateBlockIdsAsync(execution, beacon, found.BlockNumber, found.BlockHash, ct);
                fetched = await retriever.FetchAsync(ids, found.Hashes, ct);
            }
            else if (IsBlockId(target))
                fetched = await retriever.FetchBlockAsync(target, ct);
            else
                throw new CliException($"'{Short(target)}' is neither a beacon block id (slot number, head, finalized, justified, genesis, 0x-root) nor a transaction hash", ExitCodes.InvalidInput);
        }
        catch (BlobMismatchException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
        catch (RpcException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
        if (fetched.Blobs.Count == 0) throw new CliException($"block {fetched.BlockId} carries no blobs", ExitCodes.Failed);

        byte[] payload;
        if (codec is null) payload = fetched.Blobs.SelectMany(b => b).ToArray();
        else
        {
            try { payload = codec.Decode(fetched.Blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()); }
            catch (BlobDecodingException e)
            {
                throw new CliException($"the {fetched.Blobs.Count} blob(s) verify but do not decode with the {codec.Name} codec: {e.Message} (try another --codec, or --raw)", ExitCodes.Failed, e);
            }
        }
        if (outFile is not null) await File.WriteAllBytesAsync(outFile.FullName, payload, ct);
        var digest = Hex.Encode(SHA256.HashData(payload));

        if (json)
        {
            var o = new JsonObject
            {
                ["blockId"] = fetched.BlockId,
                ["endpoint"] = fetched.Endpoint,
                ["txHash"] = txHash?.ToString(),
                ["blobs"] = fetched.Blobs.Count,
                ["blobVersionedHashes"] = CliJson.Strings(fetched.VersionedHashes),
                ["codec"] = codec?.Name,
                ["decodedBytes"] = codec is null ? null : payload.Length,
                ["bytes"] = payload.Length,
                ["sha256"] = digest,
                ["out"] = outFile?.FullName,
            };
            CliJson.Write(output, o);
        }
        else
        {
            output.WriteLine($"block            {fetched.BlockId} ({fetched.Endpoint} endpoint){(txHash is null ? "" : $", transaction {txHash}")}");
            for (int i = 0; i < fetched.VersionedHashes.Count; i++)
                output.WriteLine($"blob [{i}]         {fetched.VersionedHashes[i]} (re-committed{(txHash is null ? "" : ", matches the transaction")})");
            output.WriteLine(codec is null
                ? $"raw              {payload.Length} bytes, sha256 {digest}"
                : $"decoded          {payload.Length} bytes with the {codec.Name} codec, sha256 {digest}");
            output.WriteLine(outFile is null ? "(pass --out FILE to save them)" : $"written          {outFile.FullName}");
        }
        return ExitCodes.Ok;
    }

    private static async Task<(ulong BlockNumber, Hash32 BlockHash, IReadOnlyList<VersionedHash> Hashes)?> LookUpTransactionAsync(string rpcUrl, Hash32 hash, CancellationToken ct)
    {
        using var execution = new ExecutionClient(rpcUrl);
        JsonElement? tx;
        try { tx = await execution.TransactionAsync(hash, ct); }
        catch (RpcException) { return null; }  // no execution API there: the hash is a beacon block root
        if (tx is not { } t) return null;
        if (!t.TryGetProperty("blobVersionedHashes", out var hs) || hs.ValueKind != JsonValueKind.Array || hs.GetArrayLength() == 0)
            throw new CliException($"transaction {hash} carries no blobs (type {(t.TryGetProperty("type", out var ty) ? ty.ToString() : "?")})", ExitCodes.InvalidInput);
        if (!t.TryGetProperty("blockNumber", out var bn) || bn.ValueKind != JsonValueKind.String)
            throw new CliException($"transaction {hash} is still pending: its blobs are not in a block yet", ExitCodes.Failed);
        var hashes = hs.EnumerateArray().Select(h => VersionedHash.FromHex(h.GetString()!)).ToArray();
        return (Quantities.ParseUInt64(bn.GetString(), "blockNumber"), Hash32.Parse(t.GetProperty("blockHash").GetString()!), hashes);
    }

    private static bool IsHash(string s) => s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) && s.Length == 66 && s[2..].All(Uri.IsHexDigit);

    private static bool IsBlockId(string s) =>
        s is "head" or "finalized" or "justified" or "genesis" || IsHash(s) || ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out _);

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
