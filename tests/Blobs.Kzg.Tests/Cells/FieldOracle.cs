using System.Numerics;
using Blobs.Bls12381;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>BigInteger oracle for the scalar field, independent of the code under test, and seeded random elements.</summary>
internal static class FieldOracle
{
    public static readonly BigInteger R = BigInteger.Parse("073eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001", System.Globalization.NumberStyles.HexNumber);

    public static BigInteger ToBig(in Fr f)
    {
        var b = new byte[32];
        f.ToBytesBigEndian(b);
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    public static Fr FromBig(BigInteger v)
    {
        v %= R;
        if (v.Sign < 0) v += R;
        var b = new byte[32];
        v.TryWriteBytes(b.AsSpan(32 - v.GetByteCount(isUnsigned: true)), out _, isUnsigned: true, isBigEndian: true);
        Assert.True(Fr.TryFromBytesBigEndian(b, out var f));
        return f;
    }

    /// <summary>The spec's root of unity of order n: 7^((r−1)/n) mod r.</summary>
    public static BigInteger RootOfUnity(int n) => BigInteger.ModPow(7, (R - 1) / n, R);

    public static Fr[] RandomElements(Random rng, int n)
    {
        var result = new Fr[n];
        var b = new byte[32];
        for (int i = 0; i < n; i++)
        {
            rng.NextBytes(b);
            b[0] &= 0x3f;
            Assert.True(Fr.TryFromBytesBigEndian(b, out result[i]));
        }
        return result;
    }

    /// <summary>Seeded random blob bytes: full-size canonical elements (top byte below 0x40).</summary>
    public static byte[] RandomBlob(Random rng)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        rng.NextBytes(blob);
        for (int i = 0; i < blob.Length; i += 32) blob[i] &= 0x3f;
        return blob;
    }

    /// <summary>Naive DFT over BigInteger: X[k] = Σ x[j]·ω^(jk) (or with ω⁻¹ and 1/n for the inverse).</summary>
    public static BigInteger[] NaiveDft(BigInteger[] x, bool inverse)
    {
        int n = x.Length;
        var w = RootOfUnity(n);
        if (inverse) w = BigInteger.ModPow(w, R - 2, R);
        var result = new BigInteger[n];
        for (int k = 0; k < n; k++)
        {
            BigInteger acc = 0;
            var step = BigInteger.ModPow(w, k, R);
            BigInteger p = 1;
            for (int j = 0; j < n; j++)
            {
                acc = (acc + x[j] * p) % R;
                p = p * step % R;
            }
            if (inverse) acc = acc * BigInteger.ModPow(n, R - 2, R) % R;
            result[k] = acc;
        }
        return result;
    }

    /// <summary>Horner evaluation over BigInteger.</summary>
    public static BigInteger Evaluate(IReadOnlyList<BigInteger> coefficients, BigInteger z)
    {
        BigInteger y = 0;
        for (int i = coefficients.Count - 1; i >= 0; i--) y = (y * z + coefficients[i]) % R;
        return y;
    }
}
