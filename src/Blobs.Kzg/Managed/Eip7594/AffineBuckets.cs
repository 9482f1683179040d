using System.Runtime.CompilerServices;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// Bucket sums filled with batched affine additions: <see cref="Offer"/> schedules bucket += ±point (points from a fixed
/// array, the sign in <see cref="NegativeBit"/>); additions run in batches of distinct buckets sharing one field inversion
/// (Montgomery's trick), an addition whose bucket is already in the pending batch waits for the next one. The first
/// point of a bucket is copied, not added. Doublings and cancellations inside a bucket are handled.
/// </summary>
internal sealed class AffineBuckets(int buckets, G1Affine[] table)
{
    /// <summary>Set in a point reference to add the negated point.</summary>
    public const int NegativeBit = 1 << 30;

    private const int BatchSize = 512;

    /// <summary>The bucket sums (meaningful where <see cref="Filled"/>).</summary>
    public readonly G1Affine[] Sums = new G1Affine[buckets];

    /// <summary>Whether a bucket holds a point (an empty bucket is infinity).</summary>
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
        if (G1ChordVector.IsSupported && n >= G1ChordVector.MinimumBatch) FlushVector(n);
        else FlushScalar(n);
        for (int k = 0; k < n; k++) _busy[_bucket[k]] = false;
        _count = 0;
    }

    /// <summary>The batch on eight AVX-512 lanes: the chords go to <see cref="G1ChordVector"/>, the rare special cases one by one.</summary>
    private void FlushVector(int n)
    {
        int padded = (n + 7) & ~7;
        EnsureChordBuffers(padded);
        int chords = 0;
        for (int k = 0; k < n; k++)
        {
            int bucket = _bucket[k], point = _point[k];
            ref readonly G1Affine s = ref Sums[bucket];
            ref readonly G1Affine p = ref table[point & ~NegativeBit];
            if (p.IsInfinity) { _kind[k] = 3; continue; }
            if (p.X.Equals(s.X)) { _kind[k] = 4; continue; }
            _kind[k] = 0;
            _sx[chords] = s.X;
            _sy[chords] = s.Y;
            _px[chords] = p.X;
            _py[chords] = (point & NegativeBit) != 0 ? Fp.Negate(p.Y) : p.Y;
            chords++;
        }
        int lanes = (chords + 7) & ~7;
        for (int k = chords; k < lanes; k++) { _sx[k] = Fp.One; _sy[k] = Fp.Zero; _px[k] = s_two; _py[k] = Fp.Zero; }
        if (lanes > 0) G1ChordVector.AddChords(_sx.AsSpan(0, lanes), _sy.AsSpan(0, lanes), _px.AsSpan(0, lanes), _py.AsSpan(0, lanes));
        int c = 0;
        for (int k = 0; k < n; k++)
        {
            int bucket = _bucket[k];
            switch (_kind[k])
            {
                case 0:
                    Sums[bucket] = new G1Affine(_sx[c], _sy[c]);
                    c++;
                    break;
                case 4: // same x: a doubling or a cancellation, rare enough for a Jacobian detour
                    int point = _point[k];
                    ref readonly G1Affine p = ref table[point & ~NegativeBit];
                    var sum = G1Jacobian.AddMixed(Sums[bucket].ToJacobian(), (point & NegativeBit) != 0 ? G1Affine.Negate(p) : p).ToAffine();
                    Sums[bucket] = sum;
                    Filled[bucket] = !sum.IsInfinity;
                    break;
            }
        }
    }

    private static readonly Fp s_two = Fp.FromUInt64(2);
    private Fp[] _sx = [], _sy = [], _px = [], _py = [];

    private void EnsureChordBuffers(int n)
    {
        if (_sx.Length >= n) return;
        _sx = new Fp[n]; _sy = new Fp[n]; _px = new Fp[n]; _py = new Fp[n];
    }

    /// <summary>The batch with scalar field arithmetic.</summary>
    private void FlushScalar(int n)
    {
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
    }
}
