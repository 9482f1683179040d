namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: verify_cell_kzg_proof_batch.</summary>
public sealed class VerifyCellKzgProofBatchVectors : VectorTestBase
{
    private const string Name = "verify_cell_kzg_proof_batch";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var commitments = v.BytesList("commitments").Select(Commitment).ToArray();
        var indices = v.UInt64List("cell_indices");
        var cells = v.BytesList("cells").Select((c, i) => Cell.FromBytes(c, $"cell {i}")).ToArray();
        var proofs = v.BytesList("proofs").Select(Proof).ToArray();
        return [B(kzg.VerifyCellKzgProofBatch(commitments, indices, cells, proofs))];
    }
}
