using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Kzg;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob decode BLOB...</c>: decodes blobs (files of 131072 raw bytes, or their 0x-hex text), in the
/// order given, with a codec. A payload that starts with the compression header is decompressed
/// (no flag needed; <c>--no-decompress</c> turns that off). The data goes to <c>--out</c>, or to standard
/// output as raw bytes. A summary goes to standard error (text) or standard output (--json:
/// <c>codec</c>, <c>blobs</c>, <c>payloadBytes</c>, <c>compression</c>, <c>bytesOut</c>, <c>sha256</c>,
/// <c>out</c>, and <c>data</c> as 0x-hex when there is no --out).
/// </summary>
public sealed class DecodeCommand : ICliCommand
{
    private readonly Argument<FileInfo[]> _blobs = new("BLOB") { Description = "Blob files in order (131072 raw bytes, or 0x-hex text).", Arity = ArgumentArity.OneOrMore };
    private readonly Option<FileInfo?> _out = new("--out", "-o") { HelpName = "FILE", Description = "Write the data to this file (default: standard output)." };
    private readonly Option<bool> _noDecompress = new("--no-decompress") { Description = "Output the payload as decoded, even when it starts with the compression header." };
    private readonly Option<long> _maxDecompressed = new("--max-decompressed-bytes") { HelpName = "BYTES", Description = "Refuse a compressed payload that declares or yields more than this many bytes.", DefaultValueFactory = _ => PayloadCompression.DefaultMaxDecompressedLength };

    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("decode", "Decode blobs back into the data (decompressing when the payload carries the compression header).");
        command.Arguments.Add(_blobs);
        command.Options.Add(TxCli.CodecName);
        command.Options.Add(_out);
        command.Options.Add(_noDecompress);
        command.Options.Add(_maxDecompressed);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var codec = TxCli.Codec(parse);
        var files = parse.GetValue(_blobs)!;
        var outFile = parse.GetValue(_out);
        long max = parse.GetValue(_maxDecompressed);
        if (max < 0) throw new CliException($"--max-decompressed-bytes {max}: must not be negative", ExitCodes.InvalidInput);

        // 1. Read the blobs (each 131072 bytes, raw or hex).
        var blobs = new ReadOnlyMemory<byte>[files.Length];
        for (int i = 0; i < files.Length; i++)
            blobs[i] = InputFiles.ReadExact(files[i].FullName, BlobFormat.BytesPerBlob, "blob");

        // 2. Decode; the error names the blob index, which is the file's position: name the file too.
        byte[] payload;
        try { payload = codec.Decode(blobs); }
        catch (BlobDecodingException e) when (e.BlobIndex is int b && b < files.Length)
        {
            string where = $"blob {b}";
            string message = e.Message.StartsWith(where, StringComparison.Ordinal) ? $"{where} ({files[b].Name}){e.Message[where.Length..]}" : e.Message;
            throw new CliException($"not {codec.Name}-encoded: {message}", ExitCodes.InvalidInput, e);
        }

        // 3. Decompress when the header is there.
        string compression = "none";
        byte[] data = payload;
        if (!parse.GetValue(_noDecompress) && CompressionHeader.HasMagic(payload))
        {
            try
            {
                compression = CompressionHeader.Read(payload).Algorithm.ToString().ToLowerInvariant();
                data = PayloadCompression.Decompress(payload, max);
            }
            catch (BlobDecodingException e)
            {
                throw new CliException(e.Message + " (if the data is not compressed, use --no-decompress)", ExitCodes.InvalidInput, e);
            }
        }

        // 4. Write the data.
        if (outFile is not null) await File.WriteAllBytesAsync(outFile.FullName, data, ct);
        else if (!json) await WriteRawAsync(output, data, ct);

        string sha = Hex.Encode(SHA256.HashData(data));
        if (json)
        {
            var o = new JsonObject
            {
                ["codec"] = codec.Name,
                ["blobs"] = blobs.Length,
                ["payloadBytes"] = payload.Length,
                ["compression"] = compression,
                ["bytesOut"] = data.Length,
                ["sha256"] = sha,
                ["out"] = outFile?.FullName,
            };
            if (outFile is null) o["data"] = Hex.Encode(data);
            CliJson.Write(output, o);
        }
        else
        {
            err.WriteLine($"decoded {blobs.Length} blob{(blobs.Length == 1 ? "" : "s")} with the {codec.Name} codec: {data.Length} bytes"
                + (compression == "none" ? "" : $" (from a {compression}-compressed payload of {payload.Length} bytes)")
                + (outFile is null ? "" : $" → {outFile.FullName}") + $", sha256 {sha}");
        }
        return ExitCodes.Ok;
    }

    /// <summary>Raw bytes to the process's standard output; a writer that is not the console gets them as Latin-1 characters.</summary>
    private static async Task WriteRawAsync(TextWriter output, byte[] data, CancellationToken ct)
    {
        if (ReferenceEquals(output, Console.Out))
        {
            await output.FlushAsync(ct);
            using var stdout = Console.OpenStandardOutput();
            await stdout.WriteAsync(data, ct);
            await stdout.FlushAsync(ct);
        }
        else
        {
            await output.WriteAsync(Encoding.Latin1.GetString(data));
        }
    }
}
