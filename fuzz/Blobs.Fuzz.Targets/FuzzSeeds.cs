using System.Text;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Fuzz;

/// <summary>
/// The starting inputs of every target: small valid encodings (a signed payload, empty network forms, codec
/// headers, compressed streams, valid points, canned JSON-RPC and beacon answers). The fuzzer mutates from here;
/// the minimized corpus in fuzz/corpus is what it kept.
/// </summary>
public static class FuzzSeeds
{
    /// <summary>Writes the seeds of every target under <paramref name="root"/>/TARGET/seed-N; returns how many.</summary>
    public static int WriteAll(string root)
    {
        int n = 0;
        foreach (var target in FuzzTargets.All)
        {
            var dir = Path.Combine(root, target.Name);
            Directory.CreateDirectory(dir);
            int i = 0;
            foreach (var seed in For(target.Name))
            {
                File.WriteAllBytes(Path.Combine(dir, $"seed-{i++}"), seed);
                n++;
            }
        }
        return n;
    }

    /// <summary>The seeds of one target.</summary>
    public static IEnumerable<byte[]> For(string target) => target switch
    {
        "tx" => Transactions(),
        "tx-hex" => Transactions().Select(t => Encoding.ASCII.GetBytes(Hex.Encode(t))),
        "codec-simple" => CodecSeeds(SimpleCodec.Instance),
        "codec-op" => CodecSeeds(OpStackV0Codec.Instance),
        "codec-viem" => CodecSeeds(ViemCodec.Instance),
        "codec-raw" => [[0, 0, 0, 0, 1], [3, 0x73, 0xed, 0xa7, 0x53]],
        "decompress" => new[] { BlobCompression.Brotli, BlobCompression.Zlib, BlobCompression.Zstd }
            .Select(a => PayloadCompression.Compress(Encoding.ASCII.GetBytes("blob batch blob batch blob batch 0123456789"), a)),
        "kzg-proof" => [[0xc0, .. new byte[47], .. new byte[64], 0xc0, .. new byte[47]]],
        "kzg-blob" => [[0xc0, .. new byte[47], 0xc0, .. new byte[47], .. new byte[31], 1]],
        "kzg-cell" => [[0xc0, .. new byte[47], 0xc0, .. new byte[47], 0, .. new byte[31], 1]],
        "setup-text" => [Encoding.ASCII.GetBytes("4096\n65\n" + string.Join("\n", Enumerable.Repeat("a0" + new string('0', 94), 3)) + "\n")],
        "setup-json" => [Encoding.ASCII.GetBytes("{\"g1_monomial\":[\"0xa0" + new string('0', 94) + "\"],\"g1_lagrange\":[],\"g2_monomial\":[]}")],
        "beacon" => Beacon(),
        "rpc" => Rpc(),
        "fees" => Fees(),
        "journal" => [Encoding.UTF8.GetBytes(JournalSample().ToJson())],
        _ => [],
    };

    private static IEnumerable<byte[]> Transactions()
    {
        var key = new byte[32];
        key[31] = 7;
        var tx = BlobTransactionSigner.Sign(new BlobTransaction
        {
            ChainId = 1, Nonce = 2, MaxPriorityFeePerGas = 3, MaxFeePerGas = 4, GasLimit = 21000,
            To = Address.FromBytes(Enumerable.Range(1, 20).Select(i => (byte)i).ToArray()), Value = 5, Data = new byte[] { 0xca, 0xfe },
            AccessList = [new AccessListEntry(Address.FromBytes(new byte[20]), [Hash32.FromBytes(new byte[32])])],
            MaxFeePerBlobGas = 6, BlobVersionedHashes = [VersionedHash.FromBytes([0x01, .. new byte[31]])],
        }, key);
        yield return BlobTransactionCodec.EncodePayload(tx);
        var empty = tx with { BlobVersionedHashes = [] };
        empty = BlobTransactionSigner.Sign(empty, key);
        yield return BlobTransactionCodec.EncodeNetwork(empty, new BlobSidecar(SidecarVersion.V0, [], [], []));
        yield return BlobTransactionCodec.EncodeNetwork(empty, new BlobSidecar(SidecarVersion.V1, [], [], []));
    }

