using System.Numerics;
using System.Runtime.Intrinsics;
using static Blobs.Bls12381.Tests.Pairing.TowerOracle;

namespace Blobs.Bls12381.Tests.Pairing;

/// <summary>The AVX-512 lane arithmetic against the scalar field (skipped on CPUs without AVX-512).</summary>
public class FpVectorTests
{
    private static void RequireAvx512() => Skip.IfNot(FpVector.IsSupported, "the CPU has no AVX-512");

    private static Fp[] RandomLanes(Random rng)
    {
        var v = new Fp[8];
        for (int i = 0; i < 8; i++) v[i] = RandomFp(rng);
        return v;
    }

    /// <summary>The integer held by one lane (limbs may be unnormalized; signed limbs are read as signed).</summary>
    private static BigInteger LaneValue(in FpV v, int lane)
    {
        BigInteger x = 0;
        for (int i = FpVector.Limbs - 1; i >= 0; i--) x = (x << 28) + (long)v[i].GetElement(lane);
        return x;
    }

    [SkippableFact]
    public void Load_then_store_is_the_identity()
    {
        RequireAvx512();
        var rng = new Random(31);
        var values = RandomLanes(rng);
        values[0] = Fp.Zero; values[1] = Fp.One; values[2] = -Fp.One;
        FpV v = default;
        FpVector.Load(values, ref v);
        var back = new Fp[8];
        FpVector.Store(v, back);
        Assert.Equal(values, back);
    }

    [SkippableFact]
    public void Lane_products_equal_scalar_products()
    {
        RequireAvx512();
        var rng = new Random(32);
        for (int round = 0; round < 20; round++)
        {
            var x = RandomLanes(rng);
            var y = RandomLanes(rng);
            if (round == 0) { x[0] = -Fp.One; y[0] = -Fp.One; x[1] = Fp.Zero; }
            FpV a = default, b = default, r = default;
            FpVector.Load(x, ref a);
            FpVector.Load(y, ref b);
            FpVector.MontMul(ref r, a, b);
            var got = new Fp[8];
            FpVector.Store(r, got);
            for (int i = 0; i < 8; i++) Assert.Equal(Fp.Mul(x[i], y[i]), got[i]);
            // In place, aliasing the first operand.
            FpVector.MontMul(ref a, a, b);
            FpVector.Store(a, got);
            for (int i = 0; i < 8; i++) Assert.Equal(Fp.Mul(x[i], y[i]), got[i]);
        }
    }

    [SkippableFact]
    public void Products_of_unreduced_operands_stay_correct_and_small()
    {
        RequireAvx512();
        var rng = new Random(33);
        BigInteger p = Oracle.P;
        for (int round = 0; round < 10; round++)
        {
            var x = RandomLanes(rng);
            var y = RandomLanes(rng);
            FpV a = default, b = default, s = default, r = default;
            FpVector.Load(x, ref a);
            FpVector.Load(y, ref b);
            // s = a + b (limbs below 2^29), r = s·s.
            for (int i = 0; i < FpVector.Limbs; i++) s[i] = a[i] + b[i];
            FpVector.MontMul(ref r, s, s);
            var got = new Fp[8];
            FpVector.Store(r, got);
            for (int i = 0; i < 8; i++)
            {
                Assert.Equal(Fp.Square(x[i] + y[i]), got[i]);
                Assert.True(LaneValue(r, i) < 2 * p);
            }
        }
    }

