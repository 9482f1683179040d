using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;
using static Blobs.Kzg.Tests.Cells.NativeOracle;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The field-only cell code against c-kzg on seeded random blobs: cells, recovered cells, the batch challenge.</summary>
public class CellFrDifferentialTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5, 6];

    private static byte[] EdgeBlob(string kind)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        if (kind == "r-1")
        {
            for (int i = 0; i < blob.Length; i += 32)
            {
                KzgConstants.BlsModulusBigEndian.CopyTo(blob.AsSpan(i, 32));
                blob[i + 31] = 0; // r − 1
            }
        }
        else if (kind == "one-hot")
        {
            blob[77 * 32 + 31] = 1;
        }
        return blob;
    }

    [SkippableTheory]
    [MemberData(nameof(Seeds))]
    public void Compute_cells_matches_native(int seed)
    {
        var native = Get();
        var blob = FieldOracle.RandomBlob(new Random(seed));
        var expected = new byte[CellsBytes];
        native.ComputeCells(blob, expected);
        var actual = new byte[CellsBytes];
        ManagedCells.Context.ComputeCells(blob, actual);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"seed {seed}: cells differ");
    }

    [SkippableTheory]
    [InlineData("zero")]
    [InlineData("r-1")]
    [InlineData("one-hot")]
    public void Compute_cells_matches_native_on_edge_blobs(string kind)
    {
        var native = Get();
        var blob = EdgeBlob(kind);
        var expected = new byte[CellsBytes];
        native.ComputeCells(blob, expected);
        var actual = new byte[CellsBytes];
        ManagedCells.Context.ComputeCells(blob, actual);
        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{kind}: cells differ");
    }

    [Fact]
    public void Cells_are_an_extension_the_first_half_of_the_brp_evaluations_is_the_blob()
    {
        // Bit-reversed positions 0…4095 of the 8192-point extension are the evaluations at the
        // 4096th roots of unity in bit-reversed order, i.e. the blob itself.
        var blob = FieldOracle.RandomBlob(new Random(42));
        var cells = new byte[CellsBytes];
        ManagedCells.Context.ComputeCells(blob, cells);
        Assert.True(cells.AsSpan(0, KzgConstants.BytesPerBlob).SequenceEqual(blob));
    }

    [SkippableTheory]
    [InlineData(64, 11)]
    [InlineData(65, 12)]
    [InlineData(96, 13)]
    [InlineData(127, 14)]
    [InlineData(128, 15)]
    public void Recovered_cells_match_the_original_and_native(int present, int seed)
    {
        var native = Get();
        var rng = new Random(seed);
        var blob = FieldOracle.RandomBlob(rng);
        var all = new byte[CellsBytes];
        CellKzg.ComputeCells(blob, all);
        var indices = Subset(rng, present);
        var given = Gather(all, indices);

        var ext = new Fr[KzgConstants.FieldElementsPerExtBlob];
        CellKzg.RecoverPolynomialCoeff(indices, given, ext);
        var recovered = new byte[CellsBytes];
        CellKzg.PolynomialCoeffToCells(ext, recovered);
        Assert.True(all.AsSpan().SequenceEqual(recovered), $"{present} cells: recovery differs from the original");

        var nativeCells = new byte[CellsBytes];
        var nativeProofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        native.RecoverCellsAndKzgProofs(indices, given, nativeCells, nativeProofs);
        Assert.True(nativeCells.AsSpan().SequenceEqual(recovered));
    }

    [SkippableFact]
    public void Recovery_of_cells_not_from_a_blob_truncates_like_the_spec_unlike_ckzg()
    {
        // 80 arbitrary cells (more than 4096 points) are not a codeword; the spec keeps the first 4096
        // coefficients of what it reconstructs. Whatever they are, recovering again from the result's own
        // cells must give the same cells.
        var rng = new Random(5);
        var indices = Subset(rng, 80);
        var given = new byte[80 * KzgConstants.BytesPerCell];
        rng.NextBytes(given);
        for (int i = 0; i < given.Length; i += 32) given[i] &= 0x3f;
        var ext = new Fr[KzgConstants.FieldElementsPerExtBlob];
        CellKzg.RecoverPolynomialCoeff(indices, given, ext);
        Assert.Equal(LiteralSpecRecovery(indices, given), ext.AsSpan(0, KzgConstants.FieldElementsPerBlob).ToArray());
        var first = new byte[CellsBytes];
        CellKzg.PolynomialCoeffToCells(ext, first);
        Assert.False(Gather(first, indices).AsSpan().SequenceEqual(given)); // not a codeword: the given cells change

        // c-kzg 4.1 departs from the spec here: it evaluates the untruncated degree < 8192 polynomial, so it
        // hands back the given cells unchanged (its proofs use the truncated polynomial, as the spec does).
        var nativeCells = new byte[CellsBytes];
        Get().RecoverCellsAndKzgProofs(indices, given, nativeCells, new KzgProof[KzgConstants.CellsPerExtBlob]);
        Assert.True(Gather(nativeCells, indices).AsSpan().SequenceEqual(given));
        Assert.False(nativeCells.AsSpan().SequenceEqual(first));

        var other = Subset(rng, 70);
        CellKzg.RecoverPolynomialCoeff(other, Gather(first, other), ext);
        var second = new byte[CellsBytes];
        CellKzg.PolynomialCoeffToCells(ext, second);
        Assert.True(first.AsSpan().SequenceEqual(second));
    }

    [SkippableTheory]
    [InlineData(1, 1, 21)]
    [InlineData(128, 1, 22)]
    [InlineData(200, 3, 23)]
    public void Batch_challenge_matches_native(int cellCount, int commitmentCount, int seed)
    {
        var native = Get();
        var rng = new Random(seed);
        var commitments = new KzgCommitment[commitmentCount];
        var blob = FieldOracle.RandomBlob(rng);
        var ncells = new byte[CellsBytes];
        var nproofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        native.ComputeCellsAndKzgProofs(blob, ncells, nproofs);
        for (int i = 0; i < commitmentCount; i++)
        {
            var b = new byte[48];
            rng.NextBytes(b);
            commitments[i] = KzgCommitment.FromBytes(b); // the challenge only hashes the bytes
        }
        var commitmentIndices = new ulong[cellCount];
        var cellIndices = new ulong[cellCount];
        var cells = new byte[cellCount * KzgConstants.BytesPerCell];
        var proofs = new KzgProof[cellCount];
        for (int k = 0; k < cellCount; k++)
        {
            commitmentIndices[k] = (ulong)rng.Next(commitmentCount);
            int c = rng.Next(KzgConstants.CellsPerExtBlob);
            cellIndices[k] = (ulong)c;
            ncells.AsSpan(c * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell).CopyTo(cells.AsSpan(k * KzgConstants.BytesPerCell));
            proofs[k] = nproofs[c];
        }
        var expected = native.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs);
        var actual = ManagedCells.Context.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs);
        Assert.Equal(expected, actual);
    }

    /// <summary>recover_polynomialcoeff written as the spec writes it (natural-order FFTs, an 8192-coefficient Z, one division per point).</summary>
    private static Fr[] LiteralSpecRecovery(ulong[] indices, byte[] cells)
    {
        const int n = KzgConstants.FieldElementsPerExtBlob;
        var rbo = new Fr[n];
        for (int i = 0; i < indices.Length; i++)
            for (int j = 0; j < 64; j++)
                Assert.True(Fr.TryFromBytesBigEndian(cells.AsSpan(i * 2048 + j * 32, 32), out rbo[(int)indices[i] * 64 + j]));
        var extended = Managed.Fft.BitReversal.Permuted<Fr>(rbo);
        var roots128 = Managed.Fft.FrFft.RootsOfUnity(128);
        var shortZero = new List<Fr> { Fr.One };
        for (int c = 0; c < 128; c++)
        {
            if (indices.Contains((ulong)c)) continue;
            var x = roots128[Managed.Fft.BitReversal.Reverse(c, 7)];
            var next = new Fr[shortZero.Count + 1];
            for (int i = 0; i < shortZero.Count; i++) { next[i] -= x * shortZero[i]; next[i + 1] += shortZero[i]; }
            shortZero = next.ToList();
        }
        var zeroCoeff = new Fr[n];
        for (int i = 0; i < shortZero.Count; i++) zeroCoeff[i * 64] = shortZero[i];
        var zeroEval = zeroCoeff.ToArray();
        Managed.Fft.FrFft.Forward(zeroEval);
        var times = new Fr[n];
        for (int i = 0; i < n; i++) times[i] = zeroEval[i] * extended[i];
        Managed.Fft.FrFft.Inverse(times);
        Managed.Fft.FrFft.CosetForward(times);
        var zeroCoset = zeroCoeff.ToArray();
        Managed.Fft.FrFft.CosetForward(zeroCoset);
        for (int i = 0; i < n; i++) times[i] = times[i] * zeroCoset[i].Invert();
        Managed.Fft.FrFft.CosetInverse(times);
        return times[..KzgConstants.FieldElementsPerBlob];
    }
}
