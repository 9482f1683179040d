using System.Net;
using System.Text;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Fees;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Fuzz;

/// <summary>
/// Every parser of the toolkit that takes bytes from outside, as a fuzz target: transaction decoding (payload and
/// both network forms, binary and hex), every codec's decoder and the decompressor, commitment / proof / field
/// element / blob / cell deserialization through the KZG verify functions, trusted-setup loading (text and JSON),
/// beacon API answers, execution JSON-RPC answers, fee-market answers (eth_config, blocks, fee history), and the
/// batch journal's entry files. Each target swallows only the exceptions the library documents for bad input.
/// </summary>
public static class FuzzTargets
{
    /// <summary>All targets, by name.</summary>
    public static IReadOnlyList<FuzzTarget> All { get; } =
    [
        new("tx", "BlobTransactionCodec.Decode: payload or network form v0/v1; whatever decodes must re-encode to the same bytes", Transaction),
        new("tx-hex", "BlobTransactionCodec.DecodeHex: the 0x-hex text of a transaction", TransactionHex),
        new("codec-simple", "SimpleCodec.Decode (alloy SimpleCoder) over 1-2 blobs built from the input", b => Codec(SimpleCodec.Instance, b)),
        new("codec-op", "OpStackV0Codec.Decode over 1-2 blobs built from the input", b => Codec(OpStackV0Codec.Instance, b)),
        new("codec-viem", "ViemCodec.Decode over 1-2 blobs built from the input", b => Codec(ViemCodec.Instance, b)),
        new("codec-raw", "RawCodec.Decode over 1-2 blobs built from the input", b => Codec(RawCodec.Instance, b)),
        new("decompress", "PayloadCompression.Decompress: the compression header and brotli/zlib/zstd streams", Decompress),
        new("kzg-proof", "commitment, z, y, proof deserialization and verify_kzg_proof", KzgProofTarget),
        new("kzg-blob", "blob, commitment and proof deserialization and verify_blob_kzg_proof", KzgBlobTarget),
        new("kzg-cell", "cell, commitment and proof deserialization and verify_cell_kzg_proof_batch", KzgCellTarget),
        new("setup-text", "TrustedSetup.FromText (c-kzg text format)", b => Setup(b, json: false)),
        new("setup-json", "TrustedSetup.FromJson (consensus-specs JSON format)", b => Setup(b, json: true)),
        new("beacon", "BeaconClient: GET blobs, blob_sidecars, headers, genesis answered with the input", Beacon),
        new("rpc", "ExecutionClient: JSON-RPC answers (chain id, nonce, block, receipt, tx, raw send, eth_config, fees, estimate) from the input", Rpc),
        new("fees", "FeeDataSource and EthConfig.Parse: fee-market JSON-RPC answers from the input", Fees),
        new("journal", "JournalEntry.Parse: a send journal's entry.json (a crash or a full disk may leave anything there)", JournalTarget),
    ];

