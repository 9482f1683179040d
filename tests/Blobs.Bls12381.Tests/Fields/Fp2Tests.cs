using System.Numerics;
using static Blobs.Bls12381.Tests.Oracle;

namespace Blobs.Bls12381.Tests.Fields;

/// <summary>Fp2 against a BigInteger oracle (pairs modulo p, u² = −1) on seeded random values.</summary>
public class Fp2Tests
{
    private static (BigInteger, BigInteger) Big(in Fp2 a) => (ToBig(a.C0), ToBig(a.C1));

    private static Fp2 ToFp2((BigInteger, BigInteger) v) => new(ToFp(v.Item1), ToFp(v.Item2));

    private static (BigInteger, BigInteger) MulBig((BigInteger a0, BigInteger a1) a, (BigInteger b0, BigInteger b1) b) =>
        (Mod(a.a0 * b.b0 - a.a1 * b.b1, P), Mod(a.a0 * b.b1 + a.a1 * b.b0, P));

    private static IEnumerable<(BigInteger, BigInteger)> Values(int seed, int n)
    {
        var a = FpValues(seed, n).ToArray();
        var b = FpValues(seed + 100, n).ToArray();
        for (int i = 0; i < a.Length; i++) yield return (a[i], b[(i * 5 + 3) % b.Length]);
        yield return (BigInteger.Zero, BigInteger.Zero);
        yield return (BigInteger.One, BigInteger.Zero);
        yield return (BigInteger.Zero, BigInteger.One);
        yield return (P - 1, BigInteger.Zero);
        yield return (BigInteger.Zero, P - 1);
    }

    [Fact]
    public void Arithmetic_matches_BigInteger()
    {
        var xs = Values(10, 150).ToArray();
        var ys = Values(20, 150).ToArray();
        for (int i = 0; i < xs.Length; i++)
        {
            var x = xs[i];
            var y = ys[(i * 7) % ys.Length];
            Fp2 a = ToFp2(x), b = ToFp2(y);
            Assert.Equal(x, Big(a));
            Assert.Equal((Mod(x.Item1 + y.Item1, P), Mod(x.Item2 + y.Item2, P)), Big(a + b));
            Assert.Equal((Mod(x.Item1 - y.Item1, P), Mod(x.Item2 - y.Item2, P)), Big(a - b));
            Assert.Equal((Mod(-x.Item1, P), Mod(-x.Item2, P)), Big(-a));
            Assert.Equal(MulBig(x, y), Big(a * b));
            Assert.Equal(MulBig(x, y), Big(Fp2.MulKaratsuba(a, b)));
            Assert.Equal(MulBig(x, x), Big(Fp2.Square(a)));
            Assert.Equal((Mod(2 * x.Item1, P), Mod(2 * x.Item2, P)), Big(Fp2.Double(a)));
            Assert.Equal((x.Item1, Mod(-x.Item2, P)), Big(Fp2.Conjugate(a)));
            Assert.Equal(MulBig(x, (1, 1)), Big(Fp2.MulByNonResidue(a)));
            Assert.Equal(MulBig(x, (y.Item1, 0)), Big(Fp2.MulByFp(a, b.C0)));
            if (!a.IsZero)
                Assert.True((a * Fp2.Inverse(a)).IsOne);
            else
                Assert.True(Fp2.Inverse(a).IsZero);
        }
    }

    [Fact]
    public void Frobenius_is_the_p_th_power()
    {
        ReadOnlySpan<ulong> pLimbs = Fp.ModulusLimbs;
        foreach (var x in Values(30, 10))
        {
            var a = ToFp2(x);
            Assert.Equal(Fp2.Pow(a, pLimbs), Fp2.Frobenius(a, 1));
            Assert.Equal(a, Fp2.Frobenius(a, 2));
        }
    }

    [Fact]
    public void Sqrt_of_squares_and_non_squares()
    {
        int nonSquares = 0;
        foreach (var x in Values(40, 120))
        {
            var a = ToFp2(x);
            var sq = Fp2.Square(a);
            Assert.True(Fp2.Sqrt(sq, out var r));
            Assert.True(r == a || r == -a);
            Assert.True(Fp2.IsSquare(sq));
            // Roughly half of all elements are non-squares: their sqrt must fail, consistently with IsSquare.
            bool isSq = Fp2.IsSquare(a);
            Assert.Equal(isSq, Fp2.Sqrt(a, out var r2));
            if (isSq) Assert.Equal(a, Fp2.Square(r2));
            else nonSquares++;
        }
        Assert.InRange(nonSquares, 30, 100);
    }

    [Fact]
    public void Sqrt_of_base_field_elements()
    {
        // a ∈ Fp, both when a is a square in Fp and when it is not (then the root is purely imaginary).
        foreach (var v in FpValues(50, 40))
        {
            var a = new Fp2(ToFp(v), Fp.Zero);
            Assert.True(Fp2.Sqrt(a, out var r));
            Assert.Equal(a, Fp2.Square(r));
        }
        Assert.True(Fp2.Sqrt(new Fp2(-Fp.One, Fp.Zero), out var i));
        Assert.True(i == new Fp2(Fp.Zero, Fp.One) || i == new Fp2(Fp.Zero, -Fp.One));
    }

    [Fact]
    public void Lexicographic_sign_uses_c1_then_c0()
    {
        var half = (P - 1) / 2;
        Assert.True(ToFp2((0, half + 1)).IsLexicographicallyLargest);
        Assert.False(ToFp2((P - 1, half)).IsLexicographicallyLargest);
        Assert.True(ToFp2((half + 1, 0)).IsLexicographicallyLargest);
        Assert.False(ToFp2((half, 0)).IsLexicographicallyLargest);
        foreach (var x in Values(60, 50))
        {
            var a = ToFp2(x);
            if (a.IsZero) continue;
            Assert.NotEqual(a.IsLexicographicallyLargest, (-a).IsLexicographicallyLargest);
        }
    }

    [Fact]
    public void Bytes_are_c1_then_c0()
    {
        var a = ToFp2((5, 7));
        var bytes = new byte[96];
        a.ToBytes(bytes);
        Assert.Equal(7, bytes[47]);
        Assert.Equal(5, bytes[95]);
        Assert.True(Fp2.TryFromBytes(bytes, out var b));
        Assert.Equal(a, b);
        Assert.False(Fp2.TryFromBytes(bytes.AsSpan(0, 95), out _));
        ToBytes48(P).CopyTo(bytes, 0);
        Assert.False(Fp2.TryFromBytes(bytes, out _));
    }
}
