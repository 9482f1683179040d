using Blobs.Bls12381;
using Blobs.Kzg;

namespace Blobs.Kzg.Tests.Setup;

/// <summary>Custom trusted setups with a bad point are rejected with a message naming the point and the problem.</summary>
public class TrustedSetupValidationTests
{
    private static readonly TrustedSetup Mainnet = TrustedSetup.Mainnet;

    /// <summary>A compressed G1 encoding with x = k (small), flags 0x80.</summary>
    private static byte[] G1WithX(ulong k)
    {
        var b = new byte[48];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b.AsSpan(40), k);
        b[0] |= 0x80;
        return b;
    }

    private static byte[] G2WithX(ulong k)
    {
        var b = new byte[96];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(b.AsSpan(88), k);
        b[0] |= 0x80;
        return b;
    }

    /// <summary>The first small-x encoding whose decoding (subgroup check skipped) gives <paramref name="wanted"/>.</summary>
    private static byte[] FindG1(PointDecodeError wanted)
    {
        for (ulong k = 1; ; k++)
        {
            var b = G1WithX(k);
            var e = G1Affine.Decompress(b, out _, checkSubgroup: false);
            if (wanted == PointDecodeError.NotInSubgroup ? e == PointDecodeError.None : e == wanted) return b;
        }
    }

    private static byte[] FindG2(PointDecodeError wanted)
    {
        for (ulong k = 1; ; k++)
        {
            var b = G2WithX(k);
            var e = G2Affine.Decompress(b, out _, checkSubgroup: false);
            if (wanted == PointDecodeError.NotInSubgroup ? e == PointDecodeError.None : e == wanted) return b;
        }
    }

    private static string Reject(Action<byte[], byte[], byte[]> corrupt)
    {
        var mono = Mainnet.G1MonomialBytes.ToArray();
        var lag = Mainnet.G1LagrangeBytes.ToArray();
        var g2 = Mainnet.G2MonomialBytes.ToArray();
        corrupt(mono, lag, g2);
        return Assert.Throws<FormatException>(() => TrustedSetup.FromBytes(mono, lag, g2)).Message;
    }

    [Fact]
    public void Mainnet_points_pass_the_full_checks()
    {
        var s = TrustedSetup.FromBytes(Mainnet.G1MonomialBytes.Span, Mainnet.G1LagrangeBytes.Span, Mainnet.G2MonomialBytes.Span);
        Assert.Equal(Mainnet.G1LagrangeBytes.Length, s.G1LagrangeBytes.Length);
    }

    [Fact]
    public void G1_point_outside_the_subgroup_is_named()
    {
        var bad = FindG1(PointDecodeError.NotInSubgroup);
        Assert.Equal("trusted setup: g1_lagrange[17]: not in the G1 subgroup",
            Reject((_, lag, _) => bad.CopyTo(lag, 17 * 48)));
    }

    [Fact]
    public void G1_point_off_the_curve_is_named()
    {
        var bad = FindG1(PointDecodeError.NotOnCurve);
        Assert.Equal("trusted setup: g1_monomial[5]: not a point on the G1 curve",
            Reject((mono, _, _) => bad.CopyTo(mono, 5 * 48)));
    }

    [Fact]
    public void G2_point_outside_the_subgroup_or_off_the_curve_is_named()
    {
        var outside = FindG2(PointDecodeError.NotInSubgroup);
        Assert.Equal("trusted setup: g2_monomial[3]: not in the G2 subgroup",
            Reject((_, _, g2) => outside.CopyTo(g2, 3 * 96)));
        var off = FindG2(PointDecodeError.NotOnCurve);
        Assert.Equal("trusted setup: g2_monomial[64]: not a point on the G2 curve",
            Reject((_, _, g2) => off.CopyTo(g2, 64 * 96)));
    }

    [Fact]
    public void Encoding_errors_are_named()
    {
        Assert.Equal("trusted setup: g1_lagrange[0]: compression flag (0x80) is not set",
            Reject((_, lag, _) => lag[0] &= 0x7f));
        Assert.Equal("trusted setup: g1_monomial[4095]: infinity flag (0x40) is set together with the sign flag (0x20)",
            Reject((mono, _, _) => { Array.Clear(mono, 4095 * 48, 48); mono[4095 * 48] = 0xe0; }));
        Assert.Equal("trusted setup: g1_lagrange[9]: coordinate is not a canonical field element (≥ p)",
            Reject((_, lag, _) => { Array.Fill(lag, (byte)0xff, 9 * 48, 48); lag[9 * 48] = 0x9f; }));
    }

    [Fact]
    public void The_lowest_bad_index_is_reported()
    {
        var bad = FindG1(PointDecodeError.NotInSubgroup);
        Assert.Equal("trusted setup: g1_lagrange[1000]: not in the G1 subgroup",
            Reject((_, lag, _) => { bad.CopyTo(lag, 3000 * 48); bad.CopyTo(lag, 1000 * 48); bad.CopyTo(lag, 4000 * 48); }));
        // g1_monomial is checked before g1_lagrange.
        Assert.StartsWith("trusted setup: g1_monomial[2]:",
            Reject((mono, lag, _) => { bad.CopyTo(lag, 1 * 48); bad.CopyTo(mono, 2 * 48); }));
    }

    [Fact]
    public void Text_format_goes_through_the_same_checks()
    {
        var bad = FindG1(PointDecodeError.NotInSubgroup);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Blobs.sln"))) dir = dir.Parent;
        var lines = File.ReadAllLines(Path.Combine(dir!.FullName, "trusted_setup", "trusted_setup.txt"));
        // Line 0 and 1 are the counts; g1_lagrange[17] is line 2 + 17.
        lines[2 + 17] = Convert.ToHexStringLower(bad);
        var e = Assert.Throws<FormatException>(() => TrustedSetup.FromText(string.Join('\n', lines)));
        Assert.Equal("trusted setup: g1_lagrange[17]: not in the G1 subgroup", e.Message);
    }
}
