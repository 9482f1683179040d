using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;
using Blobs.Transactions.Rlp;

namespace Blobs.Tests.Transactions;

/// <summary>Malformed input gives a <see cref="TransactionDecodingException"/> that names the problem — never another exception.</summary>
public class MalformedTransactionTests
{
    private static readonly DecodedTransaction s_v1 = BlobTransactionCodec.Decode(TxVectors.Bytes("v1-1blob-accesslist"));

    private static string Fails(byte[] bytes) => Assert.Throws<TransactionDecodingException>(() => BlobTransactionCodec.Decode(bytes)).Message;

    private static byte[] Payload() => BlobTransactionCodec.EncodePayload(s_v1.Transaction);

    private static byte[] WithFields(Func<byte[][], byte[][]> change)
    {
        // Re-encode the 14 payload fields with one changed.
        var payload = Payload();
        var outer = RlpReader.ReadItem(payload, 1, payload.Length, "t");
        var items = RlpReader.ReadList(payload, outer, "t");
        var fields = items.Select(i => payload.AsSpan(i.Offset, i.Length).ToArray()).ToArray();
        return [0x03, .. RlpWriter.List(change(fields))];
    }

    [Fact] public void Empty() => Assert.Contains("empty", Fails([]));
    [Fact] public void Wrong_type() => Assert.Contains("type byte is 0x02", Fails([0x02, 0xc0]));
    [Fact] public void Legacy_list() => Assert.Contains("legacy", Fails([0xc1, 0x80]));
    [Fact] public void Type_byte_only() => Assert.Contains("missing", Fails([0x03]));

    [Fact]
    public void Truncated_anywhere()
    {
        var p = Payload();
        foreach (int cut in new[] { 2, 5, p.Length / 2, p.Length - 1 })
            Assert.Contains("truncated", Fails(p[..cut]));
    }

    [Fact] public void Trailing_bytes() => Assert.Contains("1 trailing bytes", Fails([.. Payload(), 0x00]));

    [Fact]
    public void Empty_to_is_a_contract_creation()
    {
        var m = Fails(WithFields(f => { f[5] = RlpWriter.Bytes([]); return f; }));
        Assert.Contains("to", m);
        Assert.Contains("cannot create a contract", m);
    }

    [Fact] public void Short_to() => Assert.Contains("to (byte", Fails(WithFields(f => { f[5] = RlpWriter.Bytes(new byte[19]); return f; })));

    [Fact]
    public void Leading_zero_integer()
    {
        var m = Fails(WithFields(f => { f[1] = RlpWriter.Bytes([0x00, 0x07]); return f; }));
        Assert.Contains("nonce", m);
        Assert.Contains("leading zero", m);
    }

    [Fact] public void Single_byte_wrapped() => Assert.Contains("non-canonical", Fails(WithFields(f => { f[1] = [0x81, 0x07]; return f; })));
    [Fact] public void Nonce_over_64_bits() => Assert.Contains("nonce", Fails(WithFields(f => { f[1] = RlpWriter.Bytes([1, 0, 0, 0, 0, 0, 0, 0, 0]); return f; })));
    [Fact] public void Fee_over_256_bits() => Assert.Contains("max_fee_per_gas", Fails(WithFields(f => { f[3] = RlpWriter.Bytes(Enumerable.Repeat((byte)1, 33).ToArray()); return f; })));
    [Fact] public void Y_parity_two() => Assert.Contains("y_parity", Fails(WithFields(f => { f[11] = RlpWriter.UInt(2UL); return f; })));
    [Fact] public void Hash_of_31_bytes() => Assert.Contains("blob_versioned_hashes[0]", Fails(WithFields(f => { f[10] = RlpWriter.List(RlpWriter.Bytes(new byte[31])); return f; })));
    [Fact] public void Access_list_entry_shape() => Assert.Contains("access_list[0]", Fails(WithFields(f => { f[8] = RlpWriter.List(RlpWriter.List(RlpWriter.Bytes(new byte[20]))); return f; })));
    [Fact] public void Access_list_not_a_list() => Assert.Contains("access_list", Fails(WithFields(f => { f[8] = RlpWriter.Bytes([1, 2]); return f; })));
    [Fact] public void Thirteen_fields() => Assert.Contains("13 fields", Fails(WithFields(f => f[..13])));
    [Fact] public void Unsigned_eleven_fields() => Assert.Contains("unsigned", Fails(WithFields(f => f[..11])));

