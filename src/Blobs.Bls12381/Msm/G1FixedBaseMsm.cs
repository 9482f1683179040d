using System.Runtime.CompilerServices;
namespace Blobs.Bls12381;

/// <summary>
/// Multi-scalar multiplication over a fixed list of G1 bases with precomputed tables: with windows of
/// about c bits the table holds [2^(o_j)]·P_i (affine, o_j the bit offset of window j) for every base
/// P_i and every window j, so one call is a single bucket pass over N·m table points into 2^(c−1)
/// buckets (signed digits, batch-affine additions) followed by one bucket reduction, with no doublings.
/// </summary>
/// <remarks>
/// The m = ⌈(b + 1)/c⌉ windows (b the scalar bit length the table is built for) have balanced widths
/// that add up to b + 1, so every window spreads its points over many buckets. Memory: N·m points of
/// 96 bytes (112 packed for the AVX-512 path); 4096 bases, c = 13, b = 255: 81920 points, 8.75 MiB
/// packed. Building costs N·(b + 1 − w_top) doublings plus one batched inversion per window.
/// Instances are immutable and thread-safe; each call uses per-thread scratch buckets.
/// </remarks>
public sealed class G1FixedBaseMsm
{
    // [j·N + i] = [2^(o_j)]·P_i, either as affine points (portable path) or packed for the AVX-512 path.
    private readonly G1Affine[]? _table;
    private readonly uint[]? _packed;
    private readonly bool[]? _isInfinity;
    private readonly int[] _widths;

    [ThreadStatic] private static AffineBucketAccumulator? t_accumulator;
    [ThreadStatic] private static int[]? t_digits;

    private G1FixedBaseMsm(G1Affine[]? table, uint[]? packed, bool[]? isInfinity, int count, int window, int[] widths, int scalarBits)
    {
        _table = table;
        _packed = packed;
        _isInfinity = isInfinity;
        _widths = widths;
        Count = count;
        Window = window;
        ScalarBits = scalarBits;
    }

    /// <summary>True when the CPU runs the eight-lane AVX-512 bucket additions (the default path then).</summary>
    public static bool VectorizationSupported => Fp29x8.IsSupported;

    /// <summary>True when this instance runs the eight-lane AVX-512 bucket additions.</summary>
    public bool IsVectorized => _packed is not null;

    /// <summary>Number of bases.</summary>
    public int Count { get; }

    /// <summary>The widest window in bits (the bucket count is 2^(Window − 1)).</summary>
    public int Window { get; }

    /// <summary>Scalars must be below 2^ScalarBits.</summary>
    public int ScalarBits { get; }

    /// <summary>Number of windows.</summary>
    public int WindowCount => _widths.Length;

    /// <summary>Size of the precomputed table in bytes (points × 96, or × 112 packed for AVX-512).</summary>
    public long TableBytes => _packed is not null ? _packed.LongLength * sizeof(uint) : _table!.LongLength * 96;

