using System.Numerics;
using System.Runtime.Intrinsics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Msm;

/// <summary>
/// The eight-lane radix-2^29 arithmetic behind the AVX-512 MSM (<see cref="Fp29x8"/>, <see cref="G1TableLanes"/>)
/// against BigInteger arithmetic, lane by lane, on values at the edges of each operation's input bounds.
/// The first call of each method runs unoptimized code (tier 0) and later ones optimized code: both are checked.
/// </summary>
public class LaneArithmeticTests
{
    private static readonly BigInteger RPrime = BigInteger.Pow(2, 406);

    private static V14 ToLanes(BigInteger[] values)
    {
        var v = new V14();
        for (int j = 0; j < 14; j++)
        {
            var lanes = new ulong[8];
            for (int l = 0; l < 8; l++) lanes[l] = j < 13 ? (ulong)((values[l] >> (29 * j)) & ((1 << 29) - 1)) : (ulong)(values[l] >> (29 * 13));
            v[j] = Vector512.Create(lanes);
        }
        return v;
    }

    private static BigInteger Lane(in V14 v, int l)
    {
        BigInteger r = 0;
        for (int j = 13; j >= 0; j--) r = (r << 29) + v[j].GetElement(l);
        return r;
    }

    private static bool Normalized(in V14 v)
    {
        for (int j = 0; j < 13; j++)
            for (int l = 0; l < 8; l++)
                if (v[j].GetElement(l) >= 1UL << 29) return false;
        return true;
    }

    private static BigInteger[] Values(int seed, BigInteger below)
    {
        var rng = new Random(seed);
        var r = new BigInteger[8];
        for (int l = 0; l < 8; l++)
        {
            var b = new byte[52];
            rng.NextBytes(b);
            b[51] = 0;
            r[l] = new BigInteger(b) % below;
        }
        r[0] = 0;
        r[1] = below - 1;
        return r;
    }

    [SkippableFact]
    public void Lane_operations_match_big_integers_in_both_tiers()
    {
        Skip.IfNot(Fp29x8.IsSupported, "this CPU has no AVX-512");
        for (int round = 0; round < 3; round++)
        {
            var a = Values(10 + round, 2 * P);
            var b = Values(20 + round, 2 * P);
            V14 va = ToLanes(a), vb = ToLanes(b), r = default;

            Fp29x8.Mul(ref r, va, vb);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] * b[l] * BigInteger.ModPow(RPrime, P - 2, P) % P, Lane(r, l) % P);
            Assert.True(Normalized(r));

            Fp29x8.Square(ref r, va);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] * a[l] * BigInteger.ModPow(RPrime, P - 2, P) % P, Lane(r, l) % P);

            Fp29x8.Add(ref r, va, vb);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] + b[l], Lane(r, l));
            Assert.True(Normalized(r));

            Fp29x8.SubAdd4P(ref r, va, vb);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] - b[l] + 4 * P, Lane(r, l));
            Assert.True(Normalized(r));

            Fp29x8.SubAdd8P(ref r, va, vb);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] - b[l] + 8 * P, Lane(r, l));

            var big = Values(30 + round, 16 * P);
            r = ToLanes(big);
            Fp29x8.Reduce(ref r);
            for (int l = 0; l < 8; l++)
            {
                Assert.Equal(big[l] % P, Lane(r, l) % P);
                Assert.True(Lane(r, l) < 2 * P + BigInteger.Pow(2, 377), $"lane {l} not reduced");
            }

            r = va;
            Fp29x8.Canonicalize(ref r);
            for (int l = 0; l < 8; l++) Assert.Equal(a[l] % P, Lane(r, l));
        }
    }

    [SkippableFact]
    public void Lane_doubling_matches_jacobian_doubling_in_both_tiers()
    {
        Skip.IfNot(Fp29x8.IsSupported, "this CPU has no AVX-512");
        var pts = Enumerable.Range(1, 8).Select(i => G1Jacobian.Multiply(G1Jacobian.Generator, (ulong)(i * 977 + 3))).ToArray();
        for (int round = 0; round < 3; round++)
        {
            // Lanes hold x·R', y·R', z·R' mod p of each Jacobian point.
            BigInteger Mont(in Fp f) => ToBig(f) * RPrime % P;
            V14 x = ToLanes(pts.Select(p => Mont(p.X)).ToArray());
            V14 y = ToLanes(pts.Select(p => Mont(p.Y)).ToArray());
            V14 z = ToLanes(pts.Select(p => Mont(p.Z)).ToArray());
            for (int k = 0; k < 5; k++) G1TableLanes.Double(ref x, ref y, ref z);
            var inv = BigInteger.ModPow(RPrime, P - 2, P);
            for (int l = 0; l < 8; l++)
            {
                var expected = pts[l];
                for (int k = 0; k < 5; k++) expected = G1Jacobian.Double(expected);
                var got = new G1Jacobian(ToFp(Lane(x, l) * inv), ToFp(Lane(y, l) * inv), ToFp(Lane(z, l) * inv));
                Assert.True(expected == got, $"round {round} lane {l}");
            }
        }
    }
}
