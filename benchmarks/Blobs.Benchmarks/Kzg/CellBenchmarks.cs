using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Blobs.Kzg;
using Blobs.Kzg.Managed;
using Blobs.Kzg.Native;

namespace Blobs.Benchmarks.Kzg;

/// <summary>
/// The EIP-7594 cell functions on the same random blobs: c-kzg with precompute 0 and 8 (its fixed-base tables
/// for FK20) and the managed code on one thread and on two. Run:
/// <c>dotnet run -c Release --project benchmarks/Blobs.Benchmarks -- --filter '*CellBenchmarks*'</c>.
/// </summary>
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
    private KzgCommitment[] _verifyCommitments = [];
    private ulong[] _verifyIndices = [];
    private readonly byte[] _outCells = new byte[CellsBytes];
    private readonly KzgProof[] _outProofs = new KzgProof[KzgConstants.CellsPerExtBlob];
    private KzgContext _kzg = null!;

    /// <summary>The backend under test: native-p0, native-p8 (c-kzg precompute 0 / 8), managed-1t, managed-2t (degree of parallelism).</summary>
    [ParamsSource(nameof(BackendNames))]
    public string Backend { get; set; } = "native-p8";

    /// <summary>Backend names.</summary>
    public static IEnumerable<string> BackendNames => ["native-p0", "native-p8", "managed-1t", "managed-2t"];

    private static readonly Dictionary<string, Lazy<KzgContext>> s_contexts = new()
    {
        ["native-p0"] = new(() => new KzgContext(NativeKzgBackend.Create(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = 0 }))),
        ["native-p8"] = new(() => new KzgContext(NativeKzgBackend.Create(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = 8 }))),
        ["managed-1t"] = new(() => new KzgContext(new ManagedKzgBackend(TrustedSetup.Mainnet))),
        ["managed-2t"] = new(() => new KzgContext(new ManagedKzgBackend(TrustedSetup.Mainnet, new ManagedKzgOptions { MaxDegreeOfParallelism = 2 }))),
    };

    /// <summary>Six random blobs, their cells and proofs from c-kzg, and subsets for recovery.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _kzg = s_contexts[Backend].Value;
        var oracle = s_contexts["native-p8"].Value;
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
        _verifyCommitments = new KzgCommitment[6 * 128];
        _verifyIndices = new ulong[6 * 128];
        for (int i = 0; i < _verifyIndices.Length; i++) { _verifyCommitments[i] = _commitments[i / 128]; _verifyIndices[i] = (ulong)(i % 128); }
        // Build the backend's lazily made tables outside the measurement.
        _kzg.ComputeCellsAndKzgProofs(_blobs.AsSpan(0, KzgConstants.BytesPerBlob), _outCells, _outProofs);
        _kzg.VerifyCellKzgProofBatch(_verifyCommitments.AsSpan(0, 128), _verifyIndices.AsSpan(0, 128), _cells.AsSpan(0, CellsBytes), _proofs.AsSpan(0, 128));
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
        return _kzg.VerifyCellKzgProofBatch(_verifyCommitments.AsSpan(0, n), _verifyIndices.AsSpan(0, n), _cells.AsSpan(0, blobs * CellsBytes), _proofs.AsSpan(0, n));
    }

    /// <summary>
    /// The same operations timed in process CPU time (best of seven, backends interleaved), for a machine whose cores
    /// other processes share: BenchmarkDotNet's wall-clock numbers grow with the load, CPU time much less. The two-thread
    /// managed backend is also shown in wall-clock time (its CPU time is the sum over both threads).
    /// Run with <c>dotnet run -c Release --project benchmarks/Blobs.Benchmarks -- cells-cputime</c>.
    /// </summary>
    public static class CpuTime
    {
        /// <summary>Runs every measurement and prints a table.</summary>
        public static void Run()
        {
            var names = BackendNames.ToArray();
            var benches = names.ToDictionary(n => n, n => { var b = new CellBenchmarks { Backend = n }; b.Setup(); return b; });
            var ops = new (string Name, Func<CellBenchmarks, object?> Run)[]
            {
                ("compute_cells", b => { b.ComputeCells(); return null; }),
                ("compute_cells_and_kzg_proofs", b => { b.ComputeCellsAndKzgProofs(); return null; }),
                ("recover 50 %", b => { b.Recover50(); return null; }),
                ("recover 75 %", b => { b.Recover75(); return null; }),
                ("verify 128 cells (1 blob)", b => b.VerifyCells1Blob()),
                ("verify 6 x 128 cells", b => b.VerifyCells6Blobs()),
            };
            Console.WriteLine($"{"operation",-30} {string.Join(" ", names.Select(n => $"{n,12}"))} {"managed-2t wall",16} {"1t/p8",7} {"2t/p8",7}   (ms; CPU time unless noted)");
            foreach (var (name, run) in ops)
            {
                foreach (var n in names) { run(benches[n]); run(benches[n]); }
                var best = names.ToDictionary(n => n, _ => double.MaxValue);
                double bestWall2t = double.MaxValue, bestWallP8 = double.MaxValue;
                for (int r = 0; r < 7; r++)
                {
                    foreach (var n in names)
                    {
                        double c0 = CpuMs(), w0 = Stopwatch.GetTimestamp();
                        run(benches[n]);
                        double wall = Stopwatch.GetElapsedTime((long)w0).TotalMilliseconds;
                        best[n] = Math.Min(best[n], CpuMs() - c0);
                        if (n == "managed-2t") bestWall2t = Math.Min(bestWall2t, wall);
                        if (n == "native-p8") bestWallP8 = Math.Min(bestWallP8, wall);
                    }
                }
                Console.WriteLine($"{name,-30} {string.Join(" ", names.Select(n => $"{best[n],12:F1}"))} {bestWall2t,16:F1} {best["managed-1t"] / best["native-p8"],7:F2} {bestWall2t / bestWallP8,7:F2}");
            }
        }

        private static double CpuMs()
        {
            var p = Process.GetCurrentProcess();
            return p.UserProcessorTime.TotalMilliseconds + p.PrivilegedProcessorTime.TotalMilliseconds;
        }
    }
}
