using System.CommandLine;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Devnet;
using Blobs.Kzg;
using Blobs.Pipeline;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob send FILE</c>: the main job. Encodes the file into blobs, builds and signs a type-3
/// transaction, sends it, waits for the receipt, fetches the blobs back through the beacon API,
/// re-commits them, matches the versioned hashes, decodes and compares with the file. Without
/// --rpc-url it starts a local anvil devnet itself (and stops it afterwards) and uses its dev key.
/// JSON output (--json), one object: <c>txHash</c>, <c>blockNumber</c> (number), <c>blockHash</c>,
/// <c>blobVersionedHashes</c>, <c>blobGasUsed</c> (number), <c>blobGasPrice</c> (wei, decimal string),
/// <c>blobFeePaid</c> (wei, decimal string), <c>verified</c>, <c>problem</c>, <c>status</c>, <c>from</c>, <c>to</c>,
/// <c>nonce</c>, <c>chainId</c>, <c>sidecar</c> ("v0"/"v1"), <c>blobs</c>, <c>inputBytes</c>, <c>codec</c>,
/// <c>devnet</c>, <c>notes</c>.
/// </summary>
public sealed class SendCommand : ICliCommand
{
    /// <summary>Where blobs go by default on the devnet: the conventional burn address.</summary>
    public const string DefaultDevnetTo = "0x000000000000000000000000000000000000dEaD";

    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The batch to send (any bytes; encoded into blobs by --codec)." };
    private readonly Option<string?> _to = new("--to") { Description = $"Recipient address (default on the devnet: {DefaultDevnetTo}; required with --rpc-url)." };
    private readonly Option<string?> _rpcUrl = new("--rpc-url") { Description = "Execution JSON-RPC URL. Without it, a local anvil devnet is started and stopped around the send." };
    private readonly Option<string?> _beaconUrl = new("--beacon-url") { Description = "Beacon API URL to fetch the blobs back from (default: the devnet's; none with --rpc-url)." };
    private readonly Option<string> _hardfork = new("--hardfork") { Description = "Hardfork of the local devnet (osaka, prague, cancun).", DefaultValueFactory = _ => "osaka" };
    private readonly Option<int> _timeout = new("--timeout") { Description = "Seconds to wait for inclusion.", DefaultValueFactory = _ => 120 };

    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("send", "Send a file as a blob transaction, wait for it, fetch the blobs back, verify and decode them. "
            + "Without --rpc-url a local anvil devnet is started for the run.");
        command.Arguments.Add(_file);
        command.Options.Add(_to);
        command.Options.Add(_rpcUrl);
        command.Options.Add(_beaconUrl);
        TxCli.AddSendOptions(command);
        command.Options.Add(_hardfork);
        command.Options.Add(_timeout);
        command.Options.Add(JournalCli.JournalDir);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var err = parse.InvocationConfiguration.Error;
        var output = parse.InvocationConfiguration.Output;
        bool json = parse.GetValue(GlobalOptions.Json);
        var file = parse.GetValue(_file)!;
        if (!file.Exists) throw new CliException($"file not found: {file.FullName}", ExitCodes.InvalidInput);
        var data = await File.ReadAllBytesAsync(file.FullName, ct);
        var codec = TxCli.Codec(parse);
        var blobs = TxCli.Guard(() => BlobPipeline.EncodeBlobs(data, codec));
        var sidecar = TxCli.SidecarChoice(parse);
        var blobFee = TxCli.Wei(parse.GetValue(TxCli.MaxFeePerBlobGas), "--max-fee-per-blob-gas");
        int timeout = parse.GetValue(_timeout);
        if (timeout < 1) throw new CliException($"--timeout {timeout}: must be at least 1 second", ExitCodes.InvalidInput);
        var rpcUrl = parse.GetValue(_rpcUrl);
        var journal = JournalCli.ForSend(parse, selfStartedDevnet: rpcUrl is null);
        var beaconUrl = parse.GetValue(_beaconUrl);
        var kzg = GlobalOptions.CreateKzg(parse);
        var status = new Progress<string>(line => { if (!json) err.WriteLine("· " + line); });
        var blobDone = new Progress<int>(_ => { });

