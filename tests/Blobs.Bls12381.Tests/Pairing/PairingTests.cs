using System.Numerics;
using static Blobs.Bls12381.Tests.Pairing.TowerOracle;

namespace Blobs.Bls12381.Tests.Pairing;

/// <summary>The optimal ate pairing: known answers, bilinearity, non-degeneracy, multi-Miller loops, KZG setup.</summary>
public class PairingTests
{
    private static readonly BigInteger X = -(BigInteger)Fp12.BlsXAbs;

    private static Fr RandomFr(Random rng)
    {
        var buf = new byte[32];
        rng.NextBytes(buf);
        return Fr.FromBytesBigEndianReduce(buf);
    }

    private static BigInteger ToBig(in Fr k) => new(k.ToBytesBigEndian(), isUnsigned: true, isBigEndian: true);

    private static G1Affine G1Mul(in Fr k) => (G1Affine.Generator * k).ToAffine();

    private static G2Affine G2Mul(in Fr k) => (G2Affine.Generator * k).ToAffine();

    /// <summary>
    /// e(G1, G2) as published by zkcrypto/bls12_381 (src/pairings.rs, <c>Gt::generator()</c>, whose
    /// comment reads "pairing(&amp;G1Affine::generator(), &amp;G2Affine::generator())"): Fp
    /// limbs in Montgomery form (R = 2^384), little-endian, c0.c0.c0 first.
    /// </summary>
    private static readonly ulong[][] ZkcryptoGtGenerator =
    [
        [0x1972e433a01f85c5, 0x97d32b76fd772538, 0xc8ce546fc96bcdf9, 0xcef63e7366d40614, 0xa611342781843780, 0x13f3448a3fc6d825],
        [0xd26331b02e9d6995, 0x9d68a482f7797e7d, 0x9c9b29248d39ea92, 0xf4801ca2e13107aa, 0xa16c0732bdbcb066, 0x083ca4afba360478],
        [0x59e261db0916b641, 0x2716b6f4b23e960d, 0xc8e55b10a0bd9c45, 0x0bdb0bd99c4deda8, 0x8cf89ebf57fdaac5, 0x12d6b7929e777a5e],
        [0x5fc85188b0e15f35, 0x34a06e3a8f096365, 0xdb3126a6e02ad62c, 0xfc6f5aa97d9a990b, 0xa12f55f5eb89c210, 0x1723703a926f8889],
        [0x93588f2971828778, 0x43f65b8611ab7585, 0x3183aaf5ec279fdf, 0xfa73d7e18ac99df6, 0x64e176a6a64c99b0, 0x179fa78c58388f1f],
        [0x672a0a11ca2aef12, 0x0d11b9b52aa3f16b, 0xa44412d0699d056e, 0xc01d0177221a5ba5, 0x66e0cede6c735529, 0x05f5a71e9fddc339],
        [0xd30a88a1b062c679, 0x5ac56a5d35fc8304, 0xd0c834a6a81f290d, 0xcd5430c2da3707c7, 0xf0c27ff780500af0, 0x09245da6e2d72eae],
        [0x9f2e0676791b5156, 0xe2d1c8234918fe13, 0x4c9e459f3c561bf4, 0xa3e85e53b9d3e3c1, 0x820a121e21a70020, 0x15af618341c59acc],
        [0x7c95658c24993ab1, 0x73eb38721ca886b9, 0x5256d749477434bc, 0x8ba41902ea504a8b, 0x04a3d3f80c86ce6d, 0x18a64a87fb686eaa],
        [0xbb83e71bb920cf26, 0x2a5277ac92a73945, 0xfc0ee59f94f046a0, 0x7158cdf3786058f7, 0x7cc1061b82f945f6, 0x03f847aa9fdbe567],
        [0x8078dba56134e657, 0x1cd7ec9a43998a6e, 0xb1aa599a1a993766, 0xc9a0f62f0842ee44, 0x8e159be3b605dffa, 0x0c86ba0d4af13fc2],
        [0xe80ff2a06a52ffb1, 0x7694ca48721a906c, 0x7583183e03b08514, 0xf567afdd40cee4e2, 0x9a6d96d2e526a5fc, 0x197e9f49861f2242],
    ];

