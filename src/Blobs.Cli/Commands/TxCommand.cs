using System.CommandLine;
using System.Numerics;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;
using Blobs.Pipeline;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob tx decode HEX|FILE</c>: fields, sidecar summary and the validation verdict of a type-3 transaction
/// (payload or either network form); --json prints the JSON-RPC field names (type, chainId, nonce, …, hash, from) in the
/// CLI's JSON convention (<see cref="CliJson"/>: type, chain id, nonce, gas and yParity as numbers, amounts in wei as
/// decimal strings, r and s as 32-byte hex), plus <c>form</c>, <c>sidecar</c> {version, blobs, commitments, proofs} and
/// <c>validation</c> {valid, verdict, errors, unchecked}. Exit 0 when valid, 1 when invalid, 2 when the bytes do not decode.
/// <c>blob tx build FILE --to ADDR</c>: encodes the file into blobs, computes commitments and proofs, fills and
/// signs the transaction (fields from the node with --rpc-url, else from the options) and writes the signed
/// network form as 0x-hex to stdout or --out. Nothing is sent.
/// </summary>
public sealed class TxCommand : ICliCommand
{
    private readonly Argument<string> _input = new("HEX|FILE") { Description = "The transaction as 0x-hex, or a file holding its hex or raw bytes." };
    private readonly Option<ulong?> _expectedChainId = new("--chain-id") { HelpName = "ID", Description = "The chain id the transaction must carry (checked like a node of that chain would)." };
    private readonly Option<int> _maxBlobs = new("--max-blobs") { HelpName = "N", Description = "The per-transaction blob cap to validate against (6 since Fusaka).", DefaultValueFactory = _ => 6 };
    private readonly Option<bool> _noBlobs = new("--no-blobs") { Description = "In --json, give the blob count instead of the blobs' hex." };

    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The batch to put into blobs (encoded by --codec)." };
    private readonly Option<string> _to = new("--to") { HelpName = "ADDRESS", Description = "Recipient address.", Required = true };
    private readonly Option<string?> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL: read chain id, nonce, fees, gas and the sidecar form from this node (nothing is sent)." };
    private readonly Option<ulong?> _chainId = new("--chain-id") { HelpName = "ID", Description = "The chain id (required without --rpc-url; with it, the node's must match)." };
    private readonly Option<ulong?> _nonce = new("--nonce") { HelpName = "N", Description = "Nonce (required without --rpc-url)." };
    private readonly Option<ulong?> _gasLimit = new("--gas-limit") { HelpName = "GAS", Description = "Gas limit (default eth_estimateGas, or the intrinsic gas offline)." };
    private readonly Option<string?> _maxFee = new("--max-fee-per-gas") { HelpName = "WEI", Description = "Fee cap in wei (default 2 × base fee + tip; required without --rpc-url)." };
    private readonly Option<string?> _tip = new("--max-priority-fee-per-gas") { HelpName = "WEI", Description = "Tip in wei (default eth_maxPriorityFeePerGas or 1 gwei)." };
    private readonly Option<FileInfo?> _out = new("--out", "-o") { HelpName = "FILE", Description = "Write the signed network form (0x-hex) to this file instead of stdout." };

    /// <inheritdoc />
    public Command Build()
    {
        var tx = new Command("tx", "Type-3 blob transactions: decode and validate, build and sign without sending, and the status and resumption of journaled sends.");

        var decode = new Command("decode", "Decode a type-3 transaction (payload, network form v0 or v1), show its fields and sidecar, and validate it as a node would. "
            + "Exit 0 valid, 1 invalid, 2 not a transaction.");
        decode.Arguments.Add(_input);
        decode.Options.Add(_expectedChainId);
        decode.Options.Add(_maxBlobs);
        decode.Options.Add(_noBlobs);
        decode.SetAction((parse, ct) => Task.FromResult(Decode(parse)));
        tx.Subcommands.Add(decode);

        var build = new Command("build", "Encode FILE into blobs, compute commitments and proofs, fill and sign a blob transaction, and write its network form. Sends nothing.");
        build.Arguments.Add(_file);
        build.Options.Add(_to);
        build.Options.Add(_rpcUrl);
        build.Options.Add(_chainId);
        build.Options.Add(_nonce);
        build.Options.Add(_gasLimit);
        build.Options.Add(_maxFee);
        build.Options.Add(_tip);
        build.Options.Add(_out);
        TxCli.AddSendOptions(build);
        build.SetAction((parse, ct) => BuildAsync(parse, ct));
        tx.Subcommands.Add(build);
        tx.Subcommands.Add(new TxStatusCommand().Build());
        tx.Subcommands.Add(new TxResumeCommand().Build());
        return tx;
    }

