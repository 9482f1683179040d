using System.Diagnostics;
using System.Text.Json;
using Blobs.IntegrationTests.Transactions;
using Blobs.Journal;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;
using Blobs.IntegrationTests.Cli;

namespace Blobs.IntegrationTests.Journal;

/// <summary>
/// No lost batch, never a second nonce, on a real anvil that does not mine until told to (--no-mining): `blob send`
/// killed with SIGKILL after the journal says "submitted" and before any receipt; a send that times out; the same
/// batch sent twice; a journaled batch whose nonce went to another transaction.
/// </summary>
public class JournalAnvilTests
{
    private const string Burn = "0x000000000000000000000000000000000000dEaD";

    private static Task<(int Code, string Out, string Err)> Cli(params string[] args) => CliProcess.InProcessAsync(args);

    private static async Task<ulong> NonceAsync(ExecutionClient client, Address who, string tag)
    {
        var r = await client.Rpc.CallAsync("eth_getTransactionCount", [who.ToString(), tag]);
        return Quantities.ParseUInt64(r.GetString(), "nonce");
    }

    private static JournalEntry OnlyEntry(string dir)
    {
        var entries = new BatchJournal(dir).List();
        Assert.Single(entries);
        return entries[0];
    }

    [SkippableFact]
    public async Task Send_killed_between_submit_and_receipt_is_found_resumed_and_mined_under_the_same_nonce()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka", noMining: true);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var dir = Directory.CreateTempSubdirectory("blobs-journal-crash-");
        try
        {
            var file = Path.Combine(dir.FullName, "batch.bin");
            File.WriteAllBytes(file, TxTools.RandomBytes(40_000, 77));
            var journalDir = Path.Combine(dir.FullName, "journal");
            ulong nonceBefore = await NonceAsync(client, anvil.DevAddress, "latest");

            // 1. `blob send` as a child process, killed (SIGKILL) as soon as the journal says "submitted".
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { CliProcess.BlobDll, "send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", journalDir, "--timeout", "300" })
                psi.ArgumentList.Add(a);
            psi.Environment["BLOB_PRIVATE_KEY"] = TxTools.DevKeyHex;
            using var child = Process.Start(psi)!;
            var stderr = new System.Text.StringBuilder();
            child.ErrorDataReceived += (_, e) => { lock (stderr) stderr.AppendLine(e.Data); };
            child.OutputDataReceived += (_, _) => { };
            child.BeginErrorReadLine();
            child.BeginOutputReadLine();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            JournalEntry? seen = null;
            while (DateTime.UtcNow < deadline && !child.HasExited)
            {
                var entries = Directory.Exists(journalDir) ? new BatchJournal(journalDir).List() : [];
                if (entries.Count == 1 && entries[0].Status == JournalStatus.Submitted) { seen = entries[0]; break; }
                await Task.Delay(25);
            }
            Assert.True(seen is not null, $"the journal never said submitted; child exited: {child.HasExited}; stderr: {stderr}");
            Assert.False(child.HasExited, "the send finished before it could be killed (it must wait for a receipt on a --no-mining node)");
            child.Kill(); // SIGKILL
            Assert.True(child.WaitForExit(30_000));
            Assert.Null(await client.ReceiptAsync(seen!.Latest.TxHash));

            // 2. `blob tx status` finds it, pending in the node's pool, nonce as journaled.
            var (code, output, err) = await Cli("tx", "status", "--journal", journalDir, "--rpc-url", anvil.RpcUrl, "--json");
            Assert.True(code == 0, err);
            var status = Blobs.Cli.Tests.JsonConvention.Parse(output)[0];
            Assert.Equal(seen.Id, status.GetProperty("id").GetString());
            Assert.Equal("submitted", status.GetProperty("status").GetString());
            Assert.StartsWith("pending", status.GetProperty("onChain").GetString());
            Assert.Equal(nonceBefore, status.GetProperty("nonce").GetUInt64());

            // 3. `blob tx resume` re-broadcasts the same bytes (the node already has them).
            (code, output, err) = await Cli("tx", "resume", seen.Id[..8], "--journal", journalDir, "--rpc-url", anvil.RpcUrl, "--json");
            Assert.True(code == 0, output + err);
            var resumed = Blobs.Cli.Tests.JsonConvention.Parse(output)[0];
            Assert.Equal("rebroadcast", resumed.GetProperty("action").GetString());
            Assert.Equal(seen.Latest.TxHash.ToString(), resumed.GetProperty("txHash").GetString());

