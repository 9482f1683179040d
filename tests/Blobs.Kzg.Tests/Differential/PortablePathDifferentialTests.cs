using Blobs.Kzg.Managed;
using Blobs.Kzg.Tests.Infrastructure;
using static Blobs.Kzg.Tests.Differential.DifferentialBackends;

namespace Blobs.Kzg.Tests.Differential;

/// <summary>
/// The managed backend's portable scalar code (<see cref="ManagedKzgOptions.UseAvx512"/> = false, what a
/// CPU without AVX-512 runs) against c-kzg on seeded random blobs and the zero and r − 1 blobs: the same
/// bytes and decisions. On a machine without AVX-512 the main differential suite already runs this code.
/// </summary>
public sealed class PortablePathDifferentialTests
{
    private static readonly Lazy<KzgContext> s_portable = new(() =>
        new KzgContext(new ManagedKzgBackend(TrustedSetup.Mainnet, new ManagedKzgOptions { UseAvx512 = false })));

    [SkippableFact]
    public void Portable_code_agrees_with_c_kzg()
    {
        var (native, _) = Get();
        var portable = s_portable.Value;
        var rng = new Random(8_000);
        var rMinus1 = Convert.FromHexString("73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000000");
        var blobs = new List<byte[]> { new byte[KzgConstants.BytesPerBlob] };
        var edge = new byte[KzgConstants.BytesPerBlob];
        for (int i = 0; i < KzgConstants.FieldElementsPerBlob; i++) rMinus1.CopyTo(edge, i * 32);
        blobs.Add(edge);
        for (int i = 0; i < 8; i++) blobs.Add(UniformBlob(rng));
        var commitments = new List<KzgCommitment>();
        var proofs = new List<KzgProof>();
        foreach (var (blob, b) in blobs.Select((x, i) => (x, i)))
        {
            var c = native.BlobToKzgCommitment(blob);
            Assert.Equal(c, portable.BlobToKzgCommitment(blob));
            var p = native.ComputeBlobKzgProof(blob, c);
            Assert.Equal(p, portable.ComputeBlobKzgProof(blob, c));
            Assert.True(portable.VerifyBlobKzgProof(blob, c, p), $"blob {b}: the proof must verify");
            var z = b == 0 ? FieldElement.FromBytes(TestBlobs.RandomField(b).Bytes) : UniformField(rng);
            var (zp, y) = native.ComputeKzgProof(blob, z);
            var (mp, my) = portable.ComputeKzgProof(blob, z);
            Assert.Equal(zp, mp);
            Assert.Equal(y, my);
            Assert.True(portable.VerifyKzgProof(c, z, y, zp));
            commitments.Add(c);
            proofs.Add(p);
        }
        var all = blobs.SelectMany(x => x).ToArray();
        Assert.True(portable.VerifyBlobKzgProofBatch(all, commitments.ToArray(), proofs.ToArray()));
        var swapped = proofs.ToArray();
        (swapped[2], swapped[3]) = (swapped[3], swapped[2]);
        Assert.False(portable.VerifyBlobKzgProofBatch(all, commitments.ToArray(), swapped));
        Assert.False(native.VerifyBlobKzgProofBatch(all, commitments.ToArray(), swapped));
    }
}
