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
    public static TheoryData<string> RecoverCases => Cases("recover_cells_and_kzg_proofs", validOnly: true);

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

    /// <summary>The cell half of recovery: the recovered polynomial's cells equal the expected cells.</summary>
    [SkippableTheory]
    [MemberData(nameof(RecoverCases))]
    public void Recover_cells(string name)
    {
        var v = Load("recover_cells_and_kzg_proofs", name);
        Assert.False(v.ExpectsInvalidInput);
        var indices = v.UInt64List("cell_indices");
        var cells = v.BytesList("cells").SelectMany(c => c).ToArray();
        var ext = new Bls12381.Fr[KzgConstants.FieldElementsPerExtBlob];
        Managed.Eip7594.CellKzg.RecoverPolynomialCoeff(indices, cells, ext);
        var recovered = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        Managed.Eip7594.CellKzg.PolynomialCoeffToCells(ext, recovered);
        var expected = v.ExpectedFlat();
        for (int i = 0; i < KzgConstants.CellsPerExtBlob; i++)
            Assert.Equal(expected[i], Hex.Encode(recovered.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)));
    }
}
