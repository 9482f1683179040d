using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Native;

/// <summary>
/// Round trips on seeded random blobs through the native backend: what it proves it verifies, a
/// changed value does not verify (false, not an error), recovery restores cells and proofs.
/// </summary>
public sealed class NativeRoundTripTests
{
    private static KzgContext Native => TestBackends.Get(TestBackends.Native);

    [SkippableTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Blob_proof_verifies_and_a_different_blob_does_not(int seed)
    {
        var kzg = Native;
        var blob = TestBlobs.Random(seed);
        var commitment = kzg.BlobToKzgCommitment(blob);
        var proof = kzg.ComputeBlobKzgProof(blob, commitment);
        Assert.True(kzg.VerifyBlobKzgProof(blob, commitment, proof));
        var other = (byte[])blob.Clone();
        other[31] ^= 1;
        Assert.False(kzg.VerifyBlobKzgProof(other, commitment, proof));
        Assert.False(kzg.VerifyBlobKzgProof(blob, commitment, kzg.ComputeBlobKzgProof(other, kzg.BlobToKzgCommitment(other))));
    }

    [SkippableTheory]
    [InlineData(10)]
    [InlineData(11)]
    public void Point_proof_verifies_and_a_wrong_y_does_not(int seed)
    {
        var kzg = Native;
        var blob = TestBlobs.Random(seed);
        var commitment = kzg.BlobToKzgCommitment(blob);
        var z = TestBlobs.RandomField(seed * 31);
        var (proof, y) = kzg.ComputeKzgProof(blob, z);
        Assert.True(kzg.VerifyKzgProof(commitment, z, y, proof));
        var wrongY = TestBlobs.RandomField(seed * 37);
        Assert.NotEqual(y, wrongY);
        Assert.False(kzg.VerifyKzgProof(commitment, z, wrongY, proof));
    }

    [SkippableFact]
    public void Evaluating_at_a_domain_point_returns_the_blob_element()
    {
        // The blob holds p's values on the bit-reversed roots of unity; element 0 is p(1).
        var kzg = Native;
        var blob = TestBlobs.Random(42);
        var one = new byte[32];
        one[31] = 1;
        var (_, y) = kzg.ComputeKzgProof(blob, FieldElement.FromBytes(one));
        Assert.Equal(blob.AsSpan(0, 32).ToArray(), y.Bytes.ToArray());
    }

    [SkippableFact]
    public void Span_and_value_type_overloads_agree()
    {
        var kzg = Native;
        var bytes = TestBlobs.Random(5);
        var blob = Blob.FromBytes(bytes);
        var commitment = kzg.BlobToKzgCommitment(bytes);
        Assert.Equal(commitment, kzg.BlobToKzgCommitment(blob));
        var proof = kzg.ComputeBlobKzgProof(bytes, commitment);
        Assert.Equal(proof, kzg.ComputeBlobKzgProof(blob, commitment));
        Assert.True(kzg.VerifyBlobKzgProof(blob, commitment, proof));
        var cellBytes = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        kzg.ComputeCells(bytes, cellBytes);
        Assert.Equal(Cell.Split(cellBytes), kzg.ComputeCells(blob));
        // The first half of the extended blob is the blob itself (bit-reversed order is kept).
        Assert.Equal(bytes, cellBytes.AsSpan(0, KzgConstants.BytesPerBlob).ToArray());
    }

    [SkippableFact]
    public void Batch_of_blobs_verifies_and_fails_when_one_proof_is_swapped()
    {
        var kzg = Native;
        var blobs = Enumerable.Range(200, 4).Select(s => Blob.FromBytes(TestBlobs.Random(s))).ToArray();
        var commitments = blobs.Select(b => kzg.BlobToKzgCommitment(b)).ToArray();
        var proofs = blobs.Select((b, i) => kzg.ComputeBlobKzgProof(b, commitments[i])).ToArray();
        Assert.True(kzg.VerifyBlobKzgProofBatch(blobs, commitments, proofs));
        (proofs[0], proofs[3]) = (proofs[3], proofs[0]);
        Assert.False(kzg.VerifyBlobKzgProofBatch(blobs, commitments, proofs));
        Assert.True(kzg.VerifyBlobKzgProofBatch(ReadOnlySpan<Blob>.Empty, [], []));
    }

    [SkippableTheory]
    [InlineData(300)]
    [InlineData(301)]
    public void Recovery_from_a_random_half_restores_cells_and_proofs(int seed)
    {
        var kzg = Native;
        var blob = Blob.FromBytes(TestBlobs.Random(seed));
        var (cells, proofs) = kzg.ComputeCellsAndKzgProofs(blob);
        var rng = new Random(seed);
        var keep = Enumerable.Range(0, KzgConstants.CellsPerExtBlob).OrderBy(_ => rng.Next()).Take(64).Order().Select(i => (ulong)i).ToArray();
        var (recovered, recoveredProofs) = kzg.RecoverCellsAndKzgProofs(keep, keep.Select(i => cells[i]).ToArray());
        Assert.Equal(cells, recovered);
        Assert.Equal(proofs, recoveredProofs);
        var commitment = kzg.BlobToKzgCommitment(blob);
        var all = Enumerable.Range(0, 128).Select(i => (ulong)i).ToArray();
        Assert.True(kzg.VerifyCellKzgProofBatch(Enumerable.Repeat(commitment, 128).ToArray(), all, recovered, recoveredProofs));
    }

    [SkippableFact]
    public void Recovery_refuses_unsorted_indices_with_the_position()
    {
        var kzg = Native;
        var cells = Enumerable.Range(0, 64).Select(_ => default(Cell)).ToArray();
        var indices = Enumerable.Range(0, 64).Select(i => (ulong)i).ToArray();
        (indices[10], indices[11]) = (indices[11], indices[10]);
        var e = Assert.Throws<KzgInputException>(() => kzg.RecoverCellsAndKzgProofs(indices, cells));
        Assert.Equal("cell indices: index 10 at position 11 follows 11; recovery needs them in ascending order", e.Message);
    }

    [SkippableFact]
    public void Challenges_depend_on_every_input()
    {
        var kzg = Native;
        var blob = TestBlobs.Random(400);
        var commitment = kzg.BlobToKzgCommitment(blob);
        var challenge = kzg.ComputeChallenge(blob, commitment);
        Assert.Equal(challenge, kzg.ComputeChallenge(blob, commitment));
        var other = (byte[])blob.Clone();
        other[100] ^= 1;
        Assert.NotEqual(challenge, kzg.ComputeChallenge(other, commitment));
        Assert.NotEqual(challenge, kzg.ComputeChallenge(blob, KzgCommitment.Infinity));

        var (cells, proofs) = kzg.ComputeCellsAndKzgProofs(Blob.FromBytes(blob));
        var cellBytes = cells[5].Bytes.ToArray().Concat(cells[9].Bytes.ToArray()).ToArray();
        var r = kzg.ComputeVerifyCellKzgProofBatchChallenge([commitment], [0, 0], [5, 9], cellBytes, [proofs[5], proofs[9]]);
        Assert.NotEqual(r, kzg.ComputeVerifyCellKzgProofBatchChallenge([commitment], [0, 0], [5, 10], cellBytes, [proofs[5], proofs[9]]));
        Assert.NotEqual(r, kzg.ComputeVerifyCellKzgProofBatchChallenge([commitment], [0, 0], [5, 9], cellBytes, [proofs[9], proofs[5]]));
        var e = Assert.Throws<KzgInputException>(() => kzg.ComputeVerifyCellKzgProofBatchChallenge([commitment], [0, 1], [5, 9], cellBytes, [proofs[5], proofs[9]]));
        Assert.Contains("commitment indices: index 1 at position 1", e.Message);
    }
}
