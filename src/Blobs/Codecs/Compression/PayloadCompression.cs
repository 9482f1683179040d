using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using ZstdSharp;
using ZstdSharp.Unsafe;

namespace Blobs.Codecs.Compression;

/// <summary>
/// Compresses a payload into the self-describing form (<see cref="CompressionHeader"/> + stream) and
/// back. Decompression refuses a declared length above a limit before allocating anything, never
/// writes more than the declared length, and requires the stream to produce exactly that many bytes
/// and to end exactly at the end of the payload (for zlib: the Adler-32 trailer is the payload's last 4 bytes).
/// </summary>
public static class PayloadCompression
{
    /// <summary>The default limit on the uncompressed length that decompression accepts: 64 MiB.</summary>
    public const long DefaultMaxDecompressedLength = 64L << 20;

    /// <summary>Default levels: brotli quality 11, zlib 9, zstd 19 (blob space is dear; payloads are small).</summary>
    public static int DefaultLevel(BlobCompression algorithm) => algorithm switch
    {
        BlobCompression.Brotli => 11,
        BlobCompression.Zlib => 9,
        BlobCompression.Zstd => 19,
        _ => throw new ArgumentException($"no level for {algorithm}", nameof(algorithm)),
    };

    /// <summary>Throws unless <paramref name="level"/> is valid for <paramref name="algorithm"/> (brotli 0..11, zlib 0..9, zstd 1..22).</summary>
    public static void CheckLevel(BlobCompression algorithm, int level)
    {
        var (lo, hi) = algorithm switch
        {
            BlobCompression.Brotli => (0, 11),
            BlobCompression.Zlib => (0, 9),
            BlobCompression.Zstd => (1, 22),
            _ => throw new ArgumentException($"no level for {algorithm}", nameof(algorithm)),
        };
        if (level < lo || level > hi) throw new ArgumentOutOfRangeException(nameof(level), level, $"{algorithm} levels run from {lo} to {hi}");
    }