    [SkippableFact]
    public void Weak_reduction_keeps_the_residue_and_lands_below_2_2p()
    {
        RequireAvx512();
        var rng = new Random(34);
        BigInteger p = Oracle.P;
        var x = RandomLanes(rng);
        FpV a = default;
        FpVector.Load(x, ref a);
        for (int k = 0; k <= 60; k += 4)
        {
            // v = a + k·p, written with some negative limbs: subtract 2^28 from limb 3 and add 1 to limb 4.
            FpV v = a;
            var kp = new BigInteger(k) * p;
            for (int i = 0; i < FpVector.Limbs; i++)
                v[i] += Vector512.Create((ulong)((kp >> (28 * i)) & ((BigInteger.One << 28) - 1)));
            v[3] -= Vector512.Create(1UL << 28);
            v[4] += Vector512.Create(1UL);
            var before = Enumerable.Range(0, 8).Select(l => LaneValue(v, l)).ToArray();
            FpVector.Normalize(ref v);
            FpVector.ReduceWeak(ref v);
            for (int l = 0; l < 8; l++)
            {
                BigInteger after = LaneValue(v, l);
                Assert.Equal(before[l] % p, after % p);
                Assert.InRange(after, BigInteger.Zero, 22 * p / 10);
                for (int i = 0; i < FpVector.Limbs - 1; i++) Assert.InRange(v[i].GetElement(l), 0UL, (1UL << 28) - 1);
            }
            var got = new Fp[8];
            FpVector.Store(v, got);
            Assert.Equal(x, got);
        }
    }

    [SkippableFact]
    public void Compressed_squaring_on_lanes_equals_the_scalar_one()
    {
        RequireAvx512();
        var rng = new Random(35);
        Fp12 c = Cyclotomic(RandomFp12(rng));
        Fp2 g2 = c.C1.C0, g3 = c.C0.C2, g4 = c.C0.C1, g5 = c.C1.C2;
        FpV s = default;
        FpVector.Load([g2.C0, g2.C1, g3.C0, g3.C1, g4.C0, g4.C1, g5.C0, g5.C1], ref s);
        var lanes = new Fp[8];
        for (int k = 1; k <= 70; k++)
        {
            Fp12.CompressedSquare(ref g2, ref g3, ref g4, ref g5);
            CyclotomicVector.CompressedSquare(ref s);
            for (int l = 0; l < 8; l++) Assert.True(LaneValue(s, l) < 22 * Oracle.P / 10);
            FpVector.Store(s, lanes);
            Assert.Equal([g2.C0, g2.C1, g3.C0, g3.C1, g4.C0, g4.C1, g5.C0, g5.C1], lanes);
        }
    }

    [SkippableFact]
    public void Exponentiation_by_x_is_the_same_on_lanes_and_scalar()
    {
        RequireAvx512();
        var rng = new Random(36);
        for (int i = 0; i < 3; i++)
        {
            Fp12 c = Cyclotomic(RandomFp12(rng));
            Assert.Equal(Fp12.CyclotomicExpByX(c, vector: false), Fp12.CyclotomicExpByX(c, vector: true));
        }
    }
}

/// <summary>Fp12 products on AVX-512 lanes against the scalar tower (skipped on CPUs without AVX-512).</summary>
public class Fp12VectorTests
{
    private static void RequireAvx512() => Skip.IfNot(FpVector.IsSupported, "the CPU has no AVX-512");

    private static Fp12 Store(in Fp12V v)
    {
        Fp12Vector.Store(v, out var r);
        return r;
    }

    private static void AssertBounded(in Fp12V v)
    {
        for (int k = 0; k < 4; k++)
            for (int lane = 0; lane < 3; lane++)
            {
                BigInteger x = 0;
                for (int i = FpVector.Limbs - 1; i >= 0; i--) x = (x << 28) + v[k][i].GetElement(lane);
                Assert.True(x < 22 * Oracle.P / 10, "lane value above 2.2p");
                for (int i = 0; i < FpVector.Limbs - 1; i++) Assert.True(v[k][i].GetElement(lane) < (1UL << 28));
            }
    }