        AnvilDevnet? devnet = null;
        try
        {
            ReadOnlyMemory<byte> key;
            Address to;
            if (rpcUrl is null)
            {
                if (!json) err.WriteLine($"· starting a local anvil devnet ({parse.GetValue(_hardfork)})");
                try { devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Hardfork = parse.GetValue(_hardfork)! }, ct); }
                catch (AnvilNotFoundException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
                rpcUrl = devnet.RpcUrl;
                beaconUrl ??= devnet.BeaconUrl;
                key = TxCli.TryKey(parse, err) ?? devnet.DevPrivateKey;
                to = TxCli.ParseAddress(parse.GetValue(_to) ?? DefaultDevnetTo, "--to");
                if (!json) err.WriteLine($"· devnet at {devnet.RpcUrl} (chain {devnet.ChainId}, anvil pid {devnet.ProcessId})");
            }
            else
            {
                key = TxCli.TryKey(parse, err) ?? throw new CliException(
                    "no signing key: set BLOB_PRIVATE_KEY, or pass --keystore FILE (with --password-file), or --private-key", ExitCodes.InvalidInput);
                to = TxCli.ParseAddress(parse.GetValue(_to) ?? throw new CliException("--to is required with --rpc-url", ExitCodes.InvalidInput), "--to");
            }

            using var execution = TxCli.Guard(() => new ExecutionClient(rpcUrl));
            using var beacon = beaconUrl is null ? null : TxCli.Guard(() => new BeaconClient(beaconUrl));
            var options = new SubmitOptions
            {
                Sidecar = sidecar,
                MaxFeePerBlobGas = blobFee,
                ReceiptTimeout = TimeSpan.FromSeconds(timeout),
                Status = status,
                BlobDone = blobDone,
            };
            PipelineResult result;
            try
            {
                result = await BlobPipeline.RunAsync(execution, beacon, kzg, data, codec, to, key, options, ct, journal);
            }
            catch (RpcException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
            catch (TimeoutException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }

            var tx = result.Submission.Sent.Transaction;
            var receipt = result.Submission.Receipt;
            if (json)
            {
                var o = new JsonObject
                {
                    ["txHash"] = result.Submission.Hash.ToString(),
                    ["blockNumber"] = receipt?.BlockNumber,
                    ["blockHash"] = receipt?.BlockHash.ToString(),
                    ["status"] = receipt?.Status,
                    ["blobVersionedHashes"] = new JsonArray(tx.BlobVersionedHashes.Select(h => (JsonNode)JsonValue.Create(h.ToString())!).ToArray()),
                    ["blobGasUsed"] = receipt?.BlobGasUsed,
                    ["blobGasPrice"] = receipt?.BlobGasPrice.ToString(),
                    ["blobFeePaid"] = receipt?.BlobFeePaid.ToString(),
                    ["gasUsed"] = receipt?.GasUsed,
                    ["effectiveGasPrice"] = receipt?.EffectiveGasPrice.ToString(),
                    ["verified"] = result.Verified,
                    ["problem"] = result.Problem,
                    ["from"] = tx.Sender().ToString(),
                    ["to"] = tx.To.ToString(),
                    ["nonce"] = tx.Nonce,
                    ["chainId"] = tx.ChainId,
                    ["maxFeePerBlobGas"] = tx.MaxFeePerBlobGas.ToString(),
                    ["sidecar"] = result.Submission.Form == SidecarVersion.V1 ? "v1" : "v0",
                    ["blobs"] = blobs.Count,
                    ["inputBytes"] = data.Length,
                    ["codec"] = codec.Name,
                    ["fetchedFrom"] = result.Fetched?.Endpoint,
                    ["devnet"] = devnet is not null,
                    ["notes"] = new JsonArray(result.Submission.Notes.Select(n => (JsonNode)JsonValue.Create(n)!).ToArray()),
                };
                output.WriteLine(o.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            }
            else
            {
                output.WriteLine($"tx hash          {result.Submission.Hash}");
                if (receipt is not null)
                {
                    output.WriteLine($"block            {receipt.BlockNumber} ({receipt.BlockHash}), status {receipt.Status}");
                    output.WriteLine($"blob gas         {receipt.BlobGasUsed} used at {receipt.BlobGasPrice} wei = {receipt.BlobFeePaid} wei");
                }
                output.WriteLine($"sidecar          {(result.Submission.Form == SidecarVersion.V1 ? "v1 (cell proofs)" : "v0 (blob proofs)")}, {blobs.Count} blob(s), {data.Length} bytes ({codec.Name} codec)");
                for (int i = 0; i < tx.BlobVersionedHashes.Count; i++)
                    output.WriteLine($"versioned hash   [{i}] {tx.BlobVersionedHashes[i]}");
                foreach (var note in result.Submission.Notes) output.WriteLine($"note             {note}");
                output.WriteLine(result.Verified
                    ? $"verified         yes: blobs fetched back ({result.Fetched!.Endpoint}, block {result.Fetched.BlockId}) re-commit to the versioned hashes and decode to the {data.Length} input bytes"
                    : $"verified         NO: {result.Problem}");
            }
            bool verifyAttempted = beacon is not null && receipt is not null;
            return !verifyAttempted || result.Verified ? ExitCodes.Ok : ExitCodes.Failed;
        }
        finally
        {
            if (devnet is not null)
            {
                await devnet.DisposeAsync();
                if (!json) err.WriteLine("· devnet stopped");
            }
        }
    }
}

