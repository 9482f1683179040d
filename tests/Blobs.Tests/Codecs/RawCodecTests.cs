using Blobs.Codecs;

namespace Blobs.Tests.Codecs;

/// <summary>Raw mode: whole canonical blobs only.</summary>
public class RawCodecTests
{
    private static readonly RawCodec Raw = RawCodec.Instance;

    [Fact]
    public void Refuses_a_length_that_is_not_whole_blobs()
    {
        Assert.Contains("not a multiple of 131072", Assert.Throws<ArgumentException>(() => Raw.Encode(new byte[131073])).Message);
        var builder = Raw.CreateBuilder(2);
        builder.Add(new byte[131073]);
        Assert.Contains("multiple of 131072", Assert.Throws<ArgumentException>(() => builder.Finish()).Message);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 4095)]
    public void Refuses_non_canonical_elements_both_ways(int blob, int element)
    {
        var data = CodecData.CanonicalBlobs(2, 9);
        var at = blob * BlobFormat.BytesPerBlob + element * 32;
        // BLS_MODULUS itself is the smallest non-canonical value.
        Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001").CopyTo(data, at);
        Assert.Contains($"blob {blob}, field element {element}: not canonical", Assert.Throws<ArgumentException>(() => Raw.Encode(data)).Message);
        var blobs = new[] { data[..BlobFormat.BytesPerBlob], data[BlobFormat.BytesPerBlob..] };
        var e = Assert.Throws<BlobDecodingException>(() => CodecData.Decode(Raw, blobs));
        Assert.Equal((blob, element), (e.BlobIndex, e.ElementIndex));
        // One below the modulus is fine.
        data[at + 31] = 0;
        Assert.Equal(data, CodecData.Decode(Raw, Raw.Encode(data)));
    }

    [Fact]
    public void A_builder_that_met_a_bad_blob_refuses_to_go_on()
    {
        var data = CodecData.CanonicalBlobs(1, 3);
        data[64] = 0xff;
        var builder = Raw.CreateBuilder(3);
        Assert.Contains("blob 0, field element 2", Assert.Throws<ArgumentException>(() => builder.Add(data)).Message);
        Assert.Throws<InvalidOperationException>(() => builder.Add(CodecData.CanonicalBlobs(1, 4)));
        Assert.Throws<InvalidOperationException>(() => builder.Finish());
    }
}
