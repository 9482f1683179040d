using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Blobs.Bls12381;

/// <summary>
/// Buckets of G1 points kept in affine form and filled with batch-affine additions: the additions of
/// a batch go to distinct buckets, so they are independent and share one field inversion
/// (Montgomery's trick), which makes an addition cost about 6 multiplications instead of the 11 of a
/// mixed Jacobian addition.
/// </summary>
/// <remarks>
/// A point aimed at a bucket that already has an addition pending in the current batch waits in a
/// small queue and joins a later batch. When the queue is full (inputs that pile onto few buckets, such
/// as scalars that all share their digits), or when the point has the bucket's x coordinate (a doubling
/// or a cancellation, which the affine chord formula cannot do), it goes to the bucket's Jacobian
/// overflow accumulator instead, so every input is handled and none stalls the batches.
/// Not thread-safe: one instance per thread.
/// </remarks>
internal sealed class AffineBucketAccumulator
{
    private readonly int _bucketCount;
    private readonly G1Affine[] _buckets;
    private readonly bool[] _filled;
    private readonly int[] _pendingStamp;
    private int _stamp = 1;

    private G1Jacobian[]? _overflow;
    private bool[]? _hasOverflow;
    private bool _anyOverflow;

    private readonly int _batchCapacity;
    private readonly int[] _batchBucket;
    private readonly G1Affine[] _batchPoint;
    private readonly Fp[] _prefix;
    private int _batchCount;

    private readonly int _queueCapacity;
    private int[] _queueBucket, _queueBucketSpare;
    private G1Affine[] _queuePoint, _queuePointSpare;
    private int _queueCount;

    /// <summary>Creates <paramref name="bucketCount"/> empty buckets and a batch of up to <paramref name="batchCapacity"/> additions.</summary>
    public AffineBucketAccumulator(int bucketCount, int batchCapacity)
    {
        _bucketCount = bucketCount;
        _buckets = new G1Affine[bucketCount];
        _filled = new bool[bucketCount];
        _pendingStamp = new int[bucketCount];
        _batchCapacity = batchCapacity;
        _batchBucket = new int[batchCapacity];
        _batchPoint = new G1Affine[batchCapacity];
        _prefix = new Fp[batchCapacity];
        _queueCapacity = Math.Max(16, batchCapacity / 2);
        _queueBucket = new int[_queueCapacity];
        _queueBucketSpare = new int[_queueCapacity];
        _queuePoint = new G1Affine[_queueCapacity];
        _queuePointSpare = new G1Affine[_queueCapacity];
    }

    /// <summary>Number of buckets.</summary>
    public int BucketCount => _bucketCount;

    /// <summary>A batch size that keeps conflicts rare for a bucket count: about a sixteenth of the buckets, 64…512.</summary>
    public static int DefaultBatchCapacity(int bucketCount) => Math.Clamp(bucketCount / 8, 64, 512);

    /// <summary>Adds <paramref name="p"/> (negated when <paramref name="negate"/>) into bucket <paramref name="bucket"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int bucket, in G1Affine p, bool negate)
    {
        ref bool filled = ref _filled[bucket];
        if (!filled)
        {
            // An empty bucket never has a pending addition: take the point as it is.
            _buckets[bucket] = negate ? new G1Affine(p.X, Fp.Negate(p.Y)) : p;
            filled = true;
            return;
        }
        if (_pendingStamp[bucket] == _stamp)
        {
            Defer(bucket, p, negate);
            return;
        }
        if (_buckets[bucket].X.Equals(p.X))
        {
            AddToOverflow(bucket, negate ? new G1Affine(p.X, Fp.Negate(p.Y)) : p);
            return;
        }
        _pendingStamp[bucket] = _stamp;
        int k = _batchCount;
        _batchBucket[k] = bucket;
        _batchPoint[k] = negate ? new G1Affine(p.X, Fp.Negate(p.Y)) : p;
        _batchCount = k + 1;
        if (k + 1 == _batchCapacity) RunFullBatch();
    }

    private void Defer(int bucket, in G1Affine p, bool negate)
    {
        var q = negate ? new G1Affine(p.X, Fp.Negate(p.Y)) : p;
        if (_queueCount < _queueCapacity)
        {
            _queueBucket[_queueCount] = bucket;
            _queuePoint[_queueCount] = q;
            _queueCount++;
        }
        else
        {
            AddToOverflow(bucket, q);
        }
    }

    private void AddToOverflow(int bucket, in G1Affine p)
    {
        if (_overflow is null)
        {
            _overflow = new G1Jacobian[_bucketCount];
            _hasOverflow = new bool[_bucketCount];
        }
        if (_hasOverflow![bucket]) _overflow[bucket] = G1Jacobian.AddMixed(_overflow[bucket], p);
        else
        {
            _overflow[bucket] = p.ToJacobian();
            _hasOverflow[bucket] = true;
        }
        _anyOverflow = true;
    }

