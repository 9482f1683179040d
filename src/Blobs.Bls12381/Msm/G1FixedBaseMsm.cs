namespace Blobs.Bls12381;

/// <summary>
/// Multi-scalar multiplication over a fixed list of G1 bases with precomputed tables: for window
/// width c the table holds [2^(c·j)]·P_i (affine) for every base P_i and every window j, so one call is
/// a single bucket pass over N·⌈257/c⌉ table points into 2^(c−1) buckets (signed digits, batch-affine
/// additions) followed by one bucket reduction, with no doublings at all.
/// </summary>
/// <remarks>
/// Memory: N·⌈257/c⌉ points of 96 bytes (4096 bases, c = 13: 81920 points, 7.5 MiB). Building costs
/// N·c·(⌈257/c⌉ − 1) doublings plus one batched inversion per window. Instances are immutable and
/// thread-safe; each call uses per-thread scratch buckets.
/// </remarks>
public sealed class G1FixedBaseMsm
{
    private readonly G1Affine[] _table; // [j·N + i] = [2^(c·j)]·P_i
    private readonly bool _hasInfinity;

    [ThreadStatic] private static AffineBucketAccumulator? t_accumulator;
    [ThreadStatic] private static int[]? t_digits;

    private G1FixedBaseMsm(G1Affine[] table, int count, int window, bool hasInfinity)
    {
        _table = table;
        Count = count;
        Window = window;
        WindowCount = SignedDigits.WindowCount(window);
        _hasInfinity = hasInfinity;
    }

    /// <summary>Number of bases.</summary>
    public int Count { get; }

    /// <summary>Window width c in bits.</summary>
    public int Window { get; }

    /// <summary>Number of windows, ⌈257/c⌉.</summary>
    public int WindowCount { get; }

    /// <summary>Size of the precomputed table in bytes (points × 96).</summary>
    public long TableBytes => _table.LongLength * 96;

    /// <summary>
    /// Builds the tables for <paramref name="bases"/> with window width <paramref name="window"/>
    /// (2…20), using up to <paramref name="maxDegreeOfParallelism"/> threads.
    /// </summary>
    public static G1FixedBaseMsm Create(ReadOnlySpan<G1Affine> bases, int window = 13, int maxDegreeOfParallelism = 1)
    {
        SignedDigits.CheckWindow(window);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        int n = bases.Length;
        int m = SignedDigits.WindowCount(window);
        var table = new G1Affine[(long)n * m];
        bool hasInfinity = false;
        for (int i = 0; i < n; i++) hasInfinity |= bases[i].IsInfinity;
        var basesCopy = bases.ToArray();
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
                    for (int i = 0; i < len; i++)
                    {
                        var p = cur[i];
                        for (int d = 0; d < window; d++) p = G1Jacobian.Double(p);
                        cur[i] = p;
                    }
                }
                G1Jacobian.BatchToAffine(cur, affine);
                affine.CopyTo(table, (long)j * n + start);
            }
        }
        if (chunks == 1) BuildRange(0);
        else Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism }, BuildRange);
        return new G1FixedBaseMsm(table, n, window, hasInfinity);
    }

    /// <summary>
    /// Σ k_i·P_i for scalars given as canonical little-endian limbs, four per scalar
    /// (<paramref name="scalarLimbs"/>.Length = 4·<see cref="Count"/>); any 256-bit values are accepted.
    /// </summary>
    public G1Jacobian Multiply(ReadOnlySpan<ulong> scalarLimbs)
    {
        int n = Count;
        if (scalarLimbs.Length != 4 * n)
            throw new ArgumentException($"expected {4 * n} limbs ({n} scalars), got {scalarLimbs.Length}", nameof(scalarLimbs));
        int m = WindowCount, c = Window;
        // 1. Signed digits, window-major: digits[j·n + i].
        var digits = t_digits is { } d && d.Length >= n * m ? d : (t_digits = new int[n * m]);
        for (int i = 0; i < n; i++)
        {
            SignedDigits.RecodeUnchecked(scalarLimbs[4 * i], scalarLimbs[4 * i + 1], scalarLimbs[4 * i + 2], scalarLimbs[4 * i + 3],
                c, digits.AsSpan(i), n);
        }
        // 2. One bucket pass over every table point with a non-zero digit.
        int bucketCount = 1 << (c - 1);
        var acc = t_accumulator is { } a && a.BucketCount == bucketCount
            ? a
            : (t_accumulator = new AffineBucketAccumulator(bucketCount, AffineBucketAccumulator.DefaultBatchCapacity(bucketCount)));
        var table = _table;
        int total = n * m;
        for (int t = 0; t < total; t++)
        {
            int digit = digits[t];
            if (digit == 0) continue;
            if (_hasInfinity && table[t].IsInfinity) continue;
            if (digit > 0) acc.Add(digit - 1, table[t], negate: false);
            else acc.Add(-digit - 1, table[t], negate: true);
        }
        // 3. Bucket reduction: Σ b·B_b.
        return acc.ReduceAndClear();
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
