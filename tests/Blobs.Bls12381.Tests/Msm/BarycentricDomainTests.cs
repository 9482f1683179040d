using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Msm;

/// <summary>
/// Barycentric sums and quotients over a domain of 4096 roots of unity (and a small domain of
/// arbitrary points), AVX-512 and portable paths, against BigInteger arithmetic modulo r.
/// </summary>
public class BarycentricDomainTests
{
    private static Fr[] Roots(int n)
    {
        var w = Fr.RootOfUnity(BitOperations.Log2((uint)n));
        var r = new Fr[n];
        r[0] = Fr.One;
        for (int i = 1; i < n; i++) r[i] = r[i - 1] * w;
        return r;
    }

    private static BigInteger Big(in Fr f) => new(f.ToBytesBigEndian(), isUnsigned: true, isBigEndian: true);

    private static ulong[] Limbs(BigInteger[] values) =>
        values.SelectMany(v => Enumerable.Range(0, 4).Select(k => (ulong)((v >> (64 * k)) & ulong.MaxValue))).ToArray();

    private static BigInteger[] RandomValues(int n, int seed, bool edges)
    {
        var rng = new Random(seed);
        var values = Enumerable.Range(0, n).Select(_ =>
        {
            var b = new byte[33];
            rng.NextBytes(b);
            b[32] = 0;
            return new BigInteger(b) % R;
        }).ToArray();
        if (edges)
        {
            values[0] = 0;
            values[1] = R - 1;
            values[2] = 1;
            values[n - 1] = R - 1;
        }
        return values;
    }

    public static TheoryData<bool, int> Cases => new() { { false, 4096 }, { true, 4096 }, { false, 16 }, { true, 16 } };

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Weighted_sum_and_quotients_match_big_integer_arithmetic(bool vectorized, int n)
    {
        Skip.If(vectorized && !G1FixedBaseMsm.VectorizationSupported, "this CPU has no AVX-512");
        var points = n == 4096 ? Roots(n) : Enumerable.Range(1, n).Select(i => Fr.FromUInt64((ulong)(i * i + 7))).ToArray();
        var domain = new BarycentricDomain(points, vectorized);
        Assert.Equal(vectorized, domain.IsVectorized);
        foreach (int seed in new[] { 1, 2 })
        {
            var values = RandomValues(n, seed, edges: seed == 1);
            var z = Fr.FromBytesBigEndianReduce(RandomValues(1, seed + 100, false)[0].ToByteArray(isUnsigned: true, isBigEndian: true));
            var keep = new DomainInverses();
            Assert.True(domain.TryWeightedSum(Limbs(values), z, out var sum, keep));
            BigInteger zb = Big(z), expected = 0;
            var inv = new BigInteger[n];
            for (int i = 0; i < n; i++)
            {
                var xb = Big(points[i]);
                inv[i] = BigInteger.ModPow(Mod(zb - xb, R), R - 2, R);
                expected = (expected + values[i] * xb % R * inv[i]) % R;
            }
            Assert.Equal(expected, Big(sum));

            var y = Fr.FromUInt64(12345) * z;
            var q = new ulong[4 * n];
            domain.Quotients(Limbs(values), y, keep, q);
            var yb = Big(y);
            for (int i = 0; i < n; i++)
            {
                var want = Mod(yb - values[i], R) * inv[i] % R;
                var got = new BigInteger(q.AsSpan(4 * i, 4).ToArray().SelectMany(BitConverter.GetBytes).ToArray(), isUnsigned: true);
                Assert.True(want == got, $"quotient {i}: expected {want:x}, got {got:x}");
            }
        }
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_point_of_the_domain_is_refused(bool vectorized)
    {
        Skip.If(vectorized && !G1FixedBaseMsm.VectorizationSupported, "this CPU has no AVX-512");
        var points = Roots(4096);
        var domain = new BarycentricDomain(points, vectorized);
        var values = Limbs(RandomValues(4096, 3, false));
        foreach (int i in new[] { 0, 1, 2047, 4095 })
            Assert.False(domain.TryWeightedSum(values, points[i], out _));
        Assert.Throws<ArgumentException>(() => new BarycentricDomain(points.AsSpan(0, 12)));
    }
}