    /// <summary>
    /// e(G1, G2) as blst computes it (blst_miller_loop then blst_final_exp, blst from the
    /// c-kzg@4.1.0 npm tarball), printed as canonical big-endian hex, c0.c0.c0 first, by
    /// benchmarks/native-harness/pairing_bench.c.
    /// </summary>
    private static readonly string[] BlstGtGenerator =
    [
        "1250ebd871fc0a92a7b2d83168d0d727272d441befa15c503dd8e90ce98db3e7b6d194f60839c508a84305aaca1789b6",
        "089a1c5b46e5110b86750ec6a532348868a84045483c92b7af5af689452eafabf1a8943e50439f1d59882a98eaa0170f",
        "1368bb445c7c2d209703f239689ce34c0378a68e72a6b3b216da0e22a5031b54ddff57309396b38c881c4c849ec23e87",
        "193502b86edb8857c273fa075a50512937e0794e1e65a7617c90d8bd66065b1fffe51d7a579973b1315021ec3c19934f",
        "01b2f522473d171391125ba84dc4007cfbf2f8da752f7c74185203fcca589ac719c34dffbbaad8431dad1c1fb597aaa5",
        "018107154f25a764bd3c79937a45b84546da634b8f6be14a8061e55cceba478b23f7dacaa35c8ca78beae9624045b4b6",
        "19f26337d205fb469cd6bd15c3d5a04dc88784fbb3d0b2dbdea54d43b2b73f2cbb12d58386a8703e0f948226e47ee89d",
        "06fba23eb7c5af0d9f80940ca771b6ffd5857baaf222eb95a7d2809d61bfe02e1bfd1b68ff02f0b8102ae1c2d5d5ab1a",
        "11b8b424cd48bf38fcef68083b0b0ec5c81a93b330ee1a677d0d15ff7b984e8978ef48881e32fac91b93b47333e2ba57",
        "03350f55a7aefcd3c31b4fcb6ce5771cc6a0e9786ab5973320c806ad360829107ba810c5a09ffdd9be2291a0c25a99a2",
        "04c581234d086a9902249b64728ffd21a189e87935a954051c7cdba7b3872629a4fafc05066245cb9108f0242d0fe3ef",
        "0f41e58663bf08cf068672cbd01a7ec73baca4d72ca93544deff686bfd6df543d48eaa24afe47e1efde449383b676631",
    ];

    /// <summary>Fp12 from 12 base-field elements in the order c0.c0.c0, c0.c0.c1, c0.c1.c0, …, c1.c2.c1.</summary>
    private static Fp12 FromFps(Fp[] f) => new(
        new Fp6(new Fp2(f[0], f[1]), new Fp2(f[2], f[3]), new Fp2(f[4], f[5])),
        new Fp6(new Fp2(f[6], f[7]), new Fp2(f[8], f[9]), new Fp2(f[10], f[11])));

    [Fact]
    public void Generator_pairing_equals_the_published_values_of_zkcrypto_and_blst()
    {
        var zk = FromFps(ZkcryptoGtGenerator.Select(l => { Assert.True(Fp.TryFromMontgomeryLimbs(l, out var f)); return f; }).ToArray());
        var blst = FromFps(BlstGtGenerator.Select(h => Fp.FromBytes(Convert.FromHexString(h))).ToArray());
        Assert.Equal(zk, blst);
        var e = Bls12381.Pairing.Compute(G1Affine.Generator, G2Affine.Generator);
        Assert.Equal(zk, e.Value);
        Assert.Equal(zk, Bls12381.Pairing.Compute(G1Affine.Generator, G2Prepared.Generator).Value);
    }

    [Fact]
    public void Hard_part_decomposition_holds_for_the_BLS12_381_parameter()
    {
        BigInteger p = Oracle.P, r = Oracle.R;
        // p and r are the BLS12 polynomials at x.
        Assert.Equal(r, BigInteger.Pow(X, 4) - X * X + 1);
        Assert.Equal(p, (X - 1) * (X - 1) * r / 3 + X);
        BigInteger hard = BigInteger.Pow(p, 4) - p * p + 1;
        Assert.True((hard % r).IsZero);
        Assert.Equal(3 * (hard / r), (X - 1) * (X - 1) * (X + p) * (X * X + p * p - 1) + 3);
    }

    [Fact]
    public void Final_exponentiation_is_the_power_by_three_times_p12_minus_1_over_r()
    {
        var rng = new Random(21);
        BigInteger e = 3 * ((BigInteger.Pow(Oracle.P, 12) - 1) / Oracle.R);
        for (int i = 0; i < 2; i++)
        {
            Fp12 f = RandomFp12(rng);
            Assert.Equal(Pow12(f, e), Bls12381.Pairing.FinalExponentiation(f).Value);
        }
        // Also for an actual Miller loop value.
        Fp12 m = Bls12381.Pairing.MultiMillerLoop([(G1Affine.Generator, G2Prepared.Generator)]);
        Assert.Equal(Pow12(m, e), Bls12381.Pairing.FinalExponentiation(m).Value);
    }

