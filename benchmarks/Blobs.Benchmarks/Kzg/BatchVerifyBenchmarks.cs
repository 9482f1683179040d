using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Exporters.Csv;
using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>
/// verify_blob_kzg_proof_batch at batch sizes 1, 6, 21 and 64 on random blobs: native (c-kzg, one
/// thread), managed on one thread, and managed sharing the per-blob work over two threads.
/// </summary>
[MemoryDiagnoser]
[CsvExporter(CsvSeparator.Comma)]
public class BatchVerifyBenchmarks
{
    private byte[] _blobs = [];
    private KzgCommitment[] _commitments = [];
    private KzgProof[] _proofs = [];
    private KzgContext _kzg = null!;

    /// <summary>The backend under test.</summary>
    [ParamsSource(nameof(BackendNames))]
    public string Backend { get; set; } = "native";

    /// <summary>Backend names.</summary>
    public static IEnumerable<string> BackendNames => Backends.BatchNames;

    /// <summary>Number of blobs in the batch.</summary>
    [Params(1, 6, 21, 64)]
    public int Count { get; set; }

    /// <summary>Random blobs with commitments and proofs from the native backend.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _kzg = Backends.Get(Backend);
        var oracle = Backends.Get("native");
        _blobs = RandomBlobs.Create(Count, seed: 7594 + Count);
        _commitments = new KzgCommitment[Count];
        _proofs = new KzgProof[Count];
        for (int i = 0; i < Count; i++)
        {
            var blob = _blobs.AsSpan(i * KzgConstants.BytesPerBlob, KzgConstants.BytesPerBlob);
            _commitments[i] = oracle.BlobToKzgCommitment(blob);
            _proofs[i] = oracle.ComputeBlobKzgProof(blob, _commitments[i]);
        }
    }

    /// <summary>verify_blob_kzg_proof_batch.</summary>
    [Benchmark] public bool VerifyBlobKzgProofBatch() => _kzg.VerifyBlobKzgProofBatch(_blobs, _commitments, _proofs);
}
