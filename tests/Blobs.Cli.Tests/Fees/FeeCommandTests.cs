using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Blobs.Cli;

namespace Blobs.Cli.Tests.Fees;

public class FeeCommandTests
{
    private static async Task<(int Code, string Out, string Err)> Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        int code = await BlobCli.RunAsync(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    private static async Task<JsonElement> Json(params string[] args)
    {
        var (code, output, err) = await Run([.. args, "--json"]);
        Assert.True(code == 0, err);
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    [Fact]
    public async Task Offline_cancun_gives_geth_worked_value_and_next_excess()
    {
        var j = await Json("fee", "--fork", "cancun", "--excess-blob-gas", "10485760", "--blob-gas-used", "786432");
        Assert.Equal("cancun", j.GetProperty("fork").GetString());
        Assert.Equal(3, j.GetProperty("target").GetInt32());
        Assert.Equal(6, j.GetProperty("max").GetInt32());
        Assert.Equal("3338477", j.GetProperty("updateFraction").GetString());
        Assert.Equal("23", j.GetProperty("blobBaseFee").GetString());                 // geth TestCalcBlobFee
        Assert.Equal("10878976", j.GetProperty("nextExcessBlobGas").GetString());     // 10485760 + 6·2^17 − 3·2^17
        Assert.Equal(JsonValueKind.Number, j.GetProperty("target").ValueKind);
        Assert.Equal(JsonValueKind.String, j.GetProperty("nextBlobBaseFee").ValueKind);
        Assert.Equal(10, j.GetProperty("projection").GetProperty("full").GetArrayLength());
    }

    [Theory]
    [InlineData("16", "0", false)]       // 2^13·16 = 2^17·1: not greater
    [InlineData("17", "262144", true)]   // reserve binds: 6 blobs × 3/9
    public async Task Offline_osaka_applies_the_reserve_price(string baseFee, string nextExcess, bool active)
    {
        var j = await Json("fee", "--fork", "osaka", "--excess-blob-gas", "0", "--blob-gas-used", "786432", "--base-fee", baseFee);
        Assert.Equal(nextExcess, j.GetProperty("nextExcessBlobGas").GetString());
        Assert.Equal(active, j.GetProperty("reservePriceActive").GetBoolean());
    }

    [Fact]
    public async Task Offline_chain_and_timestamp_pick_the_fork()
    {
        var j = await Json("fee", "--chain", "mainnet", "--timestamp", "1746612311");
        Assert.Equal("prague", j.GetProperty("fork").GetString());
        Assert.Equal(6, j.GetProperty("target").GetInt32());
        var before = await Json("fee", "--chain", "sepolia", "--timestamp", "1761607007");
        Assert.Equal("bpo1", before.GetProperty("fork").GetString());
        Assert.Equal("bpo2", before.GetProperty("nextFork").GetString());
    }

    [Fact]
    public async Task Recommendation_covers_full_blocks()
    {
        var j = await Json("fee", "--fork", "prague", "--excess-blob-gas", "50000000", "--within", "4", "--blocks", "6");
        var full = j.GetProperty("projection").GetProperty("full").EnumerateArray().Take(4).Select(b => System.Numerics.BigInteger.Parse(b.GetProperty("blobBaseFee").GetString()!)).Max();
        Assert.Equal(full.ToString(), j.GetProperty("recommendation").GetProperty("maxFeePerBlobGas").GetString());
    }

    [Fact]
    public async Task Text_output_has_table_chart_and_no_colour_codes_when_redirected()
    {
        var (code, output, _) = await Run("fee", "--fork", "bpo1", "--excess-blob-gas", "30000000", "--blocks", "5");
        Assert.Equal(0, code);
        Assert.Contains("fork bpo1: target 10, max 15, update fraction 8346193", output);
        Assert.Contains("projection", output);
        Assert.Contains("maxFeePerBlobGas", output);
        Assert.Contains("█", output);
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public async Task Cost_compares_blobs_and_calldata()
    {
        var j = await Json("fee", "cost", "1000", "--fork", "osaka", "--base-fee", "1000000000");
        Assert.Equal(1, j.GetProperty("blobs").GetInt32());
        Assert.Equal("4000", j.GetProperty("calldataTokens").GetString());
        Assert.Equal("61000", j.GetProperty("calldataGas").GetString());                    // 21000 + 10 × 4000
        Assert.Equal("61000000000000", j.GetProperty("calldataCostWei").GetString());       // × 1 gwei, no tip offline
        Assert.Equal("21000000131072", j.GetProperty("blobCostWei").GetString());           // 21000 gwei + 2^17 × 1 wei
        Assert.Equal("blobs", j.GetProperty("cheaper").GetString());
        var text = await Run("fee", "cost", "10", "--fork", "osaka", "--excess-blob-gas", "200000000");
        Assert.Equal(0, text.Code);
        Assert.Contains("calldata is cheaper", text.Out);
    }

    [Fact]
    public async Task Unreachable_node_is_one_line_naming_the_url_exit_1()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        string url = $"http://127.0.0.1:{port}";
        var (code, _, err) = await Run("fee", "--rpc-url", url);
        Assert.Equal(1, code);
        Assert.Contains($"127.0.0.1:{port}", err);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.StartsWith("error:", err);
    }

    [Theory]
    [InlineData("fee")]
    [InlineData("fee", "--fork", "osaka", "--blob-gas-used", "5")]
    [InlineData("fee", "--fork", "cancun", "--blob-gas-used", "917504")]
    [InlineData("fee", "--fork", "osaka", "--blocks", "0")]
    [InlineData("fee", "--fork", "osaka", "--base-fee", "-3")]
    [InlineData("fee", "--fork", "osaka", "--chain", "mainnet")]
    [InlineData("fee", "--fork", "fulu")]
    [InlineData("fee", "--chain", "mainnet", "--timestamp", "5")]
    [InlineData("fee", "--rpc-url", "not a url")]
    [InlineData("fee", "cost", "10", "--fork", "osaka", "--zero-bytes", "11")]
    [InlineData("fee", "--fork", "osaka", "--excess-blob-gas", "18446744073709551615")]
    [InlineData("fee", "--fork", "osaka", "--timestamp", "18446744073709551615")]
    [InlineData("fee", "cost", "1000000000000000", "--fork", "osaka")]
    public async Task Invalid_input_exits_2(params string[] args)
    {
        var (code, _, err) = await Run(args);
        Assert.Equal(2, code);
        Assert.False(string.IsNullOrWhiteSpace(err));
    }

    [Theory]
    [InlineData("--excess-blob-gas", "18446744073709551615", "exceeds 4096")]
    [InlineData("--timestamp", "18446744073709551615", "leaves no room")]
    public async Task Library_errors_are_one_line(string option, string value, string expected)
    {
        var (code, _, err) = await Run("fee", "--fork", "osaka", option, value);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.Contains(expected, err);
        Assert.DoesNotContain("Parameter", err);
    }

    [Fact]
    public async Task Peers_are_compared_with_the_worst_case()
    {
        // Prague at excess 50 000 000 (head fee 21689 wei): geth's 2 × head is below the worst case over 20 full blocks
        // (one full Prague block multiplies the fee by about 1.0817; 20 blocks by about 4.8).
        var j = await Json("fee", "--fork", "prague", "--excess-blob-gas", "50000000", "--within", "20", "--blob-gas-used", "1179648");
        var peers = j.GetProperty("peers");
        Assert.False(peers.GetProperty("geth").GetProperty("coversWorstCase").GetBoolean());
        Assert.False(peers.GetProperty("alloy").GetProperty("coversWorstCase").GetBoolean());
        var head = System.Numerics.BigInteger.Parse(j.GetProperty("blobBaseFee").GetString()!);
        Assert.Equal((2 * head).ToString(), peers.GetProperty("geth").GetProperty("maxFeePerBlobGas").GetString());
        Assert.Equal("1000000000", peers.GetProperty("opBatcher").GetProperty("maxFeePerBlobGas").GetString());
        Assert.True(peers.GetProperty("opBatcher").GetProperty("coversWorstCase").GetBoolean());
    }
}