/// <summary>Options and helpers shared by send, tx, fetch.</summary>
internal static class TxCli
{
    public static readonly Option<string> CodecName = new("--codec") { Description = "Codec that packs the bytes into blobs: simple (alloy/cast), op (OP Stack v0), viem, … (default simple).", DefaultValueFactory = _ => "simple" };
    public static readonly Option<string> Sidecar = new("--sidecar") { Description = "Sidecar form: auto (from the node's eth_config), v0 (blob proofs, EIP-4844) or v1 (cell proofs, EIP-7594).", DefaultValueFactory = _ => "auto" };
    public static readonly Option<string?> MaxFeePerBlobGas = new("--max-fee-per-blob-gas") { Description = "Blob fee cap in wei (default 2 × the current blob base fee)." };
    public static readonly Option<string?> PrivateKey = new("--private-key") { Description = "Signing key as hex (visible to other users of this machine: prefer BLOB_PRIVATE_KEY or --keystore)." };
    public static readonly Option<FileInfo?> Keystore = new("--keystore") { Description = "Signing key from a Web3 Secret Storage (keystore) JSON file." };
    public static readonly Option<FileInfo?> PasswordFile = new("--password-file") { Description = "File holding the keystore password (otherwise it is prompted for)." };

    static TxCli() => Sidecar.AcceptOnlyFromAmong("auto", "v0", "v1");

    public static void AddSendOptions(Command command)
    {
        command.Options.Add(CodecName);
        command.Options.Add(Sidecar);
        command.Options.Add(MaxFeePerBlobGas);
        command.Options.Add(PrivateKey);
        command.Options.Add(Keystore);
        command.Options.Add(PasswordFile);
    }

    public static SidecarVersion? SidecarChoice(ParseResult parse) => parse.GetValue(Sidecar) switch
    {
        "v0" => SidecarVersion.V0,
        "v1" => SidecarVersion.V1,
        _ => null,
    };

    public static T Guard<T>(Func<T> f)
    {
        try { return f(); }
        catch (ArgumentException e) { throw new CliException(e.Message, ExitCodes.InvalidInput, e); }
    }

    public static Address ParseAddress(string text, string option) =>
        Address.TryParse(text, out var a) ? a : throw new CliException($"{option} '{text}' is not a 20-byte hex address", ExitCodes.InvalidInput);

    public static BigInteger? Wei(string? text, string option)
    {
        if (text is null) return null;
        if (BigInteger.TryParse(text, out var v) && v.Sign >= 0) return v;
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            try { return Quantities.Parse(text, option); } catch (FormatException) { }
        throw new CliException($"{option} '{text}' is not an amount in wei (a decimal or 0x-hex integer)", ExitCodes.InvalidInput);
    }

    /// <summary>The codec named by --codec, from the codec registry.</summary>
    public static IBlobCodec Codec(ParseResult parse) => Codec(parse.GetValue(CodecName) ?? "simple");

    public static IBlobCodec Codec(string name) =>
        BlobCodecs.TryGet(name, out var codec) ? codec
            : throw new CliException($"unknown codec '{name}'; available: {string.Join(", ", BlobCodecs.Names)}", ExitCodes.InvalidInput);

