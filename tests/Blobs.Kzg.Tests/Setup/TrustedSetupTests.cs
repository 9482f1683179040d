using System.Security.Cryptography;
using Blobs.Kzg;

namespace Blobs.Kzg.Tests.Setup;

public class TrustedSetupTests
{
    private static string RepoFile(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Blobs.sln"))) dir = dir.Parent;
        return Path.Combine([dir!.FullName, .. parts]);
    }

    [Fact]
    public void Shipped_setup_is_the_mainnet_ceremony_output()
    {
        var bytes = File.ReadAllBytes(RepoFile("trusted_setup", "trusted_setup.txt"));
        Assert.Equal("d39b9f2d047cc9dca2de58f264b6a09448ccd34db967881a6713eacacf0f26b7", Convert.ToHexStringLower(SHA256.HashData(bytes)));
    }

    [Fact]
    public void Embedded_setup_matches_the_file_parsed_with_full_checks()
    {
        var fromFile = TrustedSetup.Load(RepoFile("trusted_setup", "trusted_setup.txt"));
        var embedded = TrustedSetup.Mainnet;
        Assert.True(fromFile.G1MonomialBytes.Span.SequenceEqual(embedded.G1MonomialBytes.Span));
        Assert.True(fromFile.G1LagrangeBytes.Span.SequenceEqual(embedded.G1LagrangeBytes.Span));
        Assert.True(fromFile.G2MonomialBytes.Span.SequenceEqual(embedded.G2MonomialBytes.Span));
        Assert.Equal(4096 * 48, embedded.G1LagrangeBytes.Length);
        Assert.Equal(65 * 96, embedded.G2MonomialBytes.Length);
    }

    [Fact]
    public void Wrong_count_is_rejected_with_what_and_where()
    {
        var text = File.ReadAllText(RepoFile("trusted_setup", "trusted_setup.txt"));
        var e = Assert.Throws<FormatException>(() => TrustedSetup.FromText("4095" + text[4..]));
        Assert.Contains("G1 point count is 4095", e.Message);
    }

    [Fact]
    public void Bad_hex_is_rejected_with_its_position()
    {
        var lines = File.ReadAllLines(RepoFile("trusted_setup", "trusted_setup.txt"));
        lines[5] = "zz" + lines[5][2..];
        var e = Assert.Throws<FormatException>(() => TrustedSetup.FromText(string.Join('\n', lines)));
        Assert.Contains("g1_lagrange[3]", e.Message);
    }
}
