using BenchmarkDotNet.Attributes;
using Blobs.Bls12381;

namespace Blobs.Benchmarks.Bls12381;

/// <summary>
/// G1 and G2 primitives on their own: point operations as dependent chains (per-operation latency,
/// the shape benchmarks/native-harness/blst_bench.c measures for blst), and the decoding costs that
/// loading a custom trusted setup pays per point.
/// </summary>
public class CurveBenchmarks
{
    private const int Chain = 100;
    private G1Jacobian _p1;
    private G1Jacobian _q1;
    private G1Affine _a1;
    private byte[] _c1 = [];
    private G2Jacobian _p2;
    private G2Affine _a2;
    private byte[] _c2 = [];
    private ulong[] _scalar = [];

    /// <summary>Random multiples of the generators.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(4844);
        _p1 = G1Jacobian.Multiply(G1Jacobian.Generator, (ulong)rng.NextInt64());
        _q1 = G1Jacobian.Multiply(G1Jacobian.Generator, (ulong)rng.NextInt64());
        _a1 = G1Jacobian.Multiply(G1Jacobian.Generator, (ulong)rng.NextInt64()).ToAffine();
        _c1 = _a1.ToCompressed();
        _p2 = G2Jacobian.Multiply(G2Jacobian.Generator, (ulong)rng.NextInt64());
        _a2 = G2Jacobian.Multiply(G2Jacobian.Generator, (ulong)rng.NextInt64()).ToAffine();
        _c2 = _a2.ToCompressed();
        _scalar = [(ulong)rng.NextInt64(), (ulong)rng.NextInt64(), (ulong)rng.NextInt64(), (ulong)rng.NextInt64() & 0x3fffffffffffffff];
    }

    /// <summary>G1 doubling (Jacobian, dbl-2009-l).</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public G1Jacobian G1Double()
    {
        var p = _p1;
        for (int i = 0; i < Chain; i++) p = G1Jacobian.Double(p);
        return p;
    }

    /// <summary>G1 mixed addition (Jacobian + affine, madd-2007-bl).</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public G1Jacobian G1AddMixed()
    {
        var p = _p1;
        var q = _a1;
        for (int i = 0; i < Chain; i++) p = G1Jacobian.AddMixed(p, q);
        return p;
    }

    /// <summary>G1 addition (Jacobian + Jacobian, add-2007-bl).</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public G1Jacobian G1Add()
    {
        var p = _p1;
        var q = _q1;
        for (int i = 0; i < Chain; i++) p = G1Jacobian.Add(p, q);
        return p;
    }

    /// <summary>G1 Jacobian to affine (one inversion).</summary>
    [Benchmark]
    public G1Affine G1ToAffine() => _p1.ToAffine();

    /// <summary>G1 scalar multiplication by a 254-bit scalar (4-bit window).</summary>
    [Benchmark]
    public G1Jacobian G1ScalarMul() => G1Jacobian.Multiply(_p1, _scalar);

    /// <summary>G1 decompression without the subgroup check (square root).</summary>
    [Benchmark]
    public PointDecodeError G1Decompress() => G1Affine.Decompress(_c1, out _, checkSubgroup: false);

    /// <summary>G1 subgroup check (Scott's endomorphism test).</summary>
    [Benchmark]
    public bool G1SubgroupCheck() => _a1.IsInSubgroup;

    /// <summary>G2 doubling.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public G2Jacobian G2Double()
    {
        var p = _p2;
        for (int i = 0; i < Chain; i++) p = G2Jacobian.Double(p);
        return p;
    }

    /// <summary>G2 mixed addition.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public G2Jacobian G2AddMixed()
    {
        var p = _p2;
        var q = _a2;
        for (int i = 0; i < Chain; i++) p = G2Jacobian.AddMixed(p, q);
        return p;
    }

    /// <summary>G2 decompression without the subgroup check.</summary>
    [Benchmark]
    public PointDecodeError G2Decompress() => G2Affine.Decompress(_c2, out _, checkSubgroup: false);

    /// <summary>G2 subgroup check (Scott's ψ test).</summary>
    [Benchmark]
    public bool G2SubgroupCheck() => _a2.IsInSubgroup;
}
