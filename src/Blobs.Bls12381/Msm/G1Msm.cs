namespace Blobs.Bls12381;

/// <summary>
/// Variable-base multi-scalar multiplication in G1, Σ k_i·P_i: Pippenger's bucket method with signed
/// c-bit digits (2^(c−1) buckets per window). Small inputs use Jacobian buckets with mixed additions;
/// large ones use batch-affine buckets (see <see cref="AffineBucketAccumulator"/>). The window width
/// comes from a cost model of both. For many products over the same bases use <see cref="G1FixedBaseMsm"/>.
/// </summary>
public static class G1Msm
{
    /// <summary>From this many points on, batch-affine buckets beat Jacobian buckets.</summary>
    public const int BatchAffineThreshold = 1024;

    /// <summary>Up to this many points, interleaved width-5 NAF (Straus) beats the bucket method.</summary>
    public const int StrausThreshold = 8;

    /// <summary>Σ k_i·P_i for scalar-field elements; points at infinity and zero scalars contribute nothing.</summary>
    public static G1Jacobian Multiply(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars, int maxDegreeOfParallelism = 1)
    {
        if (points.Length != scalars.Length)
            throw new ArgumentException($"{points.Length} points but {scalars.Length} scalars", nameof(scalars));
        var limbs = new ulong[4 * scalars.Length];
        for (int i = 0; i < scalars.Length; i++) scalars[i].ToCanonicalLimbs(limbs.AsSpan(4 * i, 4));
        return Multiply(points, limbs, maxDegreeOfParallelism);
    }

    /// <summary>
    /// Σ k_i·P_i for scalars given as canonical little-endian limbs, four per point (any 256-bit values).
    /// Uses up to <paramref name="maxDegreeOfParallelism"/> threads (windows are shared out).
    /// </summary>
    public static G1Jacobian Multiply(ReadOnlySpan<G1Affine> points, ReadOnlySpan<ulong> scalarLimbs, int maxDegreeOfParallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        int n = points.Length;
        if (scalarLimbs.Length != 4 * n)
            throw new ArgumentException($"expected {4 * n} limbs ({n} scalars), got {scalarLimbs.Length}", nameof(scalarLimbs));
        if (n == 0) return G1Jacobian.Infinity;
        if (n <= StrausThreshold) return Straus(points, scalarLimbs);

        bool affineBuckets = n >= BatchAffineThreshold;
        int c = ChooseWindow(n, affineBuckets);
        // Balanced widths (every window spreads its points over many buckets) covering any 256-bit scalar.
        var widths = SignedDigits.BalancedWidths(c, 256);
        int m = widths.Length;

        // 1. Signed digits, window-major; points at infinity get zero digits.
        var digits = new int[n * m];
        for (int i = 0; i < n; i++)
        {
            if (points[i].IsInfinity) continue;
            SignedDigits.RecodeUnchecked(scalarLimbs[4 * i], scalarLimbs[4 * i + 1], scalarLimbs[4 * i + 2], scalarLimbs[4 * i + 3],
                widths, digits.AsSpan(i), n);
        }

        // 2. One bucket sum per window, W_j = Σ_i d_ij·P_i.
        var windowSums = new G1Jacobian[m];
        var pts = points.ToArray();
        uint[]? packed = affineBuckets && Fp29x8.IsSupported ? VectorBucketMsm.PackPoints(pts) : null;
        bool[]? isInfinity = null;
        if (packed is not null)
        {
            for (int i = 0; i < n; i++)
            {
                if (!pts[i].IsInfinity) continue;
                isInfinity ??= new bool[n];
                isInfinity[i] = true;
            }
        }
        void Window(int j)
        {
            var d = digits.AsSpan(j * n, n);
            windowSums[j] = packed is not null ? VectorBucketMsm.ForThread.Run(packed, d, 1 << (widths[j] - 1), isInfinity)
                : affineBuckets ? WindowSumAffine(pts, d, widths[j])
                : WindowSumJacobian(pts, d, widths[j]);
        }
        int threads = Math.Min(maxDegreeOfParallelism, m);
        if (threads <= 1) for (int j = 0; j < m; j++) Window(j);
        else Parallel.For(0, m, new ParallelOptions { MaxDegreeOfParallelism = threads }, Window);

        // 3. Σ_j 2^(o_j)·W_j by Horner from the top window.
        G1Jacobian acc = windowSums[m - 1];
        for (int j = m - 2; j >= 0; j--)
        {
            for (int k = 0; k < widths[j]; k++) acc = G1Jacobian.Double(acc);
            acc = G1Jacobian.Add(acc, windowSums[j]);
        }
        return acc;
    }

