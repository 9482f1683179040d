using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Blobs.Cli;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Codecs;

/// <summary><c>blob encode</c> and <c>blob decode</c>: round trips through files, summaries, JSON, errors.</summary>
public sealed class CodecCommandTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("blob-codec-cli-");

    public void Dispose() => _dir.Delete(recursive: true);

    private string Path(string name) => System.IO.Path.Combine(_dir.FullName, name);

    private string WriteInput(string name, byte[] data)
    {
        File.WriteAllBytes(Path(name), data);
        return Path(name);
    }

    private static byte[] Random(int n, int seed)
    {
        var data = new byte[n];
        new Random(seed).NextBytes(data);
        return data;
    }

    [Theory]
    [InlineData("simple", "none", 300_000)]
    [InlineData("op", "none", 130_045)]
    [InlineData("viem", "none", 0)]
    [InlineData("viem", "none", 126_976)]
    [InlineData("simple", "brotli", 50_000)]
    [InlineData("op", "zlib", 50_000)]
    [InlineData("viem", "zstd", 50_000)]
    public async Task Encode_then_decode_gives_the_file_back(string codec, string compress, int size)
    {
        var data = Random(size, size);
        if (data.Length > 10) data.AsSpan(data.Length - 10).Clear(); // trailing zeros are data
        var input = WriteInput("in.bin", data);
        var outDir = Path("blobs");
        string[] level = compress == "none" ? [] : ["--level", "1"];
        var (code, output, err) = await Run(["encode", input, "--codec", codec, "--compress", compress, "--out", outDir, .. level]);
        Assert.True(code == 0, err);
        Assert.Contains($"{size} bytes in", output);
        var blobs = Directory.GetFiles(outDir, "blob-*.bin").OrderBy(f => int.Parse(System.IO.Path.GetFileNameWithoutExtension(f)[5..])).ToArray();
        Assert.NotEmpty(blobs);
        Assert.All(blobs, b => Assert.Equal(131072, new FileInfo(b).Length));
        (code, _, err) = await Run(["decode", .. blobs, "--codec", codec, "--out", Path("back.bin")]);
        Assert.True(code == 0, err);
        Assert.Equal(data, File.ReadAllBytes(Path("back.bin")));
        Assert.Contains($"with the {codec} codec: {size} bytes", err);
        if (compress != "none") Assert.Contains($"{compress}-compressed payload", err);
    }

    [Fact]
    public async Task Encode_json_reports_sizes_fill_and_hashes()
    {
        var data = Random(1000, 1);
        var input = WriteInput("in.bin", data);
        var j = await Json("encode", input, "--codec", "viem", "--out", Path("o"));
        Assert.Equal("viem", j.GetProperty("codec").GetString());
        Assert.Equal("none", j.GetProperty("compression").GetString());
        Assert.Equal(1000, j.GetProperty("bytesIn").GetInt32());
        Assert.Equal(1000, j.GetProperty("payloadBytes").GetInt32());
        Assert.Equal(1, j.GetProperty("blobs").GetInt32());
        Assert.Equal(126975, j.GetProperty("capacityBytes").GetInt64());
        Assert.Equal(Math.Round(1000.0 / 126975, 6), j.GetProperty("fillRatio").GetDouble());
        var blob = File.ReadAllBytes(Path("o/blob-0.bin"));
        Assert.Equal("0x" + Convert.ToHexStringLower(SHA256.HashData(blob)), j.GetProperty("blobSha256")[0].GetString());
        Assert.Equal(0x80, blob[1000 / 31 * 32 + 1 + 1000 % 31]);
    }

    [Fact]
    public async Task Decode_without_out_writes_raw_bytes_and_json_carries_hex()
    {
        var data = new byte[] { 0x00, 0x80, 0xff, 0x41, 0x00 };
        var input = WriteInput("in.bin", data);
        Assert.Equal(0, (await Run("encode", input, "--out", Path("o"))).Code);
        var (code, output, err) = await Run("decode", Path("o/blob-0.bin"));
        Assert.True(code == 0, err);
        Assert.Equal(data, Encoding.Latin1.GetBytes(output));
        var j = await Json("decode", Path("o/blob-0.bin"));
        Assert.Equal("0x0080ff4100", j.GetProperty("data").GetString());
        Assert.Equal("0x" + Convert.ToHexStringLower(SHA256.HashData(data)), j.GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task Decode_reads_hex_blob_files()
    {
        var input = WriteInput("in.bin", Encoding.ASCII.GetBytes("hex blobs"));
        Assert.Equal(0, (await Run("encode", input, "--codec", "op", "--out", Path("o"))).Code);
        File.WriteAllText(Path("blob.hex"), "0x" + Convert.ToHexStringLower(File.ReadAllBytes(Path("o/blob-0.bin"))) + "\n");
        var (code, _, err) = await Run("decode", Path("blob.hex"), "--codec", "op", "--out", Path("back.txt"));
        Assert.True(code == 0, err);
        Assert.Equal("hex blobs", File.ReadAllText(Path("back.txt")));
    }

    [Fact]
    public async Task Too_much_data_for_max_blobs_is_invalid_input()
    {
        var input = WriteInput("in.bin", new byte[130_045]);
        var (code, _, err) = await Run("encode", input, "--codec", "op", "--max-blobs", "1", "--out", Path("o"));
        Assert.Equal(2, code);
        Assert.Contains("130045 bytes need 2 blobs with the op codec; --max-blobs is 1 (capacity 130044 bytes)", err);
        Assert.False(Directory.Exists(Path("o")));
    }

    [Fact]
    public async Task Malformed_blobs_are_invalid_input_naming_file_blob_and_element()
    {
        var input = WriteInput("in.bin", Random(200_000, 2));
        Assert.Equal(0, (await Run("encode", input, "--out", Path("o"))).Code);
        var second = File.ReadAllBytes(Path("o/blob-1.bin"));
        second[32 * 10] = 1;
        File.WriteAllBytes(Path("o/blob-1.bin"), second);
        var (code, _, err) = await Run("decode", Path("o/blob-0.bin"), Path("o/blob-1.bin"), "--out", Path("x"));
        Assert.Equal(2, code);
        Assert.Contains("not simple-encoded: blob 1 (blob-1.bin), field element 10: byte 0 is 0x01", err);
        (code, _, err) = await Run("decode", input);
        Assert.Equal(2, code);
        Assert.Contains("200000 bytes, a blob is 131072", err);
    }

    [Fact]
    public async Task Compressed_payloads_decode_without_a_flag_and_bombs_are_refused()
    {
        var input = WriteInput("zeros.bin", new byte[1_000_000]);
        Assert.Equal(0, (await Run("encode", input, "--compress", "zstd", "--out", Path("o"))).Code);
        var (code, _, err) = await Run("decode", Path("o/blob-0.bin"), "--max-decompressed-bytes", "999999", "--out", Path("x"));
        Assert.Equal(2, code);
        Assert.Contains("declares 1000000 bytes uncompressed, beyond the limit of 999999", err);
        (code, _, err) = await Run("decode", Path("o/blob-0.bin"), "--no-decompress", "--out", Path("raw"));
        Assert.True(code == 0, err);
        Assert.Equal(new byte[] { 0x89, 0x42, 0x4c, 0x5a, 3 }, File.ReadAllBytes(Path("raw"))[..5]);
    }

    [Fact]
    public async Task A_file_that_looks_compressed_gets_a_warning()
    {
        var input = WriteInput("magic.bin", [0x89, 0x42, 0x4c, 0x5a, 9, 9]);
        var (code, _, err) = await Run("encode", input, "--out", Path("o"));
        Assert.Equal(0, code);
        Assert.Contains("--no-decompress", err);
        (code, _, err) = await Run("decode", Path("o/blob-0.bin"), "--out", Path("x"));
        Assert.Equal(2, code);
        Assert.Contains("shorter than the 9-byte header (if the data is not compressed, use --no-decompress)", err);
        (code, _, _) = await Run("decode", Path("o/blob-0.bin"), "--no-decompress", "--out", Path("x"));
        Assert.Equal(0, code);
        Assert.Equal(new byte[] { 0x89, 0x42, 0x4c, 0x5a, 9, 9 }, File.ReadAllBytes(Path("x")));
    }

    [Fact]
    public async Task Bad_options_are_invalid_input()
    {
        var input = WriteInput("in.bin", [1, 2, 3]);
        Assert.Equal(2, (await Run("encode", input, "--codec", "nope")).Code);
        Assert.Equal(2, (await Run("encode", input, "--compress", "lzma")).Code);
        var (code, _, err) = await Run("encode", input, "--codec", "raw", "--compress", "zstd");
        Assert.Equal(2, code);
        Assert.Contains("cannot carry a compressed payload", err);
        (code, _, err) = await Run("encode", input, "--codec", "raw", "--out", Path("o"));
        Assert.Equal(2, code);
        Assert.Contains("not a multiple of 131072", err);
        (code, _, err) = await Run("encode", input, "--compress", "zlib", "--level", "12");
        Assert.Equal(2, code);
        Assert.Contains("levels run from 0 to 9", err);
        Assert.Equal(2, (await Run("encode", Path("missing.bin"))).Code);
    }
}
