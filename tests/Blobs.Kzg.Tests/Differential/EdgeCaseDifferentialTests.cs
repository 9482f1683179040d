using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip4844;
using Blobs.Kzg.Tests.Infrastructure;
using static Blobs.Kzg.Tests.Differential.DifferentialBackends;

namespace Blobs.Kzg.Tests.Differential;

/// <summary>
/// Managed vs native on the inputs where implementations part ways: the zero blob (infinity commitment
/// and proof), blobs of r − 1, evaluation points inside the domain (0/0 in the quotient), the point at
/// infinity as commitment or proof, duplicate blobs in a batch, and points that must be refused.
/// </summary>
public sealed class EdgeCaseDifferentialTests
{
    private static readonly byte[] RMinus1 = Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");

    private static byte[] BlobOf(Func<int, byte[]?> element)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        for (int i = 0; i < KzgConstants.FieldElementsPerBlob; i++) element(i)?.CopyTo(blob, i * 32);
        return blob;
    }

    private static FieldElement Fe(Fr value) => FieldElement.FromBytes(value.ToBytesBigEndian());

    /// <summary>Every function on one blob: commitment, blob proof, challenge, verification, and point proofs at the given z.</summary>
    private static void AllAgree(string name, byte[] blob, params FieldElement[] zs)
    {
        var (native, _) = Get();
        Agree($"{name}: blob_to_kzg_commitment", k => k.BlobToKzgCommitment(blob).ToString());
        var commitment = native.BlobToKzgCommitment(blob);
        Agree($"{name}: compute_blob_kzg_proof", k => k.ComputeBlobKzgProof(blob, commitment).ToString());
        Agree($"{name}: compute_challenge", k => k.ComputeChallenge(blob, commitment).ToString());
        var proof = native.ComputeBlobKzgProof(blob, commitment);
        Assert.True(AgreeBool($"{name}: verify_blob_kzg_proof", k => k.VerifyBlobKzgProof(blob, commitment, proof)));
        Assert.True(AgreeBool($"{name}: verify_blob_kzg_proof_batch", k => k.VerifyBlobKzgProofBatch(blob, [commitment], [proof])));
        foreach (var z in zs)
        {
            Agree($"{name}: compute_kzg_proof at {z}", k => k.ComputeKzgProof(blob, z) is var (p, y) ? $"{p} {y}" : "");
            var (zProof, y) = native.ComputeKzgProof(blob, z);
            Assert.True(AgreeBool($"{name}: verify_kzg_proof at {z}", k => k.VerifyKzgProof(commitment, z, y, zProof)));
            var otherY = Fe(Fr.TryFromBytesBigEndian(y.Bytes, out var yFr) ? yFr + Fr.One : Fr.One);
            Assert.False(AgreeBool($"{name}: verify_kzg_proof at {z} (y + 1)", k => k.VerifyKzgProof(commitment, z, otherY, zProof)));
        }
    }

    private static FieldElement[] InterestingZ(int seed)
    {
        var roots = Domain.RootsBrp;
        return
        [
            FieldElement.Zero,
            Fe(Fr.One),                       // ω^0, the first domain point
            FieldElement.FromBytes(RMinus1),  // −1 = ω^2048, in the domain
            Fe(roots[1]), Fe(roots[4095]), Fe(roots[1000 + seed]),
            Fe(Fr.FromUInt64(2)),
            UniformField(new Random(seed)),
        ];
    }

    [SkippableFact]
    public void Zero_blob_commits_to_infinity_and_agrees_everywhere()
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        Assert.Equal(KzgCommitment.Infinity.ToString(), Agree("zero blob: commitment", k => k.BlobToKzgCommitment(blob).ToString()));
        Assert.Equal(KzgProof.Infinity.ToString(), Agree("zero blob: blob proof", k => k.ComputeBlobKzgProof(blob, KzgCommitment.Infinity).ToString()));
        AllAgree("zero blob", blob, InterestingZ(1));
    }

    [SkippableFact]
    public void Blob_of_r_minus_1_agrees()
    {
        AllAgree("all r − 1", BlobOf(_ => RMinus1), InterestingZ(2));
        AllAgree("r − 1 on even indices", BlobOf(i => i % 2 == 0 ? RMinus1 : null), InterestingZ(3));
    }

    [SkippableFact]
    public void Sparse_and_small_blobs_agree()
    {
        AllAgree("single 1 at index 1", BlobOf(i => i == 1 ? Fe(Fr.One).Bytes.ToArray() : null), InterestingZ(4));
        var rng = new Random(5);
        AllAgree("small values", BlobOf(_ => Fe(Fr.FromUInt64((ulong)rng.Next(4))).Bytes.ToArray()), InterestingZ(5));
        AllAgree("constant 7", BlobOf(_ => Fe(Fr.FromUInt64(7)).Bytes.ToArray()), InterestingZ(6));
    }

    [SkippableFact]
    public void Random_blob_at_points_of_the_domain_agrees()
    {
        var blob = UniformBlob(new Random(7));
        AllAgree("random blob", blob, InterestingZ(7));
        // In the domain, y is the blob's own element.
        var (native, managed) = Get();
        var (_, y) = managed.ComputeKzgProof(blob, Fe(Domain.RootsBrp[123]));
        Assert.Equal(Convert.ToHexStringLower(blob.AsSpan(123 * 32, 32)), y.ToString()[2..]);
        Assert.Equal(native.ComputeKzgProof(blob, Fe(Domain.RootsBrp[123])).Y, y);
    }

    [SkippableFact]
    public void Infinity_commitment_and_proof_are_accepted_only_where_they_belong()
    {
        var (native, _) = Get();
        var inf = KzgCommitment.Infinity;
        var infProof = KzgProof.Infinity;
        var z = UniformField(new Random(8));
        // The zero polynomial: infinity commitment, infinity proof, y = 0.
        Assert.True(AgreeBool("infinity: verify_kzg_proof y = 0", k => k.VerifyKzgProof(inf, z, FieldElement.Zero, infProof)));
        Assert.False(AgreeBool("infinity: verify_kzg_proof y = 1", k => k.VerifyKzgProof(inf, z, Fe(Fr.One), infProof)));

        var blob = UniformBlob(new Random(9));
        var commitment = native.BlobToKzgCommitment(blob);
        var proof = native.ComputeBlobKzgProof(blob, commitment);
        Assert.False(AgreeBool("infinity proof for a random blob", k => k.VerifyBlobKzgProof(blob, commitment, infProof)));
        Assert.False(AgreeBool("infinity commitment for a random blob", k => k.VerifyBlobKzgProof(blob, inf, proof)));
        Assert.False(AgreeBool("infinity commitment and proof for a random blob", k => k.VerifyBlobKzgProof(blob, inf, infProof)));
        Agree("blob proof against the infinity commitment", k => k.ComputeBlobKzgProof(blob, inf).ToString());
        var (zProof, y) = native.ComputeKzgProof(blob, z);
        Assert.False(AgreeBool("verify_kzg_proof with an infinity proof", k => k.VerifyKzgProof(commitment, z, y, infProof)));
        Assert.False(AgreeBool("verify_kzg_proof with an infinity commitment", k => k.VerifyKzgProof(inf, z, y, zProof)));

        // A batch mixing the zero blob (infinity commitment and proof) with random ones.
        var zero = new byte[KzgConstants.BytesPerBlob];
        var blobs = zero.Concat(blob).Concat(zero).ToArray();
        Assert.True(AgreeBool("batch with zero blobs", k => k.VerifyBlobKzgProofBatch(blobs, [inf, commitment, inf], [infProof, proof, infProof])));
        Assert.False(AgreeBool("batch with an infinity proof for a random blob", k => k.VerifyBlobKzgProofBatch(blobs, [inf, commitment, inf], [infProof, infProof, infProof])));
    }

    [SkippableFact]
    public void Duplicate_blobs_in_a_batch_agree()
    {
        var (native, _) = Get();
        var rng = new Random(10);
        var a = UniformBlob(rng);
        var b = UniformBlob(rng);
        var ca = native.BlobToKzgCommitment(a);
        var cb = native.BlobToKzgCommitment(b);
        var pa = native.ComputeBlobKzgProof(a, ca);
        var pb = native.ComputeBlobKzgProof(b, cb);
        byte[] Cat(params byte[][] xs) => xs.SelectMany(x => x).ToArray();

        Assert.True(AgreeBool("A A", k => k.VerifyBlobKzgProofBatch(Cat(a, a), [ca, ca], [pa, pa])));
        Assert.True(AgreeBool("A A B A", k => k.VerifyBlobKzgProofBatch(Cat(a, a, b, a), [ca, ca, cb, ca], [pa, pa, pb, pa])));
        Assert.False(AgreeBool("A A with B's proof once", k => k.VerifyBlobKzgProofBatch(Cat(a, a), [ca, ca], [pa, pb])));
        Assert.False(AgreeBool("A B with proofs swapped", k => k.VerifyBlobKzgProofBatch(Cat(a, b), [ca, cb], [pb, pa])));
        Assert.False(AgreeBool("A B with commitments swapped", k => k.VerifyBlobKzgProofBatch(Cat(a, b), [cb, ca], [pa, pb])));
        Assert.True(AgreeBool("empty batch", k => k.VerifyBlobKzgProofBatch(ReadOnlySpan<byte>.Empty, [], [])));
    }

    [SkippableFact]
    public void Points_off_the_curve_or_outside_the_subgroup_are_refused_by_both()
    {
        var (native, _) = Get();
        var blob = UniformBlob(new Random(11));
        var commitment = native.BlobToKzgCommitment(blob);
        var proof = native.ComputeBlobKzgProof(blob, commitment);
        var z = UniformField(new Random(12));
        var (zProof, y) = native.ComputeKzgProof(blob, z);
        var bad = new (string Name, byte[] Bytes)[]
        {
            ("not on the curve", TestBlobs.CompressedX(onCurve: false)),
            ("not in the subgroup", TestBlobs.CompressedX(onCurve: true)),
            ("no compression flag", commitment.Bytes.ToArray().Select((x, i) => i == 0 ? (byte)(x & 0x7f) : x).ToArray()),
            ("infinity with a stray bit", KzgCommitment.Infinity.Bytes.ToArray().Select((x, i) => i == 47 ? (byte)1 : x).ToArray()),
            ("x ≥ p", Enumerable.Repeat((byte)0xff, 48).Select((x, i) => i == 0 ? (byte)0x9f : x).ToArray()),
        };
        foreach (var (name, bytes) in bad)
        {
            var c = KzgCommitment.FromBytes(bytes);
            var p = KzgProof.FromBytes(bytes);
            Assert.Equal(InvalidInput, Agree($"{name}: verify_blob_kzg_proof commitment", k => k.VerifyBlobKzgProof(blob, c, proof).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: verify_blob_kzg_proof proof", k => k.VerifyBlobKzgProof(blob, commitment, p).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: compute_blob_kzg_proof", k => k.ComputeBlobKzgProof(blob, c).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: verify_kzg_proof commitment", k => k.VerifyKzgProof(c, z, y, zProof).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: verify_kzg_proof proof", k => k.VerifyKzgProof(commitment, z, y, p).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: batch commitment", k => k.VerifyBlobKzgProofBatch(blob.Concat(blob).ToArray(), [commitment, c], [proof, proof]).ToString()));
            Assert.Equal(InvalidInput, Agree($"{name}: batch proof", k => k.VerifyBlobKzgProofBatch(blob.Concat(blob).ToArray(), [commitment, commitment], [proof, p]).ToString()));
        }
    }
}
