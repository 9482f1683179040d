namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: compute_verify_cell_kzg_proof_batch_challenge.</summary>
public sealed class ComputeVerifyCellKzgProofBatchChallengeVectors : VectorTestBase
{
    private const string Name = "compute_verify_cell_kzg_proof_batch_challenge";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var commitments = v.BytesList("commitments").Select(Commitment).ToArray();
        var commitmentIndices = v.UInt64List("commitment_indices");
        var cellIndices = v.UInt64List("cell_indices");
        var cells = v.ConcatenatedLists("cosets_evals").SelectMany(c => c).ToArray();
        var proofs = v.BytesList("proofs").Select(Proof).ToArray();
        return [H(kzg.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs).Bytes)];
    }
}
