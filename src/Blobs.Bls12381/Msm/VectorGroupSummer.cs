using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Blobs.Bls12381;

/// <summary>
/// Sums many G1 points into groups (the buckets of a multi-scalar multiplication) with batch-affine
/// additions on AVX-512, eight at a time in the lanes of <see cref="Fp29x8"/> vectors.
/// </summary>
/// <remarks>
/// The points are sorted by group, then every round adds neighbours pairwise inside each group, halving
/// it, until one point per group is left. The additions of a round are all independent, so they run in
/// chunks of up to <see cref="ChunkPairs"/> with one field inversion per chunk (Montgomery's trick over
/// the chunk's denominators: a forward pass of prefix products, one scalar inversion for the eight
/// lane products, a backward pass finishing each chord addition), and no input distribution can make
/// them collide: all points in one group simply take log2(count) rounds.
/// A denominator that is zero modulo p (two equal points, or P and −P) makes its lane product zero;
/// that chunk is redone pair by pair in Jacobian coordinates, which handles doubling and cancellation
/// (a cancelled pair becomes the point at infinity and drops out in the next round).
/// Points are "packed": x then y, 14 limbs of 29 bits each in Montgomery form with R' = 2^406, 28
/// <see cref="uint"/> per point. Not thread-safe: one instance per thread.
/// </remarks>
internal sealed unsafe class VectorGroupSummer
{
    private const int L = Fp29x8.Limbs;
    /// <summary>Limbs per packed point (x then y).</summary>
    public const int PointStride = 2 * L;
    /// <summary>Pairs added per inversion.</summary>
    public const int ChunkPairs = 1024;
    private const int CoordBlock = L * 8;          // one coordinate of a group of eight: [limb][lane]
    private const int GroupBlock = 4 * CoordBlock;  // P.x, P.y, Q.x, Q.y
    private const int Px = 0, Py = CoordBlock, Qx = 2 * CoordBlock, Qy = 3 * CoordBlock;

    private readonly uint[] _stage = GC.AllocateArray<uint>(ChunkPairs / 8 * GroupBlock, pinned: true);
    private readonly uint[] _prefix = GC.AllocateArray<uint>(ChunkPairs / 8 * CoordBlock, pinned: true);
    private readonly ulong[] _negP = GC.AllocateArray<ulong>(ChunkPairs, pinned: true);
    private readonly ulong[] _negQ = GC.AllocateArray<ulong>(ChunkPairs, pinned: true);
    private readonly int[] _pairP = new int[ChunkPairs], _pairQ = new int[ChunkPairs], _pairOut = new int[ChunkPairs];
    private int _pairs;

    // Round buffers: packed points with an infinity flag each.
    private uint[] _bufA = [], _bufB = [];
    private bool[] _infA = [], _infB = [];
    private int[] _count = [], _start = [], _cursor = [], _sorted = [];

    // What the pairs of the chunk being staged read from and write to.
    private uint[] _readFrom = [];
    private uint[] _writeTo = [];
    private bool[] _writeInf = [];

