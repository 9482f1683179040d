using BenchmarkDotNet.Attributes;
using Blobs.Bls12381;

namespace Blobs.Benchmarks.Bls12381;

/// <summary>
/// Base-field and scalar-field primitives on their own. Each benchmark is a dependent chain of
/// <see cref="Chain"/> operations (every result feeds the next), so the numbers are per-operation
/// latencies, the same shape as benchmarks/native-harness/blst_bench.c measures for blst.
/// </summary>
public class FieldBenchmarks
{
    private const int Chain = 1000;
    private Fp _a, _b;
    private Fr _ra, _rb;

    /// <summary>Random non-zero operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(381);
        _a = RandomFp(rng);
        _b = RandomFp(rng);
        var buf = new byte[32];
        rng.NextBytes(buf); buf[0] &= 0x3f;
        _ra = Fr.FromBytesBigEndianReduce(buf);
        rng.NextBytes(buf); buf[0] &= 0x3f;
        _rb = Fr.FromBytesBigEndianReduce(buf);
    }

    internal static Fp RandomFp(Random rng)
    {
        var buf = new byte[48];
        while (true)
        {
            rng.NextBytes(buf);
            buf[0] &= 0x1f;
            if (Fp.TryFromBytes(buf, out var f) && !f.IsZero) return f;
        }
    }

    /// <summary>Fp multiplication.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp FpMul()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < Chain; i++) a = Fp.Mul(a, b);
        return a;
    }

    /// <summary>Fp squaring.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp FpSquare()
    {
        Fp a = _a;
        for (int i = 0; i < Chain; i++) a = Fp.Square(a);
        return a;
    }

    /// <summary>Fp addition.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp FpAdd()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < Chain; i++) a = Fp.Add(a, b);
        return a;
    }

    /// <summary>Fp subtraction.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Fp FpSub()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < Chain; i++) a = Fp.Sub(a, b);
        return a;
    }

    /// <summary>Fp inversion (binary GCD), chained through an addition so the input changes.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public Fp FpInverse()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < 20; i++) a = Fp.Add(Fp.Inverse(a), b);
        return a;
    }

    /// <summary>Fp inversion by Fermat (exponentiation), for comparison.</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public Fp FpInverseFermat()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < 20; i++) a = Fp.Add(Fp.InverseFermat(a), b);
        return a;
    }

    /// <summary>Fp square root (exponentiation by (p+1)/4).</summary>
    [Benchmark(OperationsPerInvoke = 20)]
    public Fp FpSqrt()
    {
        Fp a = _a, b = _b;
        for (int i = 0; i < 20; i++) { Fp.Sqrt(a, out var r); a = Fp.Add(r, b); }
        return a;
    }

    /// <summary>Fr multiplication.</summary>
    [Benchmark(OperationsPerInvoke = Chain)]
    public Fr FrMul()
    {
        Fr a = _ra, b = _rb;
        for (int i = 0; i < Chain; i++) a *= b;
        return a;
    }
}
