using System.Buffers.Binary;
using Blobs.Codecs;

namespace Blobs.Tests.Codecs;

/// <summary>alloy SimpleCoder: layout, items across blobs, and every decode error.</summary>
public class SimpleCodecTests
{
    private static readonly SimpleCodec Simple = SimpleCodec.Instance;

    private static BlobDecodingException Fails(params byte[][] blobs) =>
        Assert.Throws<BlobDecodingException>(() => CodecData.Decode(Simple, blobs));

    [Fact]
    public void Layout_is_header_element_then_31_bytes_per_element()
    {
        var data = CodecData.Bytes(70, 1);
        var blob = Assert.Single(Simple.Encode(data));
        Assert.Equal(0, blob[0]);
        Assert.Equal(70UL, BinaryPrimitives.ReadUInt64BigEndian(blob.AsSpan(1)));
        Assert.True(blob.AsSpan(9, 23).IndexOfAnyExcept((byte)0) < 0);
        Assert.Equal(data.AsSpan(0, 31).ToArray(), blob.AsSpan(33, 31).ToArray());
        Assert.Equal(data.AsSpan(31, 31).ToArray(), blob.AsSpan(65, 31).ToArray());
        Assert.Equal(data.AsSpan(62, 8).ToArray(), blob.AsSpan(97, 8).ToArray());
        Assert.True(blob.AsSpan(105).IndexOfAnyExcept((byte)0) < 0);
    }

    [Fact]
    public void Empty_data_is_one_zero_blob()
    {
        var blob = Assert.Single(Simple.Encode([]));
        Assert.True(blob.AsSpan().IndexOfAnyExcept((byte)0) < 0);
        Assert.Empty(CodecData.Decode(Simple, [blob]));
        Assert.Empty(Simple.DecodeItems(CodecData.Mem([blob])));
    }

    [Fact]
    public void Alloy_ingestion_strategy_items_come_back_across_blobs()
    {
        // alloy's builder.rs test `ingestion_strategy`.
        byte[][] items = [Fill(1, 32), Fill(2, 372), Fill(3, 17), Fill(4, 5), Fill(5, 126_945), Fill(6, 2 * 126_945)];
        var blobs = Simple.EncodeItems(items.Select(i => (ReadOnlyMemory<byte>)i));
        long elements = items.Sum(i => SimpleCodec.ElementsFor(i.Length));
        Assert.Equal((int)((elements + 4095) / 4096), blobs.Length);
        var back = Simple.DecodeItems(CodecData.Mem(blobs));
        Assert.Equal(items.Length, back.Count);
        for (int i = 0; i < items.Length; i++) Assert.Equal(items[i], back[i]);
        Assert.Equal(items.SelectMany(i => i).ToArray(), CodecData.Decode(Simple, blobs));
    }

    private static byte[] Fill(byte value, int n) => Enumerable.Repeat(value, n).ToArray();

    [Fact]
    public void Empty_items_write_nothing()
    {
        var blobs = Simple.EncodeItems([new byte[0], new byte[] { 7 }, new byte[0]]);
        Assert.Equal(Simple.Encode([7]), blobs);
    }

    [Fact]
    public void An_item_ending_exactly_at_a_blob_boundary_adds_no_blob()
    {
        var data = CodecData.Bytes((int)Simple.Capacity(1), 4);
        Assert.Single(Simple.Encode(data));
        var two = Simple.Encode(CodecData.Bytes((int)Simple.Capacity(1) + 1, 4));
        Assert.Equal(2, two.Length);
    }

    [Fact]
    public void Rejects_a_set_byte_0()
    {
        var blobs = Simple.Encode(CodecData.Bytes(200_000, 2));
        blobs[1][77 * 32] = 0x01;
        var e = Fails(blobs);
        Assert.Equal((1, 77), (e.BlobIndex, e.ElementIndex));
        Assert.Contains("byte 0 is 0x01", e.Message);
        blobs[1][77 * 32] = 0x74;
        Assert.Contains("not a canonical field element", Fails(blobs).Message);
    }

    [Fact]
    public void Rejects_junk_in_the_header()
    {
        var blob = Simple.Encode([1, 2, 3])[0];
        blob[20] = 5;
        var e = Fails(blob);
        Assert.Equal(0, e.ElementIndex);
        Assert.Contains("byte 20 is 0x05 in a length header", e.Message);
    }

    [Fact]
    public void Rejects_a_length_beyond_what_the_blobs_hold()
    {
        var blob = Simple.Encode([1, 2, 3])[0];
        BinaryPrimitives.WriteUInt64BigEndian(blob.AsSpan(1), (ulong)Simple.Capacity(1) + 1);
        var e = Fails(blob);
        Assert.Equal(0, e.ElementIndex);
        Assert.Contains("hold at most 126945", e.Message);
        BinaryPrimitives.WriteUInt64BigEndian(blob.AsSpan(1), ulong.MaxValue);
        Assert.Contains("18446744073709551615", Fails(blob).Message);
        // Exactly the capacity is a length, not an error (the zero data decodes).
        BinaryPrimitives.WriteUInt64BigEndian(blob.AsSpan(1), (ulong)Simple.Capacity(1));
        blob.AsSpan(32).Clear();
        Assert.Equal(new byte[Simple.Capacity(1)], CodecData.Decode(Simple, [blob]));
    }

    [Fact]
    public void Rejects_junk_in_the_padding_of_the_last_element()
    {
        var blob = Simple.Encode(CodecData.Bytes(40, 1))[0];
        blob[2 * 32 + 1 + 9] = 1; // element 2 holds bytes 31..39 of the data in bytes 1..9
        var e = Fails(blob);
        Assert.Equal(2, e.ElementIndex);
        Assert.Contains("byte 10 is 0x01; it pads the end of a 40-byte item", e.Message);
    }

    [Fact]
    public void Rejects_data_after_a_zero_length_header()
    {
        var blobs = Simple.Encode(CodecData.Bytes(40, 1)).Append(new byte[BlobFormat.BytesPerBlob]).ToArray();
        Assert.Equal(CodecData.Bytes(40, 1), CodecData.Decode(Simple, blobs)); // zeros after: fine
        blobs[1][4001] = 9;
        var e = Fails(blobs);
        Assert.Equal((1, 125), (e.BlobIndex, e.ElementIndex));
        Assert.Contains("after the end of the data (a zero length header at blob 0, element 3)", e.Message);
    }

    [Fact]
    public void Trailing_zeros_are_data()
    {
        var data = new byte[] { 1, 0, 0, 0 };
        var blob = Simple.Encode(data)[0];
        Assert.Equal(data, CodecData.Decode(Simple, [blob]));
    }

    [Fact]
    public void Rejects_no_blobs_and_wrong_sizes()
    {
        Assert.Throws<BlobDecodingException>(() => Simple.Decode([]));
        Assert.Contains("blob 1: 32 bytes", Assert.Throws<BlobDecodingException>(() => Simple.Decode([new byte[131072], new byte[32]])).Message);
    }
}
