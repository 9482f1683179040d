using System.Text;
using Blobs.Codecs;

namespace Blobs.Tests.Codecs;

/// <summary>OP Stack v0: op's own test vectors (op-service/eth/blob_test.go) and every decode error.</summary>
public class OpStackV0CodecTests
{
    private static readonly OpStackV0Codec Op = OpStackV0Codec.Instance;

    private static byte[] Blob(byte[] prefix)
    {
        var blob = new byte[BlobFormat.BytesPerBlob];
        prefix.CopyTo(blob, 0);
        return blob;
    }

    private static byte[] Ff(int n) => Enumerable.Repeat((byte)0xff, n).ToArray();

    private static BlobDecodingException Fails(params byte[][] blobs) =>
        Assert.Throws<BlobDecodingException>(() => CodecData.Decode(Op, blobs));

    // TestEncodeTestVectors: input → blob prefix (the rest zero).
    public static IEnumerable<object[]> EncodeVectors()
    {
        yield return [Array.Empty<byte>(), Array.Empty<byte>()];
        yield return [new byte[OpStackV0Codec.MaxBlobDataSize], new byte[] { 0, 0, 0x01, 0xfb, 0xfc }];
        yield return [Ff(27), new byte[] { 0, 0, 0, 0, 0x1b }.Concat(Ff(27)).ToArray()];
        yield return [Ff(28), new byte[] { 0x3f, 0, 0, 0, 0x1c }.Concat(Ff(27)).Concat(new byte[] { 0x30 }).ToArray()];
    }

    [Theory]
    [MemberData(nameof(EncodeVectors))]
    public void Encodes_op_test_vectors(byte[] input, byte[] prefix)
    {
        var blobs = Op.Encode(input);
        Assert.Single(blobs);
        Assert.Equal(Blob(prefix), blobs[0]);
    }

    // TestDecodeTestVectors: blob prefix → output.
    public static IEnumerable<object[]> DecodeVectors()
    {
        yield return [Array.Empty<byte>(), Array.Empty<byte>()];
        yield return [new byte[] { 0, 0, 0, 0, 1 }, new byte[] { 0 }];
        yield return [new byte[] { 0, 0, 0x01, 0xfb, 0xfc }, new byte[130044]];
        yield return [new byte[] { 0, 0, 0, 0, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff }, new byte[] { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff }];
        yield return [new byte[] { 0, 0, 0, 0, 0x1b }.Concat(Ff(27)).ToArray(), Ff(27)];
        yield return [new byte[] { 0x3f, 0, 0, 0, 0x20 }.Concat(Ff(27)).Concat(new byte[] { 0x30, 0xff, 0xff, 0xff, 0xff }).ToArray(), Ff(32)];
    }

    [Theory]
    [MemberData(nameof(DecodeVectors))]
    public void Decodes_op_test_vectors(byte[] prefix, byte[] output) => Assert.Equal(output, CodecData.Decode(Op, [Blob(prefix)]));

    [Fact]
    public void Round_trips_op_encode_decode_cases()
    {
        string[] cases = ["this is a test of blob encoding/decoding", "short", "\0", "\0\u0001\0", new string('\0', 27), new string('\0', 26), new string('\0', 25), ""];
        foreach (var c in cases)
        {
            var data = Encoding.Latin1.GetBytes(c);
            Assert.Equal(data, CodecData.Decode(Op, Op.Encode(data)));
        }
    }

    [Fact]
    public void Rejects_a_wrong_version()
    {
        var blob = Op.Encode(Encoding.ASCII.GetBytes("this is a test of invalid blob decoding"))[0];
        blob[1] = 1;
        var e = Fails(blob);
        Assert.Equal((0, 0), (e.BlobIndex, e.ElementIndex));
        Assert.Contains("version", e.Message);
    }

    [Fact]
    public void Rejects_a_length_beyond_capacity()
    {
        var e = Fails(Blob([0, 0, 0x01, 0xfb, 0xfd]));
        Assert.Contains("130045", e.Message);
        Assert.Equal(0, e.ElementIndex);
        Assert.Contains("130045", Fails(Op.Encode([1])[0], Blob([0, 0, 0x01, 0xfb, 0xfd])).Message);
        Assert.Equal(1, Fails(Op.Encode([1])[0], Blob([0, 0, 0xff, 0, 0])).BlobIndex);
    }

