using System.Numerics;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>The node-side rules, on cast's v1 vector (re-signed after each change), without KZG (proofs are reported unchecked).</summary>
public class ValidatorTests
{
    private static readonly DecodedTransaction s_v1 = BlobTransactionCodec.Decode(TxVectors.Bytes("v1-1blob-accesslist"));
    private static readonly byte[] s_key = Hex.Decode(TxVectors.DevKey);

    private static ValidationResult Check(Func<BlobTransaction, BlobTransaction> change, ValidationRules? rules = null, BlobSidecar? sidecar = null) =>
        BlobTransactionValidator.Validate(BlobTransactionSigner.Sign(change(s_v1.Transaction with { Signature = null }), s_key), sidecar ?? s_v1.Sidecar, null, rules);

    [Fact]
    public void Cast_vector_is_valid_with_proofs_unchecked()
    {
        var r = BlobTransactionValidator.Validate(s_v1.Transaction, s_v1.Sidecar, null, new ValidationRules { ChainId = 31337, RequireSidecar = true });
        Assert.True(r.IsValid, string.Join("; ", r.Errors));
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", r.Sender.ToString());
        Assert.Contains("cell KZG proofs", Assert.Single(r.Unchecked));
        Assert.StartsWith("valid as far as checked", r.Verdict);
    }

    [Fact]
    public void Wrong_chain() => Assert.Contains("chain id 31337 does not match the chain's 1", Check(t => t, new ValidationRules { ChainId = 1 }).Errors);

    [Fact]
    public void No_blobs() => Assert.Contains(Check(t => t with { BlobVersionedHashes = [] }).Errors, e => e.Contains("at least one blob"));

    [Theory]
    [InlineData(6, false)]
    [InlineData(7, true)]
    public void Blob_cap_is_six_by_default_and_configurable(int count, bool tooMany)
    {
        var hashes = Enumerable.Repeat(s_v1.Transaction.BlobVersionedHashes[0], count).ToArray();
        var tx = BlobTransactionSigner.Sign(s_v1.Transaction with { Signature = null, BlobVersionedHashes = hashes }, s_key);
        var r = BlobTransactionValidator.Validate(tx, null, null);
        Assert.Equal(tooMany, r.Errors.Any(e => e.Contains($"{count} blobs exceed the limit of 6")));
        var loose = BlobTransactionValidator.Validate(tx, null, null, new ValidationRules { MaxBlobsPerTransaction = 9 });
        Assert.DoesNotContain(loose.Errors, e => e.Contains("exceed"));
    }

    [Fact]
    public void Zero_blob_fee_cap() => Assert.Contains(Check(t => t with { MaxFeePerBlobGas = 0 }).Errors, e => e.Contains("max_fee_per_blob_gas is 0"));

    [Fact]
    public void Tip_above_fee_cap() => Assert.Contains(Check(t => t with { MaxPriorityFeePerGas = t.MaxFeePerGas + 1 }).Errors, e => e.Contains("exceeds max_fee_per_gas"));

    [Fact]
    public void Gas_below_intrinsic_counts_calldata_and_access_list()
    {
        // 21000 + 4 non-zero calldata bytes (64) + one address with two keys (2400 + 3800) = 27264; the 7623 floor is 21160.
        Assert.Equal(27264UL, IntrinsicGas.Minimum(s_v1.Transaction));
        Assert.Contains(Check(t => t with { GasLimit = 27263 }).Errors, e => e.Contains("below the 27264"));
        Assert.True(Check(t => t with { GasLimit = 27264 }).IsValid);
    }

    [Fact]
    public void Gas_above_the_eip7825_cap() => Assert.Contains(Check(t => t with { GasLimit = (1UL << 24) + 1 }).Errors, e => e.Contains("EIP-7825"));

    [Fact]
    public void Cost_overflowing_256_bits() =>
        Assert.Contains(Check(t => t with { MaxFeePerGas = BigInteger.Pow(2, 255), MaxPriorityFeePerGas = 1 }).Errors, e => e.Contains("overflows 256 bits"));

    [Fact]
    public void High_s_is_refused()
    {
        var sig = s_v1.Transaction.Signature!;
        var flipped = s_v1.Transaction with { Signature = sig with { S = TransactionSignature.CurveOrder - sig.S } };
        var r = BlobTransactionValidator.Validate(flipped, null, null);
        Assert.Contains(r.Errors, e => e.Contains("low-s"));
        Assert.Null(r.Sender);
    }

    [Fact]
    public void Unsigned_is_refused() =>
        Assert.Contains("the transaction is not signed", BlobTransactionValidator.Validate(s_v1.Transaction with { Signature = null }, null, null).Errors);

    [Fact]
    public void Versioned_hash_not_matching_the_commitment_names_both()
    {
        var other = VersionedHash.FromBytes([0x01, .. new byte[31]]);
        var r = Check(t => t with { BlobVersionedHashes = [other] });
        var e = Assert.Single(r.Errors);
        Assert.Contains(other.ToString(), e);
        Assert.Contains(s_v1.Transaction.BlobVersionedHashes[0].ToString(), e);
    }

    [Fact]
    public void Sidecar_required_and_form_required()
    {
        var bare = BlobTransactionValidator.Validate(s_v1.Transaction, null, null, new ValidationRules { RequireSidecar = true });
        Assert.Contains(bare.Errors, e => e.Contains("no sidecar"));
        var r = BlobTransactionValidator.Validate(s_v1.Transaction, s_v1.Sidecar, null, new ValidationRules { RequiredSidecarVersion = SidecarVersion.V0 });
        Assert.Contains(r.Errors, e => e.Contains("accepts only v0"));
    }

    [Fact]
    public void Count_mismatch_between_hashes_and_blobs()
    {
        var two = new[] { s_v1.Transaction.BlobVersionedHashes[0], s_v1.Transaction.BlobVersionedHashes[0] };
        Assert.Contains(Check(t => t with { BlobVersionedHashes = two }).Errors, e => e.Contains("lists 2 versioned hashes but the sidecar carries 1 blobs"));
    }
}
