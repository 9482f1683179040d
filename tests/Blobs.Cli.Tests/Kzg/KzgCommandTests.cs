using System.Security.Cryptography;
using System.Text.Json;
using Blobs.Kzg;

namespace Blobs.Cli.Tests.Kzg;

/// <summary>
/// blob commit / proof / verify / versioned-hash: outputs equal what the native backend computes for
/// seeded random blobs and what the official vectors say; bad input exits 2 naming the problem; a
/// proof that does not verify exits 1.
/// </summary>
public sealed class KzgCommandTests
{
    private static string[] Lines(string s) => s.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [SkippableFact]
    public async Task Commit_prints_the_native_commitment_of_each_file_in_order()
    {
        var oracle = KzgCli.Oracle();
        using var dir = new TempDir();
        var blobs = new[] { KzgCli.RandomBlob(1), KzgCli.RandomBlob(2), KzgCli.RandomBlob(3) };
        var files = new[] { dir.Raw("a.bin", blobs[0]), dir.HexText("b.hex", blobs[1]), dir.Raw("c.bin", blobs[2]) };
        var (code, output, err) = await KzgCli.Run(["commit", .. files]);
        Assert.True(code == 0, err);
        var expected = blobs.Select(b => oracle.BlobToKzgCommitment(b).ToString()).ToArray();
        Assert.Equal(expected, Lines(output));
    }

    [SkippableFact]
    public async Task Proof_prints_the_native_blob_proof_with_and_without_a_given_commitment()
    {
        var oracle = KzgCli.Oracle();
        using var dir = new TempDir();
        var blobs = new[] { KzgCli.RandomBlob(10), KzgCli.RandomBlob(11) };
        var files = new[] { dir.HexText("a.hex", blobs[0]), dir.Raw("b.bin", blobs[1]) };
        var commitments = blobs.Select(b => oracle.BlobToKzgCommitment(b)).ToArray();
        var expected = blobs.Select((b, i) => oracle.ComputeBlobKzgProof(b, commitments[i]).ToString()).ToArray();

        var (code, output, err) = await KzgCli.Run(["proof", .. files]);
        Assert.True(code == 0, err);
        Assert.Equal(expected, Lines(output));

        (code, output, err) = await KzgCli.Run("proof", files[1], "--commitment", commitments[1].ToString());
        Assert.True(code == 0, err);
        Assert.Equal([expected[1]], Lines(output));
    }

    [SkippableTheory]
    [InlineData("blob_to_kzg_commitment", "blob_to_kzg_commitment_case_valid_blob_2")]
    [InlineData("blob_to_kzg_commitment", "blob_to_kzg_commitment_case_valid_blob_5")]
    [InlineData("compute_blob_kzg_proof", "compute_blob_kzg_proof_case_valid_blob_3")]
    public async Task Outputs_match_the_official_vectors(string handler, string caseName)
    {
        var root = KzgCli.VectorRoot;
        KzgCli.Require(Directory.Exists(root), $"official KZG vectors not found at {root}");
        var dir = Path.Combine(root, handler, "kzg-mainnet", caseName);
        KzgCli.Require(Directory.Exists(dir), $"vector case {handler}/{caseName} not found under {root}");
        KzgCli.Oracle();
        var v = KzgCli.ReadVector(handler, caseName);
        using var tmp = new TempDir();
        var file = tmp.HexText("blob.hex", Hex.Decode(v["blob"]));
        var args = handler == "compute_blob_kzg_proof"
            ? new[] { "proof", file, "--commitment", v["commitment"] }
            : new[] { "commit", file };
        var (code, output, err) = await KzgCli.Run(args);
        Assert.True(code == 0, err);
        Assert.Equal(v["output"], output.Trim());
    }

    [SkippableFact]
    public async Task Verify_exits_0_for_a_valid_proof_and_1_for_a_wrong_one()
    {
        var oracle = KzgCli.Oracle();
        using var dir = new TempDir();
        var blob = KzgCli.RandomBlob(20);
        var other = KzgCli.RandomBlob(21);
        var file = dir.Raw("a.bin", blob);
        var commitment = oracle.BlobToKzgCommitment(blob);
        var proof = oracle.ComputeBlobKzgProof(blob, commitment);
        var wrong = oracle.ComputeBlobKzgProof(other, oracle.BlobToKzgCommitment(other));

        var (code, output, err) = await KzgCli.Run("verify", file, "--commitment", commitment.ToString(), "--proof", proof.ToString());
        Assert.True(code == 0, err);
        Assert.Equal("valid", output.Trim());

        (code, output, err) = await KzgCli.Run("verify", file, "--commitment", commitment.ToString(), "--proof", wrong.ToString());
        Assert.Equal(1, code);
        Assert.Equal("invalid", output.Trim());
        Assert.Contains("does not verify", err);

        (code, output, _) = await KzgCli.Run("verify", file, "--commitment", commitment.ToString(), "--proof", wrong.ToString(), "--json");
        Assert.Equal(1, code);
        var j = JsonConvention.Parse(output);
        Assert.False(j.GetProperty("valid").GetBoolean());
        Assert.Equal(wrong.ToString(), j.GetProperty("proof").GetString());
    }

