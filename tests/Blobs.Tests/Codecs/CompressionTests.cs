using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Blobs.Codecs;
using Blobs.Codecs.Compression;

namespace Blobs.Tests.Codecs;

/// <summary>The compressed form: header, round trips through every codec, bombs and malformed streams.</summary>
public class CompressionTests
{
    public static readonly BlobCompression[] Algorithms = [BlobCompression.Brotli, BlobCompression.Zlib, BlobCompression.Zstd];

    public static IEnumerable<object[]> AlgorithmData() => Algorithms.Select(a => new object[] { a });

    /// <summary>Text-like data that compresses: words from a small vocabulary.</summary>
    private static byte[] Compressible(int length, int seed)
    {
        string[] words = ["blob", "field", "element", "commitment", "proof", "gas", "fee", "0x00", "batch", "frame"];
        var rng = new Random(seed);
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(words[rng.Next(words.Length)]).Append(' ');
        return Encoding.ASCII.GetBytes(sb.ToString(0, length));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void Header_says_magic_algorithm_and_length(BlobCompression algorithm)
    {
        var data = Compressible(5000, 1);
        var payload = PayloadCompression.Compress(data, algorithm, level: 3);
        Assert.Equal(new byte[] { 0x89, 0x42, 0x4c, 0x5a }, payload[..4]);
        Assert.Equal((byte)algorithm, payload[4]);
        Assert.Equal(5000u, BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(5)));
        Assert.True(payload.Length < data.Length / 2);
        Assert.Equal(data, PayloadCompression.Decompress(payload));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void Round_trips_through_every_codec(BlobCompression algorithm)
    {
        foreach (var inner in CodecData.ByteCodecs)
        {
            var codec = new CompressedBlobCodec(inner, algorithm, level: 1);
            foreach (int n in new[] { 0, 1, 31, 1000, 400_000 })
            {
                var data = n == 1000 ? CodecData.Bytes(n, 3) : Compressible(n, n);
                var blobs = codec.Encode(data);
                Assert.True(blobs.Length <= codec.BlobsNeeded(n));
                foreach (var b in blobs) Assert.Equal(-1, BlobFormat.FirstNonCanonical(b));
                Assert.Equal(data, CodecData.Decode(codec, blobs));
                Assert.Equal($"{inner.Name}+{algorithm.ToString().ToLowerInvariant()}", codec.Name);
            }
        }
    }

    [Fact]
    public void Decoding_follows_the_header_not_the_codec_setting()
    {
        var data = Compressible(10_000, 2);
        var blobs = new CompressedBlobCodec(SimpleCodec.Instance, BlobCompression.Zstd).Encode(data);
        Assert.Equal(data, CodecData.Decode(new CompressedBlobCodec(SimpleCodec.Instance, BlobCompression.Brotli), blobs));
    }

    [Fact]
    public void Worst_case_blob_count_covers_incompressible_data()
    {
        foreach (var algorithm in Algorithms)
        {
            var codec = new CompressedBlobCodec(OpStackV0Codec.Instance, algorithm, level: 1);
            foreach (int n in new[] { 0, 1, 129_000, 130_100, 300_000 })
            {
                var data = CodecData.Bytes(n, n);
                Assert.True(PayloadCompression.Compress(data, algorithm, 1).Length <= PayloadCompression.MaxCompressedLength(n, algorithm));
                Assert.True(codec.Encode(data).Length <= codec.BlobsNeeded(n));
            }
        }
    }

    [Fact]
    public void Raw_and_double_compression_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new CompressedBlobCodec(RawCodec.Instance, BlobCompression.Zstd));
        var once = new CompressedBlobCodec(ViemCodec.Instance, BlobCompression.Zstd);
        Assert.Throws<ArgumentException>(() => new CompressedBlobCodec(once, BlobCompression.Zlib));
        Assert.Throws<ArgumentException>(() => new CompressedBlobCodec(ViemCodec.Instance, BlobCompression.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => new CompressedBlobCodec(ViemCodec.Instance, BlobCompression.Zlib, level: 10));
    }

