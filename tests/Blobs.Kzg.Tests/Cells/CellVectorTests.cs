using Blobs.Kzg.Tests.Infrastructure;
using Blobs.Kzg.Tests.Vectors;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// The fulu vector cases run on the managed cell code through <see cref="KzgContext"/> (the official vector
/// classes cover it too once the managed backend is complete; these run before that).
/// </summary>
public class CellVectorTests
{
    public static TheoryData<string> Cases(string handler, bool validOnly = false)
    {
        var data = new TheoryData<string>();
        if (!VectorFiles.Available || VectorFiles.Cases(handler).Count == 0)
        {
            data.Add(VectorFiles.Missing);
            return data;
        }
        foreach (var c in VectorFiles.Cases(handler))
            if (!validOnly || !c.Contains("_invalid_", StringComparison.Ordinal)) data.Add(c);
        return data;
    }

    public static TheoryData<string> ComputeCellsCases => Cases("compute_cells");
    public static TheoryData<string> ChallengeCases => Cases("compute_verify_cell_kzg_proof_batch_challenge");
    public static TheoryData<string> RecoverCases => Cases("recover_cells_and_kzg_proofs");
    public static TheoryData<string> CellsAndProofsCases => Cases("compute_cells_and_kzg_proofs");
    public static TheoryData<string> VerifyCases => Cases("verify_cell_kzg_proof_batch");

    private static VectorCase Load(string handler, string name)
    {
        if (name == VectorFiles.Missing) TestEnvironment.SkipOrFailUnderCI(VectorFiles.MissingReason);
        return VectorCase.Load(handler, name);
    }

    [SkippableTheory]
    [MemberData(nameof(ComputeCellsCases))]
    public void Compute_cells(string name)
    {
        var v = Load("compute_cells", name);
        var kzg = ManagedCells.Context;
        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        if (v.ExpectsInvalidInput)
        {
            var e = Assert.ThrowsAny<KzgInputException>(() => kzg.ComputeCells(v.Bytes("blob"), cells));
            Assert.Contains("blob", e.Message);
            return;
        }
        kzg.ComputeCells(v.Bytes("blob"), cells);
        var expected = v.ExpectedFlat();
        for (int i = 0; i < KzgConstants.CellsPerExtBlob; i++)
            Assert.Equal(expected[i], Hex.Encode(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)));
    }

    [SkippableTheory]
    [MemberData(nameof(ChallengeCases))]
    public void Compute_verify_cell_kzg_proof_batch_challenge(string name)
    {
        var v = Load("compute_verify_cell_kzg_proof_batch_challenge", name);
        var commitments = v.BytesList("commitments").Select(b => KzgCommitment.FromBytes(b)).ToArray();
        var commitmentIndices = v.UInt64List("commitment_indices");
        var cellIndices = v.UInt64List("cell_indices");
        var cells = v.ConcatenatedLists("cosets_evals").SelectMany(c => c).ToArray();
        var proofs = v.BytesList("proofs").Select(b => KzgProof.FromBytes(b)).ToArray();
        var challenge = ManagedCells.Context.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs);
        Assert.Equal(v.ExpectedFlat().Single(), challenge.ToString());
    }

    [SkippableTheory]
    [MemberData(nameof(CellsAndProofsCases))]
    public void Compute_cells_and_kzg_proofs(string name)
    {
        var v = Load("compute_cells_and_kzg_proofs", name);
        var kzg = ManagedCells.Context;
        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        if (v.ExpectsInvalidInput)
        {
            var e = Assert.ThrowsAny<KzgInputException>(() => kzg.ComputeCellsAndKzgProofs(v.Bytes("blob"), cells, proofs));
            Assert.Contains("blob", e.Message);
            return;
        }
        kzg.ComputeCellsAndKzgProofs(v.Bytes("blob"), cells, proofs);
        var expected = v.ExpectedFlat();
        var actual = Enumerable.Range(0, KzgConstants.CellsPerExtBlob)
            .Select(i => Hex.Encode(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)))
            .Concat(proofs.Select(p => p.ToString())).ToList();
        Assert.Equal(expected, actual);
    }

    [SkippableTheory]
    [MemberData(nameof(RecoverCases))]
    public void Recover_cells_and_kzg_proofs(string name)
    {
        var v = Load("recover_cells_and_kzg_proofs", name);
        var indices = v.UInt64List("cell_indices");
        var kzg = ManagedCells.Context;
        if (v.ExpectsInvalidInput)
        {
            Assert.ThrowsAny<KzgInputException>(() =>
            {
                var given = v.BytesList("cells").Select((c, i) => Cell.FromBytes(c, $"cell {i}")).ToArray();
                kzg.RecoverCellsAndKzgProofs(indices, given);
            });
            return;
        }
        var cells = v.BytesList("cells").Select((c, i) => Cell.FromBytes(c, $"cell {i}")).ToArray();
        var (recovered, proofs) = kzg.RecoverCellsAndKzgProofs(indices, cells);
        var actual = recovered.Select(c => c.ToString()).Concat(proofs.Select(p => p.ToString())).ToList();
        Assert.Equal(v.ExpectedFlat(), actual);
    }

    [SkippableTheory]
    [MemberData(nameof(VerifyCases))]
    public void Verify_cell_kzg_proof_batch(string name)
    {
        var v = Load("verify_cell_kzg_proof_batch", name);
        var kzg = ManagedCells.Context;
        bool Run()
        {
            var commitments = v.BytesList("commitments").Select(b => KzgCommitment.FromBytes(b)).ToArray();
            var indices = v.UInt64List("cell_indices");
            var cells = v.BytesList("cells").Select((c, i) => Cell.FromBytes(c, $"cell {i}")).ToArray();
            var proofs = v.BytesList("proofs").Select(b => KzgProof.FromBytes(b)).ToArray();
            return kzg.VerifyCellKzgProofBatch(commitments, indices, cells, proofs);
        }
        if (v.ExpectsInvalidInput)
        {
            var e = Assert.ThrowsAny<KzgInputException>(() => Run());
            var shortName = name[(name.IndexOf("_case_", StringComparison.Ordinal) + 6)..];
            if (shortName.Contains("commitment")) Assert.Contains("commitment", e.Message);
            else if (shortName.Contains("proof")) Assert.Contains("proof", e.Message);
            return;
        }
        Assert.Equal(v.ExpectedFlat().Single(), Run() ? "true" : "false");
    }
}
