using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Curves;

/// <summary>G2: group laws, known multiples, ψ subgroup test, ZCash serialization and its error cases.</summary>
public class G2Tests
{
    private static readonly G2Jacobian G = G2Jacobian.Generator;

    private static ulong[] Limbs(BigInteger k)
    {
        var limbs = new List<ulong>();
        while (k > 0) { limbs.Add((ulong)(k & ulong.MaxValue)); k >>= 64; }
        return limbs.ToArray();
    }

    private static G2Jacobian Mul(in G2Jacobian p, BigInteger k) => G2Jacobian.Multiply(p, Limbs(k));

    private static G2Jacobian[] RandomPoints(int seed, int n)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => G2Jacobian.Multiply(G, (ulong)rng.NextInt64())).ToArray();
    }

    [Fact]
    public void Generator_is_on_the_curve_in_the_subgroup_and_is_the_first_setup_point()
    {
        Assert.True(G2Affine.Generator.IsOnCurve);
        Assert.True(G2Affine.Generator.IsInSubgroup);
        Assert.Equal(SetupPoints.G2Monomial[0], G2Affine.Generator.ToCompressed());
    }

    [Fact]
    public void Known_multiples_of_the_generator()
    {
        // [2]G2 from an independent big-integer affine implementation over Fp2.
        var two = G2Jacobian.Double(G).ToAffine();
        Assert.Equal(Hex("1638533957d540a9d2370f17cc7ed5863bc0b995b8825e0ee1ea1e1e4d00dbae81f14b0bf3611b78c952aacab827a053"), ToBig(two.X.C0));
        Assert.Equal(Hex("0a4edef9c1ed7f729f520e47730a124fd70662a904ba1074728114d1031e1572c6c886f6b57ec72a6178288c47c33577"), ToBig(two.X.C1));
        Assert.Equal(Hex("0468fb440d82b0630aeb8dca2b5256789a66da69bf91009cbfe6bd221e47aa8ae88dece9764bf3bd999d95d71e4c9899"), ToBig(two.Y.C0));
        Assert.Equal(Hex("0f6d4552fa65dd2638b361543f887136a43253d9c66c411697003f7a13c308f5422e1aa0a59c8967acdefd8b6e36ccf3"), ToBig(two.Y.C1));
        // Published compressed multiples (min-sig public-key test vectors: secret key k, public key [k]G2).
        Assert.Equal("aa4edef9c1ed7f729f520e47730a124fd70662a904ba1074728114d1031e1572c6c886f6b57ec72a6178288c47c33577"
            + "1638533957d540a9d2370f17cc7ed5863bc0b995b8825e0ee1ea1e1e4d00dbae81f14b0bf3611b78c952aacab827a053",
            Convert.ToHexStringLower(two.ToCompressed()));
        Assert.Equal("8d0273f6bf31ed37c3b8d68083ec3d8e20b5f2cc170fa24b9b5be35b34ed013f9a921f1cad1644d4bdb14674247234c8"
            + "049cd1dbb2d2c3581e54c088135fef36505a6823d61b859437bfc79b617030dc8b40e32bad1fa85b9c0f368af6d38d3c",
            Convert.ToHexStringLower(G2Jacobian.Multiply(G, 7).ToAffine().ToCompressed()));
        Assert.True(Mul(G, R).IsInfinity);
        Assert.Equal(G2Jacobian.Negate(G), Mul(G, R - 1));
        Assert.Equal(G, Mul(G, R + 1));
    }

    [Fact]
    public void Group_laws_hold()
    {
        var ps = RandomPoints(1, 8);
        var inf = G2Jacobian.Infinity;
        for (int i = 0; i + 2 < ps.Length; i++)
        {
            G2Jacobian a = ps[i], b = ps[i + 1], c = ps[i + 2];
            Assert.True(a.IsOnCurve);
            Assert.Equal(a + b, b + a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal(a, a + inf);
            Assert.True((a + (-a)).IsInfinity);
            Assert.Equal(G2Jacobian.Double(a), a + a);
            Assert.Equal(a + b, G2Jacobian.AddMixed(a, b.ToAffine()));
            Assert.Equal(G2Jacobian.Double(a), G2Jacobian.AddMixed(a, a.ToAffine()));
            Assert.True(G2Jacobian.AddMixed(a, (-a).ToAffine()).IsInfinity);
            Assert.True((a + b).IsOnCurve);
        }
    }

    [Fact]
    public void Psi_acts_as_multiplication_by_z_on_G2()
    {
        var z = -Hex("d201000000010000");
        foreach (var p in RandomPoints(2, 3))
        {
            var a = p.ToAffine();
            Assert.Equal(Mul(p, Mod(z, R)).ToAffine(), G2Affine.Psi(a));
        }
    }

    [Fact]
    public void Scalar_multiplication_is_linear_and_batch_to_affine_matches()
    {
        var rng = new Random(3);
        var bytes = new byte[40];
        rng.NextBytes(bytes);
        var a = new BigInteger(bytes, isUnsigned: true) % R;
        rng.NextBytes(bytes);
        var b = new BigInteger(bytes, isUnsigned: true) % R;
        Assert.Equal(Mul(G, (a + b) % R), Mul(G, a) + Mul(G, b));
        Assert.Equal(Mul(G, a), G2Jacobian.Multiply(G, Fr.FromBytesBigEndianReduce(ToBytes48(a))));

        var ps = RandomPoints(4, 6).Append(G2Jacobian.Infinity).ToArray();
        var batch = new G2Affine[ps.Length];
        G2Jacobian.BatchToAffine(ps, batch);
        for (int i = 0; i < ps.Length; i++) Assert.Equal(ps[i].ToAffine(), batch[i]);
    }

    [Fact]
    public void Every_mainnet_setup_point_round_trips()
    {
        foreach (var bytes in SetupPoints.G2Monomial)
        {
            Assert.True(G2Affine.TryDecompress(bytes, out var p, out var error), error);
            Assert.True(p.IsOnCurve);
            Assert.Equal(bytes, p.ToCompressed());
        }
    }

    private static string Error(byte[] bytes)
    {
        Assert.False(G2Affine.TryDecompress(bytes, out _, out var error));
        Assert.False(G2Affine.TryDecompress(bytes, out _));
        Assert.Equal($"invalid G2 point: {error}", Assert.Throws<FormatException>(() => G2Affine.FromCompressed(bytes)).Message);
        return error!;
    }

    [Fact]
    public void Malformed_compressed_points_are_rejected_with_the_exact_problem()
    {
        var good = G2Affine.Generator.ToCompressed();
        Assert.Equal("a serialized G2 point is 96 bytes, got 48", Error(good[..48]));

        var noFlag = (byte[])good.Clone(); noFlag[0] &= 0x7f;
        Assert.Equal("compression flag (0x80) is not set", Error(noFlag));

        var inf = new byte[96]; inf[0] = 0xc0;
        Assert.True(G2Affine.TryDecompress(inf, out var p, out _));
        Assert.True(p.IsInfinity);
        Assert.Equal(inf, G2Affine.Infinity.ToCompressed());
        var infSign = new byte[96]; infSign[0] = 0xe0;
        Assert.Equal("infinity flag (0x40) is set together with the sign flag (0x20)", Error(infSign));
        var infBits = new byte[96]; infBits[0] = 0xc0; infBits[95] = 1;
        Assert.Equal("infinity flag (0x40) is set but the other bits are not all zero", Error(infBits));

        // x.c1 ≥ p, and x.c0 ≥ p.
        var c1IsP = new byte[96]; ToBytes48(P).CopyTo(c1IsP, 0); c1IsP[0] |= 0x80;
        Assert.Equal("coordinate is not a canonical field element (≥ p)", Error(c1IsP));
        var c0IsP = new byte[96]; ToBytes48(P).CopyTo(c0IsP, 48); c0IsP[0] |= 0x80;
        Assert.Equal("coordinate is not a canonical field element (≥ p)", Error(c0IsP));

        // Scan small x = c0 (c1 = 0) for one that is off the curve and one on the curve (then outside the subgroup).
        bool sawOff = false, sawOnOutside = false;
        for (int x = 1; x < 100 && !(sawOff && sawOnOutside); x++)
        {
            var enc = new byte[96];
            ToBytes48(x).CopyTo(enc, 48);
            enc[0] |= 0x80;
            var xe = new Fp2(Fp.FromUInt64((ulong)x), Fp.Zero);
            bool onCurve = Fp2.IsSquare(Fp2.Add(Fp2.Mul(Fp2.Square(xe), xe), new Fp2(Fp.FromUInt64(4), Fp.FromUInt64(4))));
            if (!onCurve) { Assert.Equal("not a point on the G2 curve", Error(enc)); sawOff = true; }
            else
            {
                Assert.Equal("not in the G2 subgroup", Error(enc));
                Assert.Equal(PointDecodeError.None, G2Affine.Decompress(enc, out var q, checkSubgroup: false));
                Assert.True(q.IsOnCurve);
                Assert.False(Mul(q.ToJacobian(), R).IsInfinity); // the definition agrees: not of order r
                sawOnOutside = true;
            }
        }
        Assert.True(sawOff && sawOnOutside);
    }

    [Fact]
    public void Sign_flag_and_uncompressed_round_trip()
    {
        foreach (var p in RandomPoints(5, 4))
        {
            var a = p.ToAffine();
            Assert.Equal(a, G2Affine.FromCompressed(a.ToCompressed()));
            Assert.Equal(-a, G2Affine.FromCompressed((-a).ToCompressed()));
            Assert.NotEqual(a.ToCompressed()[0] & 0x20, (-a).ToCompressed()[0] & 0x20);
            Assert.True(G2Affine.TryDecodeUncompressed(a.ToUncompressed(), out var b, out _));
            Assert.Equal(a, b);
        }
        var g = G2Affine.Generator.ToUncompressed();
        g[191] ^= 1;
        Assert.False(G2Affine.TryDecodeUncompressed(g, out _, out var e));
        Assert.Equal("not a point on the G2 curve", e);
    }
}