    /// <summary>A journal entry with two attempts (a replacement), included.</summary>
    public static Blobs.Journal.JournalEntry JournalSample()
    {
        var key = new byte[32];
        key[31] = 7;
        var sidecar = new BlobSidecar(SidecarVersion.V1, [], [], []);
        var fields = new TransactionFields { ChainId = 1, Nonce = 5, MaxPriorityFeePerGas = 1, MaxFeePerGas = 2, MaxFeePerBlobGas = 3, To = Address.FromBytes(new byte[20]) };
        var first = BlobTransactionBuilder.Sign(fields, sidecar, key);
        var second = BlobTransactionBuilder.Sign(Blobs.Rpc.BlobSubmitter.BumpFees(fields), sidecar, key);
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
        var entry = Blobs.Journal.JournalEntry.Create(Blobs.Journal.JournalEntry.HashContent([1, 2, 3]), 1, Hash32.FromBytes(new byte[32]), first, "simple", 3, at)
            .WithSubmitted(first.Transaction.Hash(), SidecarVersion.V1, at).WithReplacement(second, at.AddMinutes(5));
        return entry.WithSubmitted(second.Transaction.Hash(), SidecarVersion.V1, at.AddMinutes(5))
            .WithIncluded(new Blobs.Rpc.TransactionReceipt(second.Transaction.Hash(), 9, Hash32.FromBytes(new byte[32]), 1, 21000, 2, 131072, 1), at.AddMinutes(6));
    }

    private static IEnumerable<byte[]> CodecSeeds(IBlobCodec codec)
    {
        foreach (var length in new[] { 0, 5, 100 })
        {
            var data = Enumerable.Range(0, length).Select(i => (byte)(i * 7 + 1)).ToArray();
            var blob = codec.Encode(data)[0];
            int end = blob.Length;
            while (end > 0 && blob[end - 1] == 0) end--;
            yield return [0, .. blob.AsSpan(0, end)];
        }
    }

    private static byte[] Answer(int selector, string json) => [(byte)selector, 0, .. Encoding.UTF8.GetBytes(json)];

    private static string Result(string result) => "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}";

    private static readonly string s_hash = "\"0x" + new string('1', 64) + "\"";

    private static IEnumerable<byte[]> Beacon()
    {
        yield return Answer(0, "{\"data\":[\"0x0001\"]}");
        yield return Answer(1, "{\"data\":[{\"index\":\"0\",\"blob\":\"0x00\",\"kzg_commitment\":\"0xc0" + new string('0', 94) + "\"}]}");
        yield return Answer(2, "{\"data\":[{\"root\":" + s_hash + "}]}");
        yield return Answer(3, "{\"data\":{\"genesis_time\":\"1606824023\"}}");
        yield return [0, 5, .. Encoding.UTF8.GetBytes("{\"code\":500,\"message\":\"internal\"}")];
    }

    private static IEnumerable<byte[]> Rpc()
    {
        yield return Answer(0, Result("\"0x7a69\""));
        yield return Answer(1, Result("\"0x0\""));
        yield return Answer(2, Result("{\"number\":\"0x1\",\"hash\":" + s_hash + ",\"baseFeePerGas\":\"0x3b9aca00\",\"parentBeaconBlockRoot\":" + s_hash + "}"));
        yield return Answer(3, Result("{\"transactionHash\":" + s_hash + ",\"blockNumber\":\"0x2\",\"blockHash\":" + s_hash
            + ",\"status\":\"0x1\",\"gasUsed\":\"0x5208\",\"effectiveGasPrice\":\"0x1\",\"blobGasUsed\":\"0x20000\",\"blobGasPrice\":\"0x1\"}"));
        yield return Answer(5, Result(s_hash));
        yield return Answer(6, Result("{\"current\":{\"activationTime\":\"0x0\",\"chainId\":\"0x1\",\"blobSchedule\":{\"target\":6,\"max\":9,\"baseFeeUpdateFraction\":5007716},\"precompiles\":{\"P256VERIFY\":\"0x0000000000000000000000000000000000000100\"}}}"));
        yield return Answer(0, "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32000,\"message\":\"nonce too low\",\"data\":\"0x\"}}");
    }

    private static IEnumerable<byte[]> Fees()
    {
        yield return Answer(0, Result("{\"current\":{\"activationTime\":\"0x0\",\"chainId\":\"0x1\",\"blobSchedule\":{\"target\":\"0x6\",\"max\":\"0x9\",\"baseFeeUpdateFraction\":\"0x4c6964\"}}}"));
        yield return Answer(1, Result("\"0x1\""));
        yield return Answer(2, Result("{\"number\":\"0x1\",\"timestamp\":\"0x68000000\",\"excessBlobGas\":\"0x0\",\"blobGasUsed\":\"0x20000\",\"baseFeePerGas\":\"0x7\"}"));
        yield return Answer(3, Result("{\"oldestBlock\":\"0x1\",\"baseFeePerGas\":[\"0x1\",\"0x2\"],\"gasUsedRatio\":[0.5],\"baseFeePerBlobGas\":[\"0x1\",\"0x1\"],\"blobGasUsedRatio\":[0.1],\"reward\":[[\"0x1\"]]}"));
        yield return Answer(5, "{\"current\":{\"activationTime\":0,\"chainId\":1}}");
    }
}
