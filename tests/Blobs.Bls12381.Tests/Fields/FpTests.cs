using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Fields;

/// <summary>Fp against a BigInteger oracle on seeded random values and edge cases.</summary>
public class FpTests
{
    [Fact]
    public void Arithmetic_matches_BigInteger()
    {
        var xs = FpValues(1, 300).ToArray();
        var ys = FpValues(2, 300).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            BigInteger x = xs[i], y = ys[(i * 7) % ys.Length];
            Fp a = ToFp(x), b = ToFp(y);
            Assert.Equal(x, ToBig(a));
            Assert.Equal((x + y) % P, ToBig(a + b));
            Assert.Equal(Mod(x - y, P), ToBig(a - b));
            Assert.Equal(Mod(-x, P), ToBig(-a));
            Assert.Equal(x * y % P, ToBig(a * b));
            Assert.Equal(x * x % P, ToBig(a.Square()));
            Assert.Equal(x * x % P, ToBig(Bls12381.Fp.Square(a)));
            Assert.Equal(2 * x % P, ToBig(a.Double()));
            Assert.Equal(x * 12345 % P, ToBig(Bls12381.Fp.MulSmall(a, 12345)));
            var inv = x.IsZero ? BigInteger.Zero : BigInteger.ModPow(x, P - 2, P);
            Assert.Equal(inv, ToBig(a.Inverse()));
            Assert.Equal(inv, ToBig(Bls12381.Fp.InverseFermat(a)));
        }
    }

    [Fact]
    public void Mul_and_square_accept_unreduced_sums_below_2p()
    {
        var xs = FpValues(11, 100).ToArray();
        var ys = FpValues(12, 100).ToArray();
        for (int i = 0; i + 1 < xs.Length; i++)
        {
            BigInteger x = xs[i], y = ys[i], z = xs[i + 1], w = ys[i + 1];
            var s = Bls12381.Fp.AddUnreduced(ToFp(x), ToFp(y));
            var t = Bls12381.Fp.AddUnreduced(ToFp(z), ToFp(w));
            Assert.Equal((x + y) * (z + w) % P, ToBig(Bls12381.Fp.Mul(s, t)));
            Assert.Equal((x + y) * (x + y) % P, ToBig(Bls12381.Fp.Square(s)));
        }
        // The extreme operand 2p − 2 on both sides.
        var m = Bls12381.Fp.AddUnreduced(ToFp(P - 1), ToFp(P - 1));
        Assert.Equal(4 % P, ToBig(Bls12381.Fp.Mul(m, m)));
        Assert.Equal(4 % P, ToBig(Bls12381.Fp.Square(m)));
    }

    [Fact]
    public void Wide_products_and_reduction_match_BigInteger()
    {
        var xs = FpValues(13, 100).ToArray();
        var ys = FpValues(14, 100).ToArray();
        for (int i = 0; i + 1 < xs.Length; i++)
        {
            BigInteger x = xs[i], y = ys[i], z = xs[i + 1], w = ys[i + 1];
            // Montgomery forms: xM = x·R. MulWide(xM, yM) = x·y·R², Reduce divides by R once.
            var wxy = FpWide.MulWide(ToFp(x), ToFp(y));
            var wzw = FpWide.MulWide(ToFp(z), ToFp(w));
            Assert.Equal(x * y % P, ToBig(FpWide.Reduce(wxy)));
            Assert.Equal(Mod(x * y - z * w, P), ToBig(FpWide.Reduce(FpWide.SubModPR(wxy, wzw))));
            Assert.Equal(Mod(x * y + z * w, P), ToBig(FpWide.Reduce(FpWide.Add(wxy, wzw))));
            // Operands below 2p.
            var s = Bls12381.Fp.AddUnreduced(ToFp(x), ToFp(z));
            Assert.Equal((x + z) * (x + z) % P, ToBig(FpWide.Reduce(FpWide.MulWide(s, s))));
        }
    }

    [Fact]
    public void Inverse_of_many_random_values_times_value_is_one()
    {
        var rng = new Random(42);
        var buf = new byte[48];
        for (int i = 0; i < 2000; i++)
        {
            rng.NextBytes(buf);
            buf[0] &= 0x1f;
            if (!Bls12381.Fp.TryFromBytes(buf, out var a) || a.IsZero) continue;
            Assert.True((a * a.Inverse()).IsOne);
        }
    }

    [Fact]
    public void Field_axioms_hold_on_random_values()
    {
        var vs = FpValues(3, 60).Select(ToFp).ToArray();
        for (int i = 0; i + 2 < vs.Length; i++)
        {
            Fp a = vs[i], b = vs[i + 1], c = vs[i + 2];
            Assert.Equal(a + b, b + a);
            Assert.Equal(a * b, b * a);
            Assert.Equal((a + b) + c, a + (b + c));
            Assert.Equal((a * b) * c, a * (b * c));
            Assert.Equal(a * (b + c), a * b + a * c);
            Assert.Equal(a, a + Bls12381.Fp.Zero);
            Assert.Equal(a, a * Bls12381.Fp.One);
            Assert.True((a + (-a)).IsZero);
            Assert.Equal(a - b, a + (-b));
        }
    }

    [Fact]
    public void Sqrt_and_legendre_match_BigInteger()
    {
        foreach (var x in FpValues(4, 200))
        {
            var a = ToFp(x);
            int expected = x.IsZero ? 0 : BigInteger.ModPow(x, (P - 1) / 2, P).IsOne ? 1 : -1;
            Assert.Equal(expected, Bls12381.Fp.Legendre(a));
            Assert.Equal(expected >= 0, Bls12381.Fp.IsSquare(a));
            bool ok = Bls12381.Fp.Sqrt(a, out var root);
            Assert.Equal(expected >= 0, ok);
            if (ok) Assert.Equal(x, ToBig(root) * ToBig(root) % P);
        }
    }

    [Fact]
    public void Sqrt_edge_cases()
    {
        Assert.True(Bls12381.Fp.Sqrt(Bls12381.Fp.Zero, out var r0));
        Assert.True(r0.IsZero);
        Assert.True(Bls12381.Fp.Sqrt(Bls12381.Fp.One, out var r1));
        Assert.True(r1.IsOne || (-r1).IsOne);
        // −1 is not a square since p ≡ 3 (mod 4).
        Assert.False(Bls12381.Fp.Sqrt(-Bls12381.Fp.One, out _));
        Assert.Equal(-1, Bls12381.Fp.Legendre(-Bls12381.Fp.One));
    }

    [Fact]
    public void Inverse_of_zero_is_zero_and_batch_inverse_matches()
    {
        Assert.True(Bls12381.Fp.Zero.Inverse().IsZero);
        var vs = FpValues(5, 300).Select(ToFp).ToArray();
        var batch = vs.ToArray();
        Bls12381.Fp.BatchInverse(batch);
        for (int i = 0; i < vs.Length; i++) Assert.Equal(vs[i].Inverse(), batch[i]);
        Bls12381.Fp.BatchInverse(Span<Fp>.Empty);
    }

    [Fact]
    public void Bytes_round_trip_and_reject_non_canonical()
    {
        foreach (var x in FpValues(6, 100))
        {
            var bytes = ToBytes48(x);
            Assert.True(Bls12381.Fp.TryFromBytes(bytes, out var a));
            Assert.Equal(bytes, a.ToBytes());
        }
        Assert.False(Bls12381.Fp.TryFromBytes(ToBytes48(P), out _));
        Assert.False(Bls12381.Fp.TryFromBytes(ToBytes48(P + 1), out _));
        Assert.False(Bls12381.Fp.TryFromBytes(Enumerable.Repeat((byte)0xff, 48).ToArray(), out _));
        Assert.False(Bls12381.Fp.TryFromBytes(new byte[47], out _));
        Assert.False(Bls12381.Fp.TryFromBytes(new byte[49], out _));
        Assert.Contains("not canonical", Assert.Throws<FormatException>(() => Bls12381.Fp.FromBytes(ToBytes48(P))).Message);
        Assert.Contains("48 bytes", Assert.Throws<FormatException>(() => Bls12381.Fp.FromBytes(new byte[3])).Message);
    }

    [Fact]
    public void Limb_round_trips()
    {
        Span<ulong> limbs = stackalloc ulong[6];
        foreach (var x in FpValues(7, 50))
        {
            var a = ToFp(x);
            a.WriteCanonicalLimbs(limbs);
            Assert.True(Bls12381.Fp.TryFromCanonicalLimbs(limbs, out var b));
            Assert.Equal(a, b);
            var big = BigInteger.Zero;
            for (int i = 5; i >= 0; i--) big = (big << 64) | limbs[i];
            Assert.Equal(x, big);
            a.WriteMontgomeryLimbs(limbs);
            Assert.True(Bls12381.Fp.TryFromMontgomeryLimbs(limbs, out var c));
            Assert.Equal(a, c);
        }
        Assert.False(Bls12381.Fp.TryFromCanonicalLimbs(Bls12381.Fp.ModulusLimbs, out _));
        Assert.Equal(ToFp(12345), Bls12381.Fp.FromUInt64(12345));
    }

    [Fact]
    public void Lexicographic_sign_is_greater_than_half()
    {
        var half = (P - 1) / 2;
        Assert.False(ToFp(half).IsLexicographicallyLargest);
        Assert.True(ToFp(half + 1).IsLexicographicallyLargest);
        Assert.False(Bls12381.Fp.Zero.IsLexicographicallyLargest);
        Assert.True(ToFp(P - 1).IsLexicographicallyLargest);
        foreach (var x in FpValues(8, 100))
            Assert.Equal(x > half, ToFp(x).IsLexicographicallyLargest);
    }
}