    [Fact]
    public void Wrapper_version_two()
    {
        var body = Payload()[1..];
        var bytes = (byte[])[0x03, .. RlpWriter.List(body, RlpWriter.UInt(2UL), RlpWriter.List(), RlpWriter.List(), RlpWriter.List())];
        Assert.Contains("wrapper_version", Fails(bytes));
    }

    [Fact]
    public void Network_form_with_three_elements()
    {
        var body = Payload()[1..];
        Assert.Contains("network form has 3 elements", Fails([0x03, .. RlpWriter.List(body, RlpWriter.List(), RlpWriter.List())]));
    }

    [Fact]
    public void Short_blob()
    {
        var body = Payload()[1..];
        var bytes = (byte[])[0x03, .. RlpWriter.List(body, RlpWriter.List(RlpWriter.Bytes(new byte[100])), RlpWriter.List(), RlpWriter.List())];
        Assert.Contains("blobs[0]", Fails(bytes));
    }

    [Fact]
    public void V1_with_one_cell_proof_too_few()
    {
        var sc = s_v1.Sidecar!;
        var body = Payload()[1..];
        var bytes = (byte[])[0x03, .. RlpWriter.List(body, RlpWriter.UInt(1UL),
            RlpWriter.List(RlpWriter.Bytes(sc.Blobs[0].Span)),
            RlpWriter.List(RlpWriter.Bytes(sc.Commitments[0].Bytes)),
            RlpWriter.List(sc.Proofs.Take(127).Select(p => RlpWriter.Bytes(p.Bytes))))];
        Assert.Contains("127 cell proofs", Fails(bytes));
    }

    [Fact]
    public void Commitment_of_47_bytes()
    {
        var sc = s_v1.Sidecar!;
        var body = Payload()[1..];
        var bytes = (byte[])[0x03, .. RlpWriter.List(body,
            RlpWriter.List(RlpWriter.Bytes(sc.Blobs[0].Span)),
            RlpWriter.List(RlpWriter.Bytes(new byte[47])),
            RlpWriter.List(RlpWriter.Bytes(new byte[48])))];
        Assert.Contains("commitments[0]", Fails(bytes));
    }

    [Fact]
    public void Long_form_for_short_length()
    {
        // 0xb8 0x05 + 5 bytes: length 5 in the long form is non-canonical.
        var m = Fails(WithFields(f => { f[7] = [0xb8, 0x05, 1, 2, 3, 4, 5]; return f; }));
        Assert.Contains("short form", m);
    }

    [Fact]
    public void Random_mutations_never_escape_as_other_exceptions()
    {
        var original = TxVectors.Bytes("v0-1blob-accesslist");
        var rng = new Random(4844);
        for (int n = 0; n < 300; n++)
        {
            var bytes = (byte[])original.Clone();
            int edits = rng.Next(1, 4);
            for (int e = 0; e < edits; e++)
            {
                // Bias towards the header and the payload body, where structure lives.
                int pos = rng.Next(4) == 0 ? rng.Next(bytes.Length) : rng.Next(Math.Min(bytes.Length, 400));
                bytes[pos] = (byte)rng.Next(256);
            }
            if (rng.Next(5) == 0) bytes = bytes[..rng.Next(bytes.Length)];
            try
            {
                var d = BlobTransactionCodec.Decode(bytes);
                Assert.NotNull(d.Transaction);
            }
            catch (TransactionDecodingException) { }
        }
    }

    [Fact]
    public void Hex_that_is_not_hex()
    {
        Assert.Throws<TransactionDecodingException>(() => BlobTransactionCodec.DecodeHex("0x03zz"));
    }

    [Fact]
    public void Encoding_unsigned_payload_is_refused()
    {
        var unsigned = s_v1.Transaction with { Signature = null };
        Assert.Throws<InvalidOperationException>(() => BlobTransactionCodec.EncodePayload(unsigned));
    }

    [Fact]
    public void Sidecar_constructor_checks_counts()
    {
        var sc = s_v1.Sidecar!;
        var e = Assert.Throws<ArgumentException>(() => new BlobSidecar(SidecarVersion.V0, sc.Blobs, sc.Commitments, sc.Proofs));
        Assert.Contains("one blob proof per blob", e.Message);
        Assert.Throws<ArgumentException>(() => new BlobSidecar(SidecarVersion.V0, [new byte[10]], sc.Commitments, [KzgProof.Infinity]));
    }
}
