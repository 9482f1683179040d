using System.Diagnostics;
using System.Runtime.CompilerServices;
using Blobs.Bls12381;

namespace Blobs.Benchmarks.Bls12381;

/// <summary>
/// The BLS12-381 primitives timed in process CPU time rather than wall-clock time, best of seven
/// runs, as dependent chains: the same method as benchmarks/native-harness/blst_bench.c uses for blst,
/// so the two can be compared on a machine whose cores other processes share (BenchmarkDotNet's
/// wall-clock numbers grow with the load). Run with <c>dotnet run -c Release -- bls-cputime</c>.
/// </summary>
public static class CpuTimeBench
{
    /// <summary>Runs every measurement and prints ns/op.</summary>
    public static void Run()
    {
        var rng = new Random(381);
        Fp a = FieldBenchmarks.RandomFp(rng), b = FieldBenchmarks.RandomFp(rng);
        Fr ra = Fr.FromUInt64(0x1234567890abcdef).Pow(12345), rb = Fr.FromUInt64(0x0fedcba987654321).Pow(54321);
        var p1 = G1Jacobian.Multiply(G1Jacobian.Generator, 0x1234567890abcdefUL);
        var q1 = G1Jacobian.Multiply(G1Jacobian.Generator, 0x0fedcba987654321UL);
        var a1 = G1Jacobian.Multiply(G1Jacobian.Generator, 0x5555aaaa5555aaaaUL).ToAffine();
        var c1 = a1.ToCompressed();
        var p2 = G2Jacobian.Multiply(G2Jacobian.Generator, 0x1234567890abcdefUL);
        var a2 = G2Jacobian.Multiply(G2Jacobian.Generator, 0x5555aaaa5555aaaaUL).ToAffine();
        var c2 = a2.ToCompressed();
        ulong[] k = [0x1234567890abcdefUL, 0xfedcba0987654321UL, 0x0f1e2d3c4b5a6978UL, 0x3796a5b4c3d2e1f0UL];

        Bench("Fp mul", 2_000_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Mul(x, b); return x.GetHashCode(); });
        Bench("Fp square", 2_000_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Square(x); return x.GetHashCode(); });
        Bench("Fp add", 10_000_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Add(x, b); return x.GetHashCode(); });
        Bench("Fp sub", 10_000_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Sub(x, b); return x.GetHashCode(); });
        Bench("Fp inverse (binary GCD)", 20_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Add(Fp.Inverse(x), b); return x.GetHashCode(); });
        Bench("Fp inverse (Fermat)", 2_000, n => { var x = a; for (int i = 0; i < n; i++) x = Fp.Add(Fp.InverseFermat(x), b); return x.GetHashCode(); });
        Bench("Fp sqrt", 2_000, n => { var x = a; for (int i = 0; i < n; i++) { Fp.Sqrt(x, out var r); x = Fp.Add(r, b); } return x.GetHashCode(); });
        Bench("Fr mul", 2_000_000, n => { var x = ra; for (int i = 0; i < n; i++) x *= rb; return x.GetHashCode(); });
        Bench("Fp2 mul", 1_000_000, n => { var x = p2.X; var y = p2.Y; for (int i = 0; i < n; i++) x = Fp2.Mul(x, y); return x.GetHashCode(); });
        Bench("Fp2 square", 1_000_000, n => { var x = p2.X; for (int i = 0; i < n; i++) x = Fp2.Square(x); return x.GetHashCode(); });
        Bench("G1 double", 200_000, n => { var p = p1; for (int i = 0; i < n; i++) p = G1Jacobian.Double(p); return p.X.GetHashCode(); });
        Bench("G1 mixed add", 200_000, n => { var p = p1; for (int i = 0; i < n; i++) p = G1Jacobian.AddMixed(p, a1); return p.X.GetHashCode(); });
        Bench("G1 add", 200_000, n => { var p = p1; for (int i = 0; i < n; i++) p = G1Jacobian.Add(p, q1); return p.X.GetHashCode(); });
        Bench("G1 to affine + mixed add", 20_000, n => { var p = p1; for (int i = 0; i < n; i++) p = G1Jacobian.AddMixed(p, p.ToAffine()); return p.X.GetHashCode(); });
        Bench("G1 scalar mul (254-bit)", 500, n => { var p = p1; for (int i = 0; i < n; i++) p = G1Jacobian.Multiply(p, k); return p.X.GetHashCode(); });
        var kf1 = Fr.FromUInt64(0x1234567890abcdefUL).Pow(0x0fedcba987654321UL);
        Bench("G1 scalar mul (phi, subgroup)", 500, n => { int h = 0; for (int i = 0; i < n; i++) h += G1Jacobian.MultiplySubgroup(a1, kf1).X.GetHashCode(); return h; });
        Bench("G1 decompress (no subgroup)", 5_000, n => { int h = 0; for (int i = 0; i < n; i++) h += (int)G1Affine.Decompress(c1, out _, checkSubgroup: false); return h; });
        Bench("G1 subgroup check", 2_000, n => { int h = 0; for (int i = 0; i < n; i++) h += a1.IsInSubgroup ? 1 : 0; return h; });
        Bench("G2 double", 100_000, n => { var p = p2; for (int i = 0; i < n; i++) p = G2Jacobian.Double(p); return p.X.GetHashCode(); });
        Bench("G2 mixed add", 100_000, n => { var p = p2; for (int i = 0; i < n; i++) p = G2Jacobian.AddMixed(p, a2); return p.X.GetHashCode(); });
        var kf = Fr.FromUInt64(0x1234567890abcdefUL).Pow(0x0fedcba987654321UL);
        Bench("G2 scalar mul (windowed)", 200, n => { var p = p2; for (int i = 0; i < n; i++) p = G2Jacobian.Multiply(p, kf); return p.X.GetHashCode(); });
        Bench("G2 scalar mul (psi, subgroup)", 200, n => { var p = a2; int h = 0; for (int i = 0; i < n; i++) h += G2Jacobian.MultiplySubgroup(p, kf).X.GetHashCode(); return h; });
        Bench("G2 decompress (no subgroup)", 2_000, n => { int h = 0; for (int i = 0; i < n; i++) h += (int)G2Affine.Decompress(c2, out _, checkSubgroup: false); return h; });
        Bench("G2 subgroup check", 1_000, n => { int h = 0; for (int i = 0; i < n; i++) h += a2.IsInSubgroup ? 1 : 0; return h; });
    }

    private static double CpuNs() => Process.GetCurrentProcess().UserProcessorTime.TotalNanoseconds;

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Bench(string name, int n, Func<int, int> body)
    {
        if (n <= 1) return;
        body(Math.Max(1, n / 10)); // warm-up (tiering)
        Thread.Sleep(100);
        body(Math.Max(1, n / 10));
        double best = double.MaxValue;
        for (int r = 0; r < 7; r++)
        {
            double t0 = CpuNs();
            body(n);
            best = Math.Min(best, (CpuNs() - t0) / n);
        }
        Console.WriteLine($"{name,-34} {best,10:F2} ns/op");
    }
}
