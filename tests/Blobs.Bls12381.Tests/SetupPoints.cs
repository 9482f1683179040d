namespace Blobs.Bls12381.Tests;

/// <summary>The points of the mainnet KZG trusted setup (trusted_setup/trusted_setup.txt), as compressed bytes.</summary>
internal static class SetupPoints
{
    private static readonly Lazy<(byte[][] G1Lagrange, byte[][] G2Monomial, byte[][] G1Monomial)> s_points = new(Load);

    public static byte[][] G1Lagrange => s_points.Value.G1Lagrange;
    public static byte[][] G2Monomial => s_points.Value.G2Monomial;
    public static byte[][] G1Monomial => s_points.Value.G1Monomial;

    private static (byte[][], byte[][], byte[][]) Load()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Blobs.sln"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var tokens = File.ReadAllText(Path.Combine(dir.FullName, "trusted_setup", "trusted_setup.txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        int n1 = int.Parse(tokens[0]), n2 = int.Parse(tokens[1]);
        var all = tokens.Skip(2).Select(t => Convert.FromHexString(t.StartsWith("0x") ? t[2..] : t)).ToArray();
        return (all[..n1], all[n1..(n1 + n2)], all[(n1 + n2)..]);
    }
}
