using System.Numerics;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;
using CsCheck;

namespace Blobs.Tests.Transactions;

/// <summary>
/// Properties of the type-3 codec: random transactions round-trip through the payload and both network forms and
/// recover their signer; the decoder is strict (whatever it accepts re-encodes to the same bytes); and no
/// mutation of a valid encoding makes it throw anything but <see cref="TransactionDecodingException"/>.
/// </summary>
public class CodecPropertyTests
{
    private static readonly Gen<BigInteger> U256 = Gen.Byte.Array[0, 32].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true));
    private static readonly Gen<Address> Addr = Gen.Byte.Array[20].Select(b => Address.FromBytes(b));
    private static readonly Gen<Hash32> Key32 = Gen.Byte.Array[32].Select(b => Hash32.FromBytes(b));
    private static readonly Gen<VersionedHash> VHash = Gen.Byte.Array[31].Select(b => VersionedHash.FromBytes([0x01, .. b]));
    private static readonly Gen<AccessListEntry> Entry = Gen.Select(Addr, Key32.Array[0, 3]).Select((a, k) => new AccessListEntry(a, k));

    private static readonly Gen<byte[]> PrivateKey = Gen.Byte.Array[32].Where(k =>
    {
        var v = new BigInteger(k, isUnsigned: true, isBigEndian: true);
        return v.Sign > 0 && v < TransactionSignature.CurveOrder;
    });

    private static readonly Gen<BlobTransaction> Unsigned =
        from chain in Gen.ULong
        from nonce in Gen.ULong
        from tip in U256
        from cap in U256
        from gas in Gen.ULong
        from to in Addr
        from value in U256
        from data in Gen.Byte.Array[0, 300]
        from al in Entry.Array[0, 3]
        from blobFee in U256
        from hashes in VHash.Array[0, 8]
        select new BlobTransaction
        {
            ChainId = chain, Nonce = nonce, MaxPriorityFeePerGas = tip, MaxFeePerGas = cap, GasLimit = gas, To = to, Value = value,
            Data = data, AccessList = al, MaxFeePerBlobGas = blobFee, BlobVersionedHashes = hashes,
        };

    [Fact]
    public void Random_transactions_round_trip_and_recover_their_signer()
    {
        Gen.Select(Unsigned, PrivateKey).Sample((tx, key) =>
        {
            var signed = BlobTransactionSigner.Sign(tx, key);
            var payload = BlobTransactionCodec.EncodePayload(signed);
            var decoded = BlobTransactionCodec.Decode(payload);
            Assert.Equal(TransactionForm.Payload, decoded.Form);
            Assert.Equal(signed, decoded.Transaction);
            Assert.Equal(signed.Hash(), decoded.Transaction.Hash());
            Assert.Equal(BlobTransactionSigner.AddressOf(key), decoded.Transaction.Sender());
            Assert.True(signed.Signature!.S <= TransactionSignature.HalfCurveOrder);
        }, iter: 200, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Network_forms_round_trip_with_their_sidecar()
    {
        var sidecarGen =
            from n in Gen.Int[1, 2]
            from v1 in Gen.Bool
            from seed in Gen.Int
            select MakeSidecar(n, v1 ? SidecarVersion.V1 : SidecarVersion.V0, seed);
        Gen.Select(Unsigned, sidecarGen).Sample((tx, sidecar) =>
        {
            var signed = BlobTransactionSigner.Sign(tx with { BlobVersionedHashes = sidecar.VersionedHashes() }, new byte[31].Append((byte)1).ToArray());
            var bytes = BlobTransactionCodec.EncodeNetwork(signed, sidecar);
            var decoded = BlobTransactionCodec.Decode(bytes);
            Assert.Equal(sidecar.Version == SidecarVersion.V0 ? TransactionForm.NetworkV0 : TransactionForm.NetworkV1, decoded.Form);
            Assert.Equal(signed, decoded.Transaction);
            Assert.Equal(sidecar.Version, decoded.Sidecar!.Version);
            Assert.Equal(sidecar.Commitments, decoded.Sidecar.Commitments);
            Assert.Equal(sidecar.Proofs, decoded.Sidecar.Proofs);
            Assert.True(sidecar.Blobs.Zip(decoded.Sidecar.Blobs).All(p => p.First.Span.SequenceEqual(p.Second.Span)));
            // The hash covers the payload only: the same in every form.
            Assert.Equal(BlobTransactionCodec.Decode(BlobTransactionCodec.EncodePayload(signed)).Transaction.Hash(), decoded.Transaction.Hash());
        }, iter: 20, seed: "0N0XIzNsQ0O2");
    }

    private static BlobSidecar MakeSidecar(int blobs, SidecarVersion version, int seed)
    {
        var rng = new Random(seed);
        var b = Enumerable.Range(0, blobs).Select(_ => { var x = new byte[BlobSidecar.BytesPerBlob]; rng.NextBytes(x); return (ReadOnlyMemory<byte>)x; }).ToArray();
        KzgCommitment C() { var x = new byte[48]; rng.NextBytes(x); return KzgCommitment.FromBytes(x); }
        KzgProof P() { var x = new byte[48]; rng.NextBytes(x); return KzgProof.FromBytes(x); }
        int proofs = version == SidecarVersion.V0 ? blobs : blobs * BlobSidecar.CellProofsPerBlob;
        return new BlobSidecar(version, b, Enumerable.Range(0, blobs).Select(_ => C()).ToArray(), Enumerable.Range(0, proofs).Select(_ => P()).ToArray());
    }

    /// <summary>One edit of a byte string: replace, insert, delete, truncate, or rewrite a length prefix.</summary>
    private static readonly Gen<(int Kind, double Where, byte Value, int Count)> Edit = Gen.Select(Gen.Int[0, 4], Gen.Double[0, 1], Gen.Byte, Gen.Int[1, 4]);

    private static byte[] Apply(byte[] input, (int Kind, double Where, byte Value, int Count)[] edits, int focus)
    {
        var bytes = new List<byte>(input);
        foreach (var (kind, where, value, count) in edits)
        {
            if (bytes.Count == 0) break;
            // Most edits land in the first `focus` bytes, where the structure (prefixes, fields) lives.
            int span = where < 0.8 ? Math.Min(focus, bytes.Count) : bytes.Count;
            int pos = (int)(where % 0.8 / 0.8 * span) % bytes.Count;
            switch (kind)
            {
                case 0: bytes[pos] = value; break;
                case 1: bytes.InsertRange(pos, Enumerable.Repeat(value, count)); break;
                case 2: bytes.RemoveRange(pos, Math.Min(count, bytes.Count - pos)); break;
                case 3: bytes.RemoveRange(pos, bytes.Count - pos); break;
                default: bytes[pos] = (byte)(0xb7 + value % 17); break; // long-form string or list prefix
            }
        }
        return [.. bytes];
    }

    [Theory]
    [InlineData("v0-1blob-accesslist")]
    [InlineData("v1-1blob-accesslist")]
    [InlineData("v0-2blobs")]
    public void Mutated_vectors_decode_or_fail_with_a_decoding_error_and_whatever_decodes_is_canonical(string name)
    {
        var original = TxVectors.Bytes(name);
        int accepted = 0;
        Edit.Array[1, 4].Sample(edits =>
        {
            var bytes = Apply(original, edits, 600);
            DecodedTransaction d;
            try { d = BlobTransactionCodec.Decode(bytes); }
            catch (TransactionDecodingException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                return;
            }
            accepted++;
            var again = d.Sidecar is null ? BlobTransactionCodec.EncodePayload(d.Transaction) : BlobTransactionCodec.EncodeNetwork(d.Transaction, d.Sidecar);
            Assert.Equal(bytes, again);
        }, iter: 1500, seed: "0N0XIzNsQ0O2");
        // Some edits (inside blob bytes, calldata, r/s) leave a valid encoding: the strictness check above did run.
        Assert.True(accepted > 0);
    }

    [Fact]
    public void Mutated_payloads_never_escape_as_other_exceptions()
    {
        Gen.Select(Unsigned, Edit.Array[1, 6]).Sample((tx, edits) =>
        {
            var payload = BlobTransactionCodec.EncodePayload(BlobTransactionSigner.Sign(tx, new byte[31].Append((byte)7).ToArray()));
            var bytes = Apply(payload, edits, payload.Length);
            try
            {
                var d = BlobTransactionCodec.Decode(bytes);
                Assert.Equal(bytes, BlobTransactionCodec.EncodePayload(d.Transaction));
            }
            catch (TransactionDecodingException) { }
        }, iter: 2000, seed: "0N0XIzNsQ0O2");
    }

    [Fact]
    public void Random_bytes_after_the_type_byte_never_escape_as_other_exceptions()
    {
        Gen.Byte.Array[0, 200].Sample(tail =>
        {
            try { BlobTransactionCodec.Decode([0x03, .. tail]); }
            catch (TransactionDecodingException) { }
        }, iter: 5000, seed: "0N0XIzNsQ0O2");
    }
}