    /// <summary>
    /// Builds the tables for <paramref name="bases"/> with windows of at most <paramref name="window"/>
    /// bits (2…20) for scalars below 2^<paramref name="scalarBits"/>, using up to
    /// <paramref name="maxDegreeOfParallelism"/> threads. With <paramref name="vectorized"/> (the default
    /// when the CPU has AVX-512) the table is packed for the eight-lane bucket additions.
    /// </summary>
    public static G1FixedBaseMsm Create(ReadOnlySpan<G1Affine> bases, int window = 13, int maxDegreeOfParallelism = 1,
        bool? vectorized = null, int scalarBits = 256)
    {
        bool vector = vectorized ?? Fp29x8.IsSupported;
        if (vector && !Fp29x8.IsSupported) throw new PlatformNotSupportedException("the vectorized MSM needs AVX-512");
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        var widths = SignedDigits.BalancedWidths(window, scalarBits);
        int n = bases.Length;
        int m = widths.Length;
        var table = vector ? null : new G1Affine[(long)n * m];
        var packed = vector ? new uint[(long)n * m * VectorGroupSummer.PointStride] : null;
        bool hasInfinity = false;
        for (int i = 0; i < n; i++) hasInfinity |= bases[i].IsInfinity;
        var basesCopy = bases.ToArray();
        if (vector && !hasInfinity && n % 8 == 0 && n > 0)
        {
            BuildPackedInLanes(basesCopy, widths, packed!, maxDegreeOfParallelism);
            return new G1FixedBaseMsm(null, packed, null, n, window, widths, scalarBits);
        }
        int chunks = Math.Min(maxDegreeOfParallelism, Math.Max(1, n / 256));
        int per = (n + chunks - 1) / chunks;
        void BuildRange(int chunk)
        {
            int start = chunk * per, end = Math.Min(n, start + per);
            if (start >= end) return;
            int len = end - start;
            var cur = new G1Jacobian[len];
            for (int i = 0; i < len; i++) cur[i] = basesCopy[start + i].ToJacobian();
            var affine = new G1Affine[len];
            for (int j = 0; j < m; j++)
            {
                if (j > 0)
                {
                    // Window j starts widths[j − 1] bits above window j − 1.
                    for (int i = 0; i < len; i++)
                    {
                        var p = cur[i];
                        for (int d = 0; d < widths[j - 1]; d++) p = G1Jacobian.Double(p);
                        cur[i] = p;
                    }
                }
                G1Jacobian.BatchToAffine(cur, affine);
                if (packed is null) affine.CopyTo(table!, (long)j * n + start);
                else
                {
                    for (int i = 0; i < len; i++)
                    {
                        if (affine[i].IsInfinity) continue;
                        long at = ((long)j * n + start + i) * VectorGroupSummer.PointStride;
                        Fp29x8.Pack(affine[i].X, packed.AsSpan((int)at, Fp29x8.Limbs));
                        Fp29x8.Pack(affine[i].Y, packed.AsSpan((int)at + Fp29x8.Limbs, Fp29x8.Limbs));
                    }
                }
            }
        }
        if (chunks == 1) BuildRange(0);
        else Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, BuildRange);
        bool[]? isInfinity = null;
        if (hasInfinity)
        {
            isInfinity = new bool[(long)n * m];
            for (int j = 0; j < m; j++)
                for (int i = 0; i < n; i++) isInfinity[(long)j * n + i] = bases[i].IsInfinity;
        }
        return new G1FixedBaseMsm(table, packed, isInfinity, n, window, widths, scalarBits);
    }

    /// <summary>
    /// The packed table built eight bases at a time on AVX-512 lanes: doublings in Jacobian coordinates,
    /// then one conversion to affine per window (one scalar inversion per chunk and window).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static unsafe void BuildPackedInLanes(G1Affine[] bases, int[] widths, uint[] packed, int maxDegreeOfParallelism)
    {
        const int Block = Fp29x8.Limbs * 8;
        int n = bases.Length, m = widths.Length, groups = n / 8;
        int chunks = Math.Min(maxDegreeOfParallelism, Math.Max(1, groups / 32));
        int per = (groups + chunks - 1) / chunks;
        void BuildRange(int chunk)
        {
            int g0 = chunk * per, g1 = Math.Min(groups, g0 + per);
            if (g0 >= g1) return;
            int count = g1 - g0;
            var xs = new ulong[count * Block];
            var ys = new ulong[count * Block];
            var zs = new ulong[count * Block];
            Span<uint> limbs = stackalloc uint[Fp29x8.Limbs];
            for (int g = 0; g < count; g++)
            {
                for (int l = 0; l < 8; l++)
                {
                    var p = bases[(g0 + g) * 8 + l];
                    Fp29x8.Pack(p.X, limbs);
                    for (int j = 0; j < Fp29x8.Limbs; j++) xs[g * Block + 8 * j + l] = limbs[j];
                    Fp29x8.Pack(p.Y, limbs);
                    for (int j = 0; j < Fp29x8.Limbs; j++) ys[g * Block + 8 * j + l] = limbs[j];
                    for (int j = 0; j < Fp29x8.Limbs; j++) zs[g * Block + 8 * j + l] = Fp29x8.OnePacked[j];
                }
            }
            fixed (ulong* px = xs, py = ys, pz = zs)
            {
                V14 x = default, y = default, z = default;
                for (int w = 0; w < m; w++)
                {
                    if (w > 0)
                    {
                        // Window w starts widths[w − 1] bits above window w − 1.
                        for (int g = 0; g < count; g++)
                        {
                            G1TableLanes.LoadBlock(ref x, px + g * Block);
                            G1TableLanes.LoadBlock(ref y, py + g * Block);
                            G1TableLanes.LoadBlock(ref z, pz + g * Block);
                            for (int d = 0; d < widths[w - 1]; d++) G1TableLanes.Double(ref x, ref y, ref z);
                            G1TableLanes.StoreBlock(x, px + g * Block);
                            G1TableLanes.StoreBlock(y, py + g * Block);
                            G1TableLanes.StoreBlock(z, pz + g * Block);
                        }
                    }
                    G1TableLanes.ToAffinePacked(px, py, pz, count, packed, (long)w * n + g0 * 8);
                }
            }
        }
        if (chunks == 1) BuildRange(0);
        else Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, BuildRange);
    }

    /// <summary>
    /// Σ k_i·P_i for scalars given as canonical little-endian limbs, four per scalar
    /// (<paramref name="scalarLimbs"/>.Length = 4·<see cref="Count"/>), each below 2^<see cref="ScalarBits"/>.
    /// </summary>
    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs)
    {
        int n = Count;
        if (scalarLimbs.Length != 4 * n)
            throw new ArgumentException($"expected {4 * n} limbs ({n} scalars), got {scalarLimbs.Length}", nameof(scalarLimbs));
        int m = WindowCount;
        // 1. Signed digits, window-major: digits[j·n + i].
        var digits = t_digits is { } d && d.Length >= n * m ? d : (t_digits = new int[n * m]);
        for (int i = 0; i < n; i++)
        {
            if (ScalarBits < 256 && !BelowPowerOfTwo(scalarLimbs.Slice(4 * i, 4), ScalarBits))
                throw new ArgumentException($"scalar {i} is not below 2^{ScalarBits}, the bound this table was built for", nameof(scalarLimbs));
            SignedDigits.RecodeUnchecked(scalarLimbs[4 * i], scalarLimbs[4 * i + 1], scalarLimbs[4 * i + 2], scalarLimbs[4 * i + 3],
                _widths, digits.AsSpan(i), n);
        }
        // 2. One bucket pass over every table point with a non-zero digit, then 3. the bucket reduction Σ b·B_b.
        int bucketCount = 1 << (Window - 1);
        int total = n * m;
        var isInfinity = _isInfinity;
        if (_packed is { } packed)
            return VectorBucketMsm.ForThread.Run(packed, digits.AsSpan(0, total), bucketCount, isInfinity);
        var acc = t_accumulator is { } a && a.BucketCount == bucketCount
            ? a
            : (t_accumulator = new AffineBucketAccumulator(bucketCount, AffineBucketAccumulator.DefaultBatchCapacity(bucketCount)));
        var table = _table!;
        for (int t = 0; t < total; t++)
        {
            int digit = digits[t];
            if (digit == 0 || (isInfinity is not null && isInfinity[t])) continue;
            if (digit > 0) acc.Add(digit - 1, table[t], negate: false);
            else acc.Add(-digit - 1, table[t], negate: true);
        }
        return acc.ReduceAndClear();
    }

    /// <summary>True when the four-limb value is below 2^bits.</summary>
    internal static bool BelowPowerOfTwo(ReadOnlySpan<ulong> limbs4, int bits)
    {
        for (int li = 0; li < 4; li++)
        {
            int allowed = Math.Clamp(bits - 64 * li, 0, 64);
            if (allowed < 64 && (limbs4[li] >> allowed) != 0) return false;
        }
        return true;
    }

    /// <summary>Σ k_i·P_i for scalar-field elements (<paramref name="scalars"/>.Length = <see cref="Count"/>).</summary>
    public G1Jacobian Multiply(ReadOnlySpan<Fr> scalars)
    {
        if (scalars.Length != Count)
            throw new ArgumentException($"expected {Count} scalars, got {scalars.Length}", nameof(scalars));
        var limbs = new ulong[4 * Count];
        for (int i = 0; i < scalars.Length; i++) scalars[i].ToCanonicalLimbs(limbs.AsSpan(4 * i, 4));
        return Multiply(limbs);
    }
}
