using System.Diagnostics;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// The setup side of FK20, built once per trusted setup: for every column t the FFT of the setup vector xₜ
/// (<see cref="Fk20"/>), i.e. the 64 bases of each of the 128 MSMs, expanded into fixed-base window tables
/// [2^(c·m)]·B for the 29 windows m of c = 9 bits that cover a 255-bit scalar. Layout: entry ((m·64 + t)·128 + i) is
/// window m of the base of column t in MSM i, so an MSM pass over windows, columns and MSMs reads the table front to
/// back. Memory: 29 × 64 × 128 affine points × 96 bytes = 22.8 MB. (c = 9 measured a little faster than 8: 3 % fewer
/// bucket additions, 29·8192 = 237,568 table points into 256 buckets per MSM against 262,144 into 128.)
/// </summary>
internal sealed class Fk20Tables
{
    /// <summary>Bits c per window of the fixed-base tables (signed digits in [−2^(c−1), 2^(c−1))).</summary>
    public const int WindowBits = 9;

    /// <summary>Windows per 255-bit scalar (with room for the last carry).</summary>
    public const int Windows = (256 + WindowBits - 1) / WindowBits;

    private Fk20Tables(G1Affine[] table, TimeSpan buildTime)
    {
        Table = table;
        BuildTime = buildTime;
    }

    /// <summary>The window tables, [(m·64 + t)·128 + i].</summary>
    public G1Affine[] Table { get; }

    /// <summary>How long <see cref="Build"/> took (wall clock).</summary>
    public TimeSpan BuildTime { get; }

    /// <summary>Bytes held by the tables: <see cref="Windows"/> × 64 × 128 affine points of 96 bytes.</summary>
    public const long Bytes = (long)Windows * Fk20.Columns * Fk20.CirculantSize * 96;

    /// <summary>Bytes held by the tables.</summary>
    public long MemoryBytes => Bytes;

    /// <summary>Index of window m of the base of column t in MSM i.</summary>
    public static int Index(int window, int column, int msm) => (window * Fk20.Columns + column) * Fk20.CirculantSize + msm;

    /// <summary>Builds the tables from the setup's monomial G1 points, on up to <paramref name="maxDegreeOfParallelism"/> threads.</summary>
    public static Fk20Tables Build(TrustedSetup setup, int maxDegreeOfParallelism)
    {
        var clock = Stopwatch.StartNew();
        const int n = Fk20.CirculantSize, columns = Fk20.Columns;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism };

        // 1. The monomial points xₜ draws from (indices below 4032), decompressed without the subgroup test (a
        //    loaded setup has been checked, the embedded one is the ceremony output).
        var monomialBytes = setup.G1MonomialBytes;
        int used = columns * Fk20.HLength;
        var monomial = new G1Affine[used];
        Parallel.For(0, used, options, k =>
        {
            var error = G1Affine.Decompress(monomialBytes.Span.Slice(k * 48, 48), out monomial[k], checkSubgroup: false);
            if (error != PointDecodeError.None) throw new InvalidOperationException($"trusted setup: g1_monomial[{k}] does not decode ({error})");
        });

        // 2. FFT(xₜ) per column: the bases, bit-reversed order (base of column t in MSM i).
        var bases = new G1Affine[columns * n]; // [t·128 + i]
        Parallel.For(0, columns, options, t =>
        {
            var x = bases.AsSpan(t * n, n);
            for (int w = 0; w < n; w++)
            {
                int index = Fk20.SetupIndex(t, w);
                x[w] = index < 0 ? G1Affine.Infinity : monomial[index];
            }
            G1Fft.ForwardToBitReversed(x);
        });

        // 3. Windows: [2^(c·m)]·base, normalised to affine one window at a time.
        var table = new G1Affine[Windows * columns * n];
        var current = new G1Jacobian[bases.Length];
        for (int k = 0; k < bases.Length; k++) current[k] = bases[k].ToJacobian();
        var affine = new G1Affine[current.Length];
        int chunks = Math.Max(1, maxDegreeOfParallelism);
        for (int m = 0; m < Windows; m++)
        {
            int window = m;
            Parallel.For(0, chunks, options, c =>
            {
                int from = c * current.Length / chunks, to = (c + 1) * current.Length / chunks;
                G1Jacobian.BatchToAffine(current.AsSpan(from, to - from), affine.AsSpan(from, to - from));
                for (int k = from; k < to; k++) table[Index(window, k / n, k % n)] = affine[k];
                if (window == Windows - 1) return;
                int k0 = from;
                if (G1ChordVector.IsSupported)
                {
                    // Eight points per lane group: the doublings of every lane at once (infinity stays infinity).
                    for (; k0 + FpVector.Lanes <= to; k0 += FpVector.Lanes) DoubleLanes(current.AsSpan(k0, FpVector.Lanes), WindowBits);
                }
                for (int k = k0; k < to; k++)
                {
                    var p = current[k];
                    for (int s = 0; s < WindowBits; s++) p = G1Jacobian.Double(p);
                    current[k] = p;
                }
            });
        }
        return new Fk20Tables(table, clock.Elapsed);
    }

    /// <summary>Eight Jacobian points doubled <paramref name="times"/> times on AVX-512 lanes.</summary>
    private static void DoubleLanes(Span<G1Jacobian> points, int times)
    {
        Span<Fp> x = stackalloc Fp[FpVector.Lanes], y = stackalloc Fp[FpVector.Lanes], z = stackalloc Fp[FpVector.Lanes];
        for (int j = 0; j < FpVector.Lanes; j++) { x[j] = points[j].X; y[j] = points[j].Y; z[j] = points[j].Z; }
        var lanes = new G1Lanes();
        FpVector.Load(x, ref lanes.X);
        FpVector.Load(y, ref lanes.Y);
        FpVector.Load(z, ref lanes.Z);
        for (int s = 0; s < times; s++) G1Lanes.Double(ref lanes);
        FpVector.Store(lanes.X, x);
        FpVector.Store(lanes.Y, y);
        FpVector.Store(lanes.Z, z);
        for (int j = 0; j < FpVector.Lanes; j++) points[j] = new G1Jacobian(x[j], y[j], z[j]);
    }
}
