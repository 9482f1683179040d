using System.Runtime.CompilerServices;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// The 128 multi-scalar multiplications of FK20 (64 fixed bases each) over <see cref="Fk20Tables"/>: each scalar is
/// cut into 32 signed 8-bit digits d, and the table point of (base, window) goes to bucket |d| (negated when d &lt; 0)
/// of its MSM, so an MSM is Σ_b b·S_b over 128 bucket sums. Buckets are filled with affine additions in batches that
/// share one field inversion (Montgomery's trick: about 6 multiplications per addition instead of 11 for a mixed
/// Jacobian addition); an addition whose bucket is already in the current batch waits for the next one.
/// </summary>
internal static class Fk20Msm
{
    private const int Buckets = 128;
    private const int BatchSize = 512;
    private const int NegativeBit = 1 << 30;

    /// <summary>results[i] = Σₜ scalars[i·64 + t]·base(t, i) for the MSMs i in [from, to).</summary>
    public static void Run(Fk20Tables tables, ReadOnlySpan<Fr> scalars, Span<G1Affine> results, int from, int to)
    {
        const int columns = Fk20.Columns, windows = Fk20Tables.Windows;
        int msms = to - from;
        // 1. Signed digits, laid out [m][t][i] (the table's order).
        var digits = new sbyte[windows * columns * msms];
        Span<ulong> limbs = stackalloc ulong[4];
        for (int i = 0; i < msms; i++)
            for (int t = 0; t < columns; t++)
            {
                scalars[(from + i) * columns + t].ToCanonicalLimbs(limbs);
                int carry = 0;
                for (int m = 0; m < windows; m++)
                {
                    int d = (int)((limbs[m >> 3] >> ((m & 7) * 8)) & 0xff) + carry;
                    // Scalars are below r < 2^255, so the top window (≤ 0x73 + 1) never carries out.
                    if (d >= 128) { d -= 256; carry = 1; } else carry = 0;
                    digits[(m * columns + t) * msms + i] = (sbyte)d;
                }
            }

        // 2. Bucket sums.
        var state = new BucketState(msms * Buckets, tables.Table);
        for (int m = 0; m < windows; m++)
            for (int t = 0; t < columns; t++)
            {
                int digitBase = (m * columns + t) * msms;
                int tableBase = Fk20Tables.Index(m, t, from);
                for (int i = 0; i < msms; i++)
                {
                    int d = digits[digitBase + i];
                    if (d == 0) continue;
                    state.Offer(i * Buckets + (d > 0 ? d : -d) - 1, (tableBase + i) | (d < 0 ? NegativeBit : 0));
                }
            }
        state.Drain();

        // 3. Σ_b b·S_b per MSM by running sums R_b = Σ_{b' ≥ b} S_b', T = Σ_b R_b, every step one batch of affine
        //    additions across the MSMs (empty buckets are infinity).
        var running = new G1Affine[msms];
        var total = results.Slice(from, msms);
        total.Fill(G1Affine.Infinity);
        var step = new G1Affine[msms];
        var scratch = new Fp[2 * msms];
        for (int b = Buckets - 1; b >= 0; b--)
        {
            for (int i = 0; i < msms; i++)
            {
                int q = i * Buckets + b;
                step[i] = state.Filled[q] ? state.Sums[q] : G1Affine.Infinity;
            }
            G1BatchAffine.AddAssign(running, step, scratch);
            G1BatchAffine.AddAssign(total, running, scratch);
        }
    }

    /// <summary>Bucket sums and the pending batch of affine additions.</summary>
    private sealed class BucketState(int buckets, G1Affine[] table)
    {
        public readonly G1Affine[] Sums = new G1Affine[buckets];
        public readonly bool[] Filled = new bool[buckets];
        private readonly bool[] _busy = new bool[buckets];
        private readonly int[] _bucket = new int[BatchSize];
        private readonly int[] _point = new int[BatchSize];
        private readonly byte[] _kind = new byte[BatchSize];
        private readonly Fp[] _denominator = new Fp[BatchSize];
        private readonly Fp[] _prefix = new Fp[BatchSize];
        private int[] _deferredBucket = new int[256];
        private int[] _deferredPoint = new int[256];
        private int _deferred, _count;

