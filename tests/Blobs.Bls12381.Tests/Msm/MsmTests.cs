using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Msm;

/// <summary>
/// Multi-scalar multiplication (variable base and fixed base) against the naive sum of scalar
/// multiplications Σ [k_i]P_i, on seeded random inputs and on the inputs that break bucket methods:
/// zero and r − 1 scalars, repeated points, P next to −P, points at infinity, scalars that share every
/// digit (all points pile into one bucket per window).
/// </summary>
public class MsmTests
{
    private static readonly G1Jacobian G = G1Jacobian.Generator;

    private static readonly Lazy<G1Affine[]> s_setup = new(() =>
        SetupPoints.G1Lagrange.Take(1500).Select(b =>
        {
            Assert.Equal(PointDecodeError.None, G1Affine.Decompress(b, out var p, checkSubgroup: false));
            return p;
        }).ToArray());

    /// <summary>Distinct points of the subgroup (trusted-setup Lagrange points).</summary>
    private static G1Affine[] Points(int n) => s_setup.Value[..n];

    private static ulong[] Limbs(BigInteger k)
    {
        var limbs = new ulong[4];
        for (int i = 0; i < 4; i++) { limbs[i] = (ulong)(k & ulong.MaxValue); k >>= 64; }
        return limbs;
    }

    private static BigInteger RandomScalar(Random rng, BigInteger below)
    {
        var bytes = new byte[33];
        rng.NextBytes(bytes);
        bytes[32] = 0;
        return new BigInteger(bytes, isUnsigned: true) % below;
    }

    private static ulong[] Flatten(IEnumerable<BigInteger> scalars) => scalars.SelectMany(Limbs).ToArray();

    private static G1Jacobian Naive(ReadOnlySpan<G1Affine> points, IReadOnlyList<BigInteger> scalars)
    {
        var acc = G1Jacobian.Infinity;
        for (int i = 0; i < points.Length; i++)
            acc = G1Jacobian.Add(acc, G1Jacobian.Multiply(points[i].ToJacobian(), Limbs(scalars[i])));
        return acc;
    }

