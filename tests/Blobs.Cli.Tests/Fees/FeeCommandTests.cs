using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Blobs.Cli;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Fees;

public class FeeCommandTests
{
    /// <summary>An amount in wei: a decimal string (the JSON convention), read exactly.</summary>
    private static System.Numerics.BigInteger Wei(JsonElement e)
    {
        Assert.Equal(JsonValueKind.String, e.ValueKind);
        return System.Numerics.BigInteger.Parse(e.GetString()!, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Offline_cancun_gives_geth_worked_value_and_next_excess()
    {
        var j = await Json("fee", "--fork", "cancun", "--excess-blob-gas", "10485760", "--blob-gas-used", "786432");
        Assert.Equal("cancun", j.GetProperty("fork").GetString());
        Assert.Equal(3, j.GetProperty("target").GetInt32());
        Assert.Equal(6, j.GetProperty("max").GetInt32());
        Assert.Equal(3338477UL, j.GetProperty("updateFraction").GetUInt64());
        Assert.Equal(23, Wei(j.GetProperty("blobBaseFee")));                            // geth TestCalcBlobFee
        Assert.Equal(10878976UL, j.GetProperty("nextExcessBlobGas").GetUInt64());      // 10485760 + 6·2^17 − 3·2^17
        // The JSON convention: schedule, excess and gas are numbers; amounts in wei are decimal strings.
        foreach (var name in new[] { "target", "max", "updateFraction", "nextExcessBlobGas", "excessBlobGas", "blobGasUsed", "headBlock" })
            Assert.Equal(JsonValueKind.Number, j.GetProperty(name).ValueKind);
        foreach (var name in new[] { "blobBaseFee", "nextBlobBaseFee", "baseFeePerGas" })
            Assert.Equal(JsonValueKind.String, j.GetProperty(name).ValueKind);
        Assert.Equal(JsonValueKind.String, j.GetProperty("recommendation").GetProperty("maxFeePerBlobGas").ValueKind);
        Assert.Equal(JsonValueKind.String, j.GetProperty("projection").GetProperty("full")[0].GetProperty("blobBaseFee").ValueKind);
        Assert.Equal(JsonValueKind.Number, j.GetProperty("projection").GetProperty("full")[0].GetProperty("excessBlobGas").ValueKind);
        Assert.Equal("exact: the next block's excess and fee depend only on the head", j.GetProperty("certainty").GetProperty("nextBlock").GetString());
        Assert.Equal(10, j.GetProperty("projection").GetProperty("full").GetArrayLength());
    }

    [Theory]
    [InlineData("16", 0UL, false)]         // 2^13·16 = 2^17·1: not greater
    [InlineData("17", 262144UL, true)]     // reserve binds: 6 blobs × 3/9
    [InlineData("0x11", 262144UL, true)]   // hex wei
    public async Task Offline_osaka_applies_the_reserve_price(string baseFee, ulong nextExcess, bool active)
    {
        var j = await Json("fee", "--fork", "osaka", "--excess-blob-gas", "0", "--blob-gas-used", "786432", "--base-fee", baseFee);
        Assert.Equal(nextExcess, j.GetProperty("nextExcessBlobGas").GetUInt64());
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
        var full = j.GetProperty("projection").GetProperty("full").EnumerateArray().Take(4).Select(b => Wei(b.GetProperty("blobBaseFee"))).Max();
        Assert.Equal(full, Wei(j.GetProperty("recommendation").GetProperty("maxFeePerBlobGas")));
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
        Assert.Equal(4000UL, j.GetProperty("calldataTokens").GetUInt64());
        Assert.Equal(61000UL, j.GetProperty("calldataGas").GetUInt64());                    // 21000 + 10 × 4000
        Assert.Equal(37000UL, j.GetProperty("calldataStandardGas").GetUInt64());            // 21000 + 4 × 4000 (pre-EIP-7623)
        Assert.Equal(61000000000000, Wei(j.GetProperty("calldataCostWei")));                // × 1 gwei, no tip offline
        Assert.Equal(21000000131072, Wei(j.GetProperty("blobCostWei")));                    // 21000 gwei + 2^17 × 1 wei
        Assert.Equal(1000000000, Wei(j.GetProperty("baseFeePerGas")));
        Assert.Equal(JsonValueKind.Number, j.GetProperty("blobGas").ValueKind);
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

    /// <summary>Every invalid value: exit code 2 and one line "error: …" naming the option and what is wrong.</summary>
    [Theory]
    [InlineData("give --rpc-url, or --fork / --chain", "fee")]
    [InlineData("--blob-gas-used 5 is not a multiple of 131072", "fee", "--fork", "osaka", "--blob-gas-used", "5")]
    [InlineData("exceeds the cancun maximum 786432 (6 blobs)", "fee", "--fork", "cancun", "--blob-gas-used", "917504")]
    [InlineData("--blocks '0': expected an integer between 1 and 1000", "fee", "--fork", "osaka", "--blocks", "0")]
    [InlineData("--within 'x': expected an integer between 1 and 1000", "fee", "--fork", "osaka", "--within", "x")]
    [InlineData("--base-fee '-3': expected a non-negative integer in wei", "fee", "--fork", "osaka", "--base-fee", "-3")]
    [InlineData("--base-fee '1e9': expected a non-negative integer in wei", "fee", "--fork", "osaka", "--base-fee", "1e9")]
    [InlineData("at most 256 bits", "fee", "--fork", "osaka", "--base-fee", "115792089237316195423570985008687907853269984665640564039457584007913129639936")]
    [InlineData("give either --fork or --chain, not both", "fee", "--fork", "osaka", "--chain", "mainnet")]
    [InlineData("--fork 'fulu': expected one of cancun, prague, osaka, bpo1, bpo2", "fee", "--fork", "fulu")]
    [InlineData("--chain 'goerli': expected one of mainnet, sepolia, hoodi", "fee", "--chain", "goerli")]
    [InlineData("mainnet: timestamp 5 is before Cancun", "fee", "--chain", "mainnet", "--timestamp", "5")]
    [InlineData("--timestamp '-1': expected a unix time in seconds", "fee", "--fork", "osaka", "--timestamp", "-1")]
    [InlineData("--excess-blob-gas 'abc': expected a gas amount", "fee", "--fork", "osaka", "--excess-blob-gas", "abc")]
    [InlineData("--excess-blob-gas '18446744073709551616': expected a gas amount", "fee", "--fork", "osaka", "--excess-blob-gas", "18446744073709551616")]
    [InlineData("RPC URL 'not a url' is not an http(s) URL", "fee", "--rpc-url", "not a url")]
    [InlineData("--zero-bytes 11: must be between 0 and BYTES (10)", "fee", "cost", "10", "--fork", "osaka", "--zero-bytes", "11")]
    [InlineData("BYTES 'abc': expected a payload length in bytes", "fee", "cost", "abc", "--fork", "osaka")]
    [InlineData("BYTES '-5': expected a payload length in bytes", "fee", "cost", "-5", "--fork", "osaka")]
    [InlineData("--capacity '0': expected an integer between 1 and 131072", "fee", "cost", "10", "--fork", "osaka", "--capacity", "0")]
    [InlineData("--priority-fee 'x': expected a non-negative integer in wei", "fee", "cost", "10", "--fork", "osaka", "--priority-fee", "x")]
    [InlineData("--excess-blob-gas is for offline use", "fee", "--rpc-url", "http://127.0.0.1:1", "--excess-blob-gas", "5")]
    [InlineData("exceeds 4096", "fee", "--fork", "osaka", "--excess-blob-gas", "18446744073709551615")]
    [InlineData("leaves no room", "fee", "--fork", "osaka", "--timestamp", "18446744073709551615")]
    [InlineData("payload too large", "fee", "cost", "1000000000000000", "--fork", "osaka")]
    public async Task Invalid_input_is_one_line_naming_the_problem_exit_2(string expected, params string[] args)
    {
        var (code, _, err) = await Run(args);
        Assert.Equal(2, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.StartsWith("error: ", err);
        Assert.Contains(expected, err);
        Assert.DoesNotContain("Parameter", err);
        Assert.DoesNotContain("System.", err);
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
        var head = Wei(j.GetProperty("blobBaseFee"));
        Assert.Equal(2 * head, Wei(peers.GetProperty("geth").GetProperty("maxFeePerBlobGas")));
        Assert.Equal(1_000_000_000, Wei(peers.GetProperty("opBatcher").GetProperty("maxFeePerBlobGas")));
        Assert.True(peers.GetProperty("opBatcher").GetProperty("coversWorstCase").GetBoolean());
    }
}