    /// <summary>The target called <paramref name="name"/>.</summary>
    public static FuzzTarget Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"no fuzz target '{name}'; targets: {string.Join(", ", All.Select(t => t.Name))}");

    /// <summary>Targets that need a KZG backend.</summary>
    public static bool NeedsKzg(string name) => name.StartsWith("kzg-", StringComparison.Ordinal);

    // ---- transactions ------------------------------------------------------------------------------

    private static void Transaction(byte[] input)
    {
        DecodedTransaction d;
        try { d = BlobTransactionCodec.Decode(input); }
        catch (TransactionDecodingException) { return; }
        var again = d.Sidecar is null ? BlobTransactionCodec.EncodePayload(d.Transaction) : BlobTransactionCodec.EncodeNetwork(d.Transaction, d.Sidecar);
        if (!again.AsSpan().SequenceEqual(input)) throw new FuzzInvariantException("a decoded transaction does not re-encode to its input bytes");
        // What a node-facing caller does next must not throw either.
        _ = BlobTransactionSigner.TryRecoverSender(d.Transaction, out _, out _);
        _ = BlobTransactionValidator.Validate(d.Transaction, d.Sidecar, null, new ValidationRules());
        _ = d.Transaction.Hash();
    }

    private static void TransactionHex(byte[] input)
    {
        try { _ = BlobTransactionCodec.DecodeHex(Encoding.UTF8.GetString(input)); }
        catch (TransactionDecodingException) { }
    }

    // ---- codecs -------------------------------------------------------------------------------------

    /// <summary>
    /// Blobs from fuzz input: byte 0 bit 0 picks one or two blobs, bit 1 puts the rest of the input at the start of the
    /// first blob (headers, lengths) or at the end of the last blob (terminators, spill-over); everything else is zero.
    /// </summary>
    public static ReadOnlyMemory<byte>[] BlobsFrom(ReadOnlySpan<byte> input)
    {
        int count = input.IsEmpty ? 1 : 1 + (input[0] & 1);
        bool atEnd = !input.IsEmpty && (input[0] & 2) != 0;
        var body = input.IsEmpty ? [] : input[1..];
        var all = new byte[count * BlobFormat.BytesPerBlob];
        if (body.Length > all.Length) body = body[..all.Length];
        body.CopyTo(all.AsSpan(atEnd ? all.Length - body.Length : 0));
        return Enumerable.Range(0, count).Select(i => (ReadOnlyMemory<byte>)all.AsMemory(i * BlobFormat.BytesPerBlob, BlobFormat.BytesPerBlob)).ToArray();
    }

    private static void Codec(IBlobCodec codec, byte[] input)
    {
        byte[] data;
        try { data = codec.Decode(BlobsFrom(input)); }
        catch (BlobDecodingException) { return; }
        // Whatever decodes is a payload the codec can carry again, and it comes back unchanged.
        var blobs = codec.Encode(data);
        var back = codec.Decode(blobs.Select(b => (ReadOnlyMemory<byte>)b).ToArray());
        if (!back.AsSpan().SequenceEqual(data)) throw new FuzzInvariantException($"{codec.Name}: decode(encode(x)) != x for a decoded payload of {data.Length} bytes");
    }

    private static void Decompress(byte[] input)
    {
        try { _ = PayloadCompression.Decompress(input, 1 << 20); }
        catch (BlobDecodingException) { }
    }

    // ---- KZG ----------------------------------------------------------------------------------------

    private static readonly Lazy<KzgContext> s_kzg = new(CreateKzg);

    /// <summary>
    /// The context the KZG targets use: BLOBS_FUZZ_KZG=managed|native, else the managed backend when it is built
    /// (its point decoding is .NET code that the fuzzer instruments), else c-kzg.
    /// </summary>
    public static KzgContext Kzg => s_kzg.Value;

    private static KzgContext CreateKzg()
    {
        var wanted = Environment.GetEnvironmentVariable("BLOBS_FUZZ_KZG");
        if (wanted == "native") return KzgBackends.CreateContext(KzgBackendKind.Native);
        if (wanted == "managed") return KzgBackends.CreateContext(KzgBackendKind.Managed);
        try { return KzgBackends.CreateContext(KzgBackendKind.Managed); }
        catch (NotSupportedException) { return KzgBackends.CreateContext(KzgBackendKind.Native); }
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> input, ref int pos, int n)
    {
        var buf = new byte[n];
        if (pos < input.Length) input.Slice(pos, Math.Min(n, input.Length - pos)).CopyTo(buf);
        pos += n;
        return buf;
    }

    private static void KzgProofTarget(byte[] input)
    {
        int pos = 0;
        var c = Take(input, ref pos, 48);
        var z = Take(input, ref pos, 32);
        var y = Take(input, ref pos, 32);
        var p = Take(input, ref pos, 48);
        try
        {
            _ = Kzg.VerifyKzgProof(KzgCommitment.FromBytes(c), FieldElement.FromBytes(z, "z"), FieldElement.FromBytes(y, "y"), KzgProof.FromBytes(p));
        }
        catch (KzgInputException) { }
    }

    private static void KzgBlobTarget(byte[] input)
    {
        int pos = 0;
        var c = Take(input, ref pos, 48);
        var p = Take(input, ref pos, 48);
        var blob = Take(input, ref pos, KzgConstants.BytesPerBlob);
        try
        {
            var b = Blob.FromBytes(blob);
            _ = Kzg.VerifyBlobKzgProof(b.Bytes, KzgCommitment.FromBytes(c), KzgProof.FromBytes(p));
        }
        catch (KzgInputException) { }
    }

    private static void KzgCellTarget(byte[] input)
    {
        int pos = 0;
        var c = Take(input, ref pos, 48);
        var p = Take(input, ref pos, 48);
        var index = Take(input, ref pos, 1)[0];
        var cell = Take(input, ref pos, KzgConstants.BytesPerCell);
        try
        {
            var parsed = Cell.FromBytes(cell);
            _ = Kzg.VerifyCellKzgProofBatch([KzgCommitment.FromBytes(c)], [(ulong)index], parsed.Bytes, [KzgProof.FromBytes(p)]);
        }
        catch (KzgInputException) { }
    }

    // ---- trusted setup -------------------------------------------------------------------------------

    private static void Setup(byte[] input, bool json)
    {
        var text = Encoding.UTF8.GetString(input);
        try { _ = json ? TrustedSetup.FromJson(text) : TrustedSetup.FromText(text); }
        catch (FormatException) { }
    }

    // ---- HTTP answers ------------------------------------------------------------------------------

    /// <summary>An HTTP handler that answers every request with one status and body (no network).</summary>
    public sealed class CannedHandler(HttpStatusCode status, byte[] body) : HttpMessageHandler
    {
        /// <inheritdoc />
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status) { Content = new ByteArrayContent(body), RequestMessage = request });
    }

    private static readonly HttpStatusCode[] s_statuses = [HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK,
        HttpStatusCode.NotFound, HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable, HttpStatusCode.BadRequest];

    /// <summary>Splits input into (selector, status, body): byte 0 picks the call, byte 1 the HTTP status, the rest is the body.</summary>
    public static (int Selector, HttpStatusCode Status, byte[] Body) Answer(byte[] input)
    {
        int selector = input.Length > 0 ? input[0] : 0;
        var status = s_statuses[(input.Length > 1 ? input[1] : 0) % s_statuses.Length];
        return (selector, status, input.Length > 2 ? input[2..] : []);
    }

    private static HttpClient Client(HttpStatusCode status, byte[] body) => new(new CannedHandler(status, body)) { Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>Two attempts without delay: the retry paths run, at fuzzing speed. (Made on use: no instrumented code in static initializers.)</summary>
    private static RpcRetryPolicy FastRetry() => new() { MaxAttempts = 2, InitialDelay = TimeSpan.Zero, MaxDelay = TimeSpan.Zero };

    // Built on use, never in a static initializer: instrumented code may only run inside the fuzzer's loop.
    private static VersionedHash SomeHash() => VersionedHash.FromBytes([0x01, .. new byte[31]]);

    private static void Beacon(byte[] input)
    {
        var (selector, status, body) = Answer(input);
        using var http = Client(status, body);
        using var beacon = new BeaconClient("http://127.0.0.1:1/", http, retry: FastRetry());
        try
        {
            switch (selector % 4)
            {
                case 0: _ = beacon.GetBlobsAsync("head", [SomeHash()]).GetAwaiter().GetResult(); break;
                case 1: _ = beacon.GetBlobSidecarsAsync("head").GetAwaiter().GetResult(); break;
                case 2: _ = beacon.ChildBlockRootAsync(Hash32.FromBytes(new byte[32])).GetAwaiter().GetResult(); break;
                default: _ = beacon.GenesisTimeAsync().GetAwaiter().GetResult(); break;
            }
        }
        catch (RpcException) { }
    }

    private static void Rpc(byte[] input)
    {
        var (selector, status, body) = Answer(input);
        using var http = Client(status, body);
        using var client = new ExecutionClient("http://127.0.0.1:1/", http, TimeSpan.FromSeconds(10));
        client.Rpc.Retry = FastRetry();
        var address = Address.FromBytes(new byte[20]);
        var hash = Hash32.FromBytes(new byte[32]);
        try
        {
            switch (selector % 12)
            {
                case 0: _ = client.ChainIdAsync().GetAwaiter().GetResult(); break;
                case 1: _ = client.PendingNonceAsync(address).GetAwaiter().GetResult(); break;
                case 2: _ = client.BaseFeeAsync().GetAwaiter().GetResult(); break;
                case 3: _ = client.ReceiptAsync(hash).GetAwaiter().GetResult(); break;
                case 4: _ = client.TransactionAsync(hash).GetAwaiter().GetResult(); break;
                case 5: _ = client.SendRawTransactionAsync(new byte[] { 3, 0xc0 }).GetAwaiter().GetResult(); break;
                case 6: _ = client.SidecarVersionAsync().GetAwaiter().GetResult(); break;
                case 7: _ = client.BlobBaseFeeAsync().GetAwaiter().GetResult(); break;
                case 8: _ = client.MaxPriorityFeeAsync().GetAwaiter().GetResult(); break;
                case 9: _ = client.ParentBeaconBlockRootAsync(1).GetAwaiter().GetResult(); break;
                case 10: _ = client.BalanceAsync(address).GetAwaiter().GetResult(); break;
                default:
                    var fields = new TransactionFields { ChainId = 1, Nonce = 0, To = address, MaxFeePerGas = 1, MaxPriorityFeePerGas = 1, MaxFeePerBlobGas = 1 };
                    _ = client.EstimateGasAsync(address, fields, [SomeHash()]).GetAwaiter().GetResult();
                    break;
            }
        }
        catch (RpcException) { }
    }

    private static void JournalTarget(byte[] input)
    {
        Blobs.Journal.JournalEntry entry;
        try { entry = Blobs.Journal.JournalEntry.Parse(input); }
        catch (Blobs.Journal.JournalFormatException) { return; }
        // What parses writes back to the same entry.
        var again = Blobs.Journal.JournalEntry.Parse(Encoding.UTF8.GetBytes(entry.ToJson()));
        if (again.ToJson() != entry.ToJson()) throw new FuzzInvariantException("a journal entry does not survive a write and a read");
    }

    private static void Fees(byte[] input)
    {
        var (selector, status, body) = Answer(input);
        if (selector % 6 == 5)
        {
            try { _ = EthConfig.Parse(Encoding.UTF8.GetString(body)); }
            catch (FormatException) { }
            return;
        }
        using var http = Client(status, body);
        using var source = new FeeDataSource("http://127.0.0.1:1/", http, TimeSpan.FromSeconds(10), FastRetry());
        try
        {
            switch (selector % 6)
            {
                case 0: _ = source.GetEthConfigAsync().GetAwaiter().GetResult(); break;
                case 4: _ = source.ReadStateAsync(4, ForkSchedule.ForChainId(1)).GetAwaiter().GetResult(); break;
                case 1: _ = source.GetChainIdAsync().GetAwaiter().GetResult(); break;
                case 2: _ = source.GetHeaderAsync().GetAwaiter().GetResult(); break;
                case 3: _ = source.GetFeeHistoryAsync(4).GetAwaiter().GetResult(); break;
                default: _ = source.GetBlobBaseFeeAsync().GetAwaiter().GetResult(); break;
            }
        }
        catch (FeeSourceException) { }
    }
}
