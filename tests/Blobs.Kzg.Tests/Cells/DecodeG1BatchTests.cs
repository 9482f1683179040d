using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The batched proof decoder against the one-point decoder: same points, same errors, at any position.</summary>
public class DecodeG1BatchTests
{
    private static KzgProof[] ValidProofs(int n, int seed)
    {
        var rng = new Random(seed);
        var result = FieldOracle.RandomElements(rng, n)
            .Select(k => KzgProof.FromBytes(G1Jacobian.Multiply(G1Jacobian.Generator, k).ToAffine().ToCompressed())).ToArray();
        result[n / 3] = KzgProof.Infinity;
        return result;
    }

    /// <summary>A compressed point on the curve but outside the G1 subgroup (almost every x with x³ + 4 a square).</summary>
    private static KzgProof OffSubgroup()
    {
        for (ulong v = 1; ; v++)
        {
            var x = Fp.FromUInt64(v);
            if (!Fp.Sqrt(Fp.Add(Fp.Mul(Fp.Square(x), x), Fp.FromUInt64(4)), out var y)) continue;
            var p = new G1Affine(x, y);
            if (p.IsInSubgroup) continue;
            var bytes = x.ToBytes();
            bytes[0] |= 0x80;
            if (y.IsLexicographicallyLargest) bytes[0] |= 0x20;
            return KzgProof.FromBytes(bytes);
        }
    }

    [SkippableTheory]
    [InlineData(8)]
    [InlineData(13)]
    [InlineData(64)]
    public void Valid_points_decode_as_one_by_one(int n)
    {
        Skip.IfNot(Managed.Fft.G1ChordVector.IsSupported, "no AVX-512 on this CPU: proofs are decoded one by one");
        var proofs = ValidProofs(n, n);
        var points = new G1Affine[n];
        CellKzg.DecodeG1Batch(proofs, points, "proof");
        for (int k = 0; k < n; k++)
        {
            Assert.True(G1Affine.TryDecompress(proofs[k].Bytes, out var expected));
            Assert.True(expected.Equals(points[k]), $"point {k}");
        }
    }

    public static TheoryData<string, int> BadCases => new()
    {
        { "not in subgroup", 0 }, { "not in subgroup", 9 }, { "not on curve", 5 }, { "x not canonical", 12 },
        { "no compression flag", 3 }, { "infinity with sign", 7 }, { "infinity with bits", 10 },
    };

    [SkippableTheory]
    [MemberData(nameof(BadCases))]
    public void A_bad_point_is_named_with_the_same_error_as_one_by_one(string kind, int at)
    {
        Skip.IfNot(Managed.Fft.G1ChordVector.IsSupported, "no AVX-512 on this CPU: proofs are decoded one by one");
        var proofs = ValidProofs(13, 99);
        var bytes = proofs[at == 4 ? 5 : at].Bytes.ToArray();
        switch (kind)
        {
            case "not in subgroup": bytes = OffSubgroup().Bytes.ToArray(); break;
            case "not on curve":
                for (ulong v = 1; ; v++)
                {
                    var x = Fp.FromUInt64(v);
                    if (Fp.Sqrt(Fp.Add(Fp.Mul(Fp.Square(x), x), Fp.FromUInt64(4)), out _)) continue;
                    bytes = x.ToBytes();
                    bytes[0] |= 0x80;
                    break;
                }
                break;
            case "x not canonical": bytes = Enumerable.Repeat((byte)0xff, 48).ToArray(); bytes[0] = 0x9f; break;
            case "no compression flag": bytes[0] &= 0x7f; break;
            case "infinity with sign": bytes = new byte[48]; bytes[0] = 0xe0; break;
            case "infinity with bits": bytes = new byte[48]; bytes[0] = 0xc0; bytes[47] = 1; break;
        }
        proofs[at] = KzgProof.FromBytes(bytes);
        Assert.False(G1Affine.TryDecompress(bytes, out _, out var expected));
        var e = Assert.Throws<KzgInputException>(() => CellKzg.DecodeG1Batch(proofs, new G1Affine[proofs.Length], "proof"));
        Assert.Equal($"proof {at}: {expected}", e.Message);
    }
}