    [SkippableFact]
    public void Load_store_products_and_squares_match_the_scalar_tower()
    {
        Skip.IfNot(FpVector.IsSupported, "the CPU has no AVX-512");
        var rng = new Random(41);
        for (int round = 0; round < 6; round++)
        {
            Fp12 a = RandomFp12(rng), b = RandomFp12(rng);
            if (round == 0) { a = Fp12.One; }
            if (round == 1) { b = -Fp12.One; }
            Fp12V va = default, vb = default, vr = default;
            Fp12Vector.Load(a, ref va);
            Fp12Vector.Load(b, ref vb);
            Assert.Equal(a, Store(va));
            Fp12Vector.Mul(ref vr, va, vb);
            AssertBounded(vr);
            Assert.Equal(a * b, Store(vr));
            Fp12Vector.Square(ref vr, va);
            AssertBounded(vr);
            Assert.Equal(Fp12.Square(a), Store(vr));
        }
        Fp12V one = default;
        Fp12Vector.One(ref one);
        Assert.Equal(Fp12.One, Store(one));
    }

    [SkippableFact]
    public void Long_chains_stay_exact()
    {
        RequireAvx512();
        var rng = new Random(42);
        Fp12 a = RandomFp12(rng), b = RandomFp12(rng);
        Fp12V va = default, vb = default;
        Fp12Vector.Load(a, ref va);
        Fp12Vector.Load(b, ref vb);
        for (int k = 0; k < 40; k++)
        {
            a = Fp12.Square(a); Fp12Vector.Square(ref va, va);
            a = a * b; Fp12Vector.Mul(ref va, va, vb);
            AssertBounded(va);
        }
        Assert.Equal(a, Store(va));
    }

    [SkippableFact]
    public void Line_products_match_the_scalar_tower()
    {
        RequireAvx512();
        var rng = new Random(43);
        Fp12 f = RandomFp12(rng);
        Fp12V vf = default;
        Fp12Vector.Load(f, ref vf);
        for (int k = 0; k < 20; k++)
        {
            // Two lines side by side in one coefficient vector (lanes 0..3 and 4..7).
            Fp2 l0 = RandomFp2(rng), l1 = RandomFp2(rng), m0 = RandomFp2(rng), m1 = RandomFp2(rng);
            FpV coefficients = default;
            FpVector.Load([l0.C0, l0.C1, l1.C0, l1.C1, m0.C0, m0.C1, m1.C0, m1.C1], ref coefficients);
            Span<FpV> eval = new FpV[3];
            Fp12Vector.EvaluateLine(coefficients, 0, eval);
            Fp12Vector.MulByLine(ref vf, eval);
            f = Fp12.MulByNormalizedLine(f, l0, l1);
            Fp12Vector.EvaluateLine(coefficients, 4, eval);
            Fp12Vector.MulByLine(ref vf, eval);
            f = Fp12.MulByNormalizedLine(f, m0, m1);
            AssertBounded(vf);
            Assert.Equal(f, Store(vf));
        }
    }
}

/// <summary>The Miller loop on AVX-512 lanes against the scalar one (skipped on CPUs without AVX-512).</summary>
public class MillerLoopVectorTests
{
    [SkippableFact]
    public void Vector_and_scalar_Miller_loops_give_the_same_value()
    {
        Skip.IfNot(FpVector.IsSupported, "the CPU has no AVX-512");
        var rng = new Random(51);
        var buf = new byte[32];
        G1Affine G1() { rng.NextBytes(buf); return (G1Affine.Generator * Fr.FromBytesBigEndianReduce(buf)).ToAffine(); }
        G2Affine G2() { rng.NextBytes(buf); return (G2Affine.Generator * Fr.FromBytesBigEndianReduce(buf)).ToAffine(); }
        var pairs = new (G1Affine, G2Prepared)[]
        {
            (G1(), new G2Prepared(G2())), (G1Affine.Generator, G2Prepared.Generator), (G1Affine.Infinity, new G2Prepared(G2())),
            (G1(), new G2Prepared(G2Affine.Infinity)), (G1(), new G2Prepared(G2())), (G1(), G2Prepared.Generator),
        };
        for (int n = 0; n <= pairs.Length; n++)
        {
            var span = pairs.AsSpan(0, n);
            Assert.Equal(Bls12381.Pairing.MultiMillerLoop(span, vector: false), Bls12381.Pairing.MultiMillerLoop(span, vector: true));
        }
    }
}
