using System.Numerics;

namespace Blobs.Kzg.Tests.Infrastructure;

/// <summary>Seeded random inputs and hand-made points for the tests.</summary>
internal static class TestBlobs
{
    /// <summary>The base field modulus p of BLS12-381.</summary>
    public static readonly BigInteger FieldModulus = BigInteger.Parse(
        "1a0111ea397fe69a4b1ba7b6434bacd764774b84f38512bf6730d2a0f6b0f6241eabfffeb153ffffb9feffffffffaaab",
        System.Globalization.NumberStyles.HexNumber);

    /// <summary>A blob of uniform canonical elements (each below 2^254 &lt; BLS_MODULUS), from a seed.</summary>
    public static byte[] Random(int seed)
    {
        var rng = new Random(seed);
        var blob = new byte[KzgConstants.BytesPerBlob];
        rng.NextBytes(blob);
        for (int off = 0; off < blob.Length; off += KzgConstants.BytesPerFieldElement) blob[off] &= 0x3f;
        return blob;
    }

    /// <summary>A canonical field element from a seed.</summary>
    public static FieldElement RandomField(int seed)
    {
        var bytes = new byte[32];
        new Random(seed).NextBytes(bytes);
        bytes[0] &= 0x3f;
        return FieldElement.FromBytes(bytes);
    }

    /// <summary>
    /// A compressed G1 encoding (flag 0x80) of the first x ≥ <paramref name="start"/> for which x³ + 4 is
    /// (<paramref name="onCurve"/>) or is not a square mod p: on the curve it is, with overwhelming
    /// likelihood, outside the prime-order subgroup (the cofactor is about 2^125); off the curve no y exists.
    /// </summary>
    public static byte[] CompressedX(bool onCurve, int start = 1)
    {
        var exponent = (FieldModulus - 1) / 2;
        for (BigInteger x = start; ; x++)
        {
            var rhs = (BigInteger.ModPow(x, 3, FieldModulus) + 4) % FieldModulus;
            bool square = rhs.IsZero || BigInteger.ModPow(rhs, exponent, FieldModulus).IsOne;
            if (square != onCurve) continue;
            var bytes = new byte[48];
            var be = x.ToByteArray(isUnsigned: true, isBigEndian: true);
            be.CopyTo(bytes, 48 - be.Length);
            bytes[0] |= 0x80;
            return bytes;
        }
    }
}
