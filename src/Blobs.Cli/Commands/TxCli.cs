using System.CommandLine;
using System.Text;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Cli.Commands;

/// <summary>Options and helpers shared by send, tx, fetch, encode and decode.</summary>
internal static class TxCli
{
    public static readonly Option<string> CodecName = new("--codec") { Description = "Codec that packs the bytes into blobs: simple (alloy/cast), op (OP Stack v0), viem, raw (whole blobs).", DefaultValueFactory = _ => "simple" };
    public static readonly Option<string> Sidecar = new("--sidecar") { Description = "Sidecar form: auto (from the node's eth_config), v0 (blob proofs, EIP-4844) or v1 (cell proofs, EIP-7594).", DefaultValueFactory = _ => "auto" };
    public static readonly Option<string?> MaxFeePerBlobGas = new("--max-fee-per-blob-gas") { HelpName = "WEI", Description = "Blob fee cap in wei (default 2 × the current blob base fee)." };
    public static readonly Option<string?> PrivateKey = new("--private-key") { HelpName = "HEX", Description = "Signing key as hex (visible to other users of this machine: prefer BLOB_PRIVATE_KEY or --keystore)." };
    public static readonly Option<FileInfo?> Keystore = new("--keystore") { HelpName = "FILE", Description = "Signing key from a Web3 Secret Storage (keystore) JSON file." };
    public static readonly Option<FileInfo?> PasswordFile = new("--password-file") { HelpName = "FILE", Description = "File holding the keystore password (otherwise it is prompted for)." };

    static TxCli()
    {
        Sidecar.AcceptOnlyFromAmong("auto", "v0", "v1");
        CodecName.AcceptOnlyFromAmong([.. BlobCodecs.Names]);
    }

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

    public static Address ParseAddress(string text, string option) =>
        Address.TryParse(text, out var a) ? a : throw new CliException($"{option} '{text}' is not a 20-byte hex address", ExitCodes.InvalidInput);

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
            var why = e is TypeInitializationException && e.InnerException is not null ? e.InnerException.Message : e.Message;
            problem = why.StartsWith("no KZG backend available", StringComparison.Ordinal) ? why : "no KZG backend available: " + why;
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

    /// <summary>The signing key (see <see cref="TryKey"/>); a <see cref="CliException"/> saying how to give one when none is given.</summary>
    public static ReadOnlyMemory<byte> RequireKey(ParseResult parse, TextWriter err) =>
        TryKey(parse, err) ?? throw new CliException(
            "no signing key: set BLOB_PRIVATE_KEY, or pass --keystore FILE (with --password-file), or --private-key", ExitCodes.InvalidInput);

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
}
