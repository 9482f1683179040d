using System.Numerics;
using System.Text.Json.Nodes;
using Blobs.Codecs;
using Blobs.Fuzz;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Tests.Transactions;
using Blobs.Transactions;
using CsCheck;

namespace Blobs.Tests.Fuzz;

/// <summary>
/// Property tests over every outside-bytes parser, seeded and in the normal suite: random well-formed transactions
/// round-trip through every form (payload, network v0/v1, their hex, the JSON-RPC object); random edits of every
/// fuzz target's seeds (transactions, codecs, compressed payloads, points, setups, beacon, JSON-RPC and fee answers,
/// journal entries) are rejected with the library's own exceptions only; mutated codec blobs decode or fail with
/// <see cref="BlobDecodingException"/>, and whatever decodes round-trips.
/// </summary>
public class MutationPropertyTests
{
    private static readonly Gen<BigInteger> U256 = Gen.Byte.Array[0, 32].Select(b => new BigInteger(b, isUnsigned: true, isBigEndian: true));

    private static readonly Gen<BlobSidecar> Sidecars =
        from n in Gen.Int[0, 2]
        from v1 in Gen.Bool
        from seed in Gen.Int
        select MakeSidecar(n, v1 ? SidecarVersion.V1 : SidecarVersion.V0, seed);

    private static BlobSidecar MakeSidecar(int blobs, SidecarVersion version, int seed)
    {
        var rng = new Random(seed);
        byte[] B(int n) { var x = new byte[n]; rng.NextBytes(x); return x; }
        int proofs = version == SidecarVersion.V0 ? blobs : blobs * BlobSidecar.CellProofsPerBlob;
        return new BlobSidecar(version, Enumerable.Range(0, blobs).Select(_ => (ReadOnlyMemory<byte>)B(BlobSidecar.BytesPerBlob)),
            Enumerable.Range(0, blobs).Select(_ => KzgCommitment.FromBytes(B(48))), Enumerable.Range(0, proofs).Select(_ => KzgProof.FromBytes(B(48))));
    }

    private static readonly Gen<BlobTransaction> Transactions =
        from chain in Gen.ULong
        from nonce in Gen.ULong
        from tip in U256
        from cap in U256
        from gas in Gen.ULong
        from to in Gen.Byte.Array[20]
        from value in U256
        from data in Gen.Byte.Array[0, 200]
        from keys in Gen.Byte.Array[32].Array[0, 2]
        from blobFee in U256
        from key in Gen.Byte.Array[32].Where(k => new BigInteger(k, true, true) is var v && v.Sign > 0 && v < TransactionSignature.CurveOrder)
        select BlobTransactionSigner.Sign(new BlobTransaction
        {
            ChainId = chain, Nonce = nonce, MaxPriorityFeePerGas = tip, MaxFeePerGas = cap, GasLimit = gas, To = Address.FromBytes(to), Value = value,
            Data = data, AccessList = keys.Length == 0 ? [] : [new AccessListEntry(Address.FromBytes(to), keys.Select(k => Hash32.FromBytes(k)).ToArray())],
            MaxFeePerBlobGas = blobFee, BlobVersionedHashes = [],
        }, key);

    /// <summary>A transaction rebuilt from its JSON-RPC object (what a node returns from eth_getTransactionByHash).</summary>
    private static BlobTransaction FromJson(JsonObject o)
    {
        BigInteger Q(string name) => Quantities.Parse((string?)o[name], name);
        return new BlobTransaction
        {
            ChainId = (ulong)Q("chainId"), Nonce = (ulong)Q("nonce"), MaxPriorityFeePerGas = Q("maxPriorityFeePerGas"), MaxFeePerGas = Q("maxFeePerGas"),
            GasLimit = (ulong)Q("gas"), To = Address.Parse((string)o["to"]!), Value = Q("value"), Data = Hex.Decode((string)o["input"]!),
            AccessList = o["accessList"]!.AsArray().Select(e => new AccessListEntry(Address.Parse((string)e!["address"]!),
                e["storageKeys"]!.AsArray().Select(k => Hash32.Parse((string)k!)).ToArray())).ToArray(),
            MaxFeePerBlobGas = Q("maxFeePerBlobGas"),
            BlobVersionedHashes = o["blobVersionedHashes"]!.AsArray().Select(h => VersionedHash.FromHex((string)h!)).ToArray(),
            Signature = new TransactionSignature((byte)Q("yParity"), Q("r"), Q("s")),
        };
    }

