using System.Diagnostics;
using System.Numerics;
using System.Text.Json;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>Our codec against transactions made by <c>cast mktx</c> (and ours decoded by <c>cast decode-transaction</c>).</summary>
public class CastVectorTests
{
    public static TheoryData<string> Names() => new(TxVectors.Names);

    [Theory, MemberData(nameof(Names))]
    public void Decodes_cast_vector_field_for_field(string name)
    {
        var decoded = BlobTransactionCodec.Decode(TxVectors.Bytes(name));
        var c = TxVectors.Cast(name);
        var tx = decoded.Transaction;
        Assert.Equal(name.StartsWith("v0") ? TransactionForm.NetworkV0 : TransactionForm.NetworkV1, decoded.Form);
        Assert.Equal(c.GetProperty("chainId").GetString(), TxVectors.Q(tx.ChainId));
        Assert.Equal(c.GetProperty("nonce").GetString(), TxVectors.Q(tx.Nonce));
        Assert.Equal(c.GetProperty("gas").GetString(), TxVectors.Q(tx.GasLimit));
        Assert.Equal(c.GetProperty("maxFeePerGas").GetString(), TxVectors.Q(tx.MaxFeePerGas));
        Assert.Equal(c.GetProperty("maxPriorityFeePerGas").GetString(), TxVectors.Q(tx.MaxPriorityFeePerGas));
        Assert.Equal(c.GetProperty("maxFeePerBlobGas").GetString(), TxVectors.Q(tx.MaxFeePerBlobGas));
        Assert.Equal(c.GetProperty("to").GetString(), tx.To.ToString());
        Assert.Equal(c.GetProperty("value").GetString(), TxVectors.Q(tx.Value));
        Assert.Equal(c.GetProperty("input").GetString(), Hex.Encode(tx.Data.Span));
        var al = c.GetProperty("accessList").EnumerateArray().ToArray();
        Assert.Equal(al.Length, tx.AccessList.Count);
        for (int i = 0; i < al.Length; i++)
        {
            Assert.Equal(al[i].GetProperty("address").GetString(), tx.AccessList[i].Address.ToString());
            Assert.Equal(al[i].GetProperty("storageKeys").EnumerateArray().Select(k => k.GetString()), tx.AccessList[i].StorageKeys.Select(k => k.ToString()));
        }
        Assert.Equal(c.GetProperty("blobVersionedHashes").EnumerateArray().Select(h => h.GetString()), tx.BlobVersionedHashes.Select(h => h.ToString()));
        Assert.Equal(c.GetProperty("yParity").GetString(), TxVectors.Q(tx.Signature!.YParity));
        Assert.Equal(c.GetProperty("r").GetString(), TxVectors.Q(tx.Signature.R));
        Assert.Equal(c.GetProperty("s").GetString(), TxVectors.Q(tx.Signature.S));
        Assert.Equal(c.GetProperty("hash").GetString(), tx.Hash().ToString());
        Assert.Equal(c.GetProperty("signer").GetString(), tx.Sender().ToString());

        var sidecar = decoded.Sidecar!;
        Assert.Equal(c.GetProperty("commitments").EnumerateArray().Select(x => x.GetString()), sidecar.Commitments.Select(x => x.ToString()));
        Assert.Equal(tx.BlobVersionedHashes, sidecar.VersionedHashes());
        if (decoded.Form == TransactionForm.NetworkV0)
            Assert.Equal(c.GetProperty("proofs").EnumerateArray().Select(x => x.GetString()), sidecar.Proofs.Select(x => x.ToString()));
        else
            Assert.Equal(c.GetProperty("cellProofCount").GetInt32(), sidecar.Proofs.Count);
    }

    [Theory, MemberData(nameof(Names))]
    public void Reencodes_cast_vector_byte_for_byte(string name)
    {
        var bytes = TxVectors.Bytes(name);
        var decoded = BlobTransactionCodec.Decode(bytes);
        Assert.Equal(bytes, BlobTransactionCodec.EncodeNetwork(decoded.Transaction, decoded.Sidecar!));
        var payload = BlobTransactionCodec.EncodePayload(decoded.Transaction);
        var fromPayload = BlobTransactionCodec.Decode(payload);
        Assert.Equal(TransactionForm.Payload, fromPayload.Form);
        Assert.Null(fromPayload.Sidecar);
        Assert.Equal(decoded.Transaction, fromPayload.Transaction);
    }

