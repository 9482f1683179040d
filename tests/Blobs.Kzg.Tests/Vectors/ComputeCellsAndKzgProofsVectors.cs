namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: compute_cells_and_kzg_proofs.</summary>
public sealed class ComputeCellsAndKzgProofsVectors : VectorTestBase
{
    private const string Name = "compute_cells_and_kzg_proofs";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        kzg.ComputeCellsAndKzgProofs(blob, cells, proofs);
        return Enumerable.Range(0, KzgConstants.CellsPerExtBlob)
            .Select(i => H(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)))
            .Concat(proofs.Select(p => H(p.Bytes)))
            .ToList();
    }
}
