using Blobs.Fees;

namespace Blobs.Tests.Fees;

public class ScheduleTests
{
    /// <summary>eth_config as anvil 1.7.1 answered it with --hardfork osaka (precompile list shortened).</summary>
    internal const string AnvilOsakaEthConfig = """
        {"current":{"activationTime":0,"blobSchedule":{"baseFeeUpdateFraction":5007716,"max":9,"target":6},"chainId":"0x7a69","forkId":"0x00000000",
         "precompiles":{"KZG_POINT_EVALUATION":"0x000000000000000000000000000000000000000a","P256VERIFY":"0x0000000000000000000000000000000000000100"},
         "systemContracts":{}},"next":null,"last":null}
        """;

    [Fact]
    public void Presets_hold_the_design_table()
    {
        Assert.Equal(1UL, ForkSchedule.Mainnet.ChainId);
        Assert.Equal(new[] { "cancun", "prague", "osaka", "bpo1", "bpo2" }, ForkSchedule.Mainnet.Forks.Select(f => f.Name));
        Assert.Equal(new BlobSchedule(14, 21, 11_684_671), ForkSchedule.Mainnet.At(1767747671).Schedule);
        Assert.Equal(new BlobSchedule(3, 6, 3_338_477), ForkSchedule.Hoodi.At(0).Schedule);
        Assert.Null(ForkSchedule.Mainnet.TryAt(1710338134));
        Assert.Throws<ArgumentOutOfRangeException>(() => ForkSchedule.Sepolia.At(5));
        Assert.Same(ForkSchedule.Sepolia, ForkSchedule.ForChainId(11155111));
        Assert.Same(ForkSchedule.Hoodi, ForkSchedule.ForChain("HOODI"));
        Assert.Throws<ArgumentException>(() => ForkSchedule.ForChain("goerli"));
        Assert.Equal("bpo2", ForkSchedule.Mainnet.NextAfter(1765290071)!.Name);
        Assert.Null(ForkSchedule.Mainnet.NextAfter(1767747671));
    }

    [Fact]
    public void Forks_must_be_in_order()
    {
        var ex = Assert.Throws<ArgumentException>(() => new ForkSchedule("x", null, [ForkActivation.Named("prague", 10), ForkActivation.Named("osaka", 10)]));
        Assert.Contains("osaka", ex.Message);
        Assert.Throws<ArgumentException>(() => new ForkSchedule("x", null, []));
        Assert.Throws<ArgumentException>(() => ForkActivation.Named("fulu"));
    }

    [Fact]
    public void EthConfig_from_anvil_parses_and_is_recognised_as_osaka()
    {
        var config = EthConfig.Parse(AnvilOsakaEthConfig);
        Assert.Equal(31337UL, config.Current.ChainId);
        Assert.Equal(0UL, config.Current.ActivationTime);
        Assert.Equal(BlobSchedule.Osaka, config.Current.Schedule);
        Assert.True(config.Current.ReservePrice);
        Assert.Null(config.Next);
        var forks = config.ToForkSchedule();
        Assert.Equal("osaka", forks.At(123).Name);
        Assert.Equal(31337UL, forks.ChainId);
    }

    [Fact]
    public void EthConfig_with_next_and_last_builds_a_schedule()
    {
        const string json = """
            {"current":{"activationTime":100,"chainId":"0x1","blobSchedule":{"target":6,"max":9,"baseFeeUpdateFraction":5007716},"precompiles":{}},
             "next":{"activationTime":"0xc8","chainId":"0x1","blobSchedule":{"target":6,"max":9,"baseFeeUpdateFraction":5007716},"precompiles":{"P256VERIFY":"0x0000000000000000000000000000000000000100"}},
             "last":{"activationTime":300,"chainId":"0x1","blobSchedule":{"target":10,"max":15,"baseFeeUpdateFraction":8346193},"precompiles":{"P256VERIFY":"0x0000000000000000000000000000000000000100"}}}
            """;
        var forks = EthConfig.Parse(json).ToForkSchedule();
        Assert.Equal(new[] { "prague", "osaka", "bpo1" }, forks.Forks.Select(f => f.Name));
        Assert.Equal(new ulong[] { 100, 200, 300 }, forks.Forks.Select(f => f.ActivationTime));
        Assert.False(forks.At(150).ReservePrice);
        Assert.True(forks.At(250).ReservePrice);
    }

    [Theory]
    [InlineData("""{"next":null}""", "current")]
    [InlineData("""{"current":{"chainId":"0x1"}}""", "activationTime")]
    [InlineData("""{"current":{"activationTime":0,"chainId":"0x1","blobSchedule":{"target":6,"max":9}}}""", "baseFeeUpdateFraction")]
    [InlineData("""{"current":{"activationTime":0,"chainId":"0x1","blobSchedule":{"target":10,"max":9,"baseFeeUpdateFraction":1}}}""", "target")]
    [InlineData("""{"current":{"activationTime":-1,"chainId":"0x1"}}""", "activationTime")]
    [InlineData("""{"current":{"activationTime":"0xzz","chainId":"0x1"}}""", "activationTime")]
    public void Malformed_eth_config_names_the_field(string json, string field)
    {
        var ex = Assert.Throws<FormatException>(() => EthConfig.Parse(json));
        Assert.Contains(field, ex.Message);
    }
}