    private int Decode(ParseResult parse)
    {
        var (output, _, json) = CommandIo.Of(parse);
        var bytes = InputFiles.ReadHexOrFile(parse.GetValue(_input)!, "transaction");
        DecodedTransaction decoded;
        try { decoded = BlobTransactionCodec.Decode(bytes); }
        catch (TransactionDecodingException e) { throw new CliException(e.Message, ExitCodes.InvalidInput, e); }

        int maxBlobs = parse.GetValue(_maxBlobs);
        if (maxBlobs < 1) throw new CliException($"--max-blobs {maxBlobs}: must be at least 1", ExitCodes.InvalidInput);
        var kzg = TxCli.TryKzg(parse, out var kzgProblem);
        var rules = new ValidationRules { ChainId = parse.GetValue(_expectedChainId), MaxBlobsPerTransaction = maxBlobs };
        var result = BlobTransactionValidator.Validate(decoded.Transaction, decoded.Sidecar, kzg, rules);
        if (kzg is null && decoded.Sidecar is not null && kzgProblem is not null)
            result = result with { Unchecked = [.. result.Unchecked.Select(u => u.Replace("(no KZG backend)", $"({kzgProblem})"))] };

        var tx = decoded.Transaction;
        if (json)
        {
            var o = DecodeJson(tx, decoded.Sidecar, includeBlobs: !parse.GetValue(_noBlobs));
            o["form"] = FormName(decoded.Form);
            o["validation"] = new JsonObject
            {
                ["valid"] = result.IsValid,
                ["verdict"] = result.Verdict,
                ["errors"] = CliJson.Strings(result.Errors),
                ["unchecked"] = CliJson.Strings(result.Unchecked),
            };
            CliJson.Write(output, o);
        }
        else
        {
            void Row(string name, string value) => output.WriteLine($"{name,-22} {value}");
            Row("form", FormName(decoded.Form) + decoded.Form switch
            {
                TransactionForm.Payload => " (payload only, no sidecar)",
                TransactionForm.NetworkV0 => " (network form, one blob proof per blob)",
                _ => " (network form, wrapper_version 1, 128 cell proofs per blob)",
            });
            Row("hash", tx.Hash().ToString());
            Row("from", BlobTransactionSigner.TryRecoverSender(tx, out var from, out var why) ? from.ToString() : "(does not recover: " + why + ")");
            Row("to", tx.To.ToString());
            Row("chain id", tx.ChainId.ToString());
            Row("nonce", tx.Nonce.ToString());
            Row("value", $"{tx.Value} wei");
            Row("gas limit", tx.GasLimit.ToString());
            Row("max fee per gas", $"{tx.MaxFeePerGas} wei");
            Row("max priority fee", $"{tx.MaxPriorityFeePerGas} wei");
            Row("max fee per blob gas", $"{tx.MaxFeePerBlobGas} wei (cap {tx.MaxFeePerBlobGas * tx.BlobGas} wei for {tx.BlobGas} blob gas)");
            Row("input", tx.Data.Length == 0 ? "(empty)" : $"{tx.Data.Length} bytes {Short(Hex.Encode(tx.Data.Span))}");
            Row("access list", tx.AccessList.Count == 0 ? "(empty)" : string.Join(", ", tx.AccessList.Select(e => $"{e.Address} ({e.StorageKeys.Count} keys)")));
            for (int i = 0; i < tx.BlobVersionedHashes.Count; i++) Row(i == 0 ? "blob versioned hashes" : "", $"[{i}] {tx.BlobVersionedHashes[i]}");
            if (tx.Signature is { } sig) Row("signature", $"yParity {sig.YParity}, r {Word(sig.R)}, s {Word(sig.S)}");
            if (decoded.Sidecar is { } sc)
            {
                Row("sidecar", $"v{(int)sc.Version}: {sc.Blobs.Count} blob(s) ({sc.Blobs.Count * BlobSidecar.BytesPerBlob} bytes), {sc.Commitments.Count} commitment(s), "
                    + (sc.Version == SidecarVersion.V0 ? $"{sc.Proofs.Count} blob proof(s)" : $"{sc.Proofs.Count} cell proofs"));
                for (int i = 0; i < sc.Commitments.Count; i++) Row(i == 0 ? "commitments" : "", $"[{i}] {sc.Commitments[i]}");
            }
            Row("verdict", result.IsValid ? (result.Unchecked.Count == 0 ? "valid" : "valid as far as checked") : "INVALID");
            foreach (var e in result.Errors) Row("  error", e);
            foreach (var u in result.Unchecked) Row("  not checked", u);
        }
        return result.IsValid ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private async Task<int> BuildAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var file = parse.GetValue(_file)!;
        if (!file.Exists) throw new CliException($"file not found: {file.FullName}", ExitCodes.InvalidInput);
        var to = TxCli.ParseAddress(parse.GetValue(_to)!, "--to");
        var key = TxCli.RequireKey(parse, err);
        var data = await File.ReadAllBytesAsync(file.FullName, ct);
        var codec = TxCli.Codec(parse);
        var blobs = BlobPipeline.EncodeBlobs(data, codec);
        var kzg = TxCli.TryKzg(parse, out var kzgProblem) ?? throw new CliException($"cannot compute commitments and proofs: {kzgProblem}", ExitCodes.Failed);
        var options = new SubmitOptions
        {
            Sidecar = TxCli.SidecarChoice(parse),
            MaxFeePerBlobGas = Units.ParseWeiOrNull(parse.GetValue(TxCli.MaxFeePerBlobGas), "--max-fee-per-blob-gas"),
            MaxFeePerGas = Units.ParseWeiOrNull(parse.GetValue(_maxFee), "--max-fee-per-gas"),
            MaxPriorityFeePerGas = Units.ParseWeiOrNull(parse.GetValue(_tip), "--max-priority-fee-per-gas"),
            GasLimit = parse.GetValue(_gasLimit),
            Nonce = parse.GetValue(_nonce),
            ExpectedChainId = parse.GetValue(_chainId),
        };
        var notes = new List<string>();
        SignedBlobTransaction signed;
        var rpcUrl = parse.GetValue(_rpcUrl);
        if (rpcUrl is not null)
        {
            using var client = new ExecutionClient(rpcUrl);
            try { (signed, _) = await new BlobSubmitter(client, kzg).PrepareAsync(to, blobs, key, options, notes, ct); }
            catch (RpcException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
        }
        else
        {
            var missing = new[] { ("--chain-id", options.ExpectedChainId is null), ("--nonce", options.Nonce is null), ("--max-fee-per-gas", options.MaxFeePerGas is null),
                ("--max-fee-per-blob-gas", options.MaxFeePerBlobGas is null) }.Where(m => m.Item2).Select(m => m.Item1).ToArray();
            if (missing.Length > 0)
                throw new CliException($"without --rpc-url, {string.Join(", ", missing)} must be given", ExitCodes.InvalidInput);
            var version = options.Sidecar ?? SidecarVersion.V1;
            if (options.Sidecar is null) notes.Add("no --rpc-url: building the v1 (cell proof) sidecar that Osaka and later take; pass --sidecar v0 for Cancun/Prague");
            var sidecar = SidecarBuilder.Build(blobs, version, kzg, null, ct);
            var tip = options.MaxPriorityFeePerGas ?? BigInteger.Min(BlobSubmitter.DefaultTip, options.MaxFeePerGas!.Value);
            var fields = new TransactionFields
            {
                ChainId = options.ExpectedChainId!.Value,
                Nonce = options.Nonce!.Value,
                MaxFeePerGas = options.MaxFeePerGas!.Value,
                MaxPriorityFeePerGas = tip,
                MaxFeePerBlobGas = options.MaxFeePerBlobGas!.Value,
                To = to,
            };
            fields = fields with { GasLimit = options.GasLimit ?? Math.Max(IntrinsicGas.Of(fields.Data.Span, fields.AccessList), IntrinsicGas.Floor(fields.Data.Span)) };
            signed = BlobTransactionBuilder.Sign(fields, sidecar, key.Span);
        }

        var tx = signed.Transaction;
        var problems = BlobTransactionValidator.Validate(tx, signed.Sidecar, kzg, new ValidationRules { RequireSidecar = true });
        var hex = Hex.Encode(signed.NetworkEncoding());
        var outFile = parse.GetValue(_out);
        if (outFile is not null) await File.WriteAllTextAsync(outFile.FullName, hex + "\n", ct);
        if (json)
        {
            var o = new JsonObject
            {
                ["hash"] = tx.Hash().ToString(),
                ["from"] = tx.Sender().ToString(),
                ["to"] = tx.To.ToString(),
                ["chainId"] = tx.ChainId,
                ["nonce"] = tx.Nonce,
                ["gas"] = tx.GasLimit,
                ["maxFeePerGas"] = CliJson.Wei(tx.MaxFeePerGas),
                ["maxPriorityFeePerGas"] = CliJson.Wei(tx.MaxPriorityFeePerGas),
                ["maxFeePerBlobGas"] = CliJson.Wei(tx.MaxFeePerBlobGas),
                ["sidecar"] = signed.Sidecar.Version == SidecarVersion.V1 ? "v1" : "v0",
                ["blobs"] = signed.Sidecar.Blobs.Count,
                ["blobVersionedHashes"] = CliJson.Strings(tx.BlobVersionedHashes),
                ["inputBytes"] = data.Length,
                ["codec"] = codec.Name,
                ["bytes"] = (hex.Length - 2) / 2,
                ["out"] = outFile?.FullName,
                ["raw"] = outFile is null ? hex : null,
                ["valid"] = problems.IsValid,
                ["notes"] = CliJson.Strings(notes.Concat(problems.Errors)),
            };
            CliJson.Write(output, o);
        }
        else
        {
            if (outFile is null) output.WriteLine(hex);
            err.WriteLine($"· {tx.Hash()}: nonce {tx.Nonce} on chain {tx.ChainId}, {signed.Sidecar.Blobs.Count} blob(s), v{(int)signed.Sidecar.Version} sidecar, {(hex.Length - 2) / 2} bytes"
                + (outFile is null ? "" : $", written to {outFile.FullName}"));
            foreach (var n in notes) err.WriteLine("· " + n);
            foreach (var e in problems.Errors) err.WriteLine("warning: " + e);
        }
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The transaction as <see cref="BlobTransactionJson"/> names it (the JSON-RPC field names and order), in the CLI's
    /// JSON convention: type, chain id, nonce, gas, yParity and v as numbers; amounts in wei as decimal strings; r and s as
    /// 32-byte hex.
    /// </summary>
    private static JsonObject DecodeJson(BlobTransaction tx, BlobSidecar? sidecar, bool includeBlobs)
    {
        var o = BlobTransactionJson.ToJson(tx, sidecar, includeBlobs);
        o["type"] = BlobTransaction.TypeByte;
        o["chainId"] = tx.ChainId;
        o["nonce"] = tx.Nonce;
        o["maxPriorityFeePerGas"] = CliJson.Wei(tx.MaxPriorityFeePerGas);
        o["maxFeePerGas"] = CliJson.Wei(tx.MaxFeePerGas);
        o["gas"] = tx.GasLimit;
        o["value"] = CliJson.Wei(tx.Value);
        o["maxFeePerBlobGas"] = CliJson.Wei(tx.MaxFeePerBlobGas);
        if (tx.Signature is { } sig)
        {
            o["yParity"] = sig.YParity;
            o["v"] = sig.YParity;
            o["r"] = Word(sig.R);
            o["s"] = Word(sig.S);
        }
        return o;
    }

    /// <summary>A signature scalar as 32-byte lowercase 0x-hex.</summary>
    private static string Word(BigInteger value) => "0x" + value.ToString("x64", System.Globalization.CultureInfo.InvariantCulture)[^64..];

    private static string FormName(TransactionForm form) => form switch
    {
        TransactionForm.Payload => "payload",
        TransactionForm.NetworkV0 => "network-v0",
        _ => "network-v1",
    };

    private static string Short(string hex) => hex.Length <= 74 ? hex : hex[..74] + "…";
}
