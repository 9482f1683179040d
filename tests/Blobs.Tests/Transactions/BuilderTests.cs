using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>
/// Our builder against cast: the same data through the simple codec (alloy's SimpleCoder), our commitments and proofs
/// or cell proofs, our signature — byte-identical to <c>cast mktx --blob</c> in both network forms. And the validator's
/// KZG checks on good and corrupted sidecars.
/// </summary>
public class BuilderTests
{
    public static TheoryData<string, string> Vectors() => new()
    {
        { "v0-1blob-accesslist", "data-small.bin" },
        { "v1-1blob-accesslist", "data-small.bin" },
        { "v0-2blobs", "data-2blobs.bin" },
        { "v1-2blobs", "data-2blobs.bin" },
    };

    [SkippableTheory, MemberData(nameof(Vectors))]
    public void Our_build_of_the_same_transaction_is_byte_identical_to_cast(string name, string dataFile)
    {
        var kzg = TxKzg.Context();
        var cast = BlobTransactionCodec.Decode(TxVectors.Bytes(name));
        var data = File.ReadAllBytes(Path.Combine(TxVectors.Dir(), dataFile));
        var fields = BlobTransactionBuilder.FieldsOf(cast.Transaction);
        var ours = BlobTransactionBuilder.FromData(fields, data, BlobCodecs.Get("simple"), cast.Sidecar!.Version, kzg, Hex.Decode(TxVectors.DevKey));
        Assert.Equal(TxVectors.Hex(name), Hex.Encode(ours.NetworkEncoding()));
        Assert.Equal(cast.Transaction.Hash(), ours.Transaction.Hash());
    }

    [SkippableTheory]
    [InlineData("v0-2blobs", SidecarVersion.V1, "v1-2blobs")]
    [InlineData("v1-1blob-accesslist", SidecarVersion.V0, "v0-1blob-accesslist")]
    public void Converting_the_sidecar_gives_cast_other_form(string from, SidecarVersion to, string expected)
    {
        var kzg = TxKzg.Context();
        var source = BlobTransactionCodec.Decode(TxVectors.Bytes(from));
        var converted = SidecarBuilder.Convert(source.Sidecar!, to, kzg);
        var target = BlobTransactionCodec.Decode(TxVectors.Bytes(expected)).Sidecar!;
        Assert.Equal(target.Version, converted.Version);
        Assert.Equal(target.Commitments, converted.Commitments);
        Assert.Equal(target.Proofs, converted.Proofs);
    }

    [SkippableTheory]
    [InlineData("v0-2blobs")]
    [InlineData("v1-2blobs")]
    public void Validator_verifies_the_proofs(string name)
    {
        var kzg = TxKzg.Context();
        var d = BlobTransactionCodec.Decode(TxVectors.Bytes(name));
        var ok = BlobTransactionValidator.Validate(d.Transaction, d.Sidecar, kzg, new ValidationRules { ChainId = 1, RequireSidecar = true });
        Assert.True(ok.IsValid, string.Join("; ", ok.Errors));
        Assert.Empty(ok.Unchecked);
        Assert.Equal("valid", ok.Verdict);

        // Swap the two blobs' proofs (v0) or the first two cell proofs (v1): well-formed points, wrong proofs.
        var sc = d.Sidecar!;
        var proofs = sc.Proofs.ToArray();
        (proofs[0], proofs[1]) = (proofs[1], proofs[0]);
        var swapped = new BlobSidecar(sc.Version, sc.Blobs, sc.Commitments, proofs);
        var bad = BlobTransactionValidator.Validate(d.Transaction, swapped, kzg);
        Assert.Contains(bad.Errors, e => e.Contains("do not verify"));

        // A blob changed in one canonical element: its proof no longer verifies.
        var blob0 = sc.Blobs[0].ToArray();
        blob0[31] ^= 1;
        var changed = new BlobSidecar(sc.Version, [blob0, .. sc.Blobs.Skip(1)], sc.Commitments, sc.Proofs);
        Assert.Contains(BlobTransactionValidator.Validate(d.Transaction, changed, kzg).Errors, e => e.Contains("do not verify"));

        // A non-canonical field element is invalid input, reported as such.
        var blobNc = sc.Blobs[0].ToArray();
        blobNc.AsSpan(0, 32).Fill(0xff);
        var nonCanonical = new BlobSidecar(sc.Version, [blobNc, .. sc.Blobs.Skip(1)], sc.Commitments, sc.Proofs);
        Assert.Contains(BlobTransactionValidator.Validate(d.Transaction, nonCanonical, kzg).Errors, e => e.StartsWith("KZG input rejected"));
    }

    [SkippableFact]
    public void Building_six_blobs_in_parallel_matches_building_them_one_by_one()
    {
        var kzg = TxKzg.Context();
        var codec = BlobCodecs.Get("simple");
        var data = new byte[codec.Capacity(6) - 10];
        new Random(6).NextBytes(data);
        var blobs = codec.Encode(data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
        Assert.Equal(6, blobs.Length);
        var done = new List<int>();
        var sidecar = SidecarBuilder.Build(blobs, SidecarVersion.V0, kzg, new SyncProgress(done));
        Assert.Equal(Enumerable.Range(0, 6), done.Order());
        for (int i = 0; i < 6; i++)
        {
            var c = kzg.BlobToKzgCommitment(blobs[i].Span);
            Assert.Equal(c, sidecar.Commitments[i]);
            Assert.Equal(kzg.ComputeBlobKzgProof(blobs[i].Span, c), sidecar.Proofs[i]);
        }
    }

    [SkippableFact]
    public void Builder_refuses_bad_blobs_naming_the_blob()
    {
        var kzg = TxKzg.Context();
        var good = new byte[BlobSidecar.BytesPerBlob];
        var bad = new byte[BlobSidecar.BytesPerBlob];
        bad.AsSpan(32 * 5, 32).Fill(0xff);
        var e = Assert.Throws<KzgInputException>(() => SidecarBuilder.Build([good, bad], SidecarVersion.V0, kzg));
        Assert.StartsWith("blob 1:", e.Message);
        Assert.Throws<ArgumentException>(() => SidecarBuilder.Build([new byte[100]], SidecarVersion.V1, kzg));
        Assert.Throws<ArgumentException>(() => SidecarBuilder.Build([], SidecarVersion.V1, kzg));
    }

    private sealed class SyncProgress(List<int> done) : IProgress<int>
    {
        public void Report(int value) { lock (done) done.Add(value); }
    }
}
