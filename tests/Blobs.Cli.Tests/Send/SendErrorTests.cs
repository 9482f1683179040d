using System.Net;
using System.Net.Sockets;
using Blobs.Cli;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Send;

/// <summary>
/// The failures of <c>blob send</c> that need no chain: each is one line on stderr ("error: …") that names what is wrong
/// and what to do, with the documented exit code (2 invalid input, 1 failed), and nothing on stdout.
/// </summary>
public sealed class SendErrorTests : IDisposable
{
    private const string DevKey = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";
    private readonly string _dir = Directory.CreateTempSubdirectory("blobs-send-errors-").FullName;

    private string File(int bytes, int seed = 1)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        var path = Path.Combine(_dir, $"batch-{bytes}.bin");
        System.IO.File.WriteAllBytes(path, data);
        return path;
    }

    private static string OneLine(string err)
    {
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, "expected one line, got:\n" + err);
        Assert.StartsWith("error: ", lines[0]);
        return lines[0];
    }

    [Fact]
    public async Task Too_many_blobs_is_invalid_input_naming_the_cap()
    {
        var (code, output, err) = await Run("send", File(1000), "--max-blobs", "7");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = OneLine(err);
        Assert.Contains("--max-blobs 7: too many blobs", line);
        Assert.Contains("at most 6", line);
        Assert.Contains("split the batch", line);
    }

    [Fact]
    public async Task File_too_large_for_n_blobs_says_how_many_it_needs_and_what_fits()
    {
        // The simple codec carries 126945 bytes per blob (4095 elements × 31 bytes after its header element).
        var path = File(300_000);
        var (code, output, err) = await Run("send", path, "--max-blobs", "2");
        Assert.Equal(2, code);
        Assert.Equal("", output);
        var line = OneLine(err);
        Assert.Contains($"{Path.GetFileName(path)} is too large for 2 blob(s)", line);
        Assert.Contains("300000 bytes need 3 blobs with the simple codec", line);
        Assert.Contains("2 blob(s) hold 253921 bytes", line);
        Assert.Contains("raise --max-blobs", line);
    }

    [Fact]
    public async Task File_too_large_for_one_transaction_says_split()
    {
        var (code, _, err) = await Run("send", File(7 * 126_945), "--json");
        Assert.Equal(2, code);
        var line = OneLine(err);
        Assert.Contains("too large for 6 blob(s)", line);
        Assert.Contains("need 7 blobs", line);
        Assert.Contains("split the file or compress it", line);
        Assert.DoesNotContain("raise --max-blobs", line);
    }

    [Fact]
    public async Task Unreachable_rpc_names_the_url_and_what_to_check()
    {
        int port;
        using (var l = new TcpListener(IPAddress.Loopback, 0)) { l.Start(); port = ((IPEndPoint)l.LocalEndpoint).Port; l.Stop(); }
        var url = $"http://127.0.0.1:{port}";
        var (code, output, err) = await Run("send", File(100), "--rpc-url", url, "--private-key", DevKey, "--json");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // The --private-key warning, then the error.
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("warning: --private-key", lines[0]);
        Assert.StartsWith("error: cannot reach the RPC endpoint " + url, lines[1]);
        Assert.Contains("check --rpc-url and that the node is running", lines[1]);
    }

    [Fact]
    public async Task Missing_file_is_invalid_input()
    {
        var (code, _, err) = await Run("send", Path.Combine(_dir, "nope.bin"));
        Assert.Equal(2, code);
        Assert.Contains("file not found", OneLine(err));
    }

    [Fact]
    public async Task Chain_without_rpc_url_is_invalid_input()
    {
        var (code, _, err) = await Run("send", File(10), "--chain", "sepolia");
        Assert.Equal(2, code);
        Assert.Contains("--chain sepolia needs --rpc-url", OneLine(err));
    }

    [Fact]
    public async Task Unknown_chain_name_lists_the_known_ones()
    {
        var (code, _, err) = await Run("send", File(10), "--chain", "goerli", "--rpc-url", "http://127.0.0.1:1", "--private-key", DevKey);
        Assert.Equal(2, code);
        Assert.Contains("--chain 'goerli': expected mainnet, sepolia, hoodi or a chain id", err);
    }

    [SkippableFact]
    public async Task Rpc_url_without_a_key_says_where_keys_come_from()
    {
        var saved = Environment.GetEnvironmentVariable("BLOB_PRIVATE_KEY");
        Skip.If(!string.IsNullOrEmpty(saved), "BLOB_PRIVATE_KEY is set in this environment");
        var (code, _, err) = await Run("send", File(10), "--rpc-url", "http://127.0.0.1:1");
        Assert.Equal(2, code);
        var line = OneLine(err);
        Assert.Contains("no signing key", line);
        Assert.Contains("BLOB_PRIVATE_KEY", line);
        Assert.Contains("--keystore", line);
    }

    [Fact]
    public async Task Verbose_adds_the_stack()
    {
        var (code, _, err) = await Run("send", File(10), "--max-blobs", "9", "--verbose");
        Assert.Equal(2, code);
        Assert.StartsWith("error: --max-blobs 9: too many blobs", err);
        Assert.Contains("   at ", err);
    }

    public void Dispose()
    {
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}
