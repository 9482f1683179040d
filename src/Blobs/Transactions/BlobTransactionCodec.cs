using System.Numerics;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions.Rlp;

namespace Blobs.Transactions;

/// <summary>
/// Encodes and decodes type-3 transactions: the payload <c>0x03 ‖ rlp([14 fields])</c>, network form
/// v0 <c>0x03 ‖ rlp([payload_body, blobs, commitments, proofs])</c> and network form v1
/// <c>0x03 ‖ rlp([payload_body, 1, blobs, commitments, cell_proofs])</c>. Decoding detects the form and
/// is strict: any malformed, non-canonical or trailing byte gives a <see cref="TransactionDecodingException"/>
/// naming the field.
/// </summary>
public static class BlobTransactionCodec
{
    private static readonly string[] s_fieldNames =
    [
        "chain_id", "nonce", "max_priority_fee_per_gas", "max_fee_per_gas", "gas_limit", "to", "value", "data",
        "access_list", "max_fee_per_blob_gas", "blob_versioned_hashes", "y_parity", "r", "s",
    ];

    /// <summary>0x03 ‖ rlp(first 11 fields): the preimage of the signing hash.</summary>
    public static byte[] EncodeForSigning(BlobTransaction tx) => Prefix(RlpWriter.List(UnsignedFields(tx)));

    /// <summary>The payload 0x03 ‖ rlp([14 fields]); throws <see cref="InvalidOperationException"/> when the transaction is unsigned.</summary>
    public static byte[] EncodePayload(BlobTransaction tx) => Prefix(EncodeBody(tx));