    [Theory]
    [InlineData(0, 0x80)]
    [InlineData(0, 0x40)]
    [InlineData(1, 0x80)]
    [InlineData(1, 0x40)]
    [InlineData(3, 0xc0)]
    [InlineData(7, 0x41)]
    public void Rejects_high_bits_in_byte_0(int element, byte value)
    {
        var blob = Op.Encode(CodecData.Bytes(300, 3))[0];
        blob[element * 32] = value;
        var e = Fails(blob);
        Assert.Equal(element, e.ElementIndex);
        Assert.Contains("two high bits", e.Message);
        if (value >= 0x80) Assert.Contains("not a canonical field element", e.Message);
    }

    [Fact]
    public void Rejects_extraneous_data_after_the_length_like_op()
    {
        // op's TestExtraneousData: a zero-length blob with bits in byte 0.
        Assert.Contains("after the end of the payload", Fails(Blob([0x30, 0, 0, 0, 0])).Message);
        Assert.Contains("after the end of the payload", Fails(Blob([0x01, 0, 0, 0, 0])).Message);
        // Then every byte of an empty blob after the header (op steps by 7; so do we).
        for (int i = 5; i < BlobFormat.BytesPerBlob; i += i < 128 ? 1 : 7)
        {
            var blob = new byte[BlobFormat.BytesPerBlob];
            blob[i] = 1;
            var e = Fails(blob);
            Assert.Equal(i / 32, e.ElementIndex);
            Assert.Contains($"byte {i % 32} is 0x01", e.Message);
        }
    }

    [Theory]
    [InlineData(10)]     // ends inside element 0
    [InlineData(27)]     // element 0 full
    [InlineData(28)]     // x of round 0
    [InlineData(123)]    // round 0 full
    [InlineData(200)]    // inside round 1
    [InlineData(130043)] // one short of full
    public void Rejects_any_bit_past_the_end_of_the_data(int length)
    {
        var clean = Op.Encode(CodecData.Bytes(length, length))[0];
        var rng = new Random(length);
        // Every bit the encoding leaves zero, sampled: flipping it must be refused, naming its element.
        int tried = 0;
        for (int attempt = 0; attempt < 4000 && tried < 200; attempt++)
        {
            int pos = rng.Next(BlobFormat.BytesPerBlob);
            int bit = rng.Next(6); // keep byte 0's high bits out of it (that is another error)
            var blob = (byte[])clean.Clone();
            blob[pos] ^= (byte)(1 << bit);
            var decoded = TryDecode(blob, out var error);
            if (decoded is not null)
            {
                // A bit inside the data: it decodes, to something else.
                Assert.NotEqual(CodecData.Bytes(length, length), decoded);
                continue;
            }
            tried++;
            Assert.NotNull(error);
            Assert.Equal(0, error!.BlobIndex);
            if (pos >= 5 || pos == 0) Assert.Equal(pos / 32, error.ElementIndex); // bytes 1..4 are the version and length
        }
        Assert.True(tried > 0);
    }

    private static byte[]? TryDecode(byte[] blob, out BlobDecodingException? error)
    {
        try { error = null; return CodecData.Decode(Op, [blob]); }
        catch (BlobDecodingException e) { error = e; return null; }
    }

    [Fact]
    public void Decodes_blobs_of_any_length_in_any_order()
    {
        // op-batcher frames need not fill a blob: each blob is decoded on its own.
        var a = CodecData.Bytes(1000, 1);
        var b = CodecData.Bytes(5, 2);
        var blobs = Op.Encode(a).Concat(Op.Encode(b)).Concat(Op.Encode([])).ToArray();
        Assert.Equal(a.Concat(b).ToArray(), CodecData.Decode(Op, blobs));
        Assert.Equal(b, OpStackV0Codec.DecodeBlob(blobs[1], 1));
    }

    [Fact]
    public void Rejects_no_blobs_and_wrong_sizes()
    {
        Assert.Contains("no blobs", Assert.Throws<BlobDecodingException>(() => Op.Decode([])).Message);
        var e = Assert.Throws<BlobDecodingException>(() => Op.Decode([new byte[131071]]));
        Assert.Contains("131071 bytes", e.Message);
    }
}
