using System.Net;
using System.Text;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Fees;
using Blobs.Fuzz;
using Blobs.Journal;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Tests.Fuzz;

/// <summary>
/// Each kind of crash scripts/fuzz.sh found, as a named regression test (the inputs themselves are replayed from
/// fuzz/crashes by <see cref="FuzzCorpusTests"/>): the library's own exception, with a message that says what is wrong.
/// </summary>
public class FuzzFindingsTests
{
    private static HttpClient Answering(string body, HttpStatusCode status = HttpStatusCode.OK) =>
        new(new FuzzTargets.CannedHandler(status, Encoding.UTF8.GetBytes(body)));

    private static ExecutionClient Node(string result) =>
        new("http://127.0.0.1:1/", Answering("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}")) { Rpc = { Retry = RpcRetryPolicy.None } };

    [Fact]
    public void Zlib_stream_asking_for_a_preset_dictionary_is_a_decoding_error()
    {
        // decompress: zlib's Z_NEED_DICT escaped as System.IO.Compression.ZLibException (internal, an IOException).
        byte[] payload = [0x89, 0x42, 0x4c, 0x5a, 0x02, 0, 0, 0, 0x2b, 0x78, 0xf9, 0x4b, 0xca, 0xc9, 0x4f, 0x52];
        var e = Assert.Throws<BlobDecodingException>(() => PayloadCompression.Decompress(payload));
        Assert.Contains("preset dictionary", e.Message);
    }

    [Theory]
    [InlineData("{\"data\":[1]}", "data[0] is not an object")]
    [InlineData("{\"data\":[{\"blob\":\"0x00\"}]}", "has no 'kzg_commitment'")]
    [InlineData("{\"data\":[{\"blob\":7,\"kzg_commitment\":\"0x00\"}]}", "data[0].blob is not a string")]
    [InlineData("{\"data\":[{\"blob\":\"0x00\",\"kzg_commitment\":\"0x0000\"}]}", "2 bytes, a commitment is 48")]
    [InlineData("[\"data\"]", "the answer has no 'data'")]
    public async Task Beacon_sidecar_answers_of_the_wrong_shape_are_rpc_errors(string body, string expected)
    {
        // beacon: KeyNotFoundException, InvalidOperationException and KzgInputException escaped.
        using var beacon = new BeaconClient("http://127.0.0.1:1/", Answering(body), retry: RpcRetryPolicy.None);
        var e = await Assert.ThrowsAsync<RpcException>(() => beacon.GetBlobSidecarsAsync("head"));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("\"0x1z\"")]
    [InlineData("\"0x11#1\"")]
    public async Task Malformed_quantities_are_rpc_errors(string result)
    {
        // rpc: FormatException from Nethereum's HexBigInteger and from Quantities escaped ExecutionClient.
        using var node = Node(result);
        Assert.Contains("malformed", (await Assert.ThrowsAsync<RpcException>(() => node.ChainIdAsync())).Message);
        Assert.Contains("malformed", (await Assert.ThrowsAsync<RpcException>(() => node.BlobBaseFeeAsync())).Message);
    }

    [Fact]
    public async Task A_result_that_does_not_fit_the_dto_and_an_out_of_range_status_are_rpc_errors()
    {
        // rpc: Nethereum's bare System.Exception ("Unable to convert the result") and an OverflowException escaped.
        using (var node = Node("\"0x1\""))
            Assert.Contains("eth_getBlockByNumber at http://127.0.0.1:1/: ", (await Assert.ThrowsAsync<RpcException>(() => node.BaseFeeAsync())).Message);
        var h = "\"0x" + new string('1', 64) + "\"";
        using (var node = Node("{\"transactionHash\":" + h + ",\"blockNumber\":\"0x1\",\"blockHash\":" + h + ",\"status\":\"0xffffffffff\"}"))
            Assert.Contains("status", (await Assert.ThrowsAsync<RpcException>(() => node.ReceiptAsync(Hash32.FromBytes(new byte[32])))).Message);
    }

    [Fact]
    public async Task Fee_answers_that_are_not_quantities_or_not_json_are_fee_source_errors()
    {
        // fees: FormatException escaped GetChainIdAsync; JsonException escaped EthConfig.Parse.
        using var source = new FeeDataSource("http://127.0.0.1:1/", Answering("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
        Assert.Contains("eth_chainId", (await Assert.ThrowsAsync<FeeSourceException>(() => source.GetChainIdAsync())).Message);
        Assert.Contains("not JSON", Assert.Throws<FormatException>(() => EthConfig.Parse("\u00ef{")).Message);
    }

    [Theory]
    [InlineData("{\"version\":1,\"version\":1}", "malformed object")]
    [InlineData("{\"version\":1,\"attempts\":[{\"txHash\":\"\\ud800\"}]}", "malformed value")]
    public void Journal_entries_with_a_repeated_key_or_a_lone_surrogate_are_format_errors(string json, string expected)
    {
        // journal: ArgumentException and InvalidOperationException escaped JsonNode.
        var e = Assert.Throws<JournalFormatException>(() => JournalEntry.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(expected, e.Message);
    }
}
