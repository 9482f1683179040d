using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Blobs.IntegrationTests.Faults;
using Blobs.IntegrationTests.Transactions;
using Blobs.Kzg;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Keys;

/// <summary>
/// The signing key never shows: full runs of the `blob` command as a child process (send with the key from
/// BLOB_PRIVATE_KEY and from --private-key, verbose, with forced errors: a failing node, an unfunded account, a
/// malformed or out-of-range key, replacement and status of a journaled batch) have all their stdout and stderr
/// captured, and neither those nor the journal's files contain the key's hex, with or without 0x, in any case.
/// </summary>
public class KeyLeakTests
{
    private const string Burn = "0x000000000000000000000000000000000000dEaD";

    private static string BlobDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Blobs.Cli", "bin", "Release", "net10.0", "blob.dll");
            if (File.Exists(candidate)) return candidate;
        }
        var here = Path.Combine(AppContext.BaseDirectory, "blob.dll");
        return File.Exists(here) ? here : throw new FileNotFoundException("blob.dll not found (build src/Blobs.Cli)");
    }

    private sealed class Transcript
    {
        private readonly StringBuilder _all = new();
        public string Text => _all.ToString();

        /// <summary>Runs `blob ARGS` with <paramref name="keyEnv"/> as BLOB_PRIVATE_KEY (or none); records everything it prints.</summary>
        public (int Code, string Out, string Err) Run(string? keyEnv, params string[] args)
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            psi.ArgumentList.Add(BlobDll());
            foreach (var a in args) psi.ArgumentList.Add(a);
            if (keyEnv is null) psi.Environment.Remove("BLOB_PRIVATE_KEY");
            else psi.Environment["BLOB_PRIVATE_KEY"] = keyEnv;
            using var p = Process.Start(psi)!;
            p.StandardInput.Close();
            var stdout = p.StandardOutput.ReadToEndAsync();
            var stderr = p.StandardError.ReadToEndAsync();
            if (!p.WaitForExit(180_000)) { p.Kill(true); throw new TimeoutException($"blob {string.Join(' ', args.Take(2))} did not finish in 180 s"); }
            // Only what the command printed (its arguments may hold the key: they are not output).
            _all.AppendLine(stdout.Result).AppendLine(stderr.Result);
            return (p.ExitCode, stdout.Result, stderr.Result);
        }
    }

    private static void AssertNoKey(string text, byte[] key, string where)
    {
        var hex = Convert.ToHexStringLower(key);
        Assert.False(text.Contains(hex, StringComparison.OrdinalIgnoreCase), $"the key's hex appears in {where}");
        // Also split across nothing but an 0x prefix or a change of case: the search above is case-insensitive and 0x-agnostic.
        Assert.DoesNotContain(Convert.ToBase64String(key), text);
    }

    private static byte[] NewKey(int seed)
    {
        var k = new byte[32];
        new Random(seed).NextBytes(k);
        k[0] &= 0x7f; // below the curve order
        return k;
    }

    [SkippableFact]
    public async Task No_run_of_the_command_prints_or_journals_the_key()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka", noMining: true);
        var key = NewKey(20251125);
        var keyHex = "0x" + Convert.ToHexStringLower(key);
        var sender = BlobTransactionSigner.AddressOf(key);
        // Fund the fresh account (anvil's own RPC).
        using (var client = new Blobs.Rpc.ExecutionClient(anvil.RpcUrl))
            await client.Rpc.CallAsync("anvil_setBalance", [sender.ToString(), "0x56bc75e2d63100000"]);

        var dir = Directory.CreateTempSubdirectory("blobs-keys-");
        var t = new Transcript();
        try
        {
            var file = Path.Combine(dir.FullName, "batch.bin");
            File.WriteAllBytes(file, TxTools.RandomBytes(5000, 11));
            var journal = Path.Combine(dir.FullName, "journal");
            string[] Send(params string[] extra) =>
                ["send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", journal, "--timeout", "1", "--verbose", .. extra];

            // 1. Key from the environment (upper case, with 0x): sent, times out (no mining), error with stack trace.
            var (code, _, err) = t.Run(keyHex.ToUpperInvariant().Replace("0X", "0x"), Send());
            Assert.Equal(1, code);
            Assert.Contains("blob tx resume", err);
            // 2. Key from --private-key (without 0x): resumes the journaled batch.
            (code, _, err) = t.Run(null, Send("--private-key", keyHex[2..]));
            Assert.Equal(1, code);
            Assert.Contains("already in the journal", err);
            // 3. Replacement with doubled fees (signs again), then status.
            (code, var output, err) = t.Run(keyHex, "tx", "resume", "--all", "--bump", "--rpc-url", anvil.RpcUrl, "--journal", journal, "--verbose");
            Assert.True(code == 0, output + err);
            await anvil.MineAsync();
            (code, output, err) = t.Run(null, "tx", "status", "--rpc-url", anvil.RpcUrl, "--journal", journal, "--verbose");
            Assert.True(code == 0, err);
            Assert.Contains("included", output);
            // 4. Build offline (prints the signed transaction).
            (code, output, err) = t.Run(keyHex, "tx", "build", file, "--to", Burn, "--chain-id", "31337", "--nonce", "9", "--max-fee-per-gas", "10",
                "--max-fee-per-blob-gas", "10", "--verbose");
            Assert.True(code == 0, err);
            // 5. Forced errors: an unfunded account (the node refuses), a failing node, malformed and out-of-range keys.
            var poor = NewKey(7);
            (code, _, err) = t.Run("0x" + Convert.ToHexStringLower(poor), "send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", Path.Combine(dir.FullName, "journal2"), "--verbose");
            Assert.True(code == 1, err);
            AssertNoKey(t.Text, poor, "the run with an unfunded key");
            await using (var broken = new FaultyHttpServer(Fault.Http503))
            {
                (code, _, err) = t.Run(keyHex, "send", file, "--to", Burn, "--rpc-url", broken.Url, "--journal", journal, "--verbose");
                Assert.Equal(1, code);
                Assert.Contains("HTTP 503", err);
            }
            (code, _, err) = t.Run(keyHex[..^2] + "zz", Send());
            Assert.Equal(2, code);
            Assert.Contains("the key is not shown", err);
            var order = "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141"; // secp256k1 n: not a valid secret
            (code, _, err) = t.Run(null, Send("--private-key", order));
            Assert.NotEqual(0, code);
            Assert.DoesNotContain(order, t.Text, StringComparison.OrdinalIgnoreCase);

            AssertNoKey(t.Text, key, "stdout/stderr of the runs");
            foreach (var f in Directory.EnumerateFiles(dir.FullName, "*", SearchOption.AllDirectories).Where(f => f != file))
            {
                var bytes = File.ReadAllBytes(f);
                Assert.False(bytes.AsSpan().IndexOf(key) >= 0, $"the raw key is in {f}");
                AssertNoKey(Encoding.Latin1.GetString(bytes), key, f);
            }
            // The transcript is real: it holds what the runs printed (the sender, the transaction hashes).
            Assert.Contains(sender.ToString()[2..], t.Text, StringComparison.OrdinalIgnoreCase);
        }
        finally { dir.Delete(true); }
    }
}
