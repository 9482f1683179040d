using static Blobs.Kzg.Tests.Cells.NativeOracle;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// verify_cell_kzg_proof_batch, managed against c-kzg: the same decision on valid batches (one blob, several blobs,
/// random subsets, repeated cells, any order) and on batches with one thing changed; recovery input checks.
/// </summary>
public class CellVerifyDifferentialTests
{
    private sealed record Blobs(KzgCommitment[] Commitments, byte[] Cells, KzgProof[] Proofs);

    private static readonly Lazy<Blobs> s_blobs = new(() =>
    {
        var native = Get();
        var rng = new Random(7594);
        int count = 3;
        var commitments = new KzgCommitment[count];
        var cells = new byte[count * CellsBytes];
        var proofs = new KzgProof[count * 128];
        for (int b = 0; b < count; b++)
        {
            var blob = FieldOracle.RandomBlob(rng);
            commitments[b] = native.BlobToKzgCommitment(blob);
            native.ComputeCellsAndKzgProofs(blob, cells.AsSpan(b * CellsBytes, CellsBytes), proofs.AsSpan(b * 128, 128));
        }
        return new Blobs(commitments, cells, proofs);
    });

    /// <summary>A batch of (blob, cell) picks: commitments, indices, cells and proofs as the API takes them.</summary>
    private static (KzgCommitment[] C, ulong[] I, byte[] Cells, KzgProof[] P) Batch(IEnumerable<(int Blob, int Cell)> picks)
    {
        var b = s_blobs.Value;
        var list = picks.ToList();
        var cells = new byte[list.Count * KzgConstants.BytesPerCell];
        for (int k = 0; k < list.Count; k++)
            b.Cells.AsSpan((list[k].Blob * 128 + list[k].Cell) * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell).CopyTo(cells.AsSpan(k * KzgConstants.BytesPerCell));
        return (list.Select(p => b.Commitments[p.Blob]).ToArray(), list.Select(p => (ulong)p.Cell).ToArray(), cells,
            list.Select(p => b.Proofs[p.Blob * 128 + p.Cell]).ToArray());
    }

    private static void Same(bool expected, (KzgCommitment[] C, ulong[] I, byte[] Cells, KzgProof[] P) batch)
    {
        var native = Get().VerifyCellKzgProofBatch(batch.C, batch.I, batch.Cells, batch.P);
        var managed = ManagedCells.Context.VerifyCellKzgProofBatch(batch.C, batch.I, batch.Cells, batch.P);
        Assert.Equal(expected, native);
        Assert.Equal(native, managed);
    }

    public static TheoryData<string> ValidShapes => ["one blob, all 128", "three blobs, all", "random 64 of one", "random 65, two blobs", "random 127",
        "same cell repeated", "shuffled order", "single cell", "cell 127 of each"];

    [SkippableTheory]
    [MemberData(nameof(ValidShapes))]
    public void Valid_batches_verify_on_both(string shape)
    {
        var rng = new Random(shape.GetHashCode(StringComparison.Ordinal) & 0xffff);
        IEnumerable<(int, int)> picks = shape switch
        {
            "one blob, all 128" => Enumerable.Range(0, 128).Select(c => (0, c)),
            "three blobs, all" => Enumerable.Range(0, 384).Select(k => (k / 128, k % 128)),
            "random 64 of one" => Subset(rng, 64).Select(c => (1, (int)c)),
            "random 65, two blobs" => Subset(rng, 65).Select((c, k) => (k % 2, (int)c)),
            "random 127" => Subset(rng, 127).Select(c => (2, (int)c)),
            "same cell repeated" => Enumerable.Repeat((0, 5), 4).Concat([(1, 5), (0, 5)]),
            "shuffled order" => Enumerable.Range(0, 128).OrderBy(_ => rng.Next()).Select(c => (c % 3, c)),
            "single cell" => [(2, 77)],
            "cell 127 of each" => [(0, 127), (1, 127), (2, 127)],
            _ => throw new ArgumentException(shape),
        };
        Same(true, Batch(picks));
    }

    [SkippableTheory]
    [InlineData("cell")]
    [InlineData("proof")]
    [InlineData("commitment")]
    [InlineData("index")]
    public void One_change_fails_on_both(string what)
    {
        var batch = Batch(Enumerable.Range(0, 40).Select(c => (c % 2, c * 3)));
        switch (what)
        {
            case "cell": batch.Cells[17 * KzgConstants.BytesPerCell + 31] ^= 1; break;
            case "proof": batch.P[5] = batch.P[6]; break;
            case "commitment": batch.C[9] = s_blobs.Value.Commitments[2]; break;
            case "index": batch.I[3] = (batch.I[3] + 1) % 128; break;
        }
        Same(false, batch);
    }

    [SkippableFact]
    public void Infinity_proof_of_a_nonzero_cell_is_a_wrong_proof_not_bad_input()
    {
        var batch = Batch([(0, 1), (0, 2)]);
        batch.P[1] = KzgProof.Infinity;
        Same(false, batch);
    }

    [Fact]
    public void A_proof_off_the_curve_is_invalid_input_naming_it()
    {
        var batch = Batch([(0, 1), (0, 2)]);
        var bad = batch.P[1].Bytes.ToArray();
        bad[47] ^= 1; // almost surely not an x on the curve
        batch.P[1] = KzgProof.FromBytes(bad);
        var e = Assert.ThrowsAny<KzgInputException>(() => ManagedCells.Context.VerifyCellKzgProofBatch(batch.C, batch.I, batch.Cells, batch.P));
        Assert.StartsWith("proof 1:", e.Message);
    }

    [SkippableTheory]
    [InlineData(new ulong[] { 81, 80 }, "follows")]
    [InlineData(new ulong[] { 80, 80 }, "duplicate")]
    [InlineData(new ulong[] { 80, 128 }, "out of range")]
    public void Recovery_refuses_unsorted_duplicate_and_out_of_range_indices(ulong[] tail, string message)
    {
        var indices = Enumerable.Range(10, 64).Select(i => (ulong)i).Concat(tail).ToArray();
        var cells = new byte[indices.Length * KzgConstants.BytesPerCell];
        foreach (var kzg in new[] { ManagedCells.Context, Get() })
        {
            var e = Assert.ThrowsAny<KzgInputException>(() =>
                kzg.RecoverCellsAndKzgProofs(indices, cells, new byte[CellsBytes], new KzgProof[128]));
            Assert.Contains(message, e.Message);
        }
    }
}
