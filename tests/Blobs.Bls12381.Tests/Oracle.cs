using System.Globalization;
using System.Numerics;

namespace Blobs.Bls12381.Tests;

/// <summary>BigInteger reference values for the BLS12-381 fields (test oracle only).</summary>
internal static class Oracle
{
    public static readonly BigInteger P = BigInteger.Parse(
        "01a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab", NumberStyles.HexNumber);

    public static readonly BigInteger R = BigInteger.Parse(
        "073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", NumberStyles.HexNumber);

    public static BigInteger Mod(BigInteger x, BigInteger m) => ((x % m) + m) % m;

    public static BigInteger ToBig(in Fp f)
    {
        var b = new byte[48];
        f.ToBytes(b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    public static byte[] ToBytes48(BigInteger v)
    {
        var b = new byte[48];
        v.TryWriteBytes(b.AsSpan(48 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        return b;
    }

    public static Fp ToFp(BigInteger v)
    {
        Assert.True(Bls12381.Fp.TryFromBytes(ToBytes48(Mod(v, P)), out var f));
        return f;
    }

    public static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex.Replace("0x", ""), NumberStyles.HexNumber);

    /// <summary>Seeded values below p, with the edge cases first.</summary>
    public static IEnumerable<BigInteger> FpValues(int seed, int n)
    {
        var rng = new Random(seed);
        yield return BigInteger.Zero;
        yield return BigInteger.One;
        yield return P - 1;
        yield return P - 2;
        yield return (P - 1) / 2;
        yield return (P + 1) / 2;
        yield return BigInteger.Pow(2, 64) - 1;
        yield return BigInteger.Pow(2, 380);
        var buf = new byte[49];
        for (int i = 0; i < n; i++)
        {
            rng.NextBytes(buf);
            buf[48] = 0;
            yield return new BigInteger(buf) % P;
        }
    }
}
