using Blobs.Codecs;
using Blobs.Pipeline;
using CsCheck;

namespace Blobs.Tests.Codecs;

/// <summary>Round trips, canonical output, capacity and streaming, for every codec that takes arbitrary bytes.</summary>
public class CodecPropertyTests
{
    private static void AssertRoundTrip(IBlobCodec codec, byte[] data)
    {
        var blobs = codec.Encode(data);
        Assert.Equal(codec.BlobsNeeded(data.Length), blobs.Length);
        for (int i = 0; i < blobs.Length; i++)
        {
            Assert.Equal(BlobFormat.BytesPerBlob, blobs[i].Length);
            Assert.Equal(-1, BlobFormat.FirstNonCanonical(blobs[i]));
        }
        Assert.Equal(data, CodecData.Decode(codec, blobs));
    }

    [Theory]
    [MemberData(nameof(CodecData.CodecEdgeSizes), MemberType = typeof(CodecData))]
    public void Edge_sizes_round_trip_in_every_shape(string name, int size)
    {
        var codec = CodecData.Codec(name);
        for (int shape = 0; shape < 4; shape++) AssertRoundTrip(codec, CodecData.Bytes(size, seed: size * 7 + shape, shape));
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("op")]
    [InlineData("viem")]
    public void Random_lengths_up_to_three_blobs_round_trip(string name)
    {
        var codec = CodecData.Codec(name);
        int max = (int)codec.Capacity(3);
        Gen.Select(Gen.Int[0, max], Gen.Int, Gen.Int[0, 3]).Sample((length, seed, shape) => AssertRoundTrip(codec, CodecData.Bytes(length, seed, shape)), iter: 40, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("op")]
    [InlineData("viem")]
    public void Short_lengths_round_trip(string name)
    {
        var codec = CodecData.Codec(name);
        Gen.Select(Gen.Int[0, 600], Gen.Int).Sample((length, seed) => AssertRoundTrip(codec, CodecData.Bytes(length, seed, seed & 1)), iter: 300, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData("simple")]
    [InlineData("op")]
    [InlineData("viem")]
    [InlineData("raw")]
    public void Capacity_is_exact_and_one_byte_more_is_an_error(string name)
    {
        var codec = CodecData.Codec(name);
        int step = name == "raw" ? BlobFormat.BytesPerBlob : 1;
        for (int n = 1; n <= 6; n++)
        {
            long c = codec.Capacity(n);
            Assert.Equal(n, codec.BlobsNeeded(c));
            Assert.Equal(n + 1, codec.BlobsNeeded(c + step));
        }
        foreach (int n in new[] { 1, 2 })
        {
            var builder = codec.CreateBuilder(n);
            var tooBig = name == "raw" ? CodecData.CanonicalBlobs(n + 1, 5) : new byte[codec.Capacity(n) + 1];
            Assert.False(builder.TryAdd(tooBig));
            Assert.Equal(0, builder.BytesAdded);
            Assert.Throws<BlobCapacityException>(() => builder.Add(tooBig));
            var fits = tooBig.AsSpan(0, (int)codec.Capacity(n)).ToArray();
            Assert.True(builder.TryAdd(fits));
            Assert.False(builder.TryAdd(new byte[step]));
            Assert.Equal(n, builder.Finish().Length);
        }
        var six = new byte[codec.Capacity(6) + step];
        var e = Assert.ThrowsAny<ArgumentException>(() => BlobPipeline.EncodeBlobs(six, codec));
        Assert.Contains("7 blobs", e.Message);
    }

    [Fact]
    public void Op_single_blob_encoder_refuses_more_than_130044_bytes()
    {
        var blob = new byte[BlobFormat.BytesPerBlob];
        OpStackV0Codec.EncodeBlob(new byte[OpStackV0Codec.MaxBlobDataSize], blob);
        Assert.Throws<BlobCapacityException>(() => OpStackV0Codec.EncodeBlob(new byte[OpStackV0Codec.MaxBlobDataSize + 1], blob));
    }

    [Theory]
    [InlineData("op")]
    [InlineData("viem")]
    public void Streaming_builder_equals_encode_of_the_concatenation(string name)
    {
        var codec = CodecData.Codec(name);
        Gen.Select(Gen.Int[0, (int)codec.Capacity(3)], Gen.Int, Gen.Int[1, 40]).Sample((length, seed, pieces) =>
        {
            var data = CodecData.Bytes(length, seed, seed & 1);
            var builder = codec.CreateBuilder(3);
            var closed = new List<int>();
            builder.BlobClosed += (i, _) => closed.Add(i);
            var rng = new Random(seed);
            int off = 0;
            for (int p = 0; p < pieces && off < data.Length; p++)
            {
                int n = p == pieces - 1 ? data.Length - off : rng.Next(0, data.Length - off + 1);
                builder.Add(data.AsSpan(off, n));
                off += n;
                Assert.Equal(off, builder.BytesAdded);
            }
            builder.Add(data.AsSpan(off));
            int closedBeforeFinish = builder.ClosedBlobs.Count;
            var blobs = builder.Finish();
            var expected = codec.Encode(data);
            Assert.Equal(expected.Length, blobs.Length);
            for (int i = 0; i < blobs.Length; i++) Assert.Equal(expected[i], blobs[i]);
            Assert.Equal(Enumerable.Range(0, blobs.Length), closed);
            // Every full blob closed before Finish.
            Assert.True(closedBeforeFinish >= blobs.Length - 1);
        }, iter: 25, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Simple_builder_of_one_item_equals_encode_and_items_come_back()
    {
        var codec = SimpleCodec.Instance;
        Gen.Select(Gen.Int[0, (int)codec.Capacity(3)], Gen.Int, Gen.Int[1, 12]).Sample((length, seed, pieces) =>
        {
            var data = CodecData.Bytes(length, seed, seed & 1);
            var one = codec.CreateBuilder(3);
            one.Add(data);
            var blobs = one.Finish();
            var expected = codec.Encode(data);
            Assert.Equal(expected.Length, blobs.Length);
            for (int i = 0; i < blobs.Length; i++) Assert.Equal(expected[i], blobs[i]);

            // Several items: one header each; they decode to the concatenation and come back one by one.
            var rng = new Random(seed);
            var items = new List<byte[]>();
            var many = codec.CreateBuilder(4);
            int off = 0;
            for (int p = 0; p < pieces && off < data.Length; p++)
            {
                int n = p == pieces - 1 ? data.Length - off : rng.Next(0, data.Length - off + 1);
                var item = data.AsSpan(off, n).ToArray();
                if (!many.TryAdd(item)) break;
                if (n > 0) items.Add(item);
                off += n;
            }
            var manyBlobs = many.Finish();
            foreach (var b in manyBlobs) Assert.Equal(-1, BlobFormat.FirstNonCanonical(b));
            Assert.Equal(data.AsSpan(0, off).ToArray(), CodecData.Decode(codec, manyBlobs));
            var back = codec.DecodeItems(CodecData.Mem(manyBlobs));
            Assert.Equal(items.Count, back.Count);
            for (int i = 0; i < items.Count; i++) Assert.Equal(items[i], back[i]);
        }, iter: 25, seed: "0N0XIzNsQ0O2");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void Raw_blobs_pass_through(int count)
    {
        var data = CodecData.CanonicalBlobs(count, 11);
        var blobs = RawCodec.Instance.Encode(data);
        Assert.Equal(count, blobs.Length);
        for (int i = 0; i < count; i++) Assert.Equal(data.AsSpan(i * BlobFormat.BytesPerBlob, BlobFormat.BytesPerBlob).ToArray(), blobs[i]);
        Assert.Equal(data, CodecData.Decode(RawCodec.Instance, blobs));
        var builder = RawCodec.Instance.CreateBuilder(Math.Max(1, count));
        builder.Add(data.AsSpan(0, data.Length / 2));
        builder.Add(data.AsSpan(data.Length / 2));
        var streamed = builder.Finish();
        Assert.Equal(blobs.Length, streamed.Length);
        for (int i = 0; i < count; i++) Assert.Equal(blobs[i], streamed[i]);
    }

    [Fact]
    public void Registry_finds_every_codec_by_name()
    {
        Assert.Equal(["simple", "op", "viem", "raw"], BlobCodecs.Names);
        foreach (var c in BlobCodecs.All) Assert.Same(c, BlobCodecs.Get(c.Name.ToUpperInvariant()));
        var e = Assert.Throws<ArgumentException>(() => BlobCodecs.Get("nope"));
        Assert.Contains("simple, op, viem, raw", e.Message);
        Assert.Equal("op+zstd", BlobCodecs.Get("op", Blobs.Codecs.Compression.BlobCompression.Zstd).Name);
        Assert.Same(ViemCodec.Instance, BlobCodecs.Get("viem", Blobs.Codecs.Compression.BlobCompression.None));
    }
}
