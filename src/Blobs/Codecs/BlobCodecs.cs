using System.Diagnostics.CodeAnalysis;
using Blobs.Codecs.Compression;

namespace Blobs.Codecs;

/// <summary>The codecs built into the library, by name (case-insensitive): simple, op, viem, raw.</summary>
public static class BlobCodecs
{
    /// <summary>Every built-in codec, the default (simple) first.</summary>
    public static IReadOnlyList<IBlobCodec> All { get; } = [SimpleCodec.Instance, OpStackV0Codec.Instance, ViemCodec.Instance, RawCodec.Instance];

    /// <summary>The names of <see cref="All"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = All.Select(c => c.Name).ToArray();

    /// <summary>The default codec: simple (what <c>cast send --blob</c> uses).</summary>
    public static IBlobCodec Default => SimpleCodec.Instance;

    /// <summary>Finds a codec by name.</summary>
    public static bool TryGet(string? name, [NotNullWhen(true)] out IBlobCodec? codec)
    {
        codec = All.FirstOrDefault(c => string.Equals(c.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        return codec is not null;
    }

    /// <summary>The codec named <paramref name="name"/>; throws <see cref="ArgumentException"/> listing the names when there is none.</summary>
    public static IBlobCodec Get(string name) =>
        TryGet(name, out var codec) ? codec : throw new ArgumentException($"unknown codec '{name}'; available: {string.Join(", ", Names)}", nameof(name));

    /// <summary>The codec named <paramref name="name"/> with <paramref name="compression"/> in front (none: the codec itself).</summary>
    public static IBlobCodec Get(string name, BlobCompression compression, int? level = null)
    {
        var codec = Get(name);
        return compression == BlobCompression.None ? codec : new CompressedBlobCodec(codec, compression, level);
    }

    /// <summary>Parses a compression name: none, brotli, zlib, zstd (case-insensitive).</summary>
    public static BlobCompression ParseCompression(string name) => name.Trim().ToLowerInvariant() switch
    {
        "none" => BlobCompression.None,
        "brotli" => BlobCompression.Brotli,
        "zlib" => BlobCompression.Zlib,
        "zstd" => BlobCompression.Zstd,
        _ => throw new ArgumentException($"unknown compression '{name}'; available: none, brotli, zlib, zstd", nameof(name)),
    };
}
