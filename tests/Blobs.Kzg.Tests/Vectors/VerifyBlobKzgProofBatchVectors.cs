namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Official vectors: verify_blob_kzg_proof_batch.</summary>
public sealed class VerifyBlobKzgProofBatchVectors : VectorTestBase
{
    private const string Name = "verify_blob_kzg_proof_batch";

    public static TheoryData<string, string> Cases => CasesOf(Name);

    protected override string Handler => Name;

    [SkippableTheory]
    [MemberData(nameof(Cases))]
    public void Case(string vector, string backend) => Check(vector, backend);

    private protected override IEnumerable<string> Run(VectorCase v, KzgContext kzg)
    {
        // Each blob becomes a validated Blob first, so a short blob cannot hide inside the concatenation.
        var blobs = v.BytesList("blobs").Select((b, i) => Blob.FromBytes(b, $"blob {i}")).ToArray();
        var commitments = v.BytesList("commitments").Select(Commitment).ToArray();
        var proofs = v.BytesList("proofs").Select(Proof).ToArray();
        return [B(kzg.VerifyBlobKzgProofBatch(blobs, commitments, proofs))];
    }
}
