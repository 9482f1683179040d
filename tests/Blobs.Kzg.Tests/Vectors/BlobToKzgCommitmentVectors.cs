namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: blob_to_kzg_commitment.</summary>
public sealed class BlobToKzgCommitmentVectors : VectorTestBase
{
    private const string Name = "blob_to_kzg_commitment";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        return [H(kzg.BlobToKzgCommitment(blob).Bytes)];
    }
}
