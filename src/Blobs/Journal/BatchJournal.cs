using Blobs.Transactions;

namespace Blobs.Journal;

/// <summary>
/// A durable, crash-safe record of every batch handed to the sender, one folder per batch (per chain and sender):
/// <c>DIR/ID/entry.json</c> (<see cref="JournalEntry"/>) and <c>DIR/ID/0xTXHASH.tx</c> (the signed network form of each
/// attempt, exactly the bytes given to eth_sendRawTransaction). Every file is replaced atomically
/// (<see cref="AtomicFile"/>), and a signed transaction is on disk before it is sent, so that after a crash or a timeout
/// the batch can be found, re-broadcast with the same bytes, or replaced under the same nonce — never sent again
/// under a second nonce. Default folder: <c>$BLOBS_JOURNAL</c>, else <c>$XDG_STATE_HOME/blobs</c>, else
/// <c>~/.local/state/blobs</c>.
/// </summary>
public sealed class BatchJournal
{
    private const string EntryFile = "entry.json";

    /// <summary>Opens (creating when needed) the journal in <paramref name="directory"/>.</summary>
    public BatchJournal(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>The journal's folder.</summary>
    public string Directory { get; }

    /// <summary>The default folder: BLOBS_JOURNAL, else XDG_STATE_HOME/blobs, else ~/.local/state/blobs.</summary>
    public static string DefaultDirectory()
    {
        if (Environment.GetEnvironmentVariable("BLOBS_JOURNAL") is { Length: > 0 } env) return env;
        if (Environment.GetEnvironmentVariable("XDG_STATE_HOME") is { Length: > 0 } xdg) return Path.Combine(xdg, "blobs");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "state", "blobs");
    }

    /// <summary>
    /// Takes the journal's lock (an exclusive lock on <c>DIR/.lock</c>, held until disposed) so that two senders cannot
    /// both find a batch missing and send it under two nonces. Waits up to <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public IDisposable Lock(TimeSpan? timeout = null)
    {
        var path = Path.Combine(Directory, ".lock");
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
            }
            catch (IOException e)
            {
                throw new IOException($"the batch journal at {Directory} is locked by another sender (waited {(timeout ?? TimeSpan.FromSeconds(60)).TotalSeconds:0} s)", e);
            }
        }
    }

    /// <summary>Writes (replaces) an entry's <c>entry.json</c>.</summary>
    public void Save(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        AtomicFile.Write(Path.Combine(Directory, entry.Id, EntryFile), System.Text.Encoding.UTF8.GetBytes(entry.ToJson()));
    }

    /// <summary>Writes the signed network form of <paramref name="signed"/> next to entry <paramref name="entryId"/>.</summary>
    public void SaveTransaction(string entryId, SignedBlobTransaction signed)
    {
        ArgumentNullException.ThrowIfNull(signed);
        AtomicFile.Write(TransactionPath(entryId, signed.Transaction.Hash()), signed.NetworkEncoding());
    }

    /// <summary>The signed network form of attempt <paramref name="txHash"/> of entry <paramref name="entryId"/>.</summary>
    public byte[] LoadTransaction(string entryId, Hash32 txHash)
    {
        var path = TransactionPath(entryId, txHash);
        if (!File.Exists(path)) throw new JournalFormatException($"journal entry {entryId}: the signed transaction {txHash} is missing ({path})");
        return File.ReadAllBytes(path);
    }

    /// <summary>The signed transaction of an attempt, decoded (and checked to be that attempt).</summary>
    public SignedBlobTransaction LoadSigned(JournalEntry entry, Hash32 txHash)
    {
        ArgumentNullException.ThrowIfNull(entry);
        DecodedTransaction d;
        try { d = BlobTransactionCodec.Decode(LoadTransaction(entry.Id, txHash)); }
        catch (TransactionDecodingException e) { throw new JournalFormatException($"journal entry {entry.Id}: the stored transaction {txHash} does not decode: {e.Message}", e); }
        if (d.Sidecar is null) throw new JournalFormatException($"journal entry {entry.Id}: the stored transaction {txHash} has no sidecar");
        if (d.Transaction.Hash() != txHash) throw new JournalFormatException($"journal entry {entry.Id}: the file for {txHash} holds transaction {d.Transaction.Hash()}");
        if (d.Transaction.Nonce != entry.Nonce) throw new JournalFormatException($"journal entry {entry.Id}: stored transaction {txHash} has nonce {d.Transaction.Nonce}, the entry {entry.Nonce}");
        return new SignedBlobTransaction(d.Transaction, d.Sidecar);
    }

    private string TransactionPath(string entryId, Hash32 txHash) => Path.Combine(Directory, CheckId(entryId), txHash + ".tx");

    private static string CheckId(string id) =>
        id.Length > 0 && id.All(char.IsAsciiHexDigitLower) ? id : throw new ArgumentException($"'{id}' is not a journal entry id");

    /// <summary>Reads one entry; null when it does not exist.</summary>
    public JournalEntry? Get(string id)
    {
        var path = Path.Combine(Directory, CheckId(id), EntryFile);
        if (!File.Exists(path)) return null;
        var entry = JournalEntry.Parse(File.ReadAllBytes(path));
        if (entry.Id != id) throw new JournalFormatException($"{path}: holds entry {entry.Id}");
        return entry;
    }

    /// <summary>Every entry, oldest first; entries that do not parse are reported in <paramref name="problems"/> and skipped.</summary>
    public IReadOnlyList<JournalEntry> List(List<string>? problems = null)
    {
        var result = new List<JournalEntry>();
        foreach (var dir in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var name = Path.GetFileName(dir);
            if (!File.Exists(Path.Combine(dir, EntryFile)) || !name.All(char.IsAsciiHexDigitLower)) continue;
            try { result.Add(Get(name)!); }
            catch (Exception e) when (e is JournalFormatException or IOException or UnauthorizedAccessException)
            {
                problems?.Add($"{dir}: {e.Message}");
            }
        }
        return result.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>
    /// The entry of a batch on a chain from a sender: the newest one that is not dropped, else the newest dropped one
    /// (a dropped batch may have been sent again under a new entry), or null.
    /// </summary>
    public JournalEntry? Find(Hash32 content, ulong chainId, Hash32? genesis, Address sender)
    {
        var matches = List().Where(e => e.Matches(content, chainId, genesis, sender)).ToArray();
        return matches.LastOrDefault(e => e.Status != JournalStatus.Dropped) ?? matches.LastOrDefault();
    }

    /// <summary>
    /// The entries a user's reference names: an entry id, a content hash or a transaction hash of any attempt, in full
    /// or as a prefix of at least 6 hex digits (with or without 0x).
    /// </summary>
    public IReadOnlyList<JournalEntry> Resolve(string reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var r = reference.Trim().ToLowerInvariant();
        if (r.StartsWith("0x", StringComparison.Ordinal)) r = r[2..];
        if (r.Length < 6 || !r.All(char.IsAsciiHexDigitLower)) throw new ArgumentException($"'{reference}' is not an entry id, content hash or transaction hash (at least 6 hex digits)");
        static string H(Hash32 h) => h.ToString()[2..];
        return List().Where(e => e.Id.StartsWith(r, StringComparison.Ordinal) || H(e.ContentHash).StartsWith(r, StringComparison.Ordinal)
            || e.Attempts.Any(a => H(a.TxHash).StartsWith(r, StringComparison.Ordinal))).ToArray();
    }
}
