namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: verify_kzg_proof.</summary>
public sealed class VerifyKzgProofVectors : VectorTestBase
{
    private const string Name = "verify_kzg_proof";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var commitment = Commitment(v.Bytes("commitment"));
        var z = Field(v.Bytes("z"), "z");
        var y = Field(v.Bytes("y"), "y");
        var proof = Proof(v.Bytes("proof"));
        return [B(kzg.VerifyKzgProof(commitment, z, y, proof))];
    }
}
