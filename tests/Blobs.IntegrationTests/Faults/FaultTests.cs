using System.Diagnostics;
using Blobs.Cli;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Faults;

/// <summary>
/// RPC and beacon endpoints that time out, reset, return garbage or HTTP 5xx (a fake faulty node on 127.0.0.1):
/// idempotent calls are retried a bounded number of times with backoff, state-changing ones are not, failures that
/// do not pass end in a clear <see cref="RpcException"/>, a node that recovers is used, and nothing hangs.
/// </summary>
public class FaultTests
{
    private static readonly RpcRetryPolicy Fast = new() { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    private static ExecutionClient Client(FaultyHttpServer server, double timeoutSeconds = 1) =>
        new(server.Url, timeout: TimeSpan.FromSeconds(timeoutSeconds)) { Rpc = { Retry = Fast } };

    [Theory(Timeout = 30_000)]
    [InlineData(Fault.Reset, "cannot reach")]
    [InlineData(Fault.Garbage, "not JSON-RPC")]
    [InlineData(Fault.WrongJson, "not JSON-RPC")]
    [InlineData(Fault.Http500, "HTTP 500")]
    [InlineData(Fault.Http503, "HTTP 503")]
    [InlineData(Fault.Hang, "did not answer eth_chainId in time")]
    public async Task A_read_that_keeps_failing_is_retried_a_bounded_number_of_times_then_fails_clearly(Fault fault, string expected)
    {
        await using var server = new FaultyHttpServer(fault);
        using var client = Client(server);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => client.ChainIdAsync());
        Assert.Contains(expected, e.Message);
        Assert.Contains("eth_chainId", e.Message);
        Assert.Contains("3 attempts", e.Message);
        Assert.Equal("eth_chainId", e.Method);
        Assert.Equal(3, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Fault.Reset)]
    [InlineData(Fault.Garbage)]
    [InlineData(Fault.Http503)]
    [InlineData(Fault.Hang)]
    public async Task A_node_that_recovers_is_used_after_retries(Fault fault)
    {
        await using var server = new FaultyHttpServer(fault, fault, Fault.Ok);
        using var client = Client(server);
        Assert.Equal(1UL, await client.ChainIdAsync());
        Assert.Equal(["eth_chainId", "eth_chainId", "eth_chainId"], server.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_node_error_is_final_and_not_retried()
    {
        await using var server = new FaultyHttpServer(Fault.Ok)
        {
            Answer = (_, body) => $"{{\"jsonrpc\":\"2.0\",\"id\":{FaultyHttpServer.Id(body)},\"error\":{{\"code\":-32000,\"message\":\"header not found\"}}}}",
        };
        using var client = Client(server);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.ChainIdAsync());
        Assert.Contains("header not found", e.Message);
        Assert.Equal(-32000, e.Code);
        Assert.Single(server.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task State_changing_calls_are_tried_once()
    {
        await using var server = new FaultyHttpServer(Fault.Http503);
        using var client = Client(server);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.Rpc.CallAsync("evm_mine"));
        Assert.Contains("HTTP 503", e.Message);
        Assert.Equal(["evm_mine"], server.Requests);
        Assert.False(JsonRpcClient.IsIdempotent("eth_sendTransaction"));
        Assert.True(JsonRpcClient.IsIdempotent("eth_sendRawTransaction"));
    }

    [Fact(Timeout = 30_000)]
    public async Task A_raw_send_whose_answer_was_lost_counts_as_accepted_when_the_retry_is_already_known()
    {
        var raw = SignedRaw();
        var hash = BlobTransactionCodec.Decode(raw).Transaction.Hash();
        // The first attempt reaches the node but the answer is lost (reset); the retry is answered "already known".
        await using var server = new FaultyHttpServer(Fault.Reset, Fault.Ok)
        {
            Answer = (_, body) => $"{{\"jsonrpc\":\"2.0\",\"id\":{FaultyHttpServer.Id(body)},\"error\":{{\"code\":-32000,\"message\":\"already known\"}}}}",
        };
        using var client = Client(server);
        Assert.Equal(hash, await client.SendRawTransactionAsync(raw));
        Assert.Equal(["eth_sendRawTransaction", "eth_sendRawTransaction"], server.Requests);
    }

    [Fact(Timeout = 30_000)]
    public async Task Already_known_on_the_first_attempt_stays_a_node_answer()
    {
        await using var server = new FaultyHttpServer(Fault.Ok)
        {
            Answer = (_, body) => $"{{\"jsonrpc\":\"2.0\",\"id\":{FaultyHttpServer.Id(body)},\"error\":{{\"code\":-32000,\"message\":\"already known\"}}}}",
        };
        using var client = Client(server);
        var e = await Assert.ThrowsAsync<RpcException>(() => client.SendRawTransactionAsync(SignedRaw()));
        Assert.Contains("already known", e.Message);
        Assert.True(Blobs.Journal.JournaledSubmitter.IsAlreadyKnown(e));
    }

    [Fact(Timeout = 30_000)]
    public async Task The_send_timeout_is_its_own_and_longer_than_the_read_timeout()
    {
        await using var server = new FaultyHttpServer(Fault.Hang);
        using var client = Client(server, timeoutSeconds: 0.3);
        client.Rpc.SendTimeout = TimeSpan.FromSeconds(1.5);
        client.Rpc.Retry = RpcRetryPolicy.None;
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<RpcException>(() => client.SendRawTransactionAsync(SignedRaw()));
        Assert.Contains("did not answer eth_sendRawTransaction in time", e.Message);
        Assert.InRange(clock.Elapsed.TotalSeconds, 1.4, 8);
        Assert.Equal(TimeSpan.FromSeconds(120), new JsonRpcClient("http://127.0.0.1:1").SendTimeout);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Fault.Reset, "cannot reach the beacon API")]
    [InlineData(Fault.Garbage, "not JSON")]
    [InlineData(Fault.Http500, "HTTP 500")]
    [InlineData(Fault.Http503, "HTTP 503")]
    [InlineData(Fault.Hang, "did not answer")]
    public async Task Beacon_failures_are_retried_then_clear(Fault fault, string expected)
    {
        await using var server = new FaultyHttpServer(fault);
        using var beacon = new BeaconClient(server.Url, timeout: TimeSpan.FromSeconds(1), retry: Fast);
        var e = await Assert.ThrowsAsync<RpcException>(() => beacon.GetBlobsAsync("head"));
        Assert.Contains(expected, e.Message);
        Assert.Contains("3 attempts", e.Message);
        Assert.Equal(3, server.Requests.Count);
        Assert.All(server.Requests, r => Assert.Equal("GET /eth/v1/beacon/blobs/head", r));
    }

    [Fact(Timeout = 30_000)]
    public async Task Beacon_404_is_final_and_a_recovering_beacon_is_used()
    {
        await using (var missing = new FaultyHttpServer(Fault.Http404))
        {
            using var beacon = new BeaconClient(missing.Url, timeout: TimeSpan.FromSeconds(1), retry: Fast);
            var e = await Assert.ThrowsAsync<RpcException>(() => beacon.GetBlobsAsync("12"));
            Assert.Contains("HTTP 404: not found", e.Message);
            Assert.Single(missing.Requests);
        }
        await using var flaky = new FaultyHttpServer(Fault.Http503, Fault.Reset, Fault.Ok) { Answer = (_, _) => "{\"data\":[\"0x" + new string('0', 8) + "\"]}" };
        using var ok = new BeaconClient(flaky.Url, timeout: TimeSpan.FromSeconds(1), retry: Fast);
        var blobs = await ok.GetBlobsAsync("head");
        Assert.Single(blobs);
        Assert.Equal(4, blobs[0].Length);
    }

    [Fact(Timeout = 60_000)]
    public async Task Blob_send_against_a_broken_node_exits_with_a_clear_error()
    {
        await using var server = new FaultyHttpServer(Fault.Http503);
        var file = Path.GetTempFileName();
        var journal = Directory.CreateTempSubdirectory("blobs-faults-journal-");
        try
        {
            File.WriteAllBytes(file, [1, 2, 3]);
            var o = new StringWriter();
            var e = new StringWriter();
            var clock = Stopwatch.StartNew();
            int code = await BlobCli.RunAsync(["send", file, "--to", "0x000000000000000000000000000000000000dEaD", "--rpc-url", server.Url,
                "--journal", journal.FullName, "--private-key", "0x" + new string('1', 64)], o, e);
            Assert.Equal(1, code);
            Assert.Contains("HTTP 503", e.ToString());
            Assert.Contains("eth_chainId", e.ToString());
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
            Assert.Equal(4, server.Requests.Count); // the default policy: 4 attempts, then a clear error
        }
        finally
        {
            File.Delete(file);
            journal.Delete(true);
        }
    }

    private static byte[] SignedRaw()
    {
        var tx = BlobTransactionSigner.Sign(new BlobTransaction
        {
            ChainId = 1, Nonce = 0, MaxPriorityFeePerGas = 1, MaxFeePerGas = 2, GasLimit = 21000, To = Address.FromBytes(new byte[20]),
            MaxFeePerBlobGas = 1, BlobVersionedHashes = [],
        }, [.. new byte[31], 9]);
        return BlobTransactionCodec.EncodeNetwork(tx, new BlobSidecar(SidecarVersion.V1, [], [], []));
    }
}
