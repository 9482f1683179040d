using System.Diagnostics;
using Blobs.Fees;
using Blobs.IntegrationTests.Faults;
using Blobs.Rpc;

namespace Blobs.IntegrationTests.Fees;

/// <summary>
/// The fee source goes through the toolkit's JSON-RPC client, so <c>blob fee --rpc-url</c> gets the same fault handling
/// as <c>blob send</c>: a read that fails in a way that may pass (HTTP 5xx, reset, no answer) is retried a bounded number
/// of times, a node that recovers is used, and one that does not ends in one line naming the endpoint and the method.
/// The misbehaving node is the named fake <see cref="FaultyHttpServer"/> (a real node cannot be made to fail on cue).
/// </summary>
public class FeeSourceFaultTests
{
    private static readonly RpcRetryPolicy Fast = new() { MaxAttempts = 3, InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) };

    /// <summary>Good answers for the calls <c>blob fee</c> makes: a mainnet head (Osaka and later by its timestamp) without eth_config.</summary>
    private static string Answer(string method, string body)
    {
        var id = FaultyHttpServer.Id(body);
        string Result(string json) => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"result\":{json}}}";
        return method switch
        {
            "eth_chainId" => Result("\"0x1\""),
            "eth_getBlockByNumber" => Result("{\"number\":\"0x10\",\"timestamp\":\"0x6a000000\",\"excessBlobGas\":\"0x0\",\"blobGasUsed\":\"0x0\",\"baseFeePerGas\":\"0x3b9aca00\"}"),
            "eth_feeHistory" => Result("{\"oldestBlock\":\"0x10\",\"baseFeePerGas\":[\"0x3b9aca00\",\"0x3b9aca00\"],\"gasUsedRatio\":[0.5],"
                + "\"baseFeePerBlobGas\":[\"0x1\",\"0x1\"],\"blobGasUsedRatio\":[0],\"reward\":[[\"0x1\",\"0x2\",\"0x3\"]]}"),
            "eth_blobBaseFee" => Result("\"0x1\""),
            _ => $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32601,\"message\":\"the method {method} does not exist\"}}}}",
        };
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Fault.Http503, "HTTP 503")]
    [InlineData(Fault.Reset, "cannot reach")]
    [InlineData(Fault.Hang, "did not answer eth_chainId in time")]
    public async Task A_fee_read_that_keeps_failing_is_retried_then_fails_in_one_line(Fault fault, string expected)
    {
        await using var server = new FaultyHttpServer(fault);
        using var source = new FeeDataSource(server.Url, timeout: TimeSpan.FromSeconds(1), retry: Fast);
        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<FeeSourceException>(() => source.ReadStateAsync());
        Assert.Contains(expected, e.Message);
        Assert.Contains(server.Url, e.Message);
        Assert.Contains("eth_chainId", e.Message);
        Assert.Contains("3 attempts", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.IsType<RpcException>(e.InnerException);
        Assert.Equal(3, server.Requests.Count);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact(Timeout = 30_000)]
    public async Task A_node_without_eth_config_falls_back_to_the_preset_and_one_that_recovers_is_used()
    {
        await using var server = new FaultyHttpServer(Fault.Http503, Fault.Reset, Fault.Ok) { Answer = Answer };
        using var source = new FeeDataSource(server.Url, timeout: TimeSpan.FromSeconds(1), retry: Fast);
        var state = await source.ReadStateAsync(historyBlocks: 1);
        Assert.Equal(1UL, state.ChainId);
        Assert.Equal("preset mainnet", state.ScheduleSource);          // eth_config refused (-32601): not implemented, not fatal
        Assert.Equal(16UL, state.Head.Number);
        Assert.Equal(["eth_chainId", "eth_chainId", "eth_chainId", "eth_config"], server.Requests.Take(4));
    }

    [Fact(Timeout = 60_000)]
    public async Task Cli_blob_fee_retries_a_failing_node_and_reports_one_that_stays_down()
    {
        await using (var flaky = new FaultyHttpServer(Fault.Http503, Fault.Ok) { Answer = Answer })
        {
            var (code, output, err) = await Cli.CliProcess.InProcessAsync("fee", "--rpc-url", flaky.Url, "--json");
            Assert.True(code == 0, err);
            var j = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.Equal("preset mainnet", j.GetProperty("scheduleSource").GetString());
            Assert.Equal("1", j.GetProperty("blobBaseFee").GetString());
            Assert.Equal("eth_chainId", flaky.Requests[1]);
        }
        await using var down = new FaultyHttpServer(Fault.Http503);
        var (failed, stdout, stderr) = await Cli.CliProcess.InProcessAsync("fee", "--rpc-url", down.Url);
        Assert.Equal(1, failed);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith($"error: eth_chainId at {down.Url} failed: HTTP 503", lines[0]);
        Assert.Contains($"({RpcRetryPolicy.Default.MaxAttempts} attempts)", lines[0]);
    }
}
