using System.Numerics;
using Blobs.Cli.Infrastructure;

namespace Blobs.Cli.Tests.Infrastructure;

/// <summary>Human amounts in the summary table.</summary>
public class UnitsTests
{
    [Theory]
    [InlineData("0", "0 wei")]
    [InlineData("131072", "131,072 wei")]
    [InlineData("999999", "999,999 wei")]
    [InlineData("1000000", "0.001 gwei")]
    [InlineData("1875000000", "1.875 gwei")]
    [InlineData("42000000000000", "42,000 gwei")]
    [InlineData("5298640000000000", "0.005299 ETH")]
    [InlineData("10000000000000000000000", "10,000 ETH")]
    [InlineData("1999999999999999999", "2 ETH")]
    public void Wei_reads_in_the_best_unit(string wei, string expected) => Assert.Equal(expected, Units.Wei(BigInteger.Parse(wei)));

    [Fact]
    public void Percent_has_one_decimal() => Assert.Equal("51.8 %", Units.Percent(65708.0 / 126945));
}
