using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Exporters.Csv;
using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>The EIP-4844 functions, managed and native side by side on the same random blobs, one thread.</summary>
[MemoryDiagnoser]
[CsvExporter(CsvSeparator.Comma)]
public class Eip4844Benchmarks
{
    private byte[] _blob = [];
    private KzgCommitment _commitment;
    private KzgProof _proof;
    private FieldElement _z;
    private FieldElement _y;
    private KzgProof _zProof;
    private KzgContext _kzg = null!;

    /// <summary>The backend under test.</summary>
    [ParamsSource(nameof(BackendNames))]
    public string Backend { get; set; } = "native";

    /// <summary>Backend names.</summary>
    public static IEnumerable<string> BackendNames => Backends.Names;

    /// <summary>Builds the inputs with the native backend so both measure the same values.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _kzg = Backends.Get(Backend);
        var oracle = Backends.Get("native");
        _blob = RandomBlobs.Create(1, seed: 4844);
        _commitment = oracle.BlobToKzgCommitment(_blob);
        _proof = oracle.ComputeBlobKzgProof(_blob, _commitment);
        _z = FieldElement.FromBytes(RandomBlobs.Create(1, seed: 7).AsSpan(0, 32));
        (_zProof, _y) = oracle.ComputeKzgProof(_blob, _z);
    }

    /// <summary>blob_to_kzg_commitment.</summary>
    [Benchmark] public KzgCommitment BlobToKzgCommitment() => _kzg.BlobToKzgCommitment(_blob);

    /// <summary>compute_kzg_proof.</summary>
    [Benchmark] public KzgProof ComputeKzgProof() => _kzg.ComputeKzgProof(_blob, _z).Proof;

    /// <summary>compute_blob_kzg_proof.</summary>
    [Benchmark] public KzgProof ComputeBlobKzgProof() => _kzg.ComputeBlobKzgProof(_blob, _commitment);

    /// <summary>verify_kzg_proof (the proof is for z, y computed in setup, so it verifies).</summary>
    [Benchmark] public bool VerifyKzgProof() => _kzg.VerifyKzgProof(_commitment, _z, _y, _zProof);

    /// <summary>verify_blob_kzg_proof.</summary>
    [Benchmark] public bool VerifyBlobKzgProof() => _kzg.VerifyBlobKzgProof(_blob, _commitment, _proof);
}