    private static string Fails(byte[] payload, long max = PayloadCompression.DefaultMaxDecompressedLength) =>
        Assert.Throws<BlobDecodingException>(() => PayloadCompression.Decompress(payload, max)).Message;

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void A_declared_length_beyond_the_limit_is_refused_before_allocating(BlobCompression algorithm)
    {
        var payload = PayloadCompression.Compress(new byte[1000], algorithm, 1);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(5), uint.MaxValue);
        Assert.Contains("declares 4294967295 bytes uncompressed, beyond the limit of 67108864", Fails(payload));
        Assert.Contains("beyond the limit of 999", Fails(PayloadCompression.Compress(new byte[1000], algorithm, 1), max: 999));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void A_bomb_that_lies_about_its_length_is_refused(BlobCompression algorithm)
    {
        // 16 MiB of zeros compress to a few KiB; the header claims 1000 bytes.
        var payload = PayloadCompression.Compress(new byte[16 << 20], algorithm, 1);
        Assert.True(payload.Length < 1 << 20);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(5), 1000);
        Assert.Contains("decompresses to more than the 1000 bytes the header declares", Fails(payload));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void A_stream_shorter_than_declared_is_refused(BlobCompression algorithm)
    {
        var payload = PayloadCompression.Compress(CodecData.Bytes(1000, 1), algorithm, 1);
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(5), 1001);
        Assert.Contains("ends after 1000 bytes, the header declares 1001", Fails(payload));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void A_truncated_stream_is_refused(BlobCompression algorithm)
    {
        var payload = PayloadCompression.Compress(CodecData.Bytes(1000, 1), algorithm, 1);
        Assert.Contains("compressed payload", Fails(payload[..^8]));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void Bytes_after_the_stream_are_refused(BlobCompression algorithm)
    {
        var payload = PayloadCompression.Compress(Compressible(3000, 1), algorithm, 1);
        var msg = Fails([.. payload, 0, 0, 0]);
        Assert.True(msg.Contains("after the end of the") || msg.Contains("corrupt"), msg);
        Assert.Contains("after the end of the", Fails([.. payload, 0x42]));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void A_corrupt_stream_is_refused(BlobCompression algorithm)
    {
        var data = Compressible(20_000, 4);
        var payload = PayloadCompression.Compress(data, algorithm, 1);
        // Flip one byte at a time across the stream: every flip is either refused or (never) silently accepted.
        int refused = 0;
        for (int i = CompressionHeader.Size; i < payload.Length; i += Math.Max(1, payload.Length / 97))
        {
            var bad = (byte[])payload.Clone();
            bad[i] ^= 0x5a;
            try
            {
                var back = PayloadCompression.Decompress(bad);
                // brotli has no checksum: a flip may decode to other bytes of the declared length.
                Assert.Equal(BlobCompression.Brotli, algorithm);
                Assert.Equal(data.Length, back.Length);
            }
            catch (BlobDecodingException) { refused++; }
        }
        Assert.True(refused > 0);
    }

    [Fact]
    public void Malformed_headers_are_refused()
    {
        Assert.Contains("no compression header", Fails(Encoding.ASCII.GetBytes("plain text")));
        Assert.Contains("shorter than the 9-byte header", Fails([0x89, 0x42, 0x4c, 0x5a, 1]));
        Assert.Contains("unknown algorithm byte 7", Fails([0x89, 0x42, 0x4c, 0x5a, 7, 0, 0, 0, 0]));
        Assert.Contains("unknown algorithm byte 0", Fails([0x89, 0x42, 0x4c, 0x5a, 0, 0, 0, 0, 0]));
        // Through a codec: an uncompressed payload has no header.
        var blobs = SimpleCodec.Instance.Encode(Encoding.ASCII.GetBytes("not compressed"));
        Assert.Throws<BlobDecodingException>(() => CodecData.Decode(new CompressedBlobCodec(SimpleCodec.Instance, BlobCompression.Zlib), blobs));
    }

    [Fact]
    public void Zlib_streams_from_the_bcl_decompress()
    {
        // Interop: a zlib stream made by ZLibStream (not our compressor), wrapped in our header.
        var data = Compressible(50_000, 7);
        using var ms = new MemoryStream();
        using (var z = new ZLibStream(ms, CompressionLevel.Fastest, leaveOpen: true)) z.Write(data);
        var payload = new byte[CompressionHeader.Size + ms.Length];
        new CompressionHeader(BlobCompression.Zlib, (uint)data.Length).Write(payload);
        ms.ToArray().CopyTo(payload, CompressionHeader.Size);
        Assert.Equal(data, PayloadCompression.Decompress(payload));
    }

    [Fact]
    public void Adler32_matches_rfc1950_example()
    {
        Assert.Equal(0x11E60398u, PayloadCompression.Adler32(Encoding.ASCII.GetBytes("Wikipedia")));
        Assert.Equal(1u, PayloadCompression.Adler32([]));
        var big = new byte[100_000];
        big.AsSpan().Fill(0xff);
        // Reference by the definition, with 64-bit sums.
        ulong a = 1, b = 0;
        foreach (var x in big) { a = (a + x) % 65521; b = (b + a) % 65521; }
        Assert.Equal((uint)((b << 16) | a), PayloadCompression.Adler32(big));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void Builder_packs_until_full_and_refuses_what_does_not_fit(BlobCompression algorithm)
    {
        var codec = new CompressedBlobCodec(SimpleCodec.Instance, algorithm, level: 1);
        var builder = codec.CreateBuilder(1);
        var accepted = new List<byte>();
        var rng = new Random(5);
        int refusals = 0;
        for (int i = 0; i < 400 && refusals < 3; i++)
        {
            // Mostly compressible items, some random ones.
            var item = i % 5 == 4 ? CodecData.Bytes(rng.Next(500, 3000), i) : Compressible(rng.Next(100, 5000), i);
            if (builder.TryAdd(item)) accepted.AddRange(item);
            else refusals++;
        }
        Assert.True(refusals > 0, "the blob never filled");
        Assert.Equal(accepted.Count, builder.BytesAdded);
        Assert.True(accepted.Count > SimpleCodec.Instance.Capacity(1), "compression should let more than one blob's worth in");
        Assert.Empty(builder.ClosedBlobs);
        var blobs = builder.Finish();
        Assert.Single(blobs);
        Assert.Equal(accepted.ToArray(), CodecData.Decode(codec, blobs));
        Assert.Throws<InvalidOperationException>(() => builder.TryAdd([1]));
    }

    [Theory]
    [MemberData(nameof(AlgorithmData))]
    public void An_empty_builder_gives_a_valid_empty_stream(BlobCompression algorithm)
    {
        foreach (var inner in CodecData.ByteCodecs)
        {
            var codec = new CompressedBlobCodec(inner, algorithm, level: 1);
            var builder = codec.CreateBuilder(1);
            Assert.True(builder.TryAdd([]));
            var blobs = builder.Finish();
            Assert.Single(blobs);
            Assert.Empty(CodecData.Decode(codec, blobs));
            Assert.Empty(CodecData.Decode(codec, codec.Encode([])));
        }
    }
}
