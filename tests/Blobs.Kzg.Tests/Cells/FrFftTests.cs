using System.Numerics;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;
using static Blobs.Kzg.Tests.Cells.FieldOracle;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>FFT over Fr: roots against a BigInteger oracle, transforms against a naive DFT, round trips, shapes, bit reversal.</summary>
public class FrFftTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(4096)]
    [InlineData(8192)]
    public void Root_of_unity_is_the_specs_and_has_exact_order(int n)
    {
        var w = FrFft.RootOfUnity(n);
        Assert.Equal(RootOfUnity(n), ToBig(w));
        Assert.True(w.Pow((ulong)n).IsOne);
        if (n > 1) Assert.Equal(-Fr.One, w.Pow((ulong)n / 2));
    }

    [Fact]
    public void Root_of_order_4096_matches_the_published_value()
    {
        // The deneb spec's roots of unity (c-kzg, go-kzg-4844): ω₄₀₉₆ = 0x564c0a11…a5d36306.
        Assert.Equal("0x564c0a11a0f704f4fc3e8acfe0f8245f0ad1347b378fbf96e206da11a5d36306", FrFft.RootOfUnity(4096).ToString());
    }

    [Fact]
    public void Roots_of_unity_are_successive_powers()
    {
        var roots = FrFft.RootsOfUnity(128);
        var w = RootOfUnity(128);
        for (int i = 0; i < 128; i++) Assert.Equal(BigInteger.ModPow(w, i, R), ToBig(roots[i]));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(8, 3)]
    [InlineData(32, 4)]
    [InlineData(64, 5)]
    public void Forward_and_inverse_equal_the_naive_dft(int n, int seed)
    {
        var x = RandomElements(new Random(seed), n);
        var big = x.Select(v => ToBig(v)).ToArray();

        var forward = x.ToArray();
        FrFft.Forward(forward);
        Assert.Equal(NaiveDft(big, inverse: false), forward.Select(v => ToBig(v)));

        var inverse = x.ToArray();
        FrFft.Inverse(inverse);
        Assert.Equal(NaiveDft(big, inverse: true), inverse.Select(v => ToBig(v)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(16)]
    [InlineData(128)]
    [InlineData(4096)]
    [InlineData(8192)]
    public void Every_shape_agrees_and_round_trips(int n)
    {
        var rng = new Random(n);
        var x = RandomElements(rng, n);
        var natural = x.ToArray();
        FrFft.Forward(natural);

        var dif = x.ToArray();
        FrFft.ForwardToBitReversed(dif);
        Assert.Equal(BitReversal.Permuted<Fr>(natural), dif);

        var dit = BitReversal.Permuted<Fr>(x);
        FrFft.ForwardFromBitReversed(dit);
        Assert.Equal(natural, dit);

        // Inverse of each shape brings the input back.
        FrFft.InverseFromBitReversed(dif);
        Assert.Equal(x, dif);
        var back = natural.ToArray();
        FrFft.InverseToBitReversed(back);
        Assert.Equal(BitReversal.Permuted<Fr>(x), back);
        FrFft.Inverse(natural);
        Assert.Equal(x, natural);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(64)]
    [InlineData(8192)]
    public void Zero_upper_half_shortcut_equals_the_full_transform(int n)
    {
        var x = RandomElements(new Random(n + 1), n);
        x.AsSpan(n / 2).Clear();
        var full = x.ToArray();
        FrFft.ForwardToBitReversed(full);
        var garbage = x.ToArray();
        RandomElements(new Random(9), n / 2).CopyTo(garbage, n / 2); // the upper half is ignored
        FrFft.ForwardToBitReversedZeroUpperHalf(garbage);
        Assert.Equal(full, garbage);
    }

    [Fact]
    public void Coset_fft_evaluates_at_seven_times_the_roots()
    {
        const int n = 32;
        var coeffs = RandomElements(new Random(77), n);
        var evals = coeffs.ToArray();
        FrFft.CosetForward(evals);
        var big = coeffs.Select(v => ToBig(v)).ToArray();
        var w = RootOfUnity(n);
        for (int k = 0; k < n; k++)
            Assert.Equal(Evaluate(big, 7 * BigInteger.ModPow(w, k, R) % R), ToBig(evals[k]));
        FrFft.CosetInverse(evals);
        Assert.Equal(coeffs, evals);
    }

    [Fact]
    public void Inverse_of_size_is_exact()
    {
        for (int log = 0; log <= FrFft.MaxLog2Size; log++)
            Assert.True((FrFft.InverseOfSize(1 << log) * Fr.FromUInt64(1UL << log)).IsOne);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(16384)]
    public void Bad_sizes_are_refused(int n)
    {
        Assert.Throws<ArgumentException>(() => FrFft.Forward(new Fr[n]));
    }

    [Fact]
    public void Bit_reversal_matches_the_spec_definition()
    {
        Assert.Equal(0, BitReversal.Reverse(0, 7));
        Assert.Equal(64, BitReversal.Reverse(1, 7));
        Assert.Equal(0b1100101, BitReversal.Reverse(0b1010011, 7));
        Assert.Equal(4096, BitReversal.Reverse(1, 13));
        var items = Enumerable.Range(0, 16).ToArray();
        var permuted = BitReversal.Permuted<int>(items);
        Assert.Equal([0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], permuted);
        BitReversal.Permute<int>(permuted);
        Assert.Equal(items, permuted); // an involution
        Assert.Throws<ArgumentException>(() => BitReversal.Permute<int>(new int[6]));
    }
}