    /// <summary>The window width minimizing a cost model (field multiplications) for n points.</summary>
    internal static int ChooseWindow(int n, bool affineBuckets)
    {
        // Per point addition: ~7 (batch affine) or ~11 (mixed Jacobian) multiplications; per bucket in
        // the reduction two additions (~27); per window c doublings (~7 each).
        double add = affineBuckets ? 7 : 11;
        int best = 2;
        double bestCost = double.MaxValue;
        for (int c = 2; c <= 16; c++)
        {
            int m = SignedDigits.WindowCount(c);
            double cost = m * (n * add + (1 << (c - 1)) * 27.0 + c * 7.0);
            if (cost < bestCost) { bestCost = cost; best = c; }
        }
        return best;
    }

    private static G1Jacobian WindowSumJacobian(G1Affine[] points, ReadOnlySpan<int> digits, int c)
    {
        int bucketCount = 1 << (c - 1);
        var buckets = new G1Jacobian[bucketCount];
        for (int b = 0; b < bucketCount; b++) buckets[b] = G1Jacobian.Infinity;
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            if (d > 0) buckets[d - 1] = G1Jacobian.AddMixed(buckets[d - 1], points[i]);
            else buckets[-d - 1] = G1Jacobian.AddMixed(buckets[-d - 1], G1Affine.Negate(points[i]));
        }
        G1Jacobian running = G1Jacobian.Infinity, total = G1Jacobian.Infinity;
        for (int b = bucketCount - 1; b >= 0; b--)
        {
            running = G1Jacobian.Add(running, buckets[b]);
            total = G1Jacobian.Add(total, running);
        }
        return total;
    }

    private static G1Jacobian WindowSumAffine(G1Affine[] points, ReadOnlySpan<int> digits, int c)
    {
        int bucketCount = 1 << (c - 1);
        var acc = new AffineBucketAccumulator(bucketCount, AffineBucketAccumulator.DefaultBatchCapacity(bucketCount));
        for (int i = 0; i < digits.Length; i++)
        {
            int d = digits[i];
            if (d == 0) continue;
            if (d > 0) acc.Add(d - 1, points[i], negate: false);
            else acc.Add(-d - 1, points[i], negate: true);
        }
        return acc.ReduceAndClear();
    }

    /// <summary>
    /// P, 3P, 5P, …, (2·size − 1)P for every point, <paramref name="size"/> entries a point in that order, converted
    /// to affine with one batch inversion.
    /// </summary>
    private static G1Affine[] OddMultiples(ReadOnlySpan<G1Affine> points, int size)
    {
        var jac = new G1Jacobian[points.Length * size];
        for (int i = 0; i < points.Length; i++)
        {
            var p = points[i].ToJacobian();
            var twoP = G1Jacobian.Double(p);
            jac[i * size] = p;
            for (int k = 1; k < size; k++) jac[i * size + k] = G1Jacobian.Add(jac[i * size + k - 1], twoP);
        }
        var table = new G1Affine[points.Length * size];
        G1Jacobian.BatchToAffine(jac, table);
        return table;
    }

    /// <summary>
    /// Straus' interleaved method with width-5 NAF digits: one shared chain of doublings, and per point
    /// an affine table of its odd multiples P, 3P, …, 15P (batch-converted with one inversion).
    /// </summary>
    private static G1Jacobian Straus(ReadOnlySpan<G1Affine> points, ReadOnlySpan<ulong> scalarLimbs)
    {
        const int W = 5, TableSize = 1 << (W - 2), MaxDigits = 258;
        int n = points.Length;
        // 1. Tables of odd multiples (Jacobian, then affine in one batch).
        var table = OddMultiples(points, TableSize);
        // 2. NAF digits of every scalar.
        var naf = new sbyte[n * MaxDigits];
        int top = 0;
        for (int i = 0; i < n; i++)
        {
            if (points[i].IsInfinity) continue;
            int len = Wnaf(scalarLimbs.Slice(4 * i, 4), W, naf.AsSpan(i * MaxDigits, MaxDigits));
            top = Math.Max(top, len);
        }
        // 3. Double-and-add from the top digit.
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int bit = top - 1; bit >= 0; bit--)
        {
            acc = G1Jacobian.Double(acc);
            for (int i = 0; i < n; i++)
            {
                int d = naf[i * MaxDigits + bit];
                if (d > 0) acc = G1Jacobian.AddMixed(acc, table[i * TableSize + (d >> 1)]);
                else if (d < 0) acc = G1Jacobian.AddMixed(acc, G1Affine.Negate(table[i * TableSize + ((-d) >> 1)]));
            }
        }
        return acc;
    }

    /// <summary>Width-w NAF of a 256-bit scalar: odd digits in (−2^(w−1), 2^(w−1)), least significant first; returns the length.</summary>
    internal static int Wnaf(ReadOnlySpan<ulong> limbs4, int w, Span<sbyte> digits)
    {
        ulong k0 = limbs4[0], k1 = limbs4[1], k2 = limbs4[2], k3 = limbs4[3], k4 = 0;
        int full = 1 << w, half = 1 << (w - 1), mask = full - 1;
        int i = 0;
        while ((k0 | k1 | k2 | k3 | k4) != 0)
        {
            int d = 0;
            if ((k0 & 1) != 0)
            {
                d = (int)(k0 & (ulong)mask);
                if (d >= half) d -= full;
                // k −= d
                if (d > 0)
                {
                    ulong b = k0 < (ulong)d ? 1UL : 0UL;
                    k0 -= (ulong)d;
                    ulong t = k1 - b; b = k1 < b ? 1UL : 0UL; k1 = t;
                    t = k2 - b; b = k2 < b ? 1UL : 0UL; k2 = t;
                    t = k3 - b; b = k3 < b ? 1UL : 0UL; k3 = t;
                    k4 -= b;
                }
                else
                {
                    ulong add = (ulong)(-d);
                    ulong t = k0 + add; ulong c = t < k0 ? 1UL : 0UL; k0 = t;
                    t = k1 + c; c = t < k1 ? 1UL : 0UL; k1 = t;
                    t = k2 + c; c = t < k2 ? 1UL : 0UL; k2 = t;
                    t = k3 + c; c = t < k3 ? 1UL : 0UL; k3 = t;
                    k4 += c;
                }
            }
            digits[i++] = (sbyte)d;
            k0 = (k0 >> 1) | (k1 << 63);
            k1 = (k1 >> 1) | (k2 << 63);
            k2 = (k2 >> 1) | (k3 << 63);
            k3 = (k3 >> 1) | (k4 << 63);
            k4 >>= 1;
        }
        return i;
    }

    /// <summary>
    /// Σ k_i·P_i for a few points of the prime-order subgroup (decoded with the subgroup check, or
    /// multiples of the generator), with the GLV endomorphism ψ(x, y) = (β·x, −y) = [z²]P: each scalar is
    /// split as k = d0 + d1·z² with 128-bit halves, and Straus' method runs over the 2n half-size
    /// scalars with width-5 NAF digits — one chain of 128 doublings instead of 255. The ψ tables come from
    /// the P tables by one multiplication per entry. Wrong for points outside G1.
    /// </summary>
    public static G1Jacobian MultiplySubgroup(ReadOnlySpan<G1Affine> points, ReadOnlySpan<Fr> scalars)
    {
        const int W = 5, TableSize = 1 << (W - 2), MaxDigits = 132;
        int n = points.Length;
        if (scalars.Length != n) throw new ArgumentException($"{n} points but {scalars.Length} scalars", nameof(scalars));
        // 1. Odd multiples P, 3P, …, 15P of every point (affine, one inversion), and their images under ψ.
        var table = OddMultiples(points, TableSize);
        var psiTable = new G1Affine[n * TableSize];
        for (int t = 0; t < table.Length; t++)
            psiTable[t] = table[t].IsInfinity ? table[t] : new G1Affine(Fp.Mul(G1Affine.Beta, table[t].X), Fp.Negate(table[t].Y));
        // 2. k = d0 + d1·z², both below 2^128, then their NAF digits.
        var naf0 = new sbyte[n * MaxDigits];
        var naf1 = new sbyte[n * MaxDigits];
        Span<ulong> limbs = stackalloc ulong[4];
        int top = 0;
        for (int i = 0; i < n; i++)
        {
            if (points[i].IsInfinity) continue;
            scalars[i].ToCanonicalLimbs(limbs);
            var (d0, d1) = AbsZDigits.SplitByZSquared(limbs);
            top = Math.Max(top, Wnaf([(ulong)d0, (ulong)(d0 >> 64), 0, 0], W, naf0.AsSpan(i * MaxDigits, MaxDigits)));
            top = Math.Max(top, Wnaf([(ulong)d1, (ulong)(d1 >> 64), 0, 0], W, naf1.AsSpan(i * MaxDigits, MaxDigits)));
        }
        // 3. Double-and-add from the top digit over all 2n half-size scalars.
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int bit = top - 1; bit >= 0; bit--)
        {
            acc = G1Jacobian.Double(acc);
            for (int i = 0; i < n; i++)
            {
                int d = naf0[i * MaxDigits + bit];
                if (d > 0) acc = G1Jacobian.AddMixed(acc, table[i * TableSize + (d >> 1)]);
                else if (d < 0) acc = G1Jacobian.AddMixed(acc, G1Affine.Negate(table[i * TableSize + ((-d) >> 1)]));
                d = naf1[i * MaxDigits + bit];
                if (d > 0) acc = G1Jacobian.AddMixed(acc, psiTable[i * TableSize + (d >> 1)]);
                else if (d < 0) acc = G1Jacobian.AddMixed(acc, G1Affine.Negate(psiTable[i * TableSize + ((-d) >> 1)]));
            }
        }
        return acc;
    }
}