    /// <summary>
    /// result[g] = Σ ±source[point i] over the points i with <paramref name="groupOf"/>[i] = g, where
    /// <paramref name="tagged"/>[i] = offset + 1 of the packed point in <paramref name="source"/>, negated
    /// when negative. No input may be the point at infinity. Writes the packed sums into
    /// <paramref name="result"/> (groupCount × 28 limbs) and sets <paramref name="resultIsEmpty"/>[g] for
    /// empty groups and groups that summed to infinity.
    /// </summary>
    public void SumGroups(uint[] source, ReadOnlySpan<int> groupOf, ReadOnlySpan<int> tagged, int groupCount,
        uint[] result, bool[] resultIsEmpty)
    {
        int n = groupOf.Length;
        // 1. Sort the points by group (counting sort).
        Grow(ref _count, groupCount);
        Grow(ref _start, groupCount);
        Grow(ref _cursor, groupCount);
        Grow(ref _sorted, n);
        Array.Clear(_count, 0, groupCount);
        for (int i = 0; i < n; i++) _count[groupOf[i]]++;
        int run = 0;
        for (int g = 0; g < groupCount; g++)
        {
            _start[g] = run;
            _cursor[g] = run;
            run += _count[g];
        }
        for (int i = 0; i < n; i++) _sorted[_cursor[groupOf[i]]++] = tagged[i];

        // 2. Round 0: pairs of source points into buffer A (a lone last point is copied).
        int outTotal = 0;
        for (int g = 0; g < groupCount; g++) outTotal += (_count[g] + 1) >> 1;
        Grow(ref _bufA, outTotal * PointStride);
        Grow(ref _infA, outTotal);
        _readFrom = source;
        _writeTo = _bufA;
        _writeInf = _infA;
        int outPos = 0;
        fixed (uint* src = source)
        {
            for (int g = 0; g < groupCount; g++)
            {
                int s = _start[g], c = _count[g];
                _start[g] = outPos;
                for (int k = 0; k + 1 < c; k += 2)
                {
                    // The sorted order reads the source at random: fetch a few pairs ahead.
                    int ahead = s + k + PrefetchDistance;
                    if (ahead + 1 < n)
                    {
                        Prefetch(src, _sorted[ahead]);
                        Prefetch(src, _sorted[ahead + 1]);
                    }
                    StagePair(_sorted[s + k], _sorted[s + k + 1], outPos++);
                }
                if ((c & 1) != 0) CopyTagged(source, _sorted[s + c - 1], outPos++);
                _count[g] = (c + 1) >> 1;
            }
        }
        RunChunk();

        // 3. Later rounds: pairs inside each group, A → B → A …, until every group holds at most one point.
        bool more = true;
        while (more)
        {
            more = false;
            for (int g = 0; g < groupCount && !more; g++) more = _count[g] > 1;
            if (!more) break;
            outTotal = 0;
            for (int g = 0; g < groupCount; g++) outTotal += (_count[g] + 1) >> 1;
            Grow(ref _bufB, outTotal * PointStride);
            Grow(ref _infB, outTotal);
            _readFrom = _bufA;
            _writeTo = _bufB;
            _writeInf = _infB;
            outPos = 0;
            for (int g = 0; g < groupCount; g++)
            {
                int s = _start[g], c = _count[g];
                _start[g] = outPos;
                for (int k = 0; k + 1 < c; k += 2)
                {
                    int a = s + k, b = s + k + 1;
                    // The point at infinity (from a cancellation) is skipped rather than added.
                    if (_infA[a] || _infA[b]) CopyItem(_infA[a] ? b : a, _infA[a] && _infA[b], outPos++);
                    else StagePair(a * PointStride + 1, b * PointStride + 1, outPos++);
                }
                if ((c & 1) != 0) CopyItem(s + c - 1, _infA[s + c - 1], outPos++);
                _count[g] = (c + 1) >> 1;
            }
            RunChunk();
            (_bufA, _bufB) = (_bufB, _bufA);
            (_infA, _infB) = (_infB, _infA);
        }

        // 4. One point (or none) per group.
        for (int g = 0; g < groupCount; g++)
        {
            if (_count[g] == 0 || _infA[_start[g]])
            {
                resultIsEmpty[g] = true;
                continue;
            }
            resultIsEmpty[g] = false;
            Array.Copy(_bufA, _start[g] * PointStride, result, g * PointStride, PointStride);
        }
    }