    /// <summary>Performs the pending additions and the waiting points until none is left.</summary>
    public void Flush()
    {
        while (_batchCount > 0 || _queueCount > 0)
        {
            if (_batchCount > 0) RunBatch();
            Requeue();
        }
    }

    /// <summary>Runs the full batch, then stages the waiting points into the next one (the rest keep waiting).</summary>
    private void RunFullBatch()
    {
        RunBatch();
        Requeue();
    }

    private void Requeue()
    {
        if (_queueCount == 0) return;
        (_queueBucket, _queueBucketSpare) = (_queueBucketSpare, _queueBucket);
        (_queuePoint, _queuePointSpare) = (_queuePointSpare, _queuePoint);
        int n = _queueCount;
        _queueCount = 0;
        for (int i = 0; i < n; i++) AddNoFlushRecursion(_queueBucketSpare[i], _queuePointSpare[i]);
    }

    private void AddNoFlushRecursion(int bucket, in G1Affine p)
    {
        ref bool filled = ref _filled[bucket];
        if (!filled)
        {
            _buckets[bucket] = p;
            filled = true;
            return;
        }
        if (_pendingStamp[bucket] == _stamp || _batchCount == _batchCapacity)
        {
            if (_queueCount < _queueCapacity)
            {
                _queueBucket[_queueCount] = bucket;
                _queuePoint[_queueCount] = p;
                _queueCount++;
            }
            else AddToOverflow(bucket, p);
            return;
        }
        if (_buckets[bucket].X.Equals(p.X))
        {
            AddToOverflow(bucket, p);
            return;
        }
        _pendingStamp[bucket] = _stamp;
        _batchBucket[_batchCount] = bucket;
        _batchPoint[_batchCount] = p;
        _batchCount++;
    }

    /// <summary>bucket[b_k] += P_k for every k of the batch, with one inversion for the whole batch.</summary>
    private void RunBatch()
    {
        int n = _batchCount;
        ref G1Affine buckets = ref MemoryMarshal.GetArrayDataReference(_buckets);
        ref int bucketOf = ref MemoryMarshal.GetArrayDataReference(_batchBucket);
        ref G1Affine points = ref MemoryMarshal.GetArrayDataReference(_batchPoint);
        ref Fp prefix = ref MemoryMarshal.GetArrayDataReference(_prefix);

        // 1. Prefix products of the denominators x_P − x_B (never zero: equal x went to the overflow).
        Fp acc = Fp.One;
        for (int k = 0; k < n; k++)
        {
            ref G1Affine b = ref Unsafe.Add(ref buckets, Unsafe.Add(ref bucketOf, k));
            Unsafe.Add(ref prefix, k) = acc;
            acc = Fp.Mul(acc, Fp.Sub(Unsafe.Add(ref points, k).X, b.X));
        }

        // 2. One inversion.
        Fp inv = Fp.Inverse(acc);

        // 3. Walk back: 1/den_k = inv·prefix_k, then inv ← inv·den_k; chord addition.
        for (int k = n - 1; k >= 0; k--)
        {
            ref G1Affine b = ref Unsafe.Add(ref buckets, Unsafe.Add(ref bucketOf, k));
            ref G1Affine p = ref Unsafe.Add(ref points, k);
            Fp den = Fp.Sub(p.X, b.X);
            Fp invDen = Fp.Mul(inv, Unsafe.Add(ref prefix, k));
            inv = Fp.Mul(inv, den);
            Fp lambda = Fp.Mul(Fp.Sub(p.Y, b.Y), invDen);
            Fp x3 = Fp.Sub(Fp.Sub(Fp.Square(lambda), b.X), p.X);
            Fp y3 = Fp.Sub(Fp.Mul(lambda, Fp.Sub(b.X, x3)), b.Y);
            b = new G1Affine(x3, y3);
        }
        _batchCount = 0;
        _stamp++;
    }

    /// <summary>
    /// Flushes, then returns Σ (b + 1)·bucket[b] (bucket b holds the points of digit b + 1) and empties
    /// the buckets for the next use.
    /// </summary>
    public G1Jacobian ReduceAndClear()
    {
        Flush();
        G1Jacobian running = G1Jacobian.Infinity, total = G1Jacobian.Infinity;
        for (int b = _bucketCount - 1; b >= 0; b--)
        {
            if (_filled[b]) running = G1Jacobian.AddMixed(running, _buckets[b]);
            if (_anyOverflow && _hasOverflow![b]) running = G1Jacobian.Add(running, _overflow![b]);
            total = G1Jacobian.Add(total, running);
        }
        Clear();
        return total;
    }

    /// <summary>Empties every bucket.</summary>
    public void Clear()
    {
        Array.Clear(_filled);
        if (_anyOverflow) Array.Clear(_hasOverflow!);
        _anyOverflow = false;
        _batchCount = 0;
        _queueCount = 0;
        _stamp++;
    }
}