    /// <summary>The KZG context --kzg asks for, or null with the reason when no backend can be loaded.</summary>
    public static KzgContext? TryKzg(ParseResult parse, out string? problem)
    {
        try
        {
            var kzg = GlobalOptions.CreateKzg(parse);
            problem = null;
            return kzg;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or TypeInitializationException or EntryPointNotFoundException)
        {
            problem = "no KZG backend available: " + (e.InnerException?.Message ?? e.Message);
            return null;
        }
    }

    /// <summary>The signing key from BLOB_PRIVATE_KEY, --keystore or --private-key (warned about); null when none given. Never printed.</summary>
    public static ReadOnlyMemory<byte>? TryKey(ParseResult parse, TextWriter err)
    {
        var flag = parse.GetValue(PrivateKey);
        var keystore = parse.GetValue(Keystore);
        var env = Environment.GetEnvironmentVariable("BLOB_PRIVATE_KEY");
        if (flag is not null)
        {
            err.WriteLine("warning: --private-key exposes the key to other users of this machine (process list, shell history); prefer BLOB_PRIVATE_KEY or --keystore");
            return ParseKey(flag, "--private-key");
        }
        if (keystore is not null)
        {
            if (!keystore.Exists) throw new CliException($"keystore file not found: {keystore.FullName}", ExitCodes.InvalidInput);
            var password = ReadPassword(parse.GetValue(PasswordFile), err);
            try
            {
                var service = new Nethereum.KeyStore.KeyStoreService();
                return service.DecryptKeyStoreFromJson(password, File.ReadAllText(keystore.FullName));
            }
            catch (Exception e) when (e is not CliException)
            {
                throw new CliException($"cannot decrypt keystore {keystore.Name}: wrong password or not a keystore file", ExitCodes.InvalidInput, e);
            }
        }
        if (!string.IsNullOrWhiteSpace(env)) return ParseKey(env.Trim(), "BLOB_PRIVATE_KEY");
        return null;
    }

    private static byte[] ParseKey(string text, string source)
    {
        byte[] bytes;
        try { bytes = Hex.Decode(text.Trim(), source); }
        catch (KzgInputException) { throw new CliException($"{source}: not hex (the key is not shown)", ExitCodes.InvalidInput); }
        if (bytes.Length != 32) throw new CliException($"{source}: {bytes.Length} bytes, a private key is 32 (the key is not shown)", ExitCodes.InvalidInput);
        return bytes;
    }

    private static string ReadPassword(FileInfo? file, TextWriter err)
    {
        if (file is not null)
        {
            if (!file.Exists) throw new CliException($"password file not found: {file.FullName}", ExitCodes.InvalidInput);
            return File.ReadAllText(file.FullName).TrimEnd('\r', '\n');
        }
        if (Console.IsInputRedirected) throw new CliException("--keystore needs --password-file when input is not a terminal", ExitCodes.InvalidInput);
        err.Write("keystore password: ");
        var sb = new StringBuilder();
        while (true)
        {
            var k = Console.ReadKey(intercept: true);
            if (k.Key == ConsoleKey.Enter) break;
            if (k.Key == ConsoleKey.Backspace) { if (sb.Length > 0) sb.Length--; continue; }
            sb.Append(k.KeyChar);
        }
        err.WriteLine();
        return sb.ToString();
    }

    /// <summary>Reads 0x-hex from the argument itself or from a file holding hex or raw bytes.</summary>
    public static byte[] HexOrFile(string input, string what)
    {
        if (File.Exists(input))
        {
            var raw = File.ReadAllBytes(input);
            var text = Encoding.ASCII.GetString(raw).Trim();
            if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || (text.Length > 0 && text.All(Uri.IsHexDigit)))
            {
                try { return Hex.Decode(text, what); }
                catch (KzgInputException e) { throw new CliException($"{input}: {e.Message}", ExitCodes.InvalidInput, e); }
            }
            return raw;
        }
        if (input.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            try { return Hex.Decode(input, what); }
            catch (KzgInputException e) { throw new CliException(e.Message, ExitCodes.InvalidInput, e); }
        }
        throw new CliException($"'{(input.Length > 40 ? input[..40] + "…" : input)}' is neither a file nor 0x-hex", ExitCodes.InvalidInput);
    }
}