    [SkippableFact]
    public async Task Json_output_lists_one_object_per_file()
    {
        var oracle = KzgCli.Oracle();
        using var dir = new TempDir();
        var blob = KzgCli.RandomBlob(30);
        var file = dir.Raw("a.bin", blob);
        var commitment = oracle.BlobToKzgCommitment(blob);
        var (code, output, err) = await KzgCli.Run("commit", file, file, "--json");
        Assert.True(code == 0, err);
        var items = JsonConvention.Parse(output).EnumerateArray().ToArray();
        Assert.Equal(2, items.Length);
        Assert.Equal(file, items[0].GetProperty("file").GetString());
        Assert.Equal(commitment.ToString(), items[0].GetProperty("commitment").GetString());
        Assert.Equal(VersionedHash.FromCommitment(commitment).ToString(), items[1].GetProperty("versionedHash").GetString());

        (code, output, err) = await KzgCli.Run("proof", file, "--json");
        Assert.True(code == 0, err);
        var proof = JsonConvention.Parse(output)[0];
        Assert.Equal(oracle.ComputeBlobKzgProof(blob, commitment).ToString(), proof.GetProperty("proof").GetString());
    }

    [SkippableFact]
    public async Task Wrong_lengths_exit_2_naming_the_length()
    {
        KzgCli.Oracle();
        using var dir = new TempDir();
        var shortRaw = dir.Raw("short.bin", new byte[1000]);
        var (code, output, err) = await KzgCli.Run("commit", shortRaw);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("short.bin: 1000 bytes, a blob is 131072 bytes", err);

        var shortHex = dir.HexText("short.hex", new byte[131071]);
        (code, _, err) = await KzgCli.Run("proof", shortHex);
        Assert.Equal(2, code);
        Assert.Contains("short.hex: hex text holds 131071 bytes, a blob is 131072", err);

        var good = dir.Raw("good.bin", KzgCli.RandomBlob(40));
        (code, _, err) = await KzgCli.Run("verify", good, "--commitment", "0x" + new string('a', 94), "--proof", KzgProof.Infinity.ToString());
        Assert.Equal(2, code);
        Assert.Contains("--commitment: expected 48 bytes, got 47", err);
    }

    [SkippableFact]
    public async Task A_bad_file_among_several_exits_2_before_any_output()
    {
        KzgCli.Oracle();
        using var dir = new TempDir();
        var good = dir.Raw("good.bin", KzgCli.RandomBlob(50));
        var blob = KzgCli.RandomBlob(51);
        KzgConstants.BlsModulusBigEndian.CopyTo(blob.AsSpan(32 * 4000));
        var bad = dir.Raw("bad.bin", blob);
        var (code, output, err) = await KzgCli.Run("commit", good, bad);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains("bad.bin: field element 4000 is not canonical", err);
    }

    [SkippableFact]
    public async Task Invalid_points_exit_2_naming_commitment_or_proof()
    {
        var oracle = KzgCli.Oracle();
        using var dir = new TempDir();
        var blob = KzgCli.RandomBlob(60);
        var file = dir.Raw("a.bin", blob);
        var commitment = oracle.BlobToKzgCommitment(blob);
        var proof = oracle.ComputeBlobKzgProof(blob, commitment);
        // x = 0 with only the compression flag: not a point blst accepts.
        var notAPoint = "0x80" + new string('0', 94);
        // Flip a bit of a valid commitment's x: almost surely off the curve or outside the subgroup.
        var mangled = commitment.Bytes.ToArray();
        mangled[47] ^= 1;

        var (code, _, err) = await KzgCli.Run("proof", file, "--commitment", notAPoint);
        Assert.Equal(2, code);
        Assert.Contains("commitment: not a valid G1 point", err);

        (code, _, err) = await KzgCli.Run("verify", file, "--commitment", Hex.Encode(mangled), "--proof", proof.ToString());
        Assert.Equal(2, code);
        Assert.Contains("commitment: not a valid G1 point", err);

        (code, _, err) = await KzgCli.Run("verify", file, "--commitment", commitment.ToString(), "--proof", notAPoint);
        Assert.Equal(2, code);
        Assert.Contains("proof: not a valid G1 point", err);
    }

    [SkippableFact]
    public async Task Commitment_option_takes_one_file_only()
    {
        KzgCli.Oracle();
        using var dir = new TempDir();
        var a = dir.Raw("a.bin", KzgCli.RandomBlob(70));
        var (code, _, err) = await KzgCli.Run("proof", a, a, "--commitment", KzgCommitment.Infinity.ToString());
        Assert.Equal(2, code);
        Assert.Contains("--commitment applies to one FILE; 2 given", err);
    }

    [Fact]
    public async Task Versioned_hash_is_0x01_then_the_sha256_tail()
    {
        var commitment = new byte[48];
        new Random(80).NextBytes(commitment);
        var expected = SHA256.HashData(commitment);
        expected[0] = 1;
        var (code, output, err) = await KzgCli.Run("versioned-hash", Hex.Encode(commitment), KzgCommitment.Infinity.ToString());
        Assert.True(code == 0, err);
        var lines = Lines(output);
        Assert.Equal(Hex.Encode(expected), lines[0]);
        Assert.Equal(VersionedHash.FromCommitment(KzgCommitment.Infinity).ToString(), lines[1]);

        (code, output, _) = await KzgCli.Run("versioned-hash", Hex.Encode(commitment), "--json");
        Assert.Equal(0, code);
        Assert.Equal(Hex.Encode(expected), JsonConvention.Parse(output)[0].GetProperty("versionedHash").GetString());
    }

    [Theory]
    [InlineData("0x1234", "commitment: expected 48 bytes, got 2")]
    [InlineData("0xzz", "commitment: invalid hex character at position 0")]
    public async Task Versioned_hash_rejects_bad_commitments_with_exit_2(string hex, string message)
    {
        var (code, output, err) = await KzgCli.Run("versioned-hash", hex);
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.Contains(message, err);
    }
}
