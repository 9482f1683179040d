using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Kzg;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob encode FILE</c>: packs a file into blobs with a codec (optionally compressed first) and writes
/// <c>blob-0.bin</c>, <c>blob-1.bin</c>, … (131072 raw bytes each) into <c>--out</c>. Prints a summary:
/// bytes in, payload bytes (after compression, header included), blobs, fill ratio (payload bytes over
/// what the codec can carry in that many blobs) and efficiency (bytes in over 131072 per blob).
/// JSON (--json): <c>file</c>, <c>codec</c>, <c>compression</c>, <c>level</c>, <c>bytesIn</c>,
/// <c>payloadBytes</c>, <c>blobs</c>, <c>capacityBytes</c>, <c>fillRatio</c>, <c>efficiency</c>,
/// <c>files</c>, <c>blobSha256</c>, <c>warnings</c>.
/// </summary>
public sealed class EncodeCommand : ICliCommand
{
    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The data to encode (any bytes)." };
    private readonly Option<string> _compress = new("--compress") { Description = "Compress first: none, brotli, zlib, zstd (a self-describing header goes in front; decode finds it).", DefaultValueFactory = _ => "none" };
    private readonly Option<int?> _level = new("--level") { HelpName = "N", Description = "Compression level (brotli 0–11, default 11; zlib 0–9, default 9; zstd 1–22, default 19)." };
    private readonly Option<DirectoryInfo> _out = new("--out", "-o") { HelpName = "DIR", Description = "Directory for blob-0.bin, blob-1.bin, … (created if missing).", DefaultValueFactory = _ => new DirectoryInfo(".") };
    private readonly Option<int> _maxBlobs = new("--max-blobs") { HelpName = "N", Description = "Refuse data that needs more blobs than this (a transaction carries at most 6).", DefaultValueFactory = _ => 6 };

    /// <inheritdoc />
    public Command Build()
    {
        _compress.AcceptOnlyFromAmong("none", "brotli", "zlib", "zstd");
        var command = new Command("encode", "Encode a file into blobs (blob-0.bin, …) with a codec, optionally compressed first.");
        command.Arguments.Add(_file);
        command.Options.Add(TxCli.CodecName);
        command.Options.Add(_compress);
        command.Options.Add(_level);
        command.Options.Add(_out);
        command.Options.Add(_maxBlobs);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var file = parse.GetValue(_file)!;
        var codec = TxCli.Codec(parse);
        var compression = BlobCodecs.ParseCompression(parse.GetValue(_compress)!);
        int? level = parse.GetValue(_level);
        int maxBlobs = parse.GetValue(_maxBlobs);
        var outDir = parse.GetValue(_out)!;
        if (maxBlobs < 1) throw new CliException($"--max-blobs {maxBlobs}: at least 1", ExitCodes.InvalidInput);
        if (compression == BlobCompression.None && level is not null) throw new CliException("--level needs --compress", ExitCodes.InvalidInput);
        if (compression != BlobCompression.None && codec is RawCodec) throw new CliException("--codec raw takes whole blobs as they are; it cannot carry a compressed payload", ExitCodes.InvalidInput);
        if (level is { } l) PayloadCompression.CheckLevel(compression, l);
        if (!file.Exists) throw new CliException($"file not found: {file.FullName}", ExitCodes.InvalidInput);
        var data = await File.ReadAllBytesAsync(file.FullName, ct);

        // 1. Compress (optional) into the payload the codec carries.
        var warnings = new List<string>();
        byte[] payload = data;
        if (compression != BlobCompression.None) payload = PayloadCompression.Compress(data, compression, level);
        else if (CompressionHeader.HasMagic(data))
            warnings.Add("the file starts with the compression magic (89 42 4c 5a): decode it with --no-decompress");

        // 2. Encode, refusing more than --max-blobs.
        int needed = codec.BlobsNeeded(payload.Length);
        if (needed > maxBlobs)
            throw new CliException($"{file.Name}: {payload.Length} {(compression == BlobCompression.None ? "bytes" : $"bytes after {Name(compression)} compression")} need {needed} blobs with the {codec.Name} codec; "
                + $"--max-blobs is {maxBlobs} (capacity {codec.Capacity(maxBlobs)} bytes)", ExitCodes.InvalidInput);
        var blobs = codec.Encode(payload);

        // 3. Write blob-i.bin.
        outDir.Create();
        var files = new List<string>();
        for (int i = 0; i < blobs.Length; i++)
        {
            var path = Path.Combine(outDir.FullName, $"blob-{i}.bin");
            await File.WriteAllBytesAsync(path, blobs[i], ct);
            files.Add(path);
        }
        for (int i = blobs.Length; File.Exists(Path.Combine(outDir.FullName, $"blob-{i}.bin")); i++)
            warnings.Add($"blob-{i}.bin in {outDir.FullName} is left from an earlier run; it is not part of this encoding");

        long capacity = codec.Capacity(blobs.Length);
        double fill = capacity == 0 ? 0 : (double)payload.Length / capacity;
        double efficiency = blobs.Length == 0 ? 0 : (double)data.Length / ((long)blobs.Length * BlobFormat.BytesPerBlob);
        if (json)
        {
            var o = new JsonObject
            {
                ["file"] = file.FullName,
                ["codec"] = codec.Name,
                ["compression"] = Name(compression),
                ["level"] = compression == BlobCompression.None ? null : level ?? PayloadCompression.DefaultLevel(compression),
                ["bytesIn"] = data.Length,
                ["payloadBytes"] = payload.Length,
                ["blobs"] = blobs.Length,
                ["capacityBytes"] = capacity,
                ["fillRatio"] = Math.Round(fill, 6),
                ["efficiency"] = Math.Round(efficiency, 6),
                ["files"] = CliJson.Strings(files),
                ["blobSha256"] = CliJson.Strings(blobs.Select(b => Hex.Encode(SHA256.HashData(b)))),
                ["warnings"] = CliJson.Strings(warnings),
            };
            CliJson.Write(output, o);
        }
        else
        {
            var inv = CultureInfo.InvariantCulture;
            output.WriteLine($"{file.Name}: {data.Length} bytes in");
            if (compression != BlobCompression.None)
                output.WriteLine(string.Create(inv, $"{Name(compression)}: {payload.Length} bytes ({(data.Length == 0 ? 0 : 100.0 * payload.Length / data.Length):0.0} %, header included)"));
            output.WriteLine($"codec {codec.Name}: {blobs.Length} blob{(blobs.Length == 1 ? "" : "s")}, capacity {capacity} bytes");
            output.WriteLine(string.Create(inv, $"fill {100 * fill:0.00} % of capacity; {100 * efficiency:0.00} % of {blobs.Length} × {BlobFormat.BytesPerBlob} blob bytes carry input"));
            foreach (var f in files) output.WriteLine("  " + f);
            foreach (var w in warnings) err.WriteLine("warning: " + w);
        }
        return ExitCodes.Ok;
    }

    private static string Name(BlobCompression c) => c.ToString().ToLowerInvariant();
}
