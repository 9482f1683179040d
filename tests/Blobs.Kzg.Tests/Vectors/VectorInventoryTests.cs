using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Vectors;

/// <summary>Makes the size of the official vector run visible: 12 handlers, 344 cases, and which backends run them.</summary>
public sealed class VectorInventoryTests
{
    [SkippableFact]
    public void All_344_cases_of_the_12_handlers_are_discovered()
    {
        if (!VectorFiles.Available) TestEnvironment.SkipOrFailUnderCI(VectorFiles.MissingReason);
        var onDisk = Directory.GetDirectories(VectorFiles.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(VectorFiles.Handlers.Order(StringComparer.Ordinal), onDisk);
        var perHandler = VectorFiles.Handlers.ToDictionary(h => h, h => VectorFiles.Cases(h).Count);
        Assert.All(perHandler, kv => Assert.True(kv.Value > 0, $"{kv.Key}: no cases"));
        Assert.Equal(VectorFiles.ExpectedCaseCount, perHandler.Values.Sum());
    }

    [SkippableFact]
    public void Every_case_is_a_theory_row_for_every_backend()
    {
        if (!VectorFiles.Available) TestEnvironment.SkipOrFailUnderCI(VectorFiles.MissingReason);
        var rows = new (string Handler, TheoryData<string, string> Data)[]
        {
            ("blob_to_kzg_commitment", BlobToKzgCommitmentVectors.Cases),
            ("compute_blob_kzg_proof", ComputeBlobKzgProofVectors.Cases),
            ("compute_cells", ComputeCellsVectors.Cases),
            ("compute_cells_and_kzg_proofs", ComputeCellsAndKzgProofsVectors.Cases),
            ("compute_challenge", ComputeChallengeVectors.Cases),
            ("compute_kzg_proof", ComputeKzgProofVectors.Cases),
            ("compute_verify_cell_kzg_proof_batch_challenge", ComputeVerifyCellKzgProofBatchChallengeVectors.Cases),
            ("recover_cells_and_kzg_proofs", RecoverCellsAndKzgProofsVectors.Cases),
            ("verify_blob_kzg_proof", VerifyBlobKzgProofVectors.Cases),
            ("verify_blob_kzg_proof_batch", VerifyBlobKzgProofBatchVectors.Cases),
            ("verify_cell_kzg_proof_batch", VerifyCellKzgProofBatchVectors.Cases),
            ("verify_kzg_proof", VerifyKzgProofVectors.Cases),
        };
        Assert.Equal(VectorFiles.Handlers.Order(StringComparer.Ordinal), rows.Select(r => r.Handler).Order(StringComparer.Ordinal));
        int backends = TestBackends.Names.Count;
        foreach (var (handler, data) in rows)
        {
            var vectors = data.Select(r => (string)r[0]).ToArray();
            var expected = VectorFiles.Cases(handler).Select(c => VectorTestBase.ShortName(handler, c)).ToHashSet();
            Assert.All(vectors, v => Assert.Contains(v, expected));
            Assert.All(vectors, v => Assert.True(v.Length <= 50, $"{handler}/{v}: longer than xUnit shows"));
            Assert.Equal(VectorFiles.Cases(handler).Count * backends, vectors.Length);
        }
        Assert.Equal(VectorFiles.ExpectedCaseCount * backends, rows.Sum(r => r.Data.Count()));
    }

    [SkippableFact]
    public void Native_backend_runs_the_vectors()
    {
        Assert.Contains(TestBackends.Native, TestBackends.Names);
        if (TestBackends.TryNative(out var why) is null) TestEnvironment.SkipOrFailUnderCI(why);
    }

    [SkippableFact]
    public void Managed_backend_runs_the_vectors_once_it_exists()
    {
        Skip.If(!TestBackends.Names.Contains(TestBackends.Managed), TestBackends.ManagedUnavailableReason);
        Assert.NotNull(TestBackends.Get(TestBackends.Managed));
    }
}
