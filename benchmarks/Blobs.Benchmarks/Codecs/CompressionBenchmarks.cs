using BenchmarkDotNet.Attributes;
using Blobs.Codecs;
using Blobs.Codecs.Compression;

namespace Blobs.Benchmarks.Codecs;

/// <summary>
/// The simple codec behind each compressor at its default level (brotli 11, zlib 9, zstd 19), on
/// compressible text-like data of 6 blobs' capacity (761825 bytes). Few iterations: brotli 11 is slow by design.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
[Config(typeof(ThroughputConfig))]
public class CompressionBenchmarks
{
    private byte[] _data = [];
    private ReadOnlyMemory<byte>[] _blobs = [];
    private CompressedBlobCodec _codec = null!;

    /// <summary>The compressor.</summary>
    [Params(BlobCompression.Brotli, BlobCompression.Zlib, BlobCompression.Zstd)]
    public BlobCompression Algorithm { get; set; }

    /// <summary>Makes the payload and its blobs.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _codec = new CompressedBlobCodec(SimpleCodec.Instance, Algorithm);
        _data = Payload();
        _blobs = _codec.Encode(_data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
        Console.WriteLine($"// {Algorithm}: {_data.Length} bytes → {_blobs.Length} blob(s)");
    }

    /// <summary>Text-like data: words from a small vocabulary with random numbers, 761825 bytes.</summary>
    public static byte[] Payload()
    {
        string[] words = ["blob", "field", "element", "commitment", "proof", "gas", "fee", "batch", "frame", "rollup"];
        var rng = new Random(7594);
        var sb = new System.Text.StringBuilder();
        int n = (int)SimpleCodec.Instance.Capacity(6);
        while (sb.Length < n) sb.Append(words[rng.Next(words.Length)]).Append(' ').Append(rng.Next(100_000)).Append(' ');
        return System.Text.Encoding.ASCII.GetBytes(sb.ToString(0, n));
    }

    /// <summary>Compress, then encode.</summary>
    [Benchmark]
    public byte[][] Encode() => _codec.Encode(_data);

    /// <summary>Decode, then decompress.</summary>
    [Benchmark]
    public byte[] Decode() => _codec.Decode(_blobs);
}