    [Theory, MemberData(nameof(Names))]
    public void Our_signature_over_the_same_fields_is_byte_identical_to_cast(string name)
    {
        var decoded = BlobTransactionCodec.Decode(TxVectors.Bytes(name));
        var unsigned = decoded.Transaction with { Signature = null };
        var signed = BlobTransactionSigner.Sign(unsigned, Hex.Decode(TxVectors.DevKey));
        Assert.Equal(TxVectors.Bytes(name), BlobTransactionCodec.EncodeNetwork(signed, decoded.Sidecar!));
    }

    [Fact]
    public void The_v0_and_v1_vectors_share_one_payload_and_hash()
    {
        var v0 = BlobTransactionCodec.Decode(TxVectors.Bytes("v0-1blob-accesslist"));
        var v1 = BlobTransactionCodec.Decode(TxVectors.Bytes("v1-1blob-accesslist"));
        Assert.Equal(BlobTransactionCodec.EncodePayload(v0.Transaction), BlobTransactionCodec.EncodePayload(v1.Transaction));
        Assert.Equal(v0.Transaction.Hash(), v1.Transaction.Hash());
        Assert.Equal(v0.Sidecar!.Blobs[0].ToArray(), v1.Sidecar!.Blobs[0].ToArray());
        Assert.Equal(v0.Sidecar.Commitments, v1.Sidecar.Commitments);
    }

    [SkippableTheory]
    [InlineData(SidecarVersion.V0)]
    [InlineData(SidecarVersion.V1)]
    public void Cast_decodes_our_encoding(SidecarVersion version)
    {
        var cast = TxVectors.CastPath();
        Skip.If(cast is null, "cast not installed (run scripts/bootstrap.sh)");
        var source = BlobTransactionCodec.Decode(TxVectors.Bytes(version == SidecarVersion.V0 ? "v0-2blobs" : "v1-2blobs"));
        var tx = new BlobTransaction
        {
            ChainId = 17000,
            Nonce = 0x1234_5678_9abc,
            MaxPriorityFeePerGas = 3,
            MaxFeePerGas = BigInteger.Parse("1000000000000000000000"),
            GasLimit = 16_777_216,
            To = Address.Parse("0x00000000000000000000000000000000000000ff"),
            Value = BigInteger.Pow(2, 200) + 5,
            Data = new byte[] { 0x00, 0x01, 0x80, 0xff },
            AccessList =
            [
                new AccessListEntry(Address.Parse("0x3333333333333333333333333333333333333333"), []),
                new AccessListEntry(Address.Parse("0x4444444444444444444444444444444444444444"),
                    [Hash32.Parse("0x" + new string('a', 64)), Hash32.Parse("0x" + new string('0', 63) + "1")]),
            ],
            MaxFeePerBlobGas = 7,
            BlobVersionedHashes = source.Transaction.BlobVersionedHashes,
        };
        var signed = BlobTransactionSigner.Sign(tx, Hex.Decode(TxVectors.DevKey));
        var hex = Hex.Encode(BlobTransactionCodec.EncodeNetwork(signed, source.Sidecar!));

        var psi = new ProcessStartInfo(cast!, "decode-transaction") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(hex);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEnd();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, stderr);
        var outer = JsonDocument.Parse(stdout).RootElement;
        var c = outer.ValueKind == JsonValueKind.String ? JsonDocument.Parse(outer.GetString()!).RootElement : outer;

        Assert.Equal("0x4268", c.GetProperty("chainId").GetString());
        Assert.Equal("0x123456789abc", c.GetProperty("nonce").GetString());
        Assert.Equal("0x1000000", c.GetProperty("gas").GetString());
        Assert.Equal(TxVectors.Q(tx.MaxFeePerGas), c.GetProperty("maxFeePerGas").GetString());
        Assert.Equal("0x3", c.GetProperty("maxPriorityFeePerGas").GetString());
        Assert.Equal("0x7", c.GetProperty("maxFeePerBlobGas").GetString());
        Assert.Equal(TxVectors.Q(tx.Value), c.GetProperty("value").GetString());
        Assert.Equal("0x000180ff", c.GetProperty("input").GetString());
        Assert.Equal(2, c.GetProperty("accessList").GetArrayLength());
        Assert.Equal(2, c.GetProperty("accessList")[1].GetProperty("storageKeys").GetArrayLength());
        Assert.Equal(signed.Hash().ToString(), c.GetProperty("hash").GetString());
        Assert.Equal("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", c.GetProperty("signer").GetString());
        Assert.Equal(signed.Sender().ToString(), c.GetProperty("signer").GetString());
        Assert.Equal(version == SidecarVersion.V0, c.TryGetProperty("proofs", out _));
        Assert.Equal(version == SidecarVersion.V1, c.TryGetProperty("cellProofs", out _));
    }
}
