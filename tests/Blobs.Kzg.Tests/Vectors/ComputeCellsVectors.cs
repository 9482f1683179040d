namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: compute_cells.</summary>
public sealed class ComputeCellsVectors : VectorTestBase
{
    private const string Name = "compute_cells";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        kzg.ComputeCells(blob, cells);
        return Enumerable.Range(0, KzgConstants.CellsPerExtBlob)
            .Select(i => H(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)));
    }
}
