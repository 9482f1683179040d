using System.Numerics;

namespace Blobs.Bls12381.Tests;

/// <summary>Fr against a BigInteger oracle on seeded random values and edge cases.</summary>
public class FrTests
{
    private static readonly BigInteger R = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    private static BigInteger ToBig(in Fr f)
    {
        var b = new byte[32];
        f.ToBytesBigEndian(b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    private static Fr FromBig(BigInteger v)
    {
        var b = new byte[32];
        v.TryWriteBytes(b.AsSpan(32 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        Assert.True(Fr.TryFromBytesBigEndian(b, out var f));
        return f;
    }

    private static IEnumerable<BigInteger> Values(int seed, int n)
    {
        var rng = new Random(seed);
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return R - 1;
        yield return R - 2;
        yield return (R - 1) / 2;
        yield return BigInteger.Pow(2, 64) - 1;
        var buf = new byte[33];
        for (int i = 0; i < n; i++)
        {
            rng.NextBytes(buf);
            buf[32] = 0;
            yield return new BigInteger(buf) % R;
        }
    }

    [Fact]
    public void ArithmeticMatchesBigInteger()
    {
        var xs = Values(1, 200).ToArray();
        var ys = Values(2, 200).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            BigInteger x = xs[i], y = ys[(i * 7) % ys.Length];
            Fr a = FromBig(x), b = FromBig(y);
            Assert.Equal(x, ToBig(a));
            Assert.Equal((x + y) % R, ToBig(a + b));
            Assert.Equal(((x - y) % R + R) % R, ToBig(a - b));
            Assert.Equal((R - x) % R, ToBig(-a));
            Assert.Equal(x * y % R, ToBig(a * b));
            Assert.Equal(x * x % R, ToBig(a.Square()));
            Assert.Equal(2 * x % R, ToBig(a.Double()));
            Assert.Equal(x.IsZero ? BigInteger.Zero : BigInteger.ModPow(x, R - 2, R), ToBig(a.Invert()));
            Assert.Equal(BigInteger.ModPow(x, 12345678901, R), ToBig(a.Pow(12345678901UL)));
            var limbs = new ulong[4];
            a.ToCanonicalLimbs(limbs);
            var fromLimbs = new BigInteger(limbs[0]) + (new BigInteger(limbs[1]) << 64) + (new BigInteger(limbs[2]) << 128) + (new BigInteger(limbs[3]) << 192);
            Assert.Equal(x, fromLimbs);
            Assert.True(Fr.TryFromCanonicalLimbs(limbs, out var back));
            Assert.Equal(a, back);
        }
    }

    [Fact]
    public void RejectsNonCanonicalBytes()
    {
        var b = R.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.False(Fr.TryFromBytesBigEndian(b, out _));
        var max = Enumerable.Repeat((byte)0xff, 32).ToArray();
        Assert.False(Fr.TryFromBytesBigEndian(max, out _));
        Assert.False(Fr.TryFromBytesBigEndian(new byte[31], out _));
        b[31] -= 1;
        Assert.True(Fr.TryFromBytesBigEndian(b, out var rm1));
        Assert.Equal(-Fr.One, rm1);
    }

    [Fact]
    public void ReduceMatchesBigIntegerForAnyLength()
    {
        var rng = new Random(3);
        foreach (int len in new[] { 0, 1, 31, 32, 33, 48, 64, 65, 100 })
        {
            for (int k = 0; k < 20; k++)
            {
                var bytes = new byte[len];
                rng.NextBytes(bytes);
                if (k == 0) Array.Fill(bytes, (byte)0xff);
                var expected = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) % R;
                Assert.Equal(expected, ToBig(Fr.FromBytesBigEndianReduce(bytes)));
            }
        }
    }

    [Fact]
    public void BatchInvertLeavesZerosAndInvertsTheRest()
    {
        var xs = Values(4, 300).ToArray();
        var values = xs.Select(FromBig).ToArray();
        Fr.BatchInvert(values);
        for (int i = 0; i < xs.Length; i++)
            Assert.Equal(xs[i].IsZero ? BigInteger.Zero : BigInteger.ModPow(xs[i], R - 2, R), ToBig(values[i]));
    }

    [Theory]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(1)]
    [InlineData(32)]
    public void RootsOfUnityHaveExactOrder(int k)
    {
        var w = Fr.RootOfUnity(k);
        var expected = BigInteger.ModPow(7, (R - 1) >> k, R);
        Assert.Equal(expected, ToBig(w));
        var x = w;
        for (int i = 0; i < k - 1; i++) x = x.Square();
        Assert.Equal(-Fr.One, x);
        Assert.Equal(Fr.One, x.Square());
    }

    [Fact]
    public void SmallIntegers()
    {
        Assert.Equal(Fr.One, Fr.FromUInt64(1));
        Assert.Equal(Fr.Zero, Fr.FromUInt64(0));
        Assert.Equal(new BigInteger(ulong.MaxValue), ToBig(Fr.FromUInt64(ulong.MaxValue)));
    }
}