        /// <summary>Schedules Sums[bucket] += ±table[point].</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(int bucket, int point)
        {
            if (!Filled[bucket])
            {
                ref readonly G1Affine p = ref table[point & ~NegativeBit];
                if (p.IsInfinity) return;
                Sums[bucket] = (point & NegativeBit) != 0 ? G1Affine.Negate(p) : p;
                Filled[bucket] = true;
                return;
            }
            if (_busy[bucket])
            {
                if (_deferred == _deferredBucket.Length)
                {
                    Array.Resize(ref _deferredBucket, _deferred * 2);
                    Array.Resize(ref _deferredPoint, _deferred * 2);
                }
                _deferredBucket[_deferred] = bucket;
                _deferredPoint[_deferred] = point;
                _deferred++;
                return;
            }
            _busy[bucket] = true;
            _bucket[_count] = bucket;
            _point[_count] = point;
            if (++_count == BatchSize) FlushAndRetry();
        }

        /// <summary>Runs every pending and deferred addition.</summary>
        public void Drain()
        {
            while (_count > 0 || _deferred > 0) FlushAndRetry();
        }

        private void FlushAndRetry()
        {
            Flush();
            int n = _deferred;
            if (n == 0) return;
            var buckets = _deferredBucket.AsSpan(0, n).ToArray();
            var points = _deferredPoint.AsSpan(0, n).ToArray();
            _deferred = 0;
            for (int k = 0; k < n; k++) Offer(buckets[k], points[k]);
        }

        /// <summary>The batch: Sums[bucket_k] += ±table[point_k] for distinct buckets, one inversion.</summary>
        private void Flush()
        {
            int n = _count;
            if (n == 0) return;
            // 1. Denominators x_P − x_S (2y_S for a doubling; 1 where no division is needed), prefix products.
            Fp acc = Fp.One;
            for (int k = 0; k < n; k++)
            {
                ref readonly G1Affine s = ref Sums[_bucket[k]];
                int point = _point[k];
                ref readonly G1Affine p = ref table[point & ~NegativeBit];
                byte kind = 0;
                Fp d;
                if (p.IsInfinity) { d = Fp.One; kind = 3; }
                else
                {
                    d = Fp.Sub(p.X, s.X);
                    if (d.IsZero)
                    {
                        Fp y = (point & NegativeBit) != 0 ? Fp.Negate(p.Y) : p.Y;
                        if (y.Equals(s.Y)) { d = Fp.Double(s.Y); kind = 1; }
                        else { d = Fp.One; kind = 2; }
                    }
                }
                _kind[k] = kind;
                _denominator[k] = d;
                _prefix[k] = acc;
                acc = Fp.Mul(acc, d);
            }
            // 2. One inversion, then back to front: each 1/d from the running inverse and the prefix.
            Fp inverse = Fp.Inverse(acc);
            for (int k = n - 1; k >= 0; k--)
            {
                Fp dInv = Fp.Mul(inverse, _prefix[k]);
                inverse = Fp.Mul(inverse, _denominator[k]);
                int bucket = _bucket[k];
                _busy[bucket] = false;
                ref G1Affine s = ref Sums[bucket];
                int point = _point[k];
                ref readonly G1Affine p = ref table[point & ~NegativeBit];
                Fp lambda;
                switch (_kind[k])
                {
                    case 0: // λ = (y_P − y_S)/(x_P − x_S), y_P negated for a negative digit
                        lambda = Fp.Mul((point & NegativeBit) != 0 ? Fp.Negate(Fp.Add(p.Y, s.Y)) : Fp.Sub(p.Y, s.Y), dInv);
                        break;
                    case 1: // doubling: λ = 3x²/2y
                        Fp xx = Fp.Square(s.X);
                        lambda = Fp.Mul(Fp.Add(Fp.Double(xx), xx), dInv);
                        break;
                    case 2: // S + (−S): the bucket empties
                        s = G1Affine.Infinity;
                        Filled[bucket] = false;
                        continue;
                    default: // adding infinity
                        continue;
                }
                Fp x3 = Fp.Sub(Fp.Sub(Fp.Square(lambda), s.X), p.X);
                Fp y3 = Fp.Sub(Fp.Mul(lambda, Fp.Sub(s.X, x3)), s.Y);
                s = new G1Affine(x3, y3);
            }
            _count = 0;
        }
    }
}
