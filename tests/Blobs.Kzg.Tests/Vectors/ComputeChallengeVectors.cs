namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: compute_challenge.</summary>
public sealed class ComputeChallengeVectors : VectorTestBase
{
    private const string Name = "compute_challenge";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        var blob = v.Bytes("blob");
        var commitment = Commitment(v.Bytes("commitment"));
        return [H(kzg.ComputeChallenge(blob, commitment).Bytes)];
    }
}
