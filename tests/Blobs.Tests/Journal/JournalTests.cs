using System.Text;
using Blobs.Fuzz;
using Blobs.Journal;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;
using CsCheck;

namespace Blobs.Tests.Journal;

/// <summary>
/// The send journal on its own: entries round-trip through entry.json, every malformed file is a
/// <see cref="JournalFormatException"/> naming the field, files are replaced atomically, a batch is found by content,
/// chain and sender (a dropped one gives way to its re-send), references resolve by prefix, the stored transaction
/// is checked against its attempt, replacements keep the nonce, and the lock excludes a second sender.
/// </summary>
public class JournalTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("blobs-journal-unit-");

    public void Dispose() => _dir.Delete(true);

    private static readonly byte[] Key = [.. new byte[31], 7];

    private static SignedBlobTransaction Signed(ulong nonce, int fee = 1, ulong chain = 1) =>
        BlobTransactionBuilder.Sign(new TransactionFields
        {
            ChainId = chain, Nonce = nonce, MaxPriorityFeePerGas = fee, MaxFeePerGas = 2 * fee, MaxFeePerBlobGas = 3 * fee, To = Address.FromBytes(new byte[20]),
        }, new BlobSidecar(SidecarVersion.V1, [], [], []), Key);

    private static readonly DateTimeOffset T0 = new(2026, 3, 4, 5, 6, 7, TimeSpan.FromHours(2));

    [Fact]
    public void An_entry_round_trips_through_its_json()
    {
        var entry = FuzzSeeds.JournalSample();
        var back = JournalEntry.Parse(Encoding.UTF8.GetBytes(entry.ToJson()));
        Assert.Equal(entry.ToJson(), back.ToJson());
        Assert.Equal(entry.Id, back.Id);
        Assert.Equal(JournalStatus.Included, back.Status);
        Assert.Equal([JournalStatus.Replaced, JournalStatus.Included], back.Attempts.Select(a => a.Status));
        Assert.Equal(entry.Attempts[0].MaxFeePerBlobGas * 2, back.Attempts[1].MaxFeePerBlobGas);
        Assert.Equal(9UL, back.BlockNumber);
        Assert.Equal(back.Attempts[1].TxHash, back.IncludedTx);
    }

    [Theory]
    [InlineData("", "not JSON")]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"version\":2}", "format version 2")]
    [InlineData("{\"version\":1}", "'attempts' must be a non-empty array")]
    public void Malformed_entries_say_what_is_wrong(string json, string expected)
    {
        var e = Assert.Throws<JournalFormatException>(() => JournalEntry.Parse(Encoding.UTF8.GetBytes(json)));
        Assert.Contains(expected, e.Message);
    }

    [Theory]
    [InlineData("\"nonce\": 5", "\"nonce\": -5", "nonce is missing or not an unsigned 64-bit number")]
    [InlineData("\"status\": \"included\",\n  \"codec\"", "\"status\": \"lost\",\n  \"codec\"", "status 'lost' is not one of")]
    [InlineData("\"form\": \"v1\"", "\"form\": \"v7\"", "attempts[0].form 'v7'")]
    [InlineData("\"maxFeePerBlobGas\": \"3\"", "\"maxFeePerBlobGas\": \"0x3\"", "attempts[0].maxFeePerBlobGas '0x3' is not an amount in wei")]
    public void A_bad_field_is_named(string from, string to, string expected)
    {
        var json = FuzzSeeds.JournalSample().ToJson();
        Assert.Contains(from, json);
        var e = Assert.Throws<JournalFormatException>(() => JournalEntry.Parse(Encoding.UTF8.GetBytes(json.Replace(from, to))));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Mutated_entries_parse_or_fail_with_a_journal_format_error_only()
    {
        var json = Encoding.UTF8.GetBytes(FuzzSeeds.JournalSample().ToJson());
        int parsed = 0;
        Gen.Select(Gen.Int[0, json.Length - 1], Gen.Byte, Gen.Int[0, 2]).Array[1, 4].Sample(edits =>
        {
            var bytes = new List<byte>(json);
            foreach (var (pos, value, kind) in edits)
            {
                int p = Math.Min(pos, bytes.Count - 1);
                if (kind == 0) bytes[p] = value;
                else if (kind == 1) bytes.Insert(p, value);
                else bytes.RemoveAt(p);
            }
            try
            {
                var e = JournalEntry.Parse(bytes.ToArray());
                parsed++;
                Assert.Equal(e.ToJson(), JournalEntry.Parse(Encoding.UTF8.GetBytes(e.ToJson())).ToJson());
            }
            catch (JournalFormatException e) { Assert.StartsWith("journal entry", e.Message); }
        }, iter: 3000, seed: "0N0XIzNsQ0O2");
        Assert.True(parsed > 0);
    }

    [Fact]
    public void Atomic_write_replaces_the_file_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_dir.FullName, "sub", "f.bin");
        AtomicFile.Write(path, [1, 2, 3]);
        AtomicFile.Write(path, [4, 5]);
        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Equal(["f.bin"], Directory.GetFiles(Path.Combine(_dir.FullName, "sub")).Select(Path.GetFileName));
    }

    [Fact]
    public void Entries_are_saved_found_listed_and_resolved()
    {
        var journal = new BatchJournal(_dir.FullName);
        var content = JournalEntry.HashContent([1, 2, 3]);
        var genesis = Hash32.FromBytes(Enumerable.Repeat((byte)9, 32).ToArray());
        var signed = Signed(4);
        var entry = JournalEntry.Create(content, 1, genesis, signed, "simple", 3, T0);
        journal.SaveTransaction(entry.Id, signed);
        journal.Save(entry);

        var sender = BlobTransactionSigner.AddressOf(Key);
        Assert.Equal(entry.Id, journal.Find(content, 1, genesis, sender)!.Id);
        Assert.Null(journal.Find(content, 2, genesis, sender));
        Assert.Null(journal.Find(content, 1, null, sender));
        Assert.Null(journal.Find(JournalEntry.HashContent([1, 2]), 1, genesis, sender));
        Assert.Null(journal.Find(content, 1, genesis, Address.FromBytes(new byte[20])));

        Assert.Single(journal.List());
        Assert.Equal(entry.Id, Assert.Single(journal.Resolve(entry.Id[..6])).Id);
        Assert.Equal(entry.Id, Assert.Single(journal.Resolve(signed.Transaction.Hash().ToString()[..10])).Id);
        Assert.Equal(entry.Id, Assert.Single(journal.Resolve(content.ToString())).Id);
        Assert.Throws<ArgumentException>(() => journal.Resolve("0xab"));
        Assert.Equal(signed.Transaction.Hash(), journal.LoadSigned(entry, signed.Transaction.Hash()).Transaction.Hash());
    }

    [Fact]
    public void A_dropped_entry_gives_way_to_the_re_send_of_its_batch()
    {
        var journal = new BatchJournal(_dir.FullName);
        var content = JournalEntry.HashContent([7]);
        var dropped = JournalEntry.Create(content, 1, null, Signed(4), null, 1, T0) with { Status = JournalStatus.Dropped };
        journal.Save(dropped);
        var sender = BlobTransactionSigner.AddressOf(Key);
        Assert.Equal(dropped.Id, journal.Find(content, 1, null, sender)!.Id);
        var again = JournalEntry.Create(content, 1, null, Signed(5), null, 1, T0.AddMinutes(1));
        Assert.NotEqual(dropped.Id, again.Id);
        journal.Save(again);
        Assert.Equal(again.Id, journal.Find(content, 1, null, sender)!.Id);
        Assert.Equal(2, journal.List().Count);
    }

    [Fact]
    public void Only_an_entry_every_node_refused_may_be_signed_again_and_its_flag_survives_the_json()
    {
        var signed = Signed(4);
        var hash = signed.Transaction.Hash();
        var entry = JournalEntry.Create(JournalEntry.HashContent([9]), 1, null, signed, null, 1, T0);
        Assert.False(entry.WasRefused);                                   // prepared, maybe sent before a crash

        var timedOut = entry.WithAttempt(hash, a => a with { Error = "did not answer in time" }, T0);
        Assert.False(timedOut.WasRefused);                                // a transport failure: the node may hold it

        var refused = entry.WithAttempt(hash, a => a with { Error = "invalid sidecar", Refused = true }, T0);
        Assert.True(refused.WasRefused);
        var back = JournalEntry.Parse(Encoding.UTF8.GetBytes(refused.ToJson()));
        Assert.True(back.WasRefused);
        Assert.True(back.Latest.Refused);
        Assert.Contains("\"refused\": false", entry.ToJson());

        Assert.False(refused.WithSubmitted(hash, SidecarVersion.V1, T0).WasRefused);   // a node took it after all
        var again = refused.WithReplacement(Signed(4, fee: 2), T0.AddMinutes(1));      // signed again, same nonce
        Assert.False(again.WasRefused);
        Assert.Equal(4UL, again.Nonce);
        Assert.Equal(2, again.Attempts.Count);
    }

    [Fact]
    public void A_corrupt_entry_is_reported_and_skipped_and_a_swapped_transaction_is_refused()
    {
        var journal = new BatchJournal(_dir.FullName);
        var a = Signed(1);
        var entry = JournalEntry.Create(JournalEntry.HashContent([1]), 1, null, a, null, 1, T0);
        journal.Save(entry);
        // The file named after attempt a holds another transaction.
        File.WriteAllBytes(Path.Combine(_dir.FullName, entry.Id, a.Transaction.Hash() + ".tx"), Signed(1, fee: 2).NetworkEncoding());
        var e = Assert.Throws<JournalFormatException>(() => journal.LoadSigned(entry, a.Transaction.Hash()));
        Assert.Contains("holds transaction", e.Message);
        File.Delete(Path.Combine(_dir.FullName, entry.Id, a.Transaction.Hash() + ".tx"));
        Assert.Contains("is missing", Assert.Throws<JournalFormatException>(() => journal.LoadSigned(entry, a.Transaction.Hash())).Message);

        Directory.CreateDirectory(Path.Combine(_dir.FullName, "abcdef"));
        File.WriteAllText(Path.Combine(_dir.FullName, "abcdef", "entry.json"), "{ torn");
        var problems = new List<string>();
        Assert.Single(journal.List(problems));
        Assert.Contains("not JSON", Assert.Single(problems));
    }

    [Fact]
    public void Replacements_keep_the_nonce_and_the_lock_excludes_a_second_holder()
    {
        var entry = JournalEntry.Create(JournalEntry.HashContent([1]), 1, null, Signed(3), null, 1, T0);
        var replaced = entry.WithReplacement(Signed(3, fee: 2), T0.AddMinutes(1));
        Assert.Equal(2, replaced.Attempts.Count);
        Assert.Equal(JournalStatus.Replaced, replaced.Attempts[0].Status);
        Assert.Equal(JournalStatus.Prepared, replaced.Latest.Status);
        Assert.Throws<ArgumentException>(() => entry.WithReplacement(Signed(4, fee: 2), T0));
        Assert.Throws<ArgumentException>(() => JournalEntry.Create(JournalEntry.HashContent([1]), 2, null, Signed(3), null, 1, T0));

        var journal = new BatchJournal(_dir.FullName);
        using (journal.Lock())
        {
            var e = Assert.Throws<IOException>(() => journal.Lock(TimeSpan.FromMilliseconds(200)));
            Assert.Contains("locked by another sender", e.Message);
        }
        using (journal.Lock(TimeSpan.FromSeconds(1))) { }
    }

    [Fact]
    public void The_default_folder_follows_BLOBS_JOURNAL_then_XDG_STATE_HOME()
    {
        var saved = (Environment.GetEnvironmentVariable("BLOBS_JOURNAL"), Environment.GetEnvironmentVariable("XDG_STATE_HOME"));
        try
        {
            Environment.SetEnvironmentVariable("BLOBS_JOURNAL", "/x/j");
            Assert.Equal("/x/j", BatchJournal.DefaultDirectory());
            Environment.SetEnvironmentVariable("BLOBS_JOURNAL", null);
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", "/x/state");
            Assert.Equal("/x/state/blobs", BatchJournal.DefaultDirectory());
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", null);
            Assert.EndsWith(Path.Combine(".local", "state", "blobs"), BatchJournal.DefaultDirectory());
        }
        finally
        {
            Environment.SetEnvironmentVariable("BLOBS_JOURNAL", saved.Item1);
            Environment.SetEnvironmentVariable("XDG_STATE_HOME", saved.Item2);
        }
    }
}