    /// <summary>The largest compressed payload (header included) that <paramref name="length"/> input bytes can give.</summary>
    public static long MaxCompressedLength(long length, BlobCompression algorithm)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long body = algorithm switch
        {
            // BrotliEncoderMaxCompressedSize: 2 + 4 bytes per 16 MiB meta-block + 1 (for empty: 2).
            BlobCompression.Brotli => length + 2 + 4 * ((length >> 24) + 1) + 1,
            // zlib-ng's compressBound (the BCL's zlib): its fastest level may spend 9 bits per literal,
            // so 1/8 on top, + block overhead, + 2 header + 4 Adler-32, + slack.
            BlobCompression.Zlib => length + ((length + 7) >> 3) + 3 + 6 + 32,
            // ZSTD_COMPRESSBOUND, + 4 for the checksum.
            BlobCompression.Zstd => length + (length >> 8) + (length < (128 << 10) ? ((128 << 10) - length) >> 11 : 0) + 4,
            _ => throw new ArgumentException($"no bound for {algorithm}", nameof(algorithm)),
        };
        return CompressionHeader.Size + body;
    }

    /// <summary>Compresses <paramref name="data"/> in one go and puts the header in front.</summary>
    public static byte[] Compress(ReadOnlySpan<byte> data, BlobCompression algorithm, int? level = null)
    {
        using var output = new MemoryStream();
        output.Write(stackalloc byte[CompressionHeader.Size]);
        using (var compressor = CreateCompressor(algorithm, level ?? DefaultLevel(algorithm), output))
            compressor.Write(data);
        EnsureStream(algorithm, output);
        var payload = output.ToArray();
        new CompressionHeader(algorithm, (uint)data.Length).Write(payload);
        return payload;
    }

    /// <summary>
    /// The BCL's ZLibStream writes nothing at all when given no data; a zlib stream needs at least a
    /// header, an empty final block and the Adler-32 of nothing. Writes that when <paramref name="output"/>
    /// got no stream bytes (it holds <paramref name="headerBytes"/> bytes before the stream).
    /// </summary>
    internal static void EnsureStream(BlobCompression algorithm, Stream output, int headerBytes = CompressionHeader.Size)
    {
        if (algorithm == BlobCompression.Zlib && output.Length == headerBytes)
            output.Write([0x78, 0xda, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
    }

    /// <summary>A stream that compresses into <paramref name="output"/> (left open); <c>Flush</c> emits everything written so far, disposing ends the stream.</summary>
    internal static Stream CreateCompressor(BlobCompression algorithm, int level, Stream output)
    {
        CheckLevel(algorithm, level);
        switch (algorithm)
        {
            case BlobCompression.Brotli:
                return new BrotliStream(output, new BrotliCompressionOptions { Quality = level }, leaveOpen: true);
            case BlobCompression.Zlib:
                return new ZLibStream(output, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true);
            case BlobCompression.Zstd:
                var compressor = new Compressor(level);
                compressor.SetParameter(ZSTD_cParameter.ZSTD_c_checksumFlag, 1);
                return new CompressionStream(output, compressor, preserveCompressor: false, leaveOpen: true);
            default:
                throw new ArgumentException($"cannot compress with {algorithm}", nameof(algorithm));
        }
    }

    /// <summary>
    /// Reads the header and decompresses. Throws <see cref="BlobDecodingException"/> when the header is
    /// missing or malformed, when the declared length is above <paramref name="maxLength"/>, when the
    /// stream is corrupt or truncated, decompresses to more or fewer bytes than declared, or is followed
    /// by extra bytes.
    /// </summary>
    public static byte[] Decompress(ReadOnlySpan<byte> payload, long maxLength = DefaultMaxDecompressedLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        var header = CompressionHeader.Read(payload);
        long declared = header.UncompressedLength;
        if (declared > maxLength)
            throw new BlobDecodingException($"compressed payload: the header declares {declared} bytes uncompressed, beyond the limit of {maxLength} (raise the limit if the data is genuine)");
        if (declared > Array.MaxLength) throw new BlobDecodingException($"compressed payload: the header declares {declared} bytes, more than one array holds");
        var body = payload[CompressionHeader.Size..];
        var output = new byte[declared];
        string name = header.Algorithm.ToString().ToLowerInvariant();
        try
        {
            switch (header.Algorithm)
            {
                case BlobCompression.Brotli: Brotli(body, output); break;
                case BlobCompression.Zlib: Zlib(body, output); break;
                default: Zstd(body, output); break;
            }
        }
        catch (Exception e) when (e is InvalidDataException or ZstdException or InvalidOperationException or IOException)
        {
            throw new BlobDecodingException($"compressed payload: the {name} stream is corrupt ({e.Message})");
        }
        return output;
    }

    private static BlobDecodingException TooLong(string name, long declared) =>
        new($"compressed payload: the {name} stream decompresses to more than the {declared} bytes the header declares");

    private static BlobDecodingException TooShort(string name, long written, long declared) =>
        new($"compressed payload: the {name} stream ends after {written} bytes, the header declares {declared}");

    private static BlobDecodingException Trailing(string name, int extra) =>
        new($"compressed payload: {extra} byte(s) after the end of the {name} stream");

    private static void Brotli(ReadOnlySpan<byte> body, Span<byte> output)
    {
        using var decoder = new BrotliDecoder();
        var status = decoder.Decompress(body, output, out int consumed, out int written);
        if (status == OperationStatus.DestinationTooSmall)
        {
            // The output is full: the stream may still have its end to consume, or more data.
            Span<byte> probe = stackalloc byte[1];
            status = decoder.Decompress(body[consumed..], probe, out int c2, out int w2);
            if (w2 > 0) throw TooLong("brotli", output.Length);
            consumed += c2;
        }
        if (status == OperationStatus.InvalidData) throw new InvalidDataException("invalid brotli data");
        if (status == OperationStatus.NeedMoreData) throw TooShort("brotli", written, output.Length);
        if (written < output.Length) throw TooShort("brotli", written, output.Length);
        if (consumed < body.Length) throw Trailing("brotli", body.Length - consumed);
    }

    private static unsafe void Zlib(ReadOnlySpan<byte> body, byte[] output)
    {
        if (body.IsEmpty) throw new BlobDecodingException("compressed payload: the zlib stream is empty");
        // FDICT (RFC 1950): a stream that needs a preset dictionary cannot be inflated here (zlib reports it as an internal IOException).
        if (body.Length >= 2 && (body[1] & 0x20) != 0)
            throw new BlobDecodingException("compressed payload: the zlib stream asks for a preset dictionary (FDICT), which blob payloads never use");
        fixed (byte* p = body)
        {
            using var source = new UnmanagedMemoryStream(p, body.Length);
            using var inflater = new ZLibStream(source, CompressionMode.Decompress);
            int written = inflater.ReadAtLeast(output, output.Length, throwOnEndOfStream: false);
            if (written < output.Length) throw TooShort("zlib", written, output.Length);
            Span<byte> probe = stackalloc byte[1];
            if (inflater.Read(probe) > 0) throw TooLong("zlib", output.Length);
        }
        // The inflater checked the Adler-32 trailer where the stream ends; the stream must end at the payload's end,
        // so the last 4 bytes are that trailer.
        if (body.Length < 4 || BinaryPrimitives.ReadUInt32BigEndian(body[^4..]) != Adler32(output))
            throw new BlobDecodingException("compressed payload: extra bytes after the end of the zlib stream (its last 4 bytes are not the Adler-32 of the data)");
    }

    private static unsafe void Zstd(ReadOnlySpan<byte> body, Span<byte> output)
    {
        // One frame, ending exactly at the end of the payload (the streaming decoder would swallow a few
        // trailing bytes as the start of another frame).
        nuint frame;
        fixed (byte* p = body) frame = body.IsEmpty ? 0 : Methods.ZSTD_findFrameCompressedSize(p, (nuint)body.Length);
        if (body.IsEmpty || Methods.ZSTD_isError(frame))
        {
            if (body.Length < 4 || BinaryPrimitives.ReadUInt32LittleEndian(body) != 0xFD2FB528)
                throw new InvalidDataException("not a zstd frame");
            throw TooShort("zstd", 0, output.Length);
        }
        if (frame < (nuint)body.Length) throw Trailing("zstd", body.Length - (int)frame);
        using var decompressor = new Decompressor();
        var status = decompressor.UnwrapStream(body, output, out int consumed, out int written);
        if (status == OperationStatus.DestinationTooSmall)
        {
            Span<byte> probe = stackalloc byte[1];
            status = decompressor.UnwrapStream(body[consumed..], probe, out int c2, out int w2);
            if (w2 > 0) throw TooLong("zstd", output.Length);
            consumed += c2;
        }
        if (status == OperationStatus.NeedMoreData) throw TooShort("zstd", written, output.Length);
        if (written < output.Length) throw TooShort("zstd", written, output.Length);
        if (consumed < body.Length) throw Trailing("zstd", body.Length - consumed);
    }

    /// <summary>Adler-32 (RFC 1950).</summary>
    internal static uint Adler32(ReadOnlySpan<byte> data)
    {
        const uint Mod = 65521;
        uint a = 1, b = 0;
        while (!data.IsEmpty)
        {
            int n = Math.Min(data.Length, 5552); // the most bytes before b can overflow 32 bits
            foreach (byte x in data[..n]) { a += x; b += a; }
            a %= Mod;
            b %= Mod;
            data = data[n..];
        }
        return (b << 16) | a;
    }
}