    /// <summary>The network form of the given version with <paramref name="sidecar"/> (whose version decides the form).</summary>
    public static byte[] EncodeNetwork(BlobTransaction tx, BlobSidecar sidecar)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        var body = EncodeBody(tx);
        var blobs = RlpWriter.List(sidecar.Blobs.Select(b => RlpWriter.Bytes(b.Span)));
        var commitments = RlpWriter.List(sidecar.Commitments.Select(c => RlpWriter.Bytes(c.Bytes)));
        var proofs = RlpWriter.List(sidecar.Proofs.Select(p => RlpWriter.Bytes(p.Bytes)));
        var outer = sidecar.Version == SidecarVersion.V0
            ? RlpWriter.List(body, blobs, commitments, proofs)
            : RlpWriter.List(body, RlpWriter.UInt(1UL), blobs, commitments, proofs);
        return Prefix(outer);
    }

    /// <summary>Encodes in the given form; a network form needs a sidecar of the matching version.</summary>
    public static byte[] Encode(BlobTransaction tx, BlobSidecar? sidecar, TransactionForm form) => form switch
    {
        TransactionForm.Payload => EncodePayload(tx),
        _ when sidecar is null => throw new ArgumentException($"{form} needs a sidecar"),
        TransactionForm.NetworkV0 when sidecar.Version != SidecarVersion.V0 => throw new ArgumentException("network form v0 needs a v0 sidecar (one blob proof per blob)"),
        TransactionForm.NetworkV1 when sidecar.Version != SidecarVersion.V1 => throw new ArgumentException("network form v1 needs a v1 sidecar (128 cell proofs per blob)"),
        _ => EncodeNetwork(tx, sidecar),
    };

    /// <summary>Decodes a payload or either network form, detecting which.</summary>
    public static DecodedTransaction Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length == 0) throw new TransactionDecodingException("transaction: empty input");
        if (encoded[0] != BlobTransaction.TypeByte)
            throw new TransactionDecodingException(encoded[0] >= 0xc0
                ? $"transaction: starts with an RLP list (0x{encoded[0]:x2}), not the type byte 0x03; legacy transactions are not blob transactions"
                : $"transaction: type byte is 0x{encoded[0]:x2}, a blob transaction is type 0x03");
        var outer = RlpReader.ReadItem(encoded, 1, encoded.Length, "transaction");
        if (!outer.IsList) throw RlpReader.Fail("transaction", 1, "expected an RLP list after the type byte, found a byte string");
        if (outer.End != encoded.Length)
            throw new TransactionDecodingException($"transaction: {encoded.Length - outer.End} trailing bytes after the RLP list (which ends at byte {outer.End})");
        var items = RlpReader.ReadList(encoded, outer, "transaction");
        if (items.Count > 0 && items[0].IsList)
            return DecodeNetwork(encoded, items);
        if (items.Count != 14)
            throw new TransactionDecodingException(items.Count == 11
                ? "transaction: 11 fields (an unsigned transaction); a signed payload has 14 (y_parity, r, s missing)"
                : $"transaction: payload has {items.Count} fields, a signed type-3 payload has 14");
        return new DecodedTransaction(DecodeFields(encoded, items, "payload"), null, TransactionForm.Payload);
    }

    /// <summary>Decodes the 0x-hex text of an encoded transaction.</summary>
    public static DecodedTransaction DecodeHex(string hex)
    {
        byte[] bytes;
        try { bytes = Hex.Decode(hex.Trim(), "transaction"); }
        catch (KzgInputException e) { throw new TransactionDecodingException(e.Message, e); }
        return Decode(bytes);
    }

    private static DecodedTransaction DecodeNetwork(ReadOnlySpan<byte> buf, List<RlpItem> items)
    {
        SidecarVersion version;
        int first;
        if (items.Count == 4) { version = SidecarVersion.V0; first = 1; }
        else if (items.Count == 5)
        {
            var w = RlpReader.UInt(buf, items[1], 8, "wrapper_version");
            if (w != 1) throw RlpReader.Fail("wrapper_version", items[1].Offset, $"version {w} is not supported (1 is EIP-7594 cell proofs)");
            version = SidecarVersion.V1;
            first = 2;
        }
        else
            throw new TransactionDecodingException($"transaction: network form has {items.Count} elements; v0 has 4 [tx, blobs, commitments, proofs], v1 has 5 [tx, 1, blobs, commitments, cell_proofs]");

        var bodyFields = RlpReader.ReadList(buf, items[0], "payload_body", i => i < s_fieldNames.Length ? s_fieldNames[i] : $"payload_body[{i}]");
        if (bodyFields.Count != 14)
            throw RlpReader.Fail("payload_body", items[0].Offset, $"has {bodyFields.Count} fields, a signed type-3 payload has 14");
        var tx = DecodeFields(buf, bodyFields, "payload_body");

        var blobItems = RlpReader.ReadList(buf, items[first], "blobs", i => $"blobs[{i}]");
        var blobs = new ReadOnlyMemory<byte>[blobItems.Count];
        for (int i = 0; i < blobs.Length; i++)
            blobs[i] = RlpReader.FixedBytes(buf, blobItems[i], BlobSidecar.BytesPerBlob, $"blobs[{i}]").ToArray();
        var commitmentItems = RlpReader.ReadList(buf, items[first + 1], "commitments", i => $"commitments[{i}]");
        var commitments = new KzgCommitment[commitmentItems.Count];
        for (int i = 0; i < commitments.Length; i++)
            commitments[i] = KzgCommitment.FromBytes(RlpReader.FixedBytes(buf, commitmentItems[i], 48, $"commitments[{i}]"));
        string proofName = version == SidecarVersion.V0 ? "proofs" : "cell_proofs";
        var proofItems = RlpReader.ReadList(buf, items[first + 2], proofName, i => $"{proofName}[{i}]");
        var proofs = new KzgProof[proofItems.Count];
        for (int i = 0; i < proofs.Length; i++)
            proofs[i] = KzgProof.FromBytes(RlpReader.FixedBytes(buf, proofItems[i], 48, $"{proofName}[{i}]"));
        var problem = BlobSidecar.Check(version, blobs.Length, commitments.Length, proofs.Length);
        if (problem is not null) throw new TransactionDecodingException("sidecar: " + problem);
        var sidecar = new BlobSidecar(version, blobs, commitments, proofs);
        return new DecodedTransaction(tx, sidecar, version == SidecarVersion.V0 ? TransactionForm.NetworkV0 : TransactionForm.NetworkV1);
    }

    private static BlobTransaction DecodeFields(ReadOnlySpan<byte> buf, List<RlpItem> f, string where)
    {
        var toBytes = RlpReader.Bytes(buf, f[5], "to");
        if (toBytes.Length == 0) throw RlpReader.Fail("to", f[5].Offset, "empty: a blob transaction cannot create a contract, 'to' must be a 20-byte address");
        if (toBytes.Length != 20) throw RlpReader.Fail("to", f[5].Offset, $"expected 20 bytes, got {toBytes.Length}");

        var accessList = new List<AccessListEntry>();
        var entries = RlpReader.ReadList(buf, f[8], "access_list", i => $"access_list[{i}]");
        for (int i = 0; i < entries.Count; i++)
        {
            var pair = RlpReader.ReadList(buf, entries[i], $"access_list[{i}]");
            if (pair.Count != 2) throw RlpReader.Fail($"access_list[{i}]", entries[i].Offset, $"has {pair.Count} elements, expected [address, storage_keys]");
            var address = Address.FromBytes(RlpReader.FixedBytes(buf, pair[0], 20, $"access_list[{i}].address"));
            var keyItems = RlpReader.ReadList(buf, pair[1], $"access_list[{i}].storage_keys");
            var keys = new Hash32[keyItems.Count];
            for (int j = 0; j < keys.Length; j++)
                keys[j] = Hash32.FromBytes(RlpReader.FixedBytes(buf, keyItems[j], 32, $"access_list[{i}].storage_keys[{j}]"));
            accessList.Add(new AccessListEntry(address, keys));
        }

        var hashItems = RlpReader.ReadList(buf, f[10], "blob_versioned_hashes", i => $"blob_versioned_hashes[{i}]");
        var hashes = new VersionedHash[hashItems.Count];
        for (int i = 0; i < hashes.Length; i++)
        {
            var h = RlpReader.FixedBytes(buf, hashItems[i], 32, $"blob_versioned_hashes[{i}]");
            if (h[0] != KzgConstants.VersionedHashVersionKzg)
                throw RlpReader.Fail($"blob_versioned_hashes[{i}]", hashItems[i].Offset, $"version byte 0x{h[0]:x2}, expected 0x01 (VERSIONED_HASH_VERSION_KZG)");
            hashes[i] = VersionedHash.FromBytes(h);
        }

        var parity = RlpReader.UInt(buf, f[11], 1, "y_parity");
        if (parity > 1) throw RlpReader.Fail("y_parity", f[11].Offset, $"{parity} is not 0 or 1");

        return new BlobTransaction
        {
            ChainId = RlpReader.UInt64(buf, f[0], "chain_id"),
            Nonce = RlpReader.UInt64(buf, f[1], "nonce"),
            MaxPriorityFeePerGas = RlpReader.UInt(buf, f[2], 32, "max_priority_fee_per_gas"),
            MaxFeePerGas = RlpReader.UInt(buf, f[3], 32, "max_fee_per_gas"),
            GasLimit = RlpReader.UInt64(buf, f[4], "gas_limit"),
            To = Address.FromBytes(toBytes),
            Value = RlpReader.UInt(buf, f[6], 32, "value"),
            Data = RlpReader.Bytes(buf, f[7], "data").ToArray(),
            AccessList = accessList,
            MaxFeePerBlobGas = RlpReader.UInt(buf, f[9], 32, "max_fee_per_blob_gas"),
            BlobVersionedHashes = hashes,
            Signature = new TransactionSignature((byte)parity, RlpReader.UInt(buf, f[12], 32, "r"), RlpReader.UInt(buf, f[13], 32, "s")),
        };
    }

    private static byte[] EncodeBody(BlobTransaction tx)
    {
        var sig = tx.Signature ?? throw new InvalidOperationException("the transaction is not signed; sign it before encoding the payload or a network form");
        var fields = UnsignedFields(tx).ToList();
        fields.Add(RlpWriter.UInt(sig.YParity));
        fields.Add(RlpWriter.UInt(sig.R));
        fields.Add(RlpWriter.UInt(sig.S));
        return RlpWriter.List(fields);
    }

    private static byte[][] UnsignedFields(BlobTransaction tx) =>
    [
        RlpWriter.UInt(tx.ChainId),
        RlpWriter.UInt(tx.Nonce),
        RlpWriter.UInt(CheckU256(tx.MaxPriorityFeePerGas, "max_priority_fee_per_gas")),
        RlpWriter.UInt(CheckU256(tx.MaxFeePerGas, "max_fee_per_gas")),
        RlpWriter.UInt(tx.GasLimit),
        RlpWriter.Bytes(tx.To.Bytes),
        RlpWriter.UInt(CheckU256(tx.Value, "value")),
        RlpWriter.Bytes(tx.Data.Span),
        RlpWriter.List(tx.AccessList.Select(e => RlpWriter.List(
            RlpWriter.Bytes(e.Address.Bytes),
            RlpWriter.List(e.StorageKeys.Select(k => RlpWriter.Bytes(k.Bytes)))))),
        RlpWriter.UInt(CheckU256(tx.MaxFeePerBlobGas, "max_fee_per_blob_gas")),
        RlpWriter.List(tx.BlobVersionedHashes.Select(h => RlpWriter.Bytes(h.Bytes))),
    ];

    private static readonly BigInteger s_u256Max = (BigInteger.One << 256) - 1;

    private static BigInteger CheckU256(BigInteger v, string name) =>
        v.Sign < 0 || v > s_u256Max ? throw new ArgumentOutOfRangeException(name, $"{name} must be a uint256, got {v}") : v;

    private static byte[] Prefix(byte[] rlp)
    {
        var result = new byte[rlp.Length + 1];
        result[0] = BlobTransaction.TypeByte;
        rlp.CopyTo(result, 1);
        return result;
    }
}
