using Blobs.Kzg.Native;
using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Native;

/// <summary>
/// The c-kzg backend itself: loading and its failure reasons, precompute settings, mapping of
/// C_KZG_BADARGS to precise errors, thread safety, dispose. Skipped when libckzg.so is missing,
/// failing under CI=true.
/// </summary>
public sealed class NativeBackendTests
{
    private static KzgContext Native => TestBackends.Get(TestBackends.Native);
    private static readonly byte[] s_blob = TestBlobs.Random(seed: 1);

    [SkippableFact]
    public void Loads_through_the_reflection_seam_with_the_default_precompute()
    {
        var kzg = Native;
        Assert.Equal("native", kzg.Backend.Name);
        var native = Assert.IsType<NativeKzgBackend>(kzg.Backend);
        Assert.True(File.Exists(native.LibraryPath), native.LibraryPath);
        int expected = int.TryParse(Environment.GetEnvironmentVariable(NativeKzgOptions.PrecomputeVariable), out int p) && p is >= 0 and <= 15 ? p : 8;
        Assert.Equal(expected, native.Precompute);
    }

    [Fact]
    public void A_missing_library_gives_the_path_and_the_remedy()
    {
        var path = Path.Combine(Path.GetTempPath(), "blobs-no-such-dir", "libckzg.so");
        bool ok = NativeKzgBackend.TryCreateWith(TrustedSetup.Mainnet, new NativeKzgOptions { LibraryPath = path }, out var backend, out var why);
        Assert.False(ok);
        Assert.Null(backend);
        Assert.Contains($"libckzg.so not found at {path}", why);
        Assert.Contains("run scripts/bootstrap.sh", why);
        var e = Assert.Throws<InvalidOperationException>(() => NativeKzgBackend.Create(TrustedSetup.Mainnet, new NativeKzgOptions { LibraryPath = path }));
        Assert.Contains("libckzg.so not found", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_refused_with_a_reason()
    {
        var path = Path.Combine(Path.GetTempPath(), $"blobs-not-a-library-{Environment.ProcessId}.so");
        File.WriteAllText(path, "not an ELF file");
        try
        {
            Assert.False(NativeKzgBackend.TryCreateWith(TrustedSetup.Mainnet, new NativeKzgOptions { LibraryPath = path }, out _, out var why));
            Assert.Contains($"cannot load {path}", why);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(16)]
    public void Precompute_outside_0_to_15_is_refused(int precompute)
    {
        Assert.False(NativeKzgBackend.TryCreateWith(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = precompute }, out _, out var why));
        Assert.Contains($"precompute {precompute} is out of range", why);
    }

    [SkippableFact]
    public void Precompute_0_and_8_give_identical_cells_and_proofs()
    {
        var eight = Native;
        var path = ((NativeKzgBackend)eight.Backend).LibraryPath;
        using var zero = new KzgContext(NativeKzgBackend.Create(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = 0, LibraryPath = path }));
        Assert.Equal(0, ((NativeKzgBackend)zero.Backend).Precompute);
        var blob = Blob.FromBytes(TestBlobs.Random(seed: 7594));
        var (cells0, proofs0) = zero.ComputeCellsAndKzgProofs(blob);
        var (cells8, proofs8) = eight.ComputeCellsAndKzgProofs(blob);
        Assert.Equal(cells8, cells0);
        Assert.Equal(proofs8, proofs0);
    }

    [SkippableFact]
    public void Commitment_off_the_curve_is_named()
    {
        var bad = KzgCommitment.FromBytes(TestBlobs.CompressedX(onCurve: false));
        var e = Assert.Throws<KzgInputException>(() => Native.ComputeBlobKzgProof(s_blob, bad));
        Assert.Equal("commitment: not a valid G1 point (off curve)", e.Message);
    }

    [SkippableFact]
    public void Proof_outside_the_subgroup_is_named()
    {
        var kzg = Native;
        var commitment = kzg.BlobToKzgCommitment(s_blob);
        var bad = KzgProof.FromBytes(TestBlobs.CompressedX(onCurve: true));
        var e = Assert.Throws<KzgInputException>(() => kzg.VerifyBlobKzgProof(s_blob, commitment, bad));
        Assert.Equal("proof: not a valid G1 point (not in subgroup)", e.Message);
    }

    [SkippableFact]
    public void Uncompressed_flag_and_bad_infinity_are_bad_encodings()
    {
        var kzg = Native;
        var noFlag = new byte[48];
        noFlag[47] = 1;
        var e = Assert.Throws<KzgInputException>(() => kzg.VerifyKzgProof(KzgCommitment.FromBytes(noFlag), FieldElement.Zero, FieldElement.Zero, KzgProof.Infinity));
        Assert.Equal("commitment: not a valid G1 point (invalid compressed encoding)", e.Message);
        var dirtyInfinity = new byte[48];
        dirtyInfinity[0] = 0xc0;
        dirtyInfinity[47] = 1;
        e = Assert.Throws<KzgInputException>(() => kzg.VerifyKzgProof(KzgCommitment.Infinity, FieldElement.Zero, FieldElement.Zero, KzgProof.FromBytes(dirtyInfinity)));
        Assert.Equal("proof: not a valid G1 point (invalid compressed encoding)", e.Message);
    }

    [SkippableFact]
    public void Batch_errors_name_the_index_of_the_bad_point()
    {
        var kzg = Native;
        var blobs = new[] { TestBlobs.Random(11), TestBlobs.Random(12), TestBlobs.Random(13) };
        var commitments = blobs.Select(b => kzg.BlobToKzgCommitment(b)).ToArray();
        var proofs = blobs.Select((b, i) => kzg.ComputeBlobKzgProof(b, commitments[i])).ToArray();
        var all = blobs.SelectMany(b => b).ToArray();
        Assert.True(kzg.VerifyBlobKzgProofBatch(all, commitments, proofs));

        var badCommitments = (KzgCommitment[])commitments.Clone();
        badCommitments[2] = KzgCommitment.FromBytes(TestBlobs.CompressedX(onCurve: false));
        var e = Assert.Throws<KzgInputException>(() => kzg.VerifyBlobKzgProofBatch(all, badCommitments, proofs));
        Assert.Equal("commitment 2: not a valid G1 point (off curve)", e.Message);

        var badProofs = (KzgProof[])proofs.Clone();
        badProofs[1] = KzgProof.FromBytes(TestBlobs.CompressedX(onCurve: true));
        e = Assert.Throws<KzgInputException>(() => kzg.VerifyBlobKzgProofBatch(all, commitments, badProofs));
        Assert.Equal("proof 1: not a valid G1 point (not in subgroup)", e.Message);
    }

    [SkippableFact]
    public void Cell_batch_errors_name_the_index_of_the_bad_point()
    {
        var kzg = Native;
        var blob = Blob.FromBytes(TestBlobs.Random(21));
        var commitment = kzg.BlobToKzgCommitment(blob);
        var (cells, proofs) = kzg.ComputeCellsAndKzgProofs(blob);
        ulong[] indices = [3, 64, 127];
        var someCells = indices.Select(i => cells[i]).ToArray();
        var someProofs = indices.Select(i => proofs[i]).ToArray();
        var commitments = new[] { commitment, commitment, commitment };
        Assert.True(kzg.VerifyCellKzgProofBatch(commitments, indices, someCells, someProofs));
        someProofs[2] = KzgProof.FromBytes(TestBlobs.CompressedX(onCurve: false, start: 5));
        var e = Assert.Throws<KzgInputException>(() => kzg.VerifyCellKzgProofBatch(commitments, indices, someCells, someProofs));
        Assert.Equal("proof 2: not a valid G1 point (off curve)", e.Message);
    }

    [SkippableFact]
    public void A_non_canonical_blob_passed_straight_to_the_backend_is_refused_not_a_crash()
    {
        var backend = Native.Backend;
        var blob = (byte[])s_blob.Clone();
        KzgConstants.BlsModulusBigEndian.CopyTo(blob.AsSpan(32 * 100));
        var e = Assert.Throws<KzgInputException>(() => backend.BlobToKzgCommitment(blob));
        Assert.Contains("blob_to_kzg_commitment", e.Message);
        Assert.Contains("C_KZG_BADARGS", e.Message);
        Assert.Throws<KzgInputException>(() => backend.BlobToKzgCommitment(blob.AsSpan(1)));
        Assert.Throws<KzgInputException>(() => backend.VerifyBlobKzgProofBatch(s_blob.AsSpan(0, 1000), [KzgCommitment.Infinity], [KzgProof.Infinity]));
    }

    [SkippableFact]
    public void Out_of_range_indices_passed_straight_to_the_backend_are_refused()
    {
        var backend = Native.Backend;
        var cells = new byte[64 * KzgConstants.BytesPerCell];
        var indices = Enumerable.Range(0, 64).Select(i => (ulong)i).ToArray();
        indices[63] = 500;
        var e = Assert.Throws<KzgInputException>(() =>
            backend.RecoverCellsAndKzgProofs(indices, cells, new byte[128 * KzgConstants.BytesPerCell], new KzgProof[128]));
        Assert.Contains("recover_cells_and_kzg_proofs", e.Message);
    }

    [SkippableFact]
    public void Many_threads_share_one_backend()
    {
        var kzg = Native;
        var blobs = Enumerable.Range(100, 4).Select(TestBlobs.Random).ToArray();
        var expected = blobs.Select(b => kzg.BlobToKzgCommitment(b)).ToArray();
        var results = new KzgCommitment[16];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = kzg.BlobToKzgCommitment(blobs[i % 4]));
        for (int i = 0; i < results.Length; i++) Assert.Equal(expected[i % 4], results[i]);
    }

    [SkippableFact]
    public void Calls_after_dispose_throw_instead_of_touching_freed_memory()
    {
        var path = ((NativeKzgBackend)Native.Backend).LibraryPath;
        var backend = NativeKzgBackend.Create(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = 0, LibraryPath = path });
        var commitment = backend.BlobToKzgCommitment(s_blob);
        Assert.Equal(Native.BlobToKzgCommitment(s_blob), commitment);
        backend.Dispose();
        Assert.Throws<ObjectDisposedException>(() => backend.BlobToKzgCommitment(s_blob));
        backend.Dispose(); // idempotent
    }
}
