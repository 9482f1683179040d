using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Curves;

/// <summary>G1: group laws, known multiples, subgroup test, ZCash serialization and its error cases.</summary>
public class G1Tests
{
    private static readonly G1Jacobian G = G1Jacobian.Generator;

    /// <summary>The G1 cofactor (z − 1)²/3 with z = −0xd201000000010000.</summary>
    private static readonly BigInteger Cofactor = BigInteger.Pow(-Hex("d201000000010000") - 1, 2) / 3;

    private static ulong[] Limbs(BigInteger k)
    {
        var limbs = new List<ulong>();
        while (k > 0) { limbs.Add((ulong)(k & ulong.MaxValue)); k >>= 64; }
        return limbs.ToArray();
    }

    private static G1Jacobian Mul(in G1Jacobian p, BigInteger k) => G1Jacobian.Multiply(p, Limbs(k));

    private static G1Jacobian[] RandomPoints(int seed, int n)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => G1Jacobian.Multiply(G, (ulong)rng.NextInt64())).ToArray();
    }

    [Fact]
    public void Generator_is_on_the_curve_in_the_subgroup_and_is_the_first_setup_point()
    {
        Assert.True(G1Affine.Generator.IsOnCurve);
        Assert.True(G1Affine.Generator.IsInSubgroup);
        Assert.Equal(SetupPoints.G1Monomial[0], G1Affine.Generator.ToCompressed());
        Assert.Equal("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb",
            Convert.ToHexStringLower(G1Affine.Generator.ToCompressed()));
    }

    [Fact]
    public void Known_multiples_of_the_generator()
    {
        // [2]G (affine, from an independent big-integer affine implementation of the chord-and-tangent law).
        var two = G1Jacobian.Double(G).ToAffine();
        Assert.Equal(Hex("0572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e"), ToBig(two.X));
        Assert.Equal(Hex("166a9d8cabc673a322fda673779d8e3822ba3ecb8670e461f73bb9021d5fd76a4c56d9d4cd16bd1bba86881979749d28"), ToBig(two.Y));
        Assert.Equal(two, G1Jacobian.Multiply(G, 2).ToAffine());
        // Published compressed multiples (public-key test vectors of BLS libraries: secret key k, public key [k]G).
        Assert.Equal("a572cbea904d67468808c8eb50a9450c9721db309128012543902d0ac358a62ae28f75bb8f1c7c42c39a8c5529bf0f4e",
            Convert.ToHexStringLower(two.ToCompressed()));
        Assert.Equal("89ece308f9d1f0131765212deca99697b112d61f9be9a5f1f3780a51335b3ff981747a0b2ca2179b96d2c0c9024e5224",
            Convert.ToHexStringLower(G1Jacobian.Multiply(G, 3).ToAffine().ToCompressed()));
        Assert.Equal("b928f3beb93519eecf0145da903b40a4c97dca00b21f12ac0df3be9116ef2ef27b2ae6bcd4c5bc2d54ef5a70627efcb7",
            Convert.ToHexStringLower(G1Jacobian.Multiply(G, 7).ToAffine().ToCompressed()));
        Assert.True(Mul(G, R).IsInfinity);
        Assert.Equal(G1Jacobian.Negate(G), Mul(G, R - 1));
        Assert.Equal(G, Mul(G, R + 1));
        Assert.True(G1Jacobian.Multiply(G, 0).IsInfinity);
        Assert.Equal(G, G1Jacobian.Multiply(G, 1));
    }

    [Fact]
    public void Group_laws_hold()
    {
        var ps = RandomPoints(1, 12);
        var inf = G1Jacobian.Infinity;
        for (int i = 0; i + 2 < ps.Length; i++)
        {
            G1Jacobian a = ps[i], b = ps[i + 1], c = ps[i + 2];
            Assert.True(a.IsOnCurve);
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a + inf);
            Assert.Equal(a, inf + a);
            Assert.True((a + (-a)).IsInfinity);
            Assert.Equal(G1Jacobian.Double(a), a + a);
            Assert.Equal(a + b, G1Jacobian.AddMixed(a, b.ToAffine()));
            Assert.Equal(G1Jacobian.Double(a), G1Jacobian.AddMixed(a, a.ToAffine()));
            Assert.True(G1Jacobian.AddMixed(a, (-a).ToAffine()).IsInfinity);
            Assert.Equal(a, G1Jacobian.AddMixed(a, G1Affine.Infinity));
            Assert.Equal(b, G1Jacobian.AddMixed(inf, b.ToAffine()));
            Assert.True((a + b).IsOnCurve);
            Assert.True(G1Jacobian.Double(a).IsOnCurve);
        }
        Assert.True(G1Jacobian.Double(inf).IsInfinity);
    }

    [Fact]
    public void Scalar_multiplication_is_linear()
    {
        var rng = new Random(2);
        for (int i = 0; i < 6; i++)
        {
            var bytes = new byte[40];
            rng.NextBytes(bytes);
            var a = new BigInteger(bytes, isUnsigned: true) % R;
            rng.NextBytes(bytes);
            var b = new BigInteger(bytes, isUnsigned: true) % R;
            Assert.Equal(Mul(G, (a + b) % R), Mul(G, a) + Mul(G, b));
            Assert.Equal(Mul(G, a * b % R), Mul(Mul(G, a), b));
            var fr = Fr.FromBytesBigEndianReduce(ToBytes48(a));
            Assert.Equal(Mul(G, a), G1Jacobian.Multiply(G, fr));
            Assert.Equal(Mul(G, a), G1Affine.Generator * fr);
        }
    }

    [Fact]
    public void Batch_to_affine_matches_single_conversions()
    {
        var ps = RandomPoints(3, 20).Append(G1Jacobian.Infinity).Prepend(G1Jacobian.Infinity).ToArray();
        var batch = new G1Affine[ps.Length];
        G1Jacobian.BatchToAffine(ps, batch);
        for (int i = 0; i < ps.Length; i++)
        {
            Assert.Equal(ps[i].ToAffine(), batch[i]);
            Assert.True(batch[i].IsOnCurve);
        }
        Assert.True(batch[0].IsInfinity);
    }

    [Fact]
    public void Every_mainnet_setup_point_round_trips()
    {
        foreach (var bytes in SetupPoints.G1Monomial.Concat(SetupPoints.G1Lagrange))
        {
            Assert.True(G1Affine.TryDecompress(bytes, out var p, out var error), error);
            Assert.True(p.IsOnCurve);
            Assert.Equal(bytes, p.ToCompressed());
        }
    }

    [Fact]
    public void Setup_monomial_points_are_consistent_with_the_lagrange_points()
    {
        // Σ lagrange_i = [1]·G (the sum of all Lagrange basis polynomials is 1) — ties the two halves together.
        var sum = G1Jacobian.Infinity;
        foreach (var bytes in SetupPoints.G1Lagrange) sum += G1Affine.FromCompressed(bytes);
        Assert.Equal(G1Affine.Generator, sum.ToAffine());
    }

    [Fact]
    public void Infinity_encodings()
    {
        var inf = new byte[48];
        inf[0] = 0xc0;
        Assert.Equal(inf, G1Affine.Infinity.ToCompressed());
        Assert.True(G1Affine.TryDecompress(inf, out var p, out _));
        Assert.True(p.IsInfinity);
        Assert.Equal(inf, G1Jacobian.Infinity.ToAffine().ToCompressed());

        var un = G1Affine.Infinity.ToUncompressed();
        Assert.Equal(0x40, un[0]);
        Assert.True(un[1..].All(b => b == 0));
        Assert.True(G1Affine.TryDecodeUncompressed(un, out var q, out _));
        Assert.True(q.IsInfinity);
    }

    private static string Error(byte[] bytes)
    {
        Assert.False(G1Affine.TryDecompress(bytes, out _, out var error));
        Assert.False(G1Affine.TryDecompress(bytes, out _));
        Assert.Equal($"invalid G1 point: {error}", Assert.Throws<FormatException>(() => G1Affine.FromCompressed(bytes)).Message);
        return error!;
    }

    [Fact]
    public void Malformed_compressed_points_are_rejected_with_the_exact_problem()
    {
        var good = G1Affine.Generator.ToCompressed();

        Assert.Equal("a serialized G1 point is 48 bytes, got 47", Error(good[..47]));
        Assert.Equal("a serialized G1 point is 48 bytes, got 49", Error([.. good, 0]));

        var noFlag = (byte[])good.Clone(); noFlag[0] &= 0x7f;
        Assert.Equal("compression flag (0x80) is not set", Error(noFlag));
        var zeros = new byte[48];
        Assert.Equal("compression flag (0x80) is not set", Error(zeros));

        var infSign = new byte[48]; infSign[0] = 0xe0;
        Assert.Equal("infinity flag (0x40) is set together with the sign flag (0x20)", Error(infSign));
        var infBits = new byte[48]; infBits[0] = 0xc0; infBits[47] = 1;
        Assert.Equal("infinity flag (0x40) is set but the other bits are not all zero", Error(infBits));
        var infHigh = new byte[48]; infHigh[0] = 0xc1;
        Assert.Equal("infinity flag (0x40) is set but the other bits are not all zero", Error(infHigh));
        var infOnGenerator = (byte[])good.Clone(); infOnGenerator[0] |= 0x40;
        Assert.Contains("infinity flag", Error(infOnGenerator));

        var xIsP = ToBytes48(P); xIsP[0] |= 0x80;
        Assert.Equal("coordinate is not a canonical field element (≥ p)", Error(xIsP));
        var xMax = Enumerable.Repeat((byte)0xff, 48).ToArray(); xMax[0] = 0x9f;
        Assert.Equal("coordinate is not a canonical field element (≥ p)", Error(xMax));

        // x with x³ + 4 not a square: no point.
        var offX = FirstX(onCurve: false);
        var off = ToBytes48(offX); off[0] |= 0x80;
        Assert.Equal("not a point on the G1 curve", Error(off));

        // x on the curve but outside the subgroup (almost every curve point is: the cofactor is ~2^126).
        var badX = FirstX(onCurve: true);
        var bad = ToBytes48(badX); bad[0] |= 0x80;
        Assert.Equal("not in the G1 subgroup", Error(bad));
        Assert.Equal(PointDecodeError.None, G1Affine.Decompress(bad, out var unchecked_, checkSubgroup: false));
        Assert.True(unchecked_.IsOnCurve);
        Assert.False(unchecked_.IsInSubgroup);
    }

    private static BigInteger FirstX(bool onCurve)
    {
        for (BigInteger x = 1; ; x++)
        {
            var rhs = (x * x * x + 4) % P;
            bool square = BigInteger.ModPow(rhs, (P - 1) / 2, P).IsOne;
            if (square == onCurve) return x;
        }
    }

    [Fact]
    public void Cofactor_clearing_moves_curve_points_into_the_subgroup()
    {
        // The endomorphism subgroup test against the definition: [h]P is in G1 and [r]([h]P) = ∞,
        // while P itself (off the subgroup) has [r]P ≠ ∞.
        for (BigInteger x = 1, found = 0; found < 5; x++)
        {
            var rhs = (x * x * x + 4) % P;
            if (!BigInteger.ModPow(rhs, (P - 1) / 2, P).IsOne) continue;
            found++;
            var enc = ToBytes48(x); enc[0] |= 0x80;
            Assert.Equal(PointDecodeError.None, G1Affine.Decompress(enc, out var pt, checkSubgroup: false));
            Assert.False(pt.IsInSubgroup);
            Assert.False(Mul(pt.ToJacobian(), R).IsInfinity);
            var cleared = Mul(pt.ToJacobian(), Cofactor).ToAffine();
            Assert.True(cleared.IsInSubgroup);
            Assert.True(Mul(cleared.ToJacobian(), R).IsInfinity);
        }
    }

    [Fact]
    public void Sign_flag_selects_y_and_round_trips()
    {
        foreach (var p in RandomPoints(4, 10))
        {
            var a = p.ToAffine();
            var c = a.ToCompressed();
            var n = (-a).ToCompressed();
            Assert.Equal(c[0] & 0x20, (n[0] & 0x20) ^ 0x20);
            Assert.Equal(a, G1Affine.FromCompressed(c));
            Assert.Equal(-a, G1Affine.FromCompressed(n));
            Assert.Equal(a.Y.IsLexicographicallyLargest, (c[0] & 0x20) != 0);
        }
    }

    [Fact]
    public void Uncompressed_round_trip_and_errors()
    {
        foreach (var p in RandomPoints(5, 5))
        {
            var a = p.ToAffine();
            var u = a.ToUncompressed();
            Assert.True(G1Affine.TryDecodeUncompressed(u, out var b, out _));
            Assert.Equal(a, b);
        }
        var g = G1Affine.Generator.ToUncompressed();
        var withFlag = (byte[])g.Clone(); withFlag[0] |= 0x80;
        Assert.False(G1Affine.TryDecodeUncompressed(withFlag, out _, out var e1));
        Assert.Equal("compression flag (0x80) is set in an uncompressed encoding", e1);
        var withSign = (byte[])g.Clone(); withSign[0] |= 0x20;
        Assert.False(G1Affine.TryDecodeUncompressed(withSign, out _, out var e2));
        Assert.Equal("sign flag (0x20) is set in an uncompressed encoding", e2);
        var offCurve = (byte[])g.Clone(); offCurve[95] ^= 1;
        Assert.False(G1Affine.TryDecodeUncompressed(offCurve, out _, out var e3));
        Assert.Equal("not a point on the G1 curve", e3);
        Assert.False(G1Affine.TryDecodeUncompressed(g[..95], out _, out var e4));
        Assert.Equal("a serialized G1 point is 96 bytes, got 95", e4);
    }
}