    [Fact]
    public void Random_transactions_round_trip_through_every_form()
    {
        Gen.Select(Transactions, Sidecars).Sample((unsigned, sidecar) =>
        {
            var tx = unsigned with { BlobVersionedHashes = sidecar.VersionedHashes() };
            tx = BlobTransactionSigner.Sign(tx with { Signature = null }, [.. new byte[31], 5]);
            var network = sidecar.Version == SidecarVersion.V0 ? TransactionForm.NetworkV0 : TransactionForm.NetworkV1;
            foreach (var form in new[] { TransactionForm.Payload, network })
            {
                var bytes = BlobTransactionCodec.Encode(tx, sidecar, form);
                foreach (var decoded in new[] { BlobTransactionCodec.Decode(bytes), BlobTransactionCodec.DecodeHex(Hex.Encode(bytes)), BlobTransactionCodec.DecodeHex(" " + Hex.Encode(bytes)[2..].ToUpperInvariant() + "\n") })
                {
                    Assert.Equal(form, decoded.Form);
                    Assert.Equal(tx, decoded.Transaction);
                    Assert.Equal(tx.Hash(), decoded.Transaction.Hash());
                    Assert.Equal(bytes, BlobTransactionCodec.Encode(decoded.Transaction, decoded.Sidecar, form));
                }
            }
            // The other network form is refused for this sidecar, by name.
            var other = network == TransactionForm.NetworkV0 ? TransactionForm.NetworkV1 : TransactionForm.NetworkV0;
            Assert.Throws<ArgumentException>(() => BlobTransactionCodec.Encode(tx, sidecar, other));
            // The JSON-RPC object carries every field: rebuilt from it, the transaction is the same.
            var json = BlobTransactionJson.ToJson(tx, sidecar, includeBlobs: false);
            Assert.Equal(tx, FromJson(json));
            Assert.Equal(tx.Hash().ToString(), (string?)json["hash"]);
        }, iter: 30, seed: "0N0XIzNsQ0O2");
    }

    /// <summary>One edit: overwrite, insert, delete, truncate, or duplicate a slice.</summary>
    private static byte[] Mutate(byte[] input, (int Kind, int Where, byte Value, int Count)[] edits)
    {
        var bytes = new List<byte>(input);
        foreach (var (kind, where, value, count) in edits)
        {
            if (bytes.Count == 0) { bytes.Add(value); continue; }
            int pos = where % bytes.Count;
            switch (kind)
            {
                case 0: bytes[pos] = value; break;
                case 1: bytes[pos] ^= (byte)(1 << (value & 7)); break;
                case 2: bytes.InsertRange(pos, Enumerable.Repeat(value, count)); break;
                case 3: bytes.RemoveRange(pos, Math.Min(count, bytes.Count - pos)); break;
                case 4: bytes.RemoveRange(pos, bytes.Count - pos); break;
                default: bytes.InsertRange(pos, bytes.GetRange(pos, Math.Min(count, bytes.Count - pos))); break;
            }
        }
        return [.. bytes];
    }

    private static readonly Gen<(int, int, byte, int)[]> Edits = Gen.Select(Gen.Int[0, 5], Gen.Int[0, int.MaxValue], Gen.Byte, Gen.Int[1, 8]).Array[1, 5];

    public static TheoryData<string> Targets() => new(FuzzTargets.All.Select(t => t.Name));

    [SkippableTheory]
    [MemberData(nameof(Targets))]
    public void Seeded_mutations_of_every_target_are_rejected_with_the_library_exceptions_only(string name)
    {
        if (FuzzTargets.NeedsKzg(name)) TxKzg.Context();
        var target = FuzzTargets.Get(name);
        var seeds = FuzzSeeds.For(name).ToArray();
        Assert.NotEmpty(seeds);
        Gen.Select(Gen.Int[0, seeds.Length - 1], Edits).Sample((s, edits) => target.Run(Mutate(seeds[s], edits)),
            iter: FuzzTargets.NeedsKzg(name) ? 150 : 600, seed: "0N0XIzNsQ0O2");
    }

    public static TheoryData<string> Codecs() => new(BlobCodecs.All.Select(c => c.Name).Concat(["simple+zlib", "op+zstd", "viem+brotli"]));

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Mutated_blobs_decode_or_fail_with_a_decoding_error_and_what_decodes_round_trips(string name)
    {
        var codec = name.Split('+') is [var inner, var c] ? BlobCodecs.Get(inner, BlobCodecs.ParseCompression(c)) : BlobCodecs.Get(name);
        int rejected = 0;
        Gen.Select(Gen.Int[0, 3000], Gen.Int, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 4200], Gen.Byte).Array[1, 4]).Sample((length, seed, edits) =>
        {
            var data = new byte[codec.Name == "raw" ? KzgConstants.BytesPerBlob : length];
            new Random(seed).NextBytes(data);
            if (codec.Name == "raw") for (int i = 0; i < data.Length; i += 32) data[i] &= 0x3f;
            var blobs = codec.Encode(data);
            foreach (var (kind, where, value) in edits)
            {
                // Most edits land where the structure is: the first and last elements of the used region.
                var blob = blobs[where % blobs.Length];
                int pos = kind == 0 ? where % 4096 : kind == 1 ? (where * 32) % blob.Length : blob.Length - 1 - where % 4096;
                blob[pos] = value;
            }
            byte[] back;
            try { back = codec.Decode(blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray()); }
            catch (BlobDecodingException e)
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message));
                rejected++;
                return;
            }
            Assert.Equal(back, codec.Decode(codec.Encode(back).Select(b => (ReadOnlyMemory<byte>)b).ToArray()));
        }, iter: 300, seed: "0N0XIzNsQ0O2");
        Assert.True(rejected > 0, "no mutation was rejected: the strictness check did not run");
    }
}
