namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: compute_kzg_proof.</summary>
public sealed class ComputeKzgProofVectors : VectorTestBase
{
    private const string Name = "compute_kzg_proof";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        var z = Field(v.Bytes("z"), "z");
        var (proof, y) = kzg.ComputeKzgProof(blob, z);
        return [H(proof.Bytes), H(y.Bytes)];
    }
}