    [Fact]
    public void Pairing_is_bilinear()
    {
        var rng = new Random(22);
        var g = Bls12381.Pairing.Compute(G1Affine.Generator, G2Affine.Generator);
        for (int i = 0; i < 3; i++)
        {
            Fr a = RandomFr(rng), b = RandomFr(rng);
            var eab = Bls12381.Pairing.Compute(G1Mul(a), G2Mul(b));
            Assert.Equal(Gt.Pow(g, a * b), eab);
            Assert.Equal(Bls12381.Pairing.Compute(G1Mul(a * b), G2Affine.Generator), eab);
            Assert.Equal(Bls12381.Pairing.Compute(G1Affine.Generator, G2Mul(a * b)), eab);
            // Additive in each argument: e(P1 + P2, Q) = e(P1, Q)·e(P2, Q).
            var q = G2Mul(b);
            var sum = (G1Affine.Generator * a + G1Affine.Generator * b).ToAffine();
            Assert.Equal(Bls12381.Pairing.Compute(G1Mul(a), q) * Bls12381.Pairing.Compute(G1Mul(b), q),
                         Bls12381.Pairing.Compute(sum, q));
        }
    }

    [Fact]
    public void Pairing_is_non_degenerate_and_lands_in_the_order_r_subgroup()
    {
        var g = Bls12381.Pairing.Compute(G1Affine.Generator, G2Affine.Generator);
        Assert.False(g.IsIdentity);
        Assert.True(Pow12(g.Value, Oracle.R).IsOne);
        var rng = new Random(23);
        var e = Bls12381.Pairing.Compute(G1Mul(RandomFr(rng)), G2Mul(RandomFr(rng)));
        Assert.False(e.IsIdentity);
        Assert.True(Pow12(e.Value, Oracle.R).IsOne);
    }

    [Fact]
    public void Negated_point_pairs_to_the_inverse()
    {
        var rng = new Random(24);
        var p = G1Mul(RandomFr(rng));
        var q = G2Mul(RandomFr(rng));
        var e = Bls12381.Pairing.Compute(p, q);
        Assert.True((e * Bls12381.Pairing.Compute(-p, q)).IsIdentity);
        Assert.Equal(Gt.Inverse(e), Bls12381.Pairing.Compute(-p, q));
        Assert.Equal(Gt.Inverse(e), Bls12381.Pairing.Compute(p, -q));
        var qp = new G2Prepared(q);
        Assert.True(Bls12381.Pairing.PairingProductIsOne([(p, qp), (-p, qp)]));
        Assert.False(Bls12381.Pairing.PairingProductIsOne([(p, qp), (p, qp)]));
    }

    [Fact]
    public void Multi_Miller_loop_equals_the_product_of_single_pairings()
    {
        var rng = new Random(25);
        var g1s = new[] { G1Affine.Generator, G1Mul(RandomFr(rng)), G1Affine.Infinity, G1Mul(RandomFr(rng)), G1Mul(RandomFr(rng)) };
        var g2s = new[] { G2Affine.Generator, G2Mul(RandomFr(rng)), G2Mul(RandomFr(rng)), G2Affine.Infinity, G2Mul(RandomFr(rng)) };
        var pairs = g1s.Zip(g2s, (p, q) => (p, new G2Prepared(q))).ToArray();
        for (int n = 0; n <= pairs.Length; n++)
        {
            Gt expected = Gt.Identity;
            for (int i = 0; i < n; i++) expected *= Bls12381.Pairing.Compute(g1s[i], g2s[i]);
            Assert.Equal(expected, Bls12381.Pairing.FinalExponentiation(Bls12381.Pairing.MultiMillerLoop(pairs.AsSpan(0, n))));
        }
    }

