namespace Blobs.Bls12381;

/// <summary>
/// One bucket pass of a multi-scalar multiplication on the AVX-512 path: signed digits select buckets,
/// <see cref="VectorGroupSummer"/> sums every bucket, and the weighted bucket sum Σ (b + 1)·B_b is formed
/// bit by bit — S_k = Σ of the buckets whose weight has bit k set, then Σ 2^k·S_k — so that the
/// reduction is made of the same independent batch-affine additions instead of a sequential running sum.
/// </summary>
internal sealed class VectorBucketMsm
{
    [ThreadStatic] private static VectorBucketMsm? t_instance;

    private readonly VectorGroupSummer _summer = new();
    private int[] _group = [], _tagged = [];
    private uint[] _buckets = [], _bits = [];
    private bool[] _bucketEmpty = [], _bitEmpty = [];

    /// <summary>The calling thread's instance.</summary>
    public static VectorBucketMsm ForThread => t_instance ??= new VectorBucketMsm();

    /// <summary>
    /// Σ_t d_t·P_t over packed points P_t = <paramref name="packed"/>[28·t…] (t indexing
    /// <paramref name="digits"/>), with signed digits |d_t| ≤ <paramref name="bucketCount"/>; entries
    /// flagged in <paramref name="isInfinity"/> are skipped.
    /// </summary>
    public G1Jacobian Run(uint[] packed, ReadOnlySpan<int> digits, int bucketCount, bool[]? isInfinity, int digitOffset = 0)
    {
        const int S = VectorGroupSummer.PointStride;
        // 1. The points of every non-zero digit, tagged with their bucket and sign.
        Grow(ref _group, digits.Length);
        Grow(ref _tagged, digits.Length);
        int n = 0;
        for (int t = 0; t < digits.Length; t++)
        {
            int d = digits[t];
            if (d == 0 || (isInfinity is not null && isInfinity[digitOffset + t])) continue;
            int offset = (digitOffset + t) * S + 1;
            if (d > 0) { _group[n] = d - 1; _tagged[n] = offset; }
            else { _group[n] = -d - 1; _tagged[n] = -offset; }
            n++;
        }
        // 2. Bucket sums B_b.
        Grow(ref _buckets, bucketCount * S);
        Grow(ref _bucketEmpty, bucketCount);
        _summer.SumGroups(packed, _group.AsSpan(0, n), _tagged.AsSpan(0, n), bucketCount, _buckets, _bucketEmpty);
        // 3. S_k = Σ {B_b : bit k of b + 1}.
        int bits = 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)bucketCount);
        int m = 0;
        Grow(ref _group, bucketCount * bits);
        Grow(ref _tagged, bucketCount * bits);
        for (int b = 0; b < bucketCount; b++)
        {
            if (_bucketEmpty[b]) continue;
            for (uint w = (uint)(b + 1), k = 0; w != 0; w >>= 1, k++)
            {
                if ((w & 1) == 0) continue;
                _group[m] = (int)k;
                _tagged[m] = b * S + 1;
                m++;
            }
        }
        Grow(ref _bits, bits * S);
        Grow(ref _bitEmpty, bits);
        _summer.SumGroups(_buckets, _group.AsSpan(0, m), _tagged.AsSpan(0, m), bits, _bits, _bitEmpty);
        // 4. Σ 2^k·S_k, from the top bit.
        G1Jacobian acc = G1Jacobian.Infinity;
        for (int k = bits - 1; k >= 0; k--)
        {
            acc = G1Jacobian.Double(acc);
            if (!_bitEmpty[k])
            {
                var sk = new G1Affine(Fp29x8.Unpack(_bits.AsSpan(k * S, Fp29x8.Limbs)), Fp29x8.Unpack(_bits.AsSpan(k * S + Fp29x8.Limbs, Fp29x8.Limbs)));
                acc = G1Jacobian.AddMixed(acc, sk);
            }
        }
        return acc;
    }

    /// <summary>Packs affine points (x then y, 28 limbs each); infinity packs as zeros (flag it separately).</summary>
    public static uint[] PackPoints(ReadOnlySpan<G1Affine> points)
    {
        const int S = VectorGroupSummer.PointStride;
        var packed = new uint[points.Length * S];
        for (int i = 0; i < points.Length; i++)
        {
            if (points[i].IsInfinity) continue;
            Fp29x8.Pack(points[i].X, packed.AsSpan(i * S, Fp29x8.Limbs));
            Fp29x8.Pack(points[i].Y, packed.AsSpan(i * S + Fp29x8.Limbs, Fp29x8.Limbs));
        }
        return packed;
    }

    private static void Grow<T>(ref T[] array, int length)
    {
        if (array.Length < length) array = new T[Math.Max(length, array.Length * 2)];
    }
}
