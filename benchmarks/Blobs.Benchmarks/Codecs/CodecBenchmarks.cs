using BenchmarkDotNet.Attributes;
using Blobs.Codecs;

namespace Blobs.Benchmarks.Codecs;

/// <summary>
/// Encode and decode throughput of each codec for a 6-blob payload (the codec's capacity in 6 blobs,
/// random bytes; raw: 6 random canonical blobs). The MB/s column is payload bytes over the mean time.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CodecBenchmarks
{
    private byte[] _data = [];
    private ReadOnlyMemory<byte>[] _blobs = [];
    private IBlobCodec _codec = null!;

    /// <summary>The codec under test.</summary>
    [Params("simple", "op", "viem", "raw")]
    public string Codec { get; set; } = "simple";

    /// <summary>Makes the payload and its blobs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _codec = BlobCodecs.Get(Codec);
        _data = PayloadFor(Codec);
        _blobs = _codec.Encode(_data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
    }

    /// <summary>The 6-blob payload for a codec (also used by the MB/s column).</summary>
    public static byte[] PayloadFor(string codec)
    {
        var data = new byte[BlobCodecs.Get(codec).Capacity(6)];
        new Random(4844).NextBytes(data);
        if (codec == "raw") for (int i = 0; i < data.Length; i += 32) data[i] &= 0x3f;
        return data;
    }

    /// <summary>Data → 6 blobs.</summary>
    [Benchmark]
    public byte[][] Encode() => _codec.Encode(_data);

    /// <summary>6 blobs → data, with every check.</summary>
    [Benchmark]
    public byte[] Decode() => _codec.Decode(_blobs);
}
