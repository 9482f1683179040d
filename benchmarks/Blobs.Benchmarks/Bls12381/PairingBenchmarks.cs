using BenchmarkDotNet.Attributes;
using Blobs.Bls12381;

namespace Blobs.Benchmarks.Bls12381;

/// <summary>
/// The BLS12-381 pairing: Miller loops with prepared G2 points, the final exponentiation, the
/// 2-pair product check KZG verification ends with, and the Fp12 operations they are made of.
/// benchmarks/native-harness/pairing_bench.sh measures the same operations in blst (and c-kzg's
/// own pairings_verify, which runs two separate Miller loops and one final exponentiation).
/// </summary>
public class PairingBenchmarks
{
    private G1Affine _p1, _p2;
    private G2Affine _q;
    private G2Prepared _q1 = null!, _q2 = null!;
    private Fp12 _f, _g, _cyc;

    /// <summary>P1 = [a]G1, Q = [b]G2, and P2 = −[ab]G1 with Q2 = G2, so that e(P1, Q)·e(P2, G2) = 1.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(12381);
        var buf = new byte[32];
        rng.NextBytes(buf);
        var a = Fr.FromBytesBigEndianReduce(buf);
        rng.NextBytes(buf);
        var b = Fr.FromBytesBigEndianReduce(buf);
        _p1 = (G1Affine.Generator * a).ToAffine();
        _q = (G2Affine.Generator * b).ToAffine();
        _p2 = (-(G1Affine.Generator * (a * b))).ToAffine();
        _q1 = new G2Prepared(_q);
        _q2 = G2Prepared.Generator;
        if (!Pairing.PairingProductIsOne([(_p1, _q1), (_p2, _q2)])) throw new InvalidOperationException("setup: product is not 1");
        _f = Pairing.MultiMillerLoop([(_p1, _q1)]);
        _g = Pairing.MultiMillerLoop([(_p2, _q2)]);
        _cyc = Pairing.FinalExponentiation(_f).Value;
    }

    /// <summary>Miller loop, one pair, prepared G2.</summary>
    [Benchmark]
    public Fp12 MillerLoop1() => Pairing.MultiMillerLoop([(_p1, _q1)]);

    /// <summary>Miller loop, two pairs with shared squarings, prepared G2.</summary>
    [Benchmark]
    public Fp12 MillerLoop2() => Pairing.MultiMillerLoop([(_p1, _q1), (_p2, _q2)]);

    /// <summary>Line precomputation for one G2 point.</summary>
    [Benchmark]
    public G2Prepared PrepareG2() => new(_q);

    /// <summary>The final exponentiation.</summary>
    [Benchmark]
    public Gt FinalExponentiation() => Pairing.FinalExponentiation(_f);

    /// <summary>The 2-pair product check (Miller loop of two prepared pairs, final exponentiation, compare with 1).</summary>
    [Benchmark]
    public bool ProductCheck2() => Pairing.PairingProductIsOne([(_p1, _q1), (_p2, _q2)]);

    /// <summary>A full pairing e(P, Q) with an unprepared Q.</summary>
    [Benchmark]
    public Gt PairingUnprepared() => Pairing.Compute(_p1, _q);

    /// <summary>Fp12 multiplication.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Fp12 Fp12Mul()
    {
        Fp12 a = _f;
        for (int i = 0; i < 100; i++) a = Fp12.Mul(a, _g);
        return a;
    }

    /// <summary>Fp12 squaring.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Fp12 Fp12Square()
    {
        Fp12 a = _f;
        for (int i = 0; i < 100; i++) a = Fp12.Square(a);
        return a;
    }

    /// <summary>Cyclotomic squaring.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    public Fp12 Fp12CyclotomicSquare()
    {
        Fp12 a = _cyc;
        for (int i = 0; i < 100; i++) a = Fp12.CyclotomicSquare(a);
        return a;
    }
}

/// <summary>
/// The pairing operations timed in process CPU time (best of seven runs), the method of
/// benchmarks/native-harness/pairing_bench.c for blst, so that the two compare on a machine whose
/// cores other processes share. Run with <c>dotnet run -c Release -- pairing-cputime</c>.
/// </summary>
public static class PairingCpuTimeBench
{
    /// <summary>Runs every measurement and prints µs/op.</summary>
    public static void Run()
    {
        var b = new PairingBenchmarks();
        b.Setup();
        Bench("Miller loop, 1 pair (prepared G2)", 200, () => b.MillerLoop1().GetHashCode());
        Bench("Miller loop, 2 pairs (prepared G2)", 100, () => b.MillerLoop2().GetHashCode());
        Bench("G2 line precomputation", 200, () => b.PrepareG2().GetHashCode());
        Bench("final exponentiation", 100, () => b.FinalExponentiation().GetHashCode());
        Bench("2-pair product check (prepared G2)", 100, () => b.ProductCheck2() ? 1 : 0);
        Bench("pairing e(P, Q), unprepared Q", 50, () => b.PairingUnprepared().GetHashCode());
        Bench("Fp12 mul", 20_000, () => b.Fp12Mul().GetHashCode(), 100);
        Bench("Fp12 square", 20_000, () => b.Fp12Square().GetHashCode(), 100);
        Bench("Fp12 cyclotomic square", 20_000, () => b.Fp12CyclotomicSquare().GetHashCode(), 100);
    }

    private static double CpuNs() => System.Diagnostics.Process.GetCurrentProcess().UserProcessorTime.TotalNanoseconds;

    private static void Bench(string name, int n, Func<int> body, int opsPerCall = 1)
    {
        int calls = Math.Max(1, n / opsPerCall);
        for (int i = 0; i < Math.Max(1, calls / 5); i++) body(); // warm-up (tiering)
        Thread.Sleep(100);
        for (int i = 0; i < Math.Max(1, calls / 5); i++) body();
        double best = double.MaxValue;
        for (int r = 0; r < 7; r++)
        {
            double t0 = CpuNs();
            int h = 0;
            for (int i = 0; i < calls; i++) h += body();
            best = Math.Min(best, (CpuNs() - t0) / (calls * opsPerCall));
            GC.KeepAlive(h);
        }
        Console.WriteLine($"{name,-40} {best / 1000,10:F2} µs/op");
    }
}
