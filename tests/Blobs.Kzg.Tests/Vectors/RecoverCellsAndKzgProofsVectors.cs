namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: recover_cells_and_kzg_proofs.</summary>
public sealed class RecoverCellsAndKzgProofsVectors : VectorTestBase
{
    private const string Name = "recover_cells_and_kzg_proofs";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var indices = v.UInt64List("cell_indices");
        var cells = v.BytesList("cells").Select((c, i) => Cell.FromBytes(c, $"cell {i}")).ToArray();
        var (recovered, proofs) = kzg.RecoverCellsAndKzgProofs(indices, cells);
        return recovered.Select(c => H(c.Bytes)).Concat(proofs.Select(p => H(p.Bytes))).ToList();
    }
}