    private const int PrefetchDistance = 16;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(uint* source, int tagged)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        uint* p = source + (Math.Abs(tagged) - 1);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(p);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + 16);
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(p + 27);
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
    }

    private void CopyTagged(uint[] source, int tagged, int outIndex)
    {
        int offset = Math.Abs(tagged) - 1;
        var dst = _writeTo.AsSpan(outIndex * PointStride, PointStride);
        source.AsSpan(offset, L).CopyTo(dst);
        if (tagged > 0) source.AsSpan(offset + L, L).CopyTo(dst[L..]);
        else Fp29x8.NegatePacked(source.AsSpan(offset + L, L), dst[L..]); // negated sources are canonical (tables)
        _writeInf[outIndex] = false;
    }

    private void CopyItem(int index, bool infinity, int outIndex)
    {
        _writeInf[outIndex] = infinity;
        if (!infinity) Array.Copy(_readFrom, index * PointStride, _writeTo, outIndex * PointStride, PointStride);
    }

    /// <summary>Queues P + Q (tagged offsets into the read buffer) to be written at output index <paramref name="outIndex"/>.</summary>
    private void StagePair(int taggedP, int taggedQ, int outIndex)
    {
        int k = _pairs++;
        _pairP[k] = taggedP;
        _pairQ[k] = taggedQ;
        _pairOut[k] = outIndex;
        _negP[k] = taggedP < 0 ? ulong.MaxValue : 0;
        _negQ[k] = taggedQ < 0 ? ulong.MaxValue : 0;
        ref uint stage = ref _stage[(k >> 3) * GroupBlock + (k & 7)];
        ref uint p = ref _readFrom[Math.Abs(taggedP) - 1];
        ref uint q = ref _readFrom[Math.Abs(taggedQ) - 1];
        for (int j = 0; j < L; j++)
        {
            Unsafe.Add(ref stage, Px + 8 * j) = Unsafe.Add(ref p, j);
            Unsafe.Add(ref stage, Py + 8 * j) = Unsafe.Add(ref p, L + j);
            Unsafe.Add(ref stage, Qx + 8 * j) = Unsafe.Add(ref q, j);
            Unsafe.Add(ref stage, Qy + 8 * j) = Unsafe.Add(ref q, L + j);
        }
        if (_pairs == ChunkPairs) RunChunk();
    }

    /// <summary>Adds the staged pairs: x3 = λ² − x_P − x_Q, y3 = λ(x_Q − x3) − y_Q with λ = (y_P − y_Q)/(x_P − x_Q).</summary>
    private void RunChunk()
    {
        int n = _pairs;
        if (n == 0) return;
        int groups = (n + 7) >> 3;
        fixed (uint* stage = _stage)
        fixed (uint* prefix = _prefix)
        fixed (ulong* negP = _negP)
        fixed (ulong* negQ = _negQ)
        {
            // 0. Pad the last group: x_P = 1, x_Q = 0 keeps the lane's denominator non-zero.
            for (int k = n; k < groups * 8; k++)
            {
                uint* g = stage + (k >> 3) * GroupBlock + (k & 7);
                for (int j = 0; j < L; j++)
                {
                    g[Px + 8 * j] = Fp29x8.OnePacked[j];
                    g[Py + 8 * j] = 0;
                    g[Qx + 8 * j] = 0;
                    g[Qy + 8 * j] = 0;
                }
                negP[k] = 0;
                negQ[k] = 0;
            }

            // 1. Prefix products of the denominators x_P − x_Q, lane by lane.
            V14 acc = default, px = default, py = default, qx = default, qy = default, t = default, u = default;
            Fp29x8.Broadcast(ref acc, Fp29x8.OnePacked);
            for (int g = 0; g < groups; g++)
            {
                uint* s = stage + g * GroupBlock;
                Fp29x8.Load(ref px, s + Px);
                Fp29x8.Load(ref qx, s + Qx);
                Fp29x8.SubAdd4P(ref t, px, qx);
                Fp29x8.Store(acc, prefix + g * CoordBlock);
                Fp29x8.Mul(ref acc, acc, t);
            }

            // 2. One inversion for the eight lane products; a zero one means some x_P ≡ x_Q.
            if (Fp29x8.InvertLanes(ref acc) != 0)
            {
                RunChunkScalar();
                return;
            }

            // 3. Backward: 1/den_k from the running inverse, then the chord addition.
            V14 lambda = default, invDen = default, x3 = default, y3 = default;
            uint* outBlock = stackalloc uint[2 * CoordBlock];
            for (int g = groups - 1; g >= 0; g--)
            {
                uint* s = stage + g * GroupBlock;
                Fp29x8.Load(ref px, s + Px);
                Fp29x8.Load(ref py, s + Py);
                Fp29x8.Load(ref qx, s + Qx);
                Fp29x8.Load(ref qy, s + Qy);
                Fp29x8.ConditionalNegate(ref py, Vector512.Load(negP + g * 8));
                Fp29x8.ConditionalNegate(ref qy, Vector512.Load(negQ + g * 8));
                Fp29x8.SubAdd4P(ref t, px, qx);                 // den
                Fp29x8.Load(ref u, prefix + g * CoordBlock);
                Fp29x8.Mul(ref invDen, acc, u);                 // 1/den
                Fp29x8.Mul(ref acc, acc, t);                    // running inverse for the groups before
                Fp29x8.SubAdd4P(ref t, py, qy);                 // y_P − y_Q
                Fp29x8.Mul(ref lambda, t, invDen);              // λ
                Fp29x8.Square(ref t, lambda);                   // λ²
                Fp29x8.Add(ref u, qx, px);                      // below 4.2p
                Fp29x8.SubAdd8P(ref x3, t, u);                  // x3 = λ² − x_Q − x_P
                Fp29x8.Reduce(ref x3);
                Fp29x8.SubAdd4P(ref t, qx, x3);
                Fp29x8.Mul(ref u, lambda, t);                   // λ(x_Q − x3)
                Fp29x8.SubAdd4P(ref y3, u, qy);                 // y3 = λ(x_Q − x3) − y_Q
                Fp29x8.Reduce(ref y3);
                Fp29x8.Store(x3, outBlock);
                Fp29x8.Store(y3, outBlock + CoordBlock);
                int lanes = Math.Min(8, n - g * 8);
                for (int l = 0; l < lanes; l++)
                {
                    int o = _pairOut[g * 8 + l];
                    ref uint dst = ref _writeTo[o * PointStride];
                    for (int j = 0; j < L; j++)
                    {
                        Unsafe.Add(ref dst, j) = outBlock[8 * j + l];
                        Unsafe.Add(ref dst, L + j) = outBlock[CoordBlock + 8 * j + l];
                    }
                    _writeInf[o] = false;
                }
            }
        }
        _pairs = 0;
    }

    /// <summary>The chunk pair by pair in Jacobian coordinates (a denominator was zero: doubling or cancellation).</summary>
    private void RunChunkScalar()
    {
        for (int k = 0; k < _pairs; k++)
        {
            var sum = G1Jacobian.AddMixed(ReadPoint(_pairP[k]).ToJacobian(), ReadPoint(_pairQ[k]));
            int o = _pairOut[k];
            if (sum.IsInfinity)
            {
                _writeInf[o] = true;
                continue;
            }
            var a = sum.ToAffine();
            Fp29x8.Pack(a.X, _writeTo.AsSpan(o * PointStride, L));
            Fp29x8.Pack(a.Y, _writeTo.AsSpan(o * PointStride + L, L));
            _writeInf[o] = false;
        }
        _pairs = 0;
    }

    private G1Affine ReadPoint(int tagged)
    {
        int offset = Math.Abs(tagged) - 1;
        var p = new G1Affine(Fp29x8.Unpack(_readFrom.AsSpan(offset, L)), Fp29x8.Unpack(_readFrom.AsSpan(offset + L, L)));
        return tagged < 0 ? G1Affine.Negate(p) : p;
    }
}
