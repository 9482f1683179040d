namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: verify_blob_kzg_proof.</summary>
public sealed class VerifyBlobKzgProofVectors : VectorTestBase
{
    private const string Name = "verify_blob_kzg_proof";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        var commitment = Commitment(v.Bytes("commitment"));
        var proof = Proof(v.Bytes("proof"));
        return [B(kzg.VerifyBlobKzgProof(blob, commitment, proof))];
    }
}
