using static Blobs.Kzg.Tests.Cells.NativeOracle;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// Managed cells and proofs against c-kzg on seeded random blobs: compute_cells_and_kzg_proofs (one and two threads)
/// and recover_cells_and_kzg_proofs from exactly 64, 65, 127 and 128 cells.
/// </summary>
public class CellProofDifferentialTests
{
    public static TheoryData<int> Seeds => [101, 102, 103];

    [SkippableTheory]
    [MemberData(nameof(Seeds))]
    public void Cells_and_proofs_match_native(int seed)
    {
        var native = Get();
        var blob = FieldOracle.RandomBlob(new Random(seed));
        var (expectedCells, expectedProofs) = (new byte[CellsBytes], new KzgProof[128]);
        native.ComputeCellsAndKzgProofs(blob, expectedCells, expectedProofs);
        foreach (var kzg in new[] { ManagedCells.Context, ManagedCells.TwoThreads })
        {
            var cells = new byte[CellsBytes];
            var proofs = new KzgProof[128];
            kzg.ComputeCellsAndKzgProofs(blob, cells, proofs);
            Assert.True(expectedCells.AsSpan().SequenceEqual(cells));
            Assert.Equal(expectedProofs, proofs);
        }
    }

    [SkippableFact]
    public void Zero_blob_has_infinity_proofs_like_native()
    {
        var native = Get();
        var blob = new byte[KzgConstants.BytesPerBlob];
        var expected = new KzgProof[128];
        native.ComputeCellsAndKzgProofs(blob, new byte[CellsBytes], expected);
        var proofs = new KzgProof[128];
        ManagedCells.Context.ComputeCellsAndKzgProofs(blob, new byte[CellsBytes], proofs);
        Assert.Equal(expected, proofs);
        Assert.All(proofs, p => Assert.Equal(KzgProof.Infinity, p));
    }

    [SkippableTheory]
    [InlineData(64, 201)]
    [InlineData(65, 202)]
    [InlineData(127, 203)]
    [InlineData(128, 204)]
    public void Recovery_matches_native(int present, int seed)
    {
        var native = Get();
        var rng = new Random(seed);
        var blob = FieldOracle.RandomBlob(rng);
        var all = new byte[CellsBytes];
        var allProofs = new KzgProof[128];
        native.ComputeCellsAndKzgProofs(blob, all, allProofs);
        var indices = Subset(rng, present);
        var given = Gather(all, indices);

        var cells = new byte[CellsBytes];
        var proofs = new KzgProof[128];
        ManagedCells.Context.RecoverCellsAndKzgProofs(indices, given, cells, proofs);
        Assert.True(all.AsSpan().SequenceEqual(cells));
        Assert.Equal(allProofs, proofs);
        var nativeCells = new byte[CellsBytes];
        var nativeProofs = new KzgProof[128];
        native.RecoverCellsAndKzgProofs(indices, given, nativeCells, nativeProofs);
        Assert.Equal(nativeProofs, proofs);
    }
}
