using Blobs.Codecs;

namespace Blobs.Tests.Codecs;

/// <summary>Seeded inputs for the codec tests.</summary>
internal static class CodecData
{
    /// <summary>The codecs that take arbitrary bytes.</summary>
    public static readonly IBlobCodec[] ByteCodecs = [SimpleCodec.Instance, OpStackV0Codec.Instance, ViemCodec.Instance];

    public static IBlobCodec Codec(string name) => BlobCodecs.Get(name);

    /// <summary>Random bytes; <paramref name="shape"/> 1 ends them with a run of zeros, 2 fills them with 0x80, 3 with zeros.</summary>
    public static byte[] Bytes(int length, int seed, int shape = 0)
    {
        var data = new byte[length];
        switch (shape)
        {
            case 2: data.AsSpan().Fill(0x80); break;
            case 3: break;
            default:
                new Random(seed).NextBytes(data);
                if (shape == 1) data.AsSpan(Math.Max(0, length - 40)).Clear();
                break;
        }
        return data;
    }

    /// <summary>Random canonical blobs (top byte of each element below 0x73), back to back.</summary>
    public static byte[] CanonicalBlobs(int count, int seed)
    {
        var data = Bytes(count * BlobFormat.BytesPerBlob, seed);
        for (int i = 0; i < data.Length; i += 32) data[i] &= 0x3f;
        return data;
    }

    public static ReadOnlyMemory<byte>[] Mem(IEnumerable<byte[]> blobs) => blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray();

    public static byte[] Decode(IBlobCodec codec, IEnumerable<byte[]> blobs) => codec.Decode(Mem(blobs));

    /// <summary>0, 1, 30, 31, 32, 126, 127, 128 and capacity − 1, capacity, capacity + 1 of one and of two blobs.</summary>
    public static IEnumerable<int> EdgeSizes(IBlobCodec codec)
    {
        int[] small = [0, 1, 30, 31, 32, 122, 123, 124, 126, 127, 128, 250, 251];
        var sizes = new SortedSet<int>(small);
        foreach (int n in new[] { 1, 2 })
        {
            long c = codec.Capacity(n);
            foreach (long s in new[] { c - 1, c, c + 1 }) sizes.Add((int)s);
        }
        return sizes;
    }

    public static IEnumerable<object[]> CodecEdgeSizes() =>
        ByteCodecs.SelectMany(c => EdgeSizes(c).Select(s => new object[] { c.Name, s }));
}
