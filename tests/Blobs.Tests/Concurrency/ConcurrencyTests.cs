using System.Collections.Concurrent;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Kzg;
using Blobs.Transactions;

namespace Blobs.Tests.Concurrency;

/// <summary>
/// The KZG context (every backend that loads) and every codec used from many threads at once: each thread's results
/// are identical to a single-threaded run of the same work. Threads are real threads started together behind a
/// barrier, more of them than cores, so calls overlap.
/// </summary>
public class ConcurrencyTests
{
    private const int Threads = 8;

    public static TheoryData<string> Backends() => new("managed", "native");

    private static KzgContext? TryContext(string name, out string why)
    {
        why = "";
        try
        {
            var ctx = KzgBackends.CreateContext(name == "managed" ? KzgBackendKind.Managed : KzgBackendKind.Native);
            _ = ctx.BlobToKzgCommitment(new byte[KzgConstants.BytesPerBlob]);
            return ctx;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or DllNotFoundException or TypeInitializationException)
        {
            why = e.Message;
            return null;
        }
    }

    /// <summary>A blob of random canonical field elements (top byte cleared).</summary>
    private static byte[] RandomBlob(int seed)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        new Random(seed).NextBytes(blob);
        for (int i = 0; i < blob.Length; i += 32) blob[i] &= 0x3f;
        return blob;
    }

    /// <summary>Runs <paramref name="work"/>(thread) on <see cref="Threads"/> threads released together; rethrows the first failure.</summary>
    private static T[] OnThreads<T>(Func<int, T> work)
    {
        var results = new T[Threads];
        var errors = new ConcurrentQueue<Exception>();
        using var barrier = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            try
            {
                barrier.SignalAndWait();
                results[t] = work(t);
            }
            catch (Exception e) { errors.Enqueue(e); }
        }) { IsBackground = true }).ToArray();
        foreach (var th in threads) th.Start();
        foreach (var th in threads) Assert.True(th.Join(TimeSpan.FromMinutes(5)), "a thread did not finish within 5 minutes");
        if (errors.TryDequeue(out var first)) throw new AggregateException(first);
        return results;
    }

    private sealed record KzgRun(string[] Commitments, string[] Proofs, string[] ZProofs, bool[] Verified, string CellsHash, string[] CellProofs, bool CellsVerify, bool BadProofVerifies);

    private static KzgRun Run(KzgContext kzg, byte[][] blobs, int rotate)
    {
        // Each thread walks the blobs from another start, so different blobs are in flight at the same time.
        int n = blobs.Length;
        var order = Enumerable.Range(0, n).Select(i => (i + rotate) % n).ToArray();
        var commitments = new KzgCommitment[n];
        var proofs = new KzgProof[n];
        var zProofs = new string[n];
        var verified = new bool[n];
        var z = FieldElement.FromBytes([.. new byte[31], 7]);
        foreach (int i in order)
        {
            commitments[i] = kzg.BlobToKzgCommitment(blobs[i]);
            proofs[i] = kzg.ComputeBlobKzgProof(blobs[i], commitments[i]);
            var (p, y) = kzg.ComputeKzgProof(blobs[i], z);
            zProofs[i] = p + "/" + y;
            verified[i] = kzg.VerifyBlobKzgProof(blobs[i], commitments[i], proofs[i]) && kzg.VerifyKzgProof(commitments[i], z, y, p);
        }
        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        var cellProofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        int c = order[0] % 2;
        kzg.ComputeCellsAndKzgProofs(blobs[c], cells, cellProofs);
        var indices = Enumerable.Range(0, 16).Select(i => (ulong)(i * 8)).ToArray();
        var chosen = indices.SelectMany(i => cells.AsSpan((int)i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell).ToArray()).ToArray();
        bool cellsVerify = kzg.VerifyCellKzgProofBatch(Enumerable.Repeat(commitments[c], indices.Length).ToArray(), indices, chosen,
            indices.Select(i => cellProofs[i]).ToArray());
        bool bad = kzg.VerifyBlobKzgProofBatch(blobs.SelectMany(b => b).ToArray(), commitments, [.. proofs.Skip(1), proofs[0]]);
        return new KzgRun(commitments.Select(x => x.ToString()).ToArray(), proofs.Select(x => x.ToString()).ToArray(), zProofs, verified,
            $"{c}:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(cells)), cellProofs.Select(x => x.ToString()).ToArray(), cellsVerify, bad);
    }

    private static void AssertSame(KzgRun expected, KzgRun actual)
    {
        Assert.Equal(expected.Commitments, actual.Commitments);
        Assert.Equal(expected.Proofs, actual.Proofs);
        Assert.Equal(expected.ZProofs, actual.ZProofs);
        Assert.Equal(expected.Verified, actual.Verified);
        Assert.Equal(expected.BadProofVerifies, actual.BadProofVerifies);
    }

    [SkippableTheory]
    [MemberData(nameof(Backends))]
    public void Kzg_context_gives_the_single_threaded_results_from_many_threads(string backend)
    {
        var kzg = TryContext(backend, out var why);
        if (kzg is null)
        {
            // Every backend that loads is tested; under CI at least the native one must.
            if (backend == "native" && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
                throw new InvalidOperationException("CI=true and the native KZG backend does not load: " + why);
            Skip.If(true, $"the {backend} KZG backend is not available: {why}");
        }
        using var context = kzg!;
        var blobs = Enumerable.Range(0, 4).Select(i => RandomBlob(900 + i)).ToArray();
        var single = new[] { Run(context, blobs, 0), Run(context, blobs, 1) };
        Assert.All(single[0].Verified, Assert.True);
        Assert.True(single[0].CellsVerify);
        Assert.False(single[0].BadProofVerifies);

        var parallel = OnThreads(t => Run(context, blobs, t));
        for (int t = 0; t < Threads; t++)
        {
            AssertSame(single[0], parallel[t]);
            Assert.True(parallel[t].CellsVerify);
            // Cells come from blob (rotate % 2): compare with the single-threaded run that used the same blob.
            var sameBlob = parallel[t].CellsHash[0] == single[0].CellsHash[0] ? single[0] : single[1];
            Assert.Equal(sameBlob.CellsHash, parallel[t].CellsHash);
            Assert.Equal(sameBlob.CellProofs, parallel[t].CellProofs);
        }
    }

    public static TheoryData<string> Codecs() => new(BlobCodecs.All.Select(c => c.Name).Concat(["simple+zstd", "op+brotli", "viem+zlib"]));

    private static IBlobCodec Codec(string name) => name.Split('+') is [var inner, var compression]
        ? BlobCodecs.Get(inner, BlobCodecs.ParseCompression(compression))
        : BlobCodecs.Get(name);

    [Theory]
    [MemberData(nameof(Codecs))]
    public void Codecs_give_the_single_threaded_results_from_many_threads(string name)
    {
        var codec = Codec(name);
        var rng = new Random(4844);
        var payloads = new[] { 0, 1, 31, 1000, 130_044, 200_000 }.Select(n =>
        {
            if (codec.Name == "raw") n = n / KzgConstants.BytesPerBlob * KzgConstants.BytesPerBlob + KzgConstants.BytesPerBlob;
            var b = new byte[n];
            rng.NextBytes(b);
            if (codec.Name == "raw") for (int i = 0; i < b.Length; i += 32) b[i] &= 0x3f;
            return b;
        }).ToArray();

        string Work(int rotate)
        {
            var digest = new List<string>();
            for (int k = 0; k < payloads.Length; k++)
            {
                var data = payloads[(k + rotate) % payloads.Length];
                var blobs = codec.Encode(data);
                var back = codec.Decode(blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray());
                Assert.Equal(data, back);
                digest.Add($"{(k + rotate) % payloads.Length}:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(blobs.SelectMany(b => b).ToArray())));
            }
            return string.Join(",", digest.Order(StringComparer.Ordinal));
        }

        var single = Work(0);
        var parallel = OnThreads(Work);
        Assert.All(parallel, p => Assert.Equal(single, p));
    }

    [Fact]
    public void Transaction_codec_and_signer_give_the_single_threaded_results_from_many_threads()
    {
        var key = new byte[32];
        key[31] = 3;
        var txs = Enumerable.Range(0, 16).Select(i => new BlobTransaction
        {
            ChainId = 1, Nonce = (ulong)i, MaxPriorityFeePerGas = i + 1, MaxFeePerGas = 100 + i, GasLimit = 21000, To = Address.FromBytes(new byte[20]),
            MaxFeePerBlobGas = 7, Data = new byte[i * 10], BlobVersionedHashes = [VersionedHash.FromBytes([0x01, .. new byte[30], (byte)i])],
        }).ToArray();
        string Work(int _) => string.Join(",", txs.Select(tx =>
        {
            var signed = BlobTransactionSigner.Sign(tx, key);
            var payload = BlobTransactionCodec.EncodePayload(signed);
            var decoded = BlobTransactionCodec.Decode(payload).Transaction;
            return $"{decoded.Hash()}:{decoded.Sender()}";
        }));
        var single = Work(0);
        Assert.All(OnThreads(Work), p => Assert.Equal(single, p));
    }
}