    [Fact]
    public void Many_pairs_beyond_the_stack_buffers_multiply_correctly()
    {
        // 40 pairs (P_i = [a_i]G1, Q), with the a_i summing to zero: the product is 1; then break one.
        var rng = new Random(28);
        var q = new G2Prepared(G2Mul(RandomFr(rng)));
        var pairs = new (G1Affine, G2Prepared)[40];
        Fr sum = Fr.Zero;
        for (int i = 0; i < 39; i++)
        {
            var a = RandomFr(rng);
            sum += a;
            pairs[i] = (G1Mul(a), q);
        }
        pairs[39] = (G1Mul(-sum), q);
        Assert.True(Bls12381.Pairing.PairingProductIsOne(pairs));
        pairs[7] = (G1Affine.Generator, q);
        Assert.False(Bls12381.Pairing.PairingProductIsOne(pairs));
    }

    [Fact]
    public void Pairs_with_the_point_at_infinity_contribute_one()
    {
        var rng = new Random(26);
        var p = G1Mul(RandomFr(rng));
        var q = G2Mul(RandomFr(rng));
        Assert.True(Bls12381.Pairing.Compute(G1Affine.Infinity, q).IsIdentity);
        Assert.True(Bls12381.Pairing.Compute(p, G2Affine.Infinity).IsIdentity);
        var inf = new G2Prepared(G2Affine.Infinity);
        Assert.True(inf.IsInfinity);
        Assert.True(Bls12381.Pairing.Compute(p, inf).IsIdentity);
        Assert.True(Bls12381.Pairing.MultiMillerLoop([(G1Affine.Infinity, new G2Prepared(q)), (p, inf)]).IsOne);
        Assert.True(Bls12381.Pairing.PairingProductIsOne([]));
        Assert.True(Bls12381.Pairing.PairingProductIsOne([(G1Affine.Infinity, G2Prepared.Generator)]));
        Assert.False(Bls12381.Pairing.PairingProductIsOne([(G1Affine.Infinity, G2Prepared.Generator), (p, G2Prepared.Generator)]));
    }

    [Fact]
    public void Mainnet_trusted_setup_is_consistent_under_the_pairing()
    {
        // e([τ]₁, [1]₂) = e([1]₁, [τ]₂) and e([τ²]₁, [1]₂) = e([τ]₁, [τ]₂) with the monomial setup points.
        G1Affine g1(int i) => G1Affine.FromCompressed(SetupPoints.G1Monomial[i]);
        G2Affine g2(int i) { Assert.True(G2Affine.TryDecompress(SetupPoints.G2Monomial[i], out var q)); return q; }
        Assert.Equal(G1Affine.Generator, g1(0));
        Assert.Equal(G2Affine.Generator, g2(0));
        Assert.Equal(Bls12381.Pairing.Compute(g1(1), g2(0)), Bls12381.Pairing.Compute(g1(0), g2(1)));
        var tau2 = new G2Prepared(g2(1));
        Assert.True(Bls12381.Pairing.PairingProductIsOne([(g1(1), G2Prepared.Generator), (-g1(0), tau2)]));
        Assert.True(Bls12381.Pairing.PairingProductIsOne([(g1(2), G2Prepared.Generator), (-g1(1), tau2)]));
        Assert.False(Bls12381.Pairing.PairingProductIsOne([(g1(2), G2Prepared.Generator), (-g1(0), tau2)]));
    }

    [Fact]
    public void Points_off_the_curve_are_rejected_with_a_clear_error()
    {
        var offCurve1 = new G1Affine(Fp.FromUInt64(5), Fp.Zero);
        var e1 = Assert.Throws<ArgumentException>(() => Bls12381.Pairing.PairingProductIsOne([(G1Affine.Generator, G2Prepared.Generator), (offCurve1, G2Prepared.Generator)]));
        Assert.Contains("pairs[1].P is not on the G1 curve", e1.Message);
        var e2 = Assert.Throws<ArgumentException>(() => new G2Prepared(new G2Affine(Fp2.One, Fp2.One)));
        Assert.Contains("not on the curve", e2.Message);
        // A zero Miller loop value (impossible for valid points) does not pass as 1.
        Assert.False(Bls12381.Pairing.FinalExponentiation(Fp12.Zero).IsIdentity);
    }

    [Fact]
    public void Prepared_lines_give_the_same_pairing_as_a_fresh_point()
    {
        var rng = new Random(27);
        var q = G2Mul(RandomFr(rng));
        var prepared = new G2Prepared(q);
        Assert.Equal(q, prepared.Point);
        for (int i = 0; i < 2; i++)
        {
            var p = G1Mul(RandomFr(rng));
            Assert.Equal(Bls12381.Pairing.Compute(p, q), Bls12381.Pairing.Compute(p, prepared));
        }
    }
}
