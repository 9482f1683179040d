using static Blobs.Kzg.Tests.Differential.DifferentialBackends;

namespace Blobs.Kzg.Tests.Differential;

/// <summary>
/// Managed vs native on seeded random blobs (uniform elements below BLS_MODULUS): commitments, blob
/// proofs, challenges, point proofs and evaluations are byte-identical; both accept what they prove and
/// both reject wrong blobs, proofs, commitments and values; batches of the chunk's blobs agree, with and
/// without one swapped proof. The blobs are split into ten chunks so xUnit can spread them over cores.
/// </summary>
public sealed class RandomBlobDifferentialTests
{
    private const int Chunks = 10;

    public static TheoryData<int> ChunkIndices => new(Enumerable.Range(0, Chunks));

    [SkippableTheory]
    [MemberData(nameof(ChunkIndices))]
    public void Random_blobs_agree(int chunk)
    {
        var (native, _) = Get();
        int perChunk = (RandomBlobCount + Chunks - 1) / Chunks;
        var rng = new Random(4844_000 + chunk);
        var blobs = new byte[perChunk][];
        var commitments = new KzgCommitment[perChunk];
        var proofs = new KzgProof[perChunk];
        for (int b = 0; b < perChunk; b++)
        {
            string name = $"chunk {chunk} blob {b}";
            var blob = blobs[b] = UniformBlob(rng);

            // 1. Commitment, blob proof and challenge: identical bytes.
            Agree($"{name}: blob_to_kzg_commitment", k => k.BlobToKzgCommitment(blob).ToString());
            var commitment = commitments[b] = native.BlobToKzgCommitment(blob);
            Agree($"{name}: compute_blob_kzg_proof", k => k.ComputeBlobKzgProof(blob, commitment).ToString());
            var proof = proofs[b] = native.ComputeBlobKzgProof(blob, commitment);
            Agree($"{name}: compute_challenge", k => k.ComputeChallenge(blob, commitment).ToString());

            // 2. Decisions: the right proof verifies; a changed blob, another blob's proof or commitment does not.
            Assert.True(AgreeBool($"{name}: verify_blob_kzg_proof", k => k.VerifyBlobKzgProof(blob, commitment, proof)));
            var changed = (byte[])blob.Clone();
            int at = rng.Next(KzgConstants.FieldElementsPerBlob) * 32;
            changed[at + 31] ^= 1;
            if (FieldElement.IsCanonical(changed.AsSpan(at, 32)))
                Assert.False(AgreeBool($"{name}: verify_blob_kzg_proof (changed blob)", k => k.VerifyBlobKzgProof(changed, commitment, proof)));
            if (b > 0)
            {
                var otherProof = proofs[b - 1];
                var otherCommitment = commitments[b - 1];
                Assert.False(AgreeBool($"{name}: verify_blob_kzg_proof (other proof)", k => k.VerifyBlobKzgProof(blob, commitment, otherProof)));
                Assert.False(AgreeBool($"{name}: verify_blob_kzg_proof (other commitment)", k => k.VerifyBlobKzgProof(blob, otherCommitment, proof)));
            }

            // 3. Every fourth blob: a point proof at a random z, its evaluation, and verify_kzg_proof.
            if (b % 4 == 0)
            {
                var z = UniformField(rng);
                Agree($"{name}: compute_kzg_proof", k => k.ComputeKzgProof(blob, z) is var (p, y) ? $"{p} {y}" : "");
                var (zProof, zY) = native.ComputeKzgProof(blob, z);
                Assert.True(AgreeBool($"{name}: verify_kzg_proof", k => k.VerifyKzgProof(commitment, z, zY, zProof)));
                var wrongY = UniformField(rng);
                Assert.False(AgreeBool($"{name}: verify_kzg_proof (wrong y)", k => k.VerifyKzgProof(commitment, z, wrongY, zProof)));
            }
        }

        // 4. The whole chunk as one batch, then with two proofs swapped.
        var all = blobs.SelectMany(x => x).ToArray();
        Assert.True(AgreeBool($"chunk {chunk}: verify_blob_kzg_proof_batch", k => k.VerifyBlobKzgProofBatch(all, commitments, proofs)));
        var swapped = (KzgProof[])proofs.Clone();
        (swapped[0], swapped[^1]) = (swapped[^1], swapped[0]);
        Assert.False(AgreeBool($"chunk {chunk}: verify_blob_kzg_proof_batch (swapped proofs)", k => k.VerifyBlobKzgProofBatch(all, commitments, swapped)));
    }
}
