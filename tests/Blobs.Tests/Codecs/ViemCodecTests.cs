using Blobs.Codecs;

namespace Blobs.Tests.Codecs;

/// <summary>viem toBlobs/fromBlobs: layout, the terminator, and every decode error.</summary>
public class ViemCodecTests
{
    private static readonly ViemCodec Viem = ViemCodec.Instance;

    private static BlobDecodingException Fails(params byte[][] blobs) =>
        Assert.Throws<BlobDecodingException>(() => CodecData.Decode(Viem, blobs));

    [Theory]
    [InlineData(0, 0, 1)]    // empty: terminator at element 0, byte 1
    [InlineData(30, 0, 31)]  // 30 bytes: terminator in the same element
    [InlineData(31, 1, 1)]   // 31 bytes: the next element is 00 80
    [InlineData(62, 2, 1)]
    [InlineData(63, 2, 2)]
    public void Terminator_follows_the_data(int length, int element, int b)
    {
        var blob = Assert.Single(Viem.Encode(CodecData.Bytes(length, length)));
        int t = element * 32 + b;
        Assert.Equal(0x80, blob[t]);
        Assert.True(blob.AsSpan(t + 1).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void A_full_blob_spills_the_terminator_into_the_next()
    {
        var blobs = Viem.Encode(CodecData.Bytes(ViemCodec.BytesPerFullBlob, 1));
        Assert.Equal(2, blobs.Length);
        Assert.Equal(0x80, blobs[1][1]);
        Assert.True(blobs[1].AsSpan(2).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void Data_full_of_0x80_round_trips()
    {
        var data = Enumerable.Repeat((byte)0x80, 1000).ToArray();
        Assert.Equal(data, CodecData.Decode(Viem, Viem.Encode(data)));
    }

    [Fact]
    public void Rejects_a_set_byte_0()
    {
        var blobs = Viem.Encode(CodecData.Bytes(150_000, 3));
        blobs[0][4095 * 32] = 0x02;
        var e = Fails(blobs);
        Assert.Equal((0, 4095), (e.BlobIndex, e.ElementIndex));
    }

    [Fact]
    public void Rejects_a_last_blob_without_terminator()
    {
        Assert.Contains("no 0x80 terminator", Fails(new byte[BlobFormat.BytesPerBlob]).Message);
        var blobs = Viem.Encode(CodecData.Bytes(100, 1)).Append(new byte[BlobFormat.BytesPerBlob]).ToArray();
        var e = Fails(blobs);
        Assert.Equal(1, e.BlobIndex);
        Assert.Contains("trailing blobs are not allowed", e.Message);
    }

    [Fact]
    public void Rejects_a_last_non_zero_byte_other_than_0x80()
    {
        var blob = Viem.Encode(CodecData.Bytes(100, 1))[0];
        int t = blob.AsSpan().LastIndexOf((byte)0x80);
        blob[t] = 0x81;
        var e = Fails(blob);
        Assert.Equal(t / 32, e.ElementIndex);
        Assert.Contains($"byte {t % 32} is 0x81", e.Message);
        blob[t] = 0x80;
        blob[5000] = 0x80; // a later 0x80 would move the terminator: data then decodes differently
        Assert.NotEqual(CodecData.Bytes(100, 1), CodecData.Decode(Viem, [blob]));
        blob[5000] = 0x07;
        Assert.Contains("byte 8 is 0x07", Fails(blob).Message);
    }
}