    public static TheoryData<int, int> Sizes => new()
    {
        { 0, 1 }, { 1, 2 }, { 2, 3 }, { 3, 4 }, { 7, 5 }, { G1Msm.StrausThreshold, 12 }, { G1Msm.StrausThreshold + 1, 13 },
        { 16, 6 }, { 33, 7 }, { 100, 8 },
        { G1Msm.BatchAffineThreshold - 1, 9 }, { G1Msm.BatchAffineThreshold, 10 }, { 1500, 11 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Variable_base_matches_the_naive_sum_on_random_scalars(int n, int seed)
    {
        var rng = new Random(seed);
        var points = Points(n);
        var scalars = Enumerable.Range(0, n).Select(_ => RandomScalar(rng, R)).ToList();
        var expected = Naive(points, scalars);
        Assert.Equal(expected, G1Msm.Multiply(points, Flatten(scalars)));
        if (n > 0)
        {
            var fr = scalars.Select(s => Fr.FromBytesBigEndianReduce(s.ToByteArray(isUnsigned: true, isBigEndian: true))).ToArray();
            Assert.Equal(expected, G1Msm.Multiply(points, fr, maxDegreeOfParallelism: 2));
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(300)]
    [InlineData(1200)]
    public void Variable_base_handles_degenerate_inputs(int n)
    {
        var rng = new Random(n);
        var pts = Points(n).ToArray();
        var scalars = Enumerable.Range(0, n).Select(_ => RandomScalar(rng, R)).ToList();
        // Edge scalars: 0, 1, r − 1, 2^255 − 1 (above r: limbs are taken as they are), 2^256 − 1.
        scalars[0] = 0;
        scalars[1] = 1;
        scalars[2] = R - 1;
        scalars[3] = BigInteger.Pow(2, 255) - 1;
        scalars[4] = BigInteger.Pow(2, 256) - 1;
        if (n > 10)
        {
            pts[5] = pts[6];                 // a repeated point with the same scalar (doubling in a bucket)
            scalars[5] = scalars[6];
            pts[7] = G1Affine.Negate(pts[8]); // P and −P with the same scalar (cancellation)
            scalars[7] = scalars[8];
            pts[9] = G1Affine.Infinity;      // infinity contributes nothing
        }
        Assert.Equal(Naive(pts, scalars), G1Msm.Multiply(pts, Flatten(scalars)));
    }

    [Theory]
    [InlineData(64)]
    [InlineData(1100)]
    public void Variable_base_with_every_scalar_equal_piles_into_one_bucket_per_window(int n)
    {
        var pts = Points(n);
        var k = R - 1; // every digit of every scalar is the same
        var scalars = Enumerable.Repeat(k, n).ToList();
        var sum = G1Jacobian.Infinity;
        foreach (var p in pts) sum = G1Jacobian.AddMixed(sum, p);
        var expected = G1Jacobian.Negate(sum); // (r − 1)·Σ P = −Σ P
        Assert.Equal(expected, G1Msm.Multiply(pts, Flatten(scalars)));
        Assert.Equal(expected, Naive(pts, scalars));
    }

    /// <summary>Both bucket paths: portable (false) and eight-lane AVX-512 (true, skipped on CPUs without it).</summary>
    private static void RequirePath(bool vectorized) =>
        Skip.If(vectorized && !G1FixedBaseMsm.VectorizationSupported, "this CPU has no AVX-512: the vectorized path cannot run");

    [SkippableTheory]
    [InlineData(4, 7, false)]
    [InlineData(8, 11, false)]
    [InlineData(13, 12, false)]
    [InlineData(16, 13, false)]
    [InlineData(4, 7, true)]
    [InlineData(8, 11, true)]
    [InlineData(11, 14, true)]
    [InlineData(13, 12, true)]
    [InlineData(16, 13, true)]
    public void Fixed_base_matches_the_naive_sum(int window, int seed, bool vectorized)
    {
        RequirePath(vectorized);
        var rng = new Random(seed);
        const int n = 700;
        var pts = Points(n);
        var table = G1FixedBaseMsm.Create(pts, window, maxDegreeOfParallelism: 2, vectorized: vectorized);
        Assert.Equal(vectorized, table.IsVectorized);
        Assert.Equal(n, table.Count);
        Assert.Equal(SignedDigits.WindowCount(window), table.WindowCount);
        Assert.Equal((long)n * table.WindowCount * (vectorized ? 112 : 96), table.TableBytes);
        for (int round = 0; round < 2; round++)
        {
            var scalars = Enumerable.Range(0, n).Select(_ => RandomScalar(rng, R)).ToList();
            scalars[0] = 0;
            scalars[1] = R - 1;
            scalars[2] = BigInteger.Pow(2, 256) - 1;
            Assert.Equal(Naive(pts, scalars), table.Multiply(Flatten(scalars)));
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fixed_base_handles_equal_scalars_repeated_points_and_infinity(bool vectorized)
    {
        RequirePath(vectorized);
        var pts = Points(600).ToArray();
        pts[10] = pts[11];
        pts[12] = G1Affine.Negate(pts[13]);
        pts[14] = G1Affine.Infinity;
        var table = G1FixedBaseMsm.Create(pts, 10, vectorized: vectorized);

        // Every scalar r − 1: one bucket per window receives every point.
        var same = Enumerable.Repeat(R - 1, pts.Length).ToList();
        Assert.Equal(Naive(pts, same), table.Multiply(Flatten(same)));

        // Small scalars 0…3 only: very few buckets, heavy collisions, doublings and cancellations.
        var rng = new Random(5);
        var small = Enumerable.Range(0, pts.Length).Select(_ => (BigInteger)rng.Next(4)).ToList();
        Assert.Equal(Naive(pts, small), table.Multiply(Flatten(small)));

        // All zero.
        Assert.True(table.Multiply(new ulong[4 * pts.Length]).IsInfinity);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fixed_base_agrees_with_variable_base_over_fr_scalars(bool vectorized)
    {
        RequirePath(vectorized);
        var pts = Points(1500);
        var rng = new Random(99);
        var fr = Enumerable.Range(0, pts.Length).Select(_ =>
        {
            var b = new byte[32];
            rng.NextBytes(b);
            return Fr.FromBytesBigEndianReduce(b);
        }).ToArray();
        var table = G1FixedBaseMsm.Create(pts, 12, vectorized: vectorized);
        Assert.Equal(G1Msm.Multiply(pts, fr), table.Multiply(fr));
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void Fixed_base_for_255_bit_scalars_takes_r_minus_1_and_refuses_2_to_the_255(bool vectorized)
    {
        RequirePath(vectorized);
        var pts = Points(300);
        var table = G1FixedBaseMsm.Create(pts, 12, vectorized: vectorized, scalarBits: 255);
        Assert.Equal(255, table.ScalarBits);
        Assert.Equal(22, table.WindowCount); // ⌈256/12⌉ windows of 11 or 12 bits adding up to 256
        var rng = new Random(77);
        var scalars = Enumerable.Range(0, pts.Length).Select(_ => RandomScalar(rng, R)).ToList();
        scalars[0] = R - 1;
        scalars[1] = BigInteger.Pow(2, 255) - 1;
        Assert.Equal(Naive(pts, scalars), table.Multiply(Flatten(scalars)));
        scalars[2] = BigInteger.Pow(2, 255);
        var e = Assert.Throws<ArgumentException>(() => table.Multiply(Flatten(scalars)));
        Assert.Contains("scalar 2", e.Message);
    }

    [Fact]
    public void Balanced_widths_add_up_and_differ_by_at_most_one()
    {
        for (int c = 2; c <= SignedDigits.MaxWindow; c++)
        {
            foreach (int bits in new[] { 64, 255, 256 })
            {
                var w = SignedDigits.BalancedWidths(c, bits);
                Assert.Equal(bits + 1, w.Sum());
                Assert.True(w.Max() <= c && w.Max() - w.Min() <= 1, $"c={c} bits={bits}: {string.Join(",", w)}");
                Assert.Equal((bits + c) / c, w.Length);
            }
        }
        var rng = new Random(9);
        var widths = SignedDigits.BalancedWidths(13, 255);
        var digits = new int[widths.Length];
        foreach (var k in new[] { BigInteger.Zero, R - 1, BigInteger.Pow(2, 255) - 1, RandomScalar(rng, R) })
        {
            SignedDigits.Recode(Limbs(k), widths, digits);
            BigInteger back = 0;
            for (int j = widths.Length - 1; j >= 0; j--)
            {
                Assert.InRange(digits[j], -(1 << (widths[j] - 1)) + 1, 1 << (widths[j] - 1));
                back = (back << widths[j]) + digits[j];
            }
            Assert.Equal(k, back);
        }
    }

    [Fact]
    public void Signed_digits_reconstruct_the_scalar()
    {
        var rng = new Random(3);
        for (int c = 2; c <= SignedDigits.MaxWindow; c++)
        {
            int m = SignedDigits.WindowCount(c);
            Assert.True(m * c >= 257);
            var digits = new int[m];
            foreach (var k in new[] { BigInteger.Zero, R - 1, BigInteger.Pow(2, 256) - 1, RandomScalar(rng, BigInteger.Pow(2, 256)) })
            {
                SignedDigits.Recode(Limbs(k), c, digits);
                BigInteger back = 0;
                for (int j = m - 1; j >= 0; j--)
                {
                    Assert.InRange(digits[j], -(1 << (c - 1)) + 1, 1 << (c - 1));
                    back = (back << c) + digits[j];
                }
                Assert.Equal(k, back);
            }
        }
    }

    [Fact]
    public void Arguments_are_checked()
    {
        var pts = Points(3);
        Assert.Throws<ArgumentException>(() => G1Msm.Multiply(pts, new ulong[8]));
        Assert.Throws<ArgumentException>(() => G1Msm.Multiply(pts, new Fr[2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => G1FixedBaseMsm.Create(pts, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => G1FixedBaseMsm.Create(pts, SignedDigits.MaxWindow + 1));
        Assert.Throws<ArgumentException>(() => G1FixedBaseMsm.Create(pts, 4).Multiply(new ulong[4]));
        Assert.True(G1Msm.Multiply([], ReadOnlySpan<ulong>.Empty).IsInfinity);
    }
}
