using System.Security.Cryptography;
using Blobs.Codecs;
using Blobs.Codecs.Compression;
using Blobs.Kzg;

namespace Blobs.Tests.Codecs;

/// <summary>
/// Interop: blobs that cast (simple), viem (viem) and a transcription of op's encoder (op) produced
/// from the same inputs; our encoder must give the same bytes and our decoder the inputs back.
/// </summary>
public class CodecVectorTests
{
    public static IEnumerable<object[]> Simple() => CodecVectors.Names("simple.json");
    public static IEnumerable<object[]> Viem() => CodecVectors.Names("viem.json");
    public static IEnumerable<object[]> Op() => CodecVectors.Names("op.json");
    public static IEnumerable<object[]> Compressed() => CodecVectors.Names("compressed.json");

    private static readonly Dictionary<string, IBlobCodec> s_codecs = new()
    {
        ["simple.json"] = SimpleCodec.Instance,
        ["viem.json"] = ViemCodec.Instance,
        ["op.json"] = OpStackV0Codec.Instance,
    };

    [Theory]
    [MemberData(nameof(Simple))]
    [MemberData(nameof(Viem))]
    [MemberData(nameof(Op))]
    public void Encodes_byte_for_byte_like_the_peer_and_decodes_back(string file, string name)
    {
        var c = CodecVectors.Case(file, name);
        var codec = s_codecs[file];
        var input = CodecVectors.Input(c);
        var blobs = codec.Encode(input);
        Assert.Equal(CodecVectors.Strings(c, "blobSha256"), blobs.Select(b => Convert.ToHexStringLower(SHA256.HashData(b))).ToArray());
        Assert.Equal(input, CodecData.Decode(codec, blobs));
    }

    [SkippableTheory]
    [MemberData(nameof(Simple))]
    [MemberData(nameof(Viem))]
    [MemberData(nameof(Op))]
    public void Versioned_hashes_match_the_peer(string file, string name)
    {
        var kzg = Kzg();
        var c = CodecVectors.Case(file, name);
        var blobs = s_codecs[file].Encode(CodecVectors.Input(c));
        var hashes = blobs.Select(b => VersionedHash.FromCommitment(kzg.BlobToKzgCommitment(b)).ToString().ToLowerInvariant()).ToArray();
        Assert.Equal(CodecVectors.Strings(c, "versionedHashes").Select(h => h.ToLowerInvariant()), hashes);
    }

    /// <summary>A KZG context, or a skip while this build has no backend (the managed one is not written yet, the native assembly not deployed).</summary>
    private static KzgContext Kzg()
    {
        if (KzgBackends.TryCreateNative(TrustedSetup.Mainnet, out var native, out var why)) return new KzgContext(native!);
        try { return KzgBackends.CreateContext(KzgBackendKind.Managed); }
        catch (NotSupportedException e)
        {
            bool ci = Environment.GetEnvironmentVariable("CI") == "true";
            bool built = !why.Contains("not deployed") && !why.Contains("has no TryCreate");
            if (ci && built) throw new InvalidOperationException("CI: the native KZG backend is built but did not load: " + why);
            throw new SkipException($"no KZG backend in this build ({e.Message}; native: {why})");
        }
    }

    [Theory]
    [MemberData(nameof(Compressed))]
    public void Decompresses_streams_made_by_node(string file, string name)
    {
        var c = CodecVectors.Case(file, name);
        var payload = Convert.FromHexString(c.GetProperty("payload").GetString()!.AsSpan(2));
        var input = CodecVectors.Input(c);
        Assert.Equal(input, PayloadCompression.Decompress(payload));
        // Carried by a codec, found without a flag.
        var blobs = SimpleCodec.Instance.Encode(payload);
        Assert.Equal(input, CodecData.Decode(new CompressedBlobCodec(SimpleCodec.Instance, BlobCompression.Zstd), blobs));
    }

    [Fact]
    public void Vector_inputs_follow_the_generator()
    {
        // sha256-ctr("viem", 64) is SHA-256("viem" ‖ 00000000) ‖ SHA-256("viem" ‖ 00000001).
        var expected = SHA256.HashData("viem\0\0\0\0"u8).Concat(SHA256.HashData("viem\0\0\0\u0001"u8)).ToArray();
        Assert.Equal(expected, CodecVectors.Sha256Ctr("viem", 64));
        Assert.Equal(expected[..40], CodecVectors.Sha256Ctr("viem", 40));
    }
}
