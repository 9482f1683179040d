using BenchmarkDotNet.Attributes;
using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>The EIP-7594 cell functions, managed and native side by side on the same random blobs.</summary>
[MemoryDiagnoser]
public class CellBenchmarks
{
    private const int CellsBytes = KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell;
    private byte[] _blobs = [];
    private KzgCommitment[] _commitments = [];
    private byte[] _cells = [];        // 6 blobs × 128 cells
    private KzgProof[] _proofs = [];   // 6 × 128
    private ulong[] _half = [], _threeQuarters = [];
    private byte[] _halfCells = [], _threeQuarterCells = [];
    private readonly byte[] _outCells = new byte[CellsBytes];
    private readonly KzgProof[] _outProofs = new KzgProof[KzgConstants.CellsPerExtBlob];
    private KzgContext _kzg = null!;

    /// <summary>The backend under test.</summary>
    [ParamsSource(nameof(BackendNames))]
    public string Backend { get; set; } = "native";

    /// <summary>Backend names (native with precompute 8 and 0, managed).</summary>
    public static IEnumerable<string> BackendNames => Backends.CellNames;

    /// <summary>Six random blobs, their cells and proofs from the native backend, and subsets for recovery.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _kzg = Backends.Get(Backend);
        var oracle = Backends.Get("native");
        _blobs = RandomBlobs.Create(6, seed: 128);
        _commitments = new KzgCommitment[6];
        _cells = new byte[6 * CellsBytes];
        _proofs = new KzgProof[6 * KzgConstants.CellsPerExtBlob];
        for (int b = 0; b < 6; b++)
        {
            var blob = _blobs.AsSpan(b * KzgConstants.BytesPerBlob, KzgConstants.BytesPerBlob);
            _commitments[b] = oracle.BlobToKzgCommitment(blob);
            oracle.ComputeCellsAndKzgProofs(blob, _cells.AsSpan(b * CellsBytes, CellsBytes), _proofs.AsSpan(b * 128, 128));
        }
        var rng = new Random(64);
        _half = Subset(rng, 64);
        _threeQuarters = Subset(rng, 96);
        _halfCells = Gather(_half);
        _threeQuarterCells = Gather(_threeQuarters);
    }

    private static ulong[] Subset(Random rng, int n) =>
        Enumerable.Range(0, 128).OrderBy(_ => rng.Next()).Take(n).Order().Select(i => (ulong)i).ToArray();

    private byte[] Gather(ulong[] indices)
    {
        var result = new byte[indices.Length * KzgConstants.BytesPerCell];
        for (int i = 0; i < indices.Length; i++)
            _cells.AsSpan((int)indices[i] * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell).CopyTo(result.AsSpan(i * KzgConstants.BytesPerCell));
        return result;
    }

    /// <summary>compute_cells.</summary>
    [Benchmark] public void ComputeCells() => _kzg.ComputeCells(_blobs.AsSpan(0, KzgConstants.BytesPerBlob), _outCells);

    /// <summary>compute_cells_and_kzg_proofs.</summary>
    [Benchmark] public void ComputeCellsAndKzgProofs() => _kzg.ComputeCellsAndKzgProofs(_blobs.AsSpan(0, KzgConstants.BytesPerBlob), _outCells, _outProofs);

    /// <summary>recover_cells_and_kzg_proofs from 50 % of the cells.</summary>
    [Benchmark] public void Recover50() => _kzg.RecoverCellsAndKzgProofs(_half, _halfCells, _outCells, _outProofs);

    /// <summary>recover_cells_and_kzg_proofs from 75 % of the cells.</summary>
    [Benchmark] public void Recover75() => _kzg.RecoverCellsAndKzgProofs(_threeQuarters, _threeQuarterCells, _outCells, _outProofs);

    /// <summary>verify_cell_kzg_proof_batch over the 128 cells of one blob.</summary>
    [Benchmark] public bool VerifyCells1Blob() => Verify(1);

    /// <summary>verify_cell_kzg_proof_batch over 6 × 128 cells of six blobs.</summary>
    [Benchmark] public bool VerifyCells6Blobs() => Verify(6);

    private bool Verify(int blobs)
    {
        int n = blobs * KzgConstants.CellsPerExtBlob;
        var commitments = new KzgCommitment[n];
        var indices = new ulong[n];
        for (int i = 0; i < n; i++) { commitments[i] = _commitments[i / 128]; indices[i] = (ulong)(i % 128); }
        return _kzg.VerifyCellKzgProofBatch(commitments, indices, _cells.AsSpan(0, blobs * CellsBytes), _proofs.AsSpan(0, n));
    }
}