            // 4. Mined after evm_mine: included, same transaction, same nonce; the sender used exactly one nonce.
            await anvil.MineAsync();
            (code, output, err) = await Cli("tx", "status", "--journal", journalDir, "--rpc-url", anvil.RpcUrl, "--json");
            Assert.True(code == 0, err);
            status = Blobs.Cli.Tests.JsonConvention.Parse(output)[0];
            Assert.Equal("included", status.GetProperty("status").GetString());
            Assert.Equal(seen.Latest.TxHash.ToString(), status.GetProperty("includedTx").GetString());
            var receipt = (await client.ReceiptAsync(seen.Latest.TxHash))!;
            Assert.Equal(1, receipt.Status);
            var mined = (await client.TransactionAsync(seen.Latest.TxHash))!.Value;
            Assert.Equal(nonceBefore, Quantities.ParseUInt64(mined.GetProperty("nonce").GetString(), "nonce"));
            Assert.Equal(nonceBefore + 1, await NonceAsync(client, anvil.DevAddress, "latest"));

            // 5. Sending the same file again does not sign a second transaction: the entry is resumed (already included).
            (code, output, err) = await Cli("send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", journalDir, "--private-key", TxTools.DevKeyHex, "--json");
            Assert.True(code == 0, err);
            var again = Blobs.Cli.Tests.JsonConvention.Parse(output);
            Assert.Equal(seen.Latest.TxHash.ToString(), again.GetProperty("txHash").GetString());
            Assert.Contains(again.GetProperty("notes").EnumerateArray(), n => n.GetString()!.Contains("already in the journal"));
            await anvil.MineAsync();
            Assert.Equal(nonceBefore + 1, await NonceAsync(client, anvil.DevAddress, "pending"));
            Assert.Single(OnlyEntry(journalDir).Attempts);
        }
        finally { dir.Delete(true); }
    }

    [SkippableFact]
    public async Task A_send_that_times_out_is_replaced_with_doubled_fees_under_the_same_nonce()
    {
        TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka", noMining: true);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var dir = Directory.CreateTempSubdirectory("blobs-journal-timeout-");
        try
        {
            var file = Path.Combine(dir.FullName, "batch.bin");
            File.WriteAllBytes(file, TxTools.RandomBytes(10_000, 78));
            var journalDir = Path.Combine(dir.FullName, "journal");
            var (code, output, err) = await Cli("send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", journalDir,
                "--private-key", TxTools.DevKeyHex, "--timeout", "2");
            Assert.Equal(1, code);
            Assert.Contains("blob tx resume", err);
            var entry = OnlyEntry(journalDir);
            Assert.Equal(JournalStatus.Submitted, entry.Status);
            var first = entry.Latest;

            // Sending it again while pending: resumed, not re-signed.
            (code, output, err) = await Cli("send", file, "--to", Burn, "--rpc-url", anvil.RpcUrl, "--journal", journalDir,
                "--private-key", TxTools.DevKeyHex, "--timeout", "1");
            Assert.Equal(1, code);
            Assert.Contains("already in the journal", err + output);
            Assert.Single(OnlyEntry(journalDir).Attempts);

            // --bump without a key says what is missing; with the key it replaces.
            (code, output, err) = await Cli("tx", "resume", entry.Id, "--bump", "--journal", journalDir, "--rpc-url", anvil.RpcUrl);
            Assert.Equal(1, code);
            Assert.Contains("signing key", output + err);
            (code, output, err) = await Cli("tx", "resume", entry.Id, "--bump", "--journal", journalDir, "--rpc-url", anvil.RpcUrl,
                "--private-key", TxTools.DevKeyHex, "--json");
            Assert.True(code == 0, output + err);
            var replaced = Blobs.Cli.Tests.JsonConvention.Parse(output)[0];
            Assert.Equal("replaced", replaced.GetProperty("action").GetString());
            entry = OnlyEntry(journalDir);
            Assert.Equal(2, entry.Attempts.Count);
            Assert.Equal(JournalStatus.Replaced, entry.Attempts[0].Status);
            Assert.Equal(JournalStatus.Submitted, entry.Attempts[1].Status);
            Assert.Equal(first.MaxFeePerBlobGas * 2, entry.Attempts[1].MaxFeePerBlobGas);
            Assert.Equal(first.MaxPriorityFeePerGas * 2, entry.Attempts[1].MaxPriorityFeePerGas);
            Assert.Equal(first.MaxFeePerGas * 2, entry.Attempts[1].MaxFeePerGas);

            await anvil.MineAsync();
            (code, output, err) = await Cli("tx", "status", "--journal", journalDir, "--rpc-url", anvil.RpcUrl, "--json");
            Assert.True(code == 0, err);
            var status = Blobs.Cli.Tests.JsonConvention.Parse(output)[0];
            Assert.Equal("included", status.GetProperty("status").GetString());
            Assert.Equal(entry.Attempts[1].TxHash.ToString(), status.GetProperty("includedTx").GetString());
            Assert.Null(await client.ReceiptAsync(first.TxHash));
            Assert.Equal(entry.Nonce + 1, await NonceAsync(client, anvil.DevAddress, "pending"));
        }
        finally { dir.Delete(true); }
    }

    [SkippableFact]
    public async Task A_journaled_batch_whose_nonce_went_elsewhere_is_dropped_and_never_sent()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var client = new ExecutionClient(anvil.RpcUrl);
        var dir = Directory.CreateTempSubdirectory("blobs-journal-dropped-");
        try
        {
            var journal = new BatchJournal(dir.FullName);
            var submitter = new JournaledSubmitter(journal, client, kzg);
            var batch = TxTools.RandomBytes(2000, 79);
            var blobs = Blobs.Pipeline.BlobPipeline.EncodeBlobs(batch, Blobs.Codecs.SimpleCodec.Instance);
            var to = Address.Parse(Burn);

            // A crash right after journaling, before sending: prepared, never seen by the node.
            var (chainId, genesis) = await submitter.ChainAsync();
            var (signed, _) = await new BlobSubmitter(client, kzg).PrepareAsync(to, blobs, TxTools.DevKey, new SubmitOptions(), []);
            var entry = JournalEntry.Create(JournalEntry.HashContent(batch), chainId, genesis, signed, "simple", batch.Length, DateTimeOffset.UtcNow);
            journal.SaveTransaction(entry.Id, signed);
            journal.Save(entry);

            // Another transaction takes the nonce.
            var other = await new BlobSubmitter(client, kzg).SendAsync(to, Blobs.Pipeline.BlobPipeline.EncodeBlobs([1, 2, 3], Blobs.Codecs.SimpleCodec.Instance), TxTools.DevKey);
            Assert.Equal(entry.Nonce, other.Sent.Transaction.Nonce);

            var outcome = await submitter.ResumeAsync(entry, TxTools.DevKey);
            Assert.Equal(ResumeAction.Dropped, outcome.Action);
            Assert.Equal(JournalStatus.Dropped, journal.Get(entry.Id)!.Status);
            Assert.Null(await client.TransactionAsync(signed.Transaction.Hash()));

            // The batch may now go out as a new entry (with the next nonce), and says why.
            var result = await submitter.SendAsync(batch, blobs, "simple", to, TxTools.DevKey, new SubmitOptions());
            Assert.Equal(entry.Nonce + 1, result.Sent.Transaction.Nonce);
            Assert.Contains(result.Notes, n => n.Contains("dropped"));
            Assert.Equal(1, result.Receipt!.Status);
        }
        finally { dir.Delete(true); }
    }

    [SkippableFact]
    public async Task A_stuck_entry_is_replaced_when_the_key_is_given_and_re_broadcast_otherwise()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka", noMining: true);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var dir = Directory.CreateTempSubdirectory("blobs-journal-stuck-");
        try
        {
            var journal = new BatchJournal(dir.FullName);
            var batch = TxTools.RandomBytes(3000, 80);
            var blobs = Blobs.Pipeline.BlobPipeline.EncodeBlobs(batch, Blobs.Codecs.SimpleCodec.Instance);
            var sent = await new JournaledSubmitter(journal, client, kzg).SendAsync(batch, blobs, "simple", Address.Parse(Burn), TxTools.DevKey,
                new SubmitOptions { WaitForReceipt = false });
            var entry = Assert.Single(journal.List());
            Assert.Equal(JournalStatus.Submitted, entry.Status);

            // Ten minutes later (a clock that says so), with --stuck-after 5 minutes.
            var later = new JournaledSubmitter(journal, client, kzg) { Clock = () => DateTimeOffset.UtcNow.AddMinutes(10) };
            var options = new ResumeOptions { StuckAfter = TimeSpan.FromMinutes(5) };
            var without = await later.ResumeAsync(entry, null, options);
            Assert.Equal(ResumeAction.Rebroadcast, without.Action);
            Assert.Contains(without.Notes, n => n.Contains("give the signing key"));
            Assert.Equal(sent.Hash, without.Hash);

            var with = await later.ResumeAsync(journal.Get(entry.Id)!, TxTools.DevKey, options);
            Assert.Equal(ResumeAction.Replaced, with.Action);
            Assert.NotEqual(sent.Hash, with.Hash);
            Assert.Equal(entry.Nonce, with.Sent!.Transaction.Nonce);
            Assert.Equal(sent.Sent.Transaction.MaxFeePerBlobGas * 2, with.Sent.Transaction.MaxFeePerBlobGas);

            // Just now, not stuck: re-broadcast of the replacement.
            var now = await new JournaledSubmitter(journal, client, kzg).ResumeAsync(journal.Get(entry.Id)!, TxTools.DevKey, options with { WaitForReceipt = false });
            Assert.Equal(ResumeAction.Rebroadcast, now.Action);
            Assert.Equal(with.Hash, now.Hash);

            await anvil.MineAsync();
            var (final, state) = await later.RefreshAsync(journal.Get(entry.Id)!);
            Assert.Equal(JournalStatus.Included, final.Status);
            Assert.Equal(with.Hash, final.IncludedTx);
            Assert.Equal(with.Hash, state.Receipt!.TransactionHash);
        }
        finally { dir.Delete(true); }
    }
}
