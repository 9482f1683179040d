using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Journal;

/// <summary>
/// Sends batches through a <see cref="BatchJournal"/>: the signed transaction and its sidecar are on disk before
/// eth_sendRawTransaction, each step is recorded (prepared, submitted, included), and a batch already journaled for
/// the same chain and sender is resumed instead of being signed again — so a batch is never sent under a second
/// nonce. <see cref="ResumeAsync"/> finds where an entry stands on chain and re-broadcasts the same bytes, or replaces
/// them with every fee doubled (same nonce, same blobs) when asked or when the entry has been stuck too long.
/// A node's "already known" answer to a re-broadcast means the bytes are in its pool: it counts as accepted.
/// </summary>
public sealed class JournaledSubmitter
{
    private readonly BatchJournal _journal;
    private readonly ExecutionClient _client;
    private readonly BlobSubmitter _submitter;

    /// <summary>Creates a sender over a journal, a node and (to compute proofs) a KZG context.</summary>
    public JournaledSubmitter(BatchJournal journal, ExecutionClient client, KzgContext? kzg)
    {
        _journal = journal ?? throw new ArgumentNullException(nameof(journal));
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _submitter = new BlobSubmitter(client, kzg);
        CanConvert = kzg is not null;
    }

    private bool CanConvert { get; }

    /// <summary>The journal.</summary>
    public BatchJournal Journal => _journal;

    /// <summary>The clock (replaceable in tests).</summary>
    public Func<DateTimeOffset> Clock { get; init; } = () => DateTimeOffset.UtcNow;

    /// <summary>
    /// Sends <paramref name="batch"/> (already encoded into <paramref name="blobs"/>) to <paramref name="to"/>, journaled.
    /// When the journal already holds this batch for this chain and sender (and it was not dropped), nothing new is
    /// signed: the entry is resumed (re-broadcast, or found included) and a note says so. The steps are the public
    /// building blocks below, which <c>BlobPipeline</c> composes with its own checks.
    /// </summary>
    public async Task<SubmissionResult> SendAsync(ReadOnlyMemory<byte> batch, IReadOnlyList<ReadOnlyMemory<byte>> blobs, string? codec, Address to,
        ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        options ??= new SubmitOptions();
        var notes = new List<string>();
        var key = await KeyAsync(batch, BlobTransactionSigner.AddressOf(privateKey.Span), ct).ConfigureAwait(false);

        JournalEntry entry;
        SignedBlobTransaction signed;
        bool formKnown;
        using (_journal.Lock())
        {
            var found = await ResumeIfJournaledAsync(key, privateKey, options, notes, ct).ConfigureAwait(false);
            if (found.Resumed is { } resumed) return resumed;
            (signed, formKnown) = await _submitter.PrepareAsync(to, blobs, privateKey, found.Pin(options), notes, ct).ConfigureAwait(false);
            entry = Record(key, signed, codec, batch.Length, options, found.Refused);
        }

        (var sent, entry) = await SubmitRecordedAsync(entry, signed, options, !formKnown, notes, ct).ConfigureAwait(false);
        if (!options.WaitForReceipt) return sent;
        var receipt = await WaitRecordedAsync(entry, sent.Hash, options, ct).ConfigureAwait(false);
        return sent with { Receipt = receipt };
    }

    /// <summary>What identifies a batch in the journal: its content hash, the node's chain (id and genesis) and the sender.</summary>
    public async Task<BatchKey> KeyAsync(ReadOnlyMemory<byte> batch, Address sender, CancellationToken ct = default)
    {
        var (chainId, genesis) = await ChainAsync(ct).ConfigureAwait(false);
        return new BatchKey(JournalEntry.HashContent(batch.Span), chainId, genesis, sender);
    }

    /// <summary>
    /// Step 1 (under <see cref="BatchJournal.Lock"/>): looks the batch up. When the journal holds it and a node may have
    /// it (not dropped, not refused every time), resumes it — re-broadcast, replacement when stuck, or found included —
    /// and returns the result in <see cref="JournalLookup.Resumed"/>. When every attempt was refused by a node, returns
    /// that entry in <see cref="JournalLookup.Refused"/>: the batch is signed again under the same nonce
    /// (<see cref="JournalLookup.Pin"/>), never under a second one. Otherwise the batch goes out as a new entry (a note
    /// says so when an earlier entry was dropped).
    /// </summary>
    public async Task<JournalLookup> ResumeIfJournaledAsync(BatchKey key, ReadOnlyMemory<byte> privateKey, SubmitOptions options, List<string> notes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(notes);
        var existing = _journal.Find(key.Content, key.ChainId, key.Genesis, key.Sender);
        if (existing is null) return default;
        if (existing.Status == JournalStatus.Dropped)
        {
            notes.Add($"journal entry {existing.Id} of this batch was dropped (nonce {existing.Nonce} went to another transaction); sending it as a new entry");
            return default;
        }
        if (existing.WasRefused)
        {
            notes.Add($"journal entry {existing.Id} of this batch was refused by the node ({existing.Latest.Error}); signing it again under the same nonce {existing.Nonce}");
            return new JournalLookup(null, existing);
        }
        var why = $"this batch is already in the journal as entry {existing.Id} (nonce {existing.Nonce}, {JournalEntry.Name(existing.Status)}): resuming it instead of sending it again";
        notes.Add(why);
        options.Status?.Report($"batch already journaled (entry {existing.Id}, nonce {existing.Nonce}); resuming it");
        ResumeOutcome resumed;
        try
        {
            resumed = await ResumeAsync(existing, privateKey, new ResumeOptions
            {
                WaitForReceipt = options.WaitForReceipt, ReceiptTimeout = options.ReceiptTimeout, Status = options.Status,
            }, ct).ConfigureAwait(false);
        }
        catch (TimeoutException e) { throw new TimeoutException($"{why}; {e.Message}", e); }
        catch (RpcException e) { throw new RpcException($"{why}; {e.Message}", e.Endpoint, e.Method, e.Code, e); }
        if (resumed.Sent is null || resumed.Hash is null)
            throw new InvalidOperationException($"journal entry {existing.Id}: {string.Join("; ", resumed.Notes)}");
        return new JournalLookup(new SubmissionResult(resumed.Sent, resumed.Hash.Value, resumed.Receipt, [.. notes, .. resumed.Notes]), null);
    }

    /// <summary>
    /// Step 2 (under <see cref="BatchJournal.Lock"/>, before anything is sent): makes the signed transaction durable —
    /// the network-form bytes first, then the entry that points at them — and returns the entry: a new one, or
    /// <paramref name="refused"/> (from step 1) with the new attempt appended.
    /// </summary>
    public JournalEntry Record(BatchKey key, SignedBlobTransaction signed, string? codec, long batchLength, SubmitOptions? options = null, JournalEntry? refused = null)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var entry = refused is null
            ? JournalEntry.Create(key.Content, key.ChainId, key.Genesis, signed, codec, batchLength, Clock())
            : refused.WithReplacement(signed, Clock());
        _journal.SaveTransaction(entry.Id, signed);
        _journal.Save(entry);
        options?.Status?.Report($"journaled as entry {entry.Id} in {_journal.Directory} (nonce {entry.Nonce})");
        return entry;
    }

    /// <summary>
    /// Step 3: sends a recorded transaction (without waiting), treating the node's "already known" as accepted, and
    /// records the outcome: the attempt's error (the exception then says how to resume), or "submitted" with the form
    /// the node took (a form fallback's bytes are journaled too).
    /// </summary>
    public async Task<(SubmissionResult Sent, JournalEntry Entry)> SubmitRecordedAsync(JournalEntry entry, SignedBlobTransaction signed, SubmitOptions options,
        bool allowFormFallback, List<string> notes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(signed);
        ArgumentNullException.ThrowIfNull(options);
        var hash = signed.Transaction.Hash();
        SubmissionResult sent;
        try
        {
            sent = await _submitter.SubmitAsync(signed, options with { WaitForReceipt = false }, allowFormFallback: allowFormFallback && CanConvert, notes, ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsAlreadyKnown(e))
        {
            sent = new SubmissionResult(signed, hash, null, notes);
            notes.Add("the node already had this transaction");
        }
        catch (RpcException e)
        {
            _journal.Save(entry.WithAttempt(hash, a => a with { Error = e.Message, Refused = e.IsNodeError }, Clock()));
            throw new RpcException(e.Message + Hint(entry), e.Endpoint, e.Method, e.Code, e);
        }
        if (sent.Sent.Sidecar.Version != signed.Sidecar.Version) _journal.SaveTransaction(entry.Id, sent.Sent);
        entry = entry.WithSubmitted(hash, sent.Sent.Sidecar.Version, Clock());
        _journal.Save(entry);
        options.Status?.Report($"journal entry {entry.Id}: submitted");
        return (sent, entry);
    }

    /// <summary>Step 4: waits for the receipt and records the inclusion; a timeout says how to resume the journaled transaction.</summary>
    public async Task<TransactionReceipt> WaitRecordedAsync(JournalEntry entry, Hash32 hash, SubmitOptions options, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(options);
        options.Status?.Report($"waiting for {hash} to be included");
        TransactionReceipt receipt;
        try { receipt = await _client.WaitForReceiptAsync(hash, options.ReceiptTimeout, null, ct).ConfigureAwait(false); }
        catch (TimeoutException e) { throw new TimeoutException(e.Message + Hint(entry), e); }
        _journal.Save(entry.WithIncluded(receipt, Clock()));
        return receipt;
    }

    private static string Hint(JournalEntry entry) =>
        $" — the signed transaction is journaled (entry {entry.Id}, nonce {entry.Nonce}): `blob tx status` shows it, `blob tx resume {entry.Id}` re-broadcasts it or replaces it with doubled fees";

    /// <summary>The node's chain id and genesis block hash (null when the node does not give block 0).</summary>
    public async Task<(ulong ChainId, Hash32? Genesis)> ChainAsync(CancellationToken ct = default)
    {
        ulong chainId = await _client.ChainIdAsync(ct).ConfigureAwait(false);
        Hash32? genesis = null;
        try
        {
            var block = await _client.Rpc.CallAsync("eth_getBlockByNumber", ["0x0", false], ct).ConfigureAwait(false);
            if (block.ValueKind == JsonValueKind.Object && block.TryGetProperty("hash", out var h) && h.ValueKind == JsonValueKind.String)
                genesis = Hash32.Parse(h.GetString()!);
        }
        catch (RpcException e) when (e.IsNodeError) { }
        catch (ArgumentException) { }
        return (chainId, genesis);
    }

    /// <summary>True when a node's error says it already has the transaction (geth "already known", Nethermind "AlreadyKnown", "already imported", "known transaction").</summary>
    public static bool IsAlreadyKnown(RpcException e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var m = e.Message.ToLowerInvariant();
        return e.IsNodeError && (m.Contains("already known") || m.Contains("alreadyknown") || m.Contains("already imported") || m.Contains("known transaction"));
    }

    private static bool IsNonceTooLow(RpcException e) => e.IsNodeError && e.Message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Where an entry stands on chain: the receipt of any of its attempts (newest first), else whether the sender's
    /// nonce has moved past the entry's (then another transaction took it and the entry is dropped), and which
    /// attempts the node has in its pool.
    /// </summary>
    public async Task<ChainState> CheckAsync(JournalEntry entry, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        foreach (var a in entry.Attempts.Reverse())
            if (await _client.ReceiptAsync(a.TxHash, ct).ConfigureAwait(false) is { } receipt)
                return new ChainState(receipt, null, []);
        var latest = await _client.Rpc.CallAsync("eth_getTransactionCount", [entry.Sender.ToString(), "latest"], ct).ConfigureAwait(false);
        ulong accountNonce = Quantities.ParseUInt64(latest.ValueKind == JsonValueKind.String ? latest.GetString() : null, "eth_getTransactionCount");
        // The nonce may have moved because one of our attempts was just mined: look once more before calling it dropped.
        if (accountNonce > entry.Nonce)
            foreach (var a in entry.Attempts.Reverse())
                if (await _client.ReceiptAsync(a.TxHash, ct).ConfigureAwait(false) is { } receipt)
                    return new ChainState(receipt, accountNonce, []);
        var pooled = new List<Hash32>();
        foreach (var a in entry.Attempts)
            if (await _client.TransactionAsync(a.TxHash, ct).ConfigureAwait(false) is not null) pooled.Add(a.TxHash);
        return new ChainState(null, accountNonce, pooled);
    }

    /// <summary>Brings an entry up to date with the chain (included or dropped) and records it; returns the entry and the state.</summary>
    public async Task<(JournalEntry Entry, ChainState State)> RefreshAsync(JournalEntry entry, CancellationToken ct = default)
    {
        var state = await CheckAsync(entry, ct).ConfigureAwait(false);
        var updated = entry;
        if (state.Receipt is { } r && (entry.Status != JournalStatus.Included || entry.IncludedTx != r.TransactionHash)) updated = entry.WithIncluded(r, Clock());
        else if (state.Receipt is null && state.Dropped(entry) && entry.Status != JournalStatus.Dropped) updated = entry with { Status = JournalStatus.Dropped, UpdatedAt = Clock() };
        if (!ReferenceEquals(updated, entry)) _journal.Save(updated);
        return (updated, state);
    }

    /// <summary>
    /// Resumes a journaled batch: nothing to do when it is included (or dropped); otherwise re-broadcasts the latest
    /// attempt's bytes, or — with <see cref="ResumeOptions.Bump"/>, or once the latest attempt is older than
    /// <see cref="ResumeOptions.StuckAfter"/> — signs a replacement with every fee doubled (needs the key), journals it,
    /// then sends it. The nonce never changes.
    /// </summary>
    public async Task<ResumeOutcome> ResumeAsync(JournalEntry entry, ReadOnlyMemory<byte>? privateKey, ResumeOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        options ??= new ResumeOptions();
        var notes = new List<string>();
        var (chainId, genesis) = await ChainAsync(ct).ConfigureAwait(false);
        if (chainId != entry.ChainId || (entry.GenesisHash is { } g && genesis is { } ng && g != ng))
            throw new InvalidOperationException($"journal entry {entry.Id} is for chain {entry.ChainId}{(entry.GenesisHash is { } eg ? $" (genesis {eg})" : "")}; the node at {_client.Rpc.DisplayUrl} is on chain {chainId}{(genesis is { } gg ? $" (genesis {gg})" : "")}");

        var (current, state) = await RefreshAsync(entry, ct).ConfigureAwait(false);
        if (current.Status == JournalStatus.Included)
        {
            notes.Add($"already included in block {current.BlockNumber} ({current.IncludedTx})");
            var included = _journal.LoadSigned(current, current.IncludedTx!.Value);
            return new ResumeOutcome(current, ResumeAction.AlreadyIncluded, included, current.IncludedTx, state.Receipt, notes);
        }
        if (current.Status == JournalStatus.Dropped)
        {
            notes.Add($"dropped: the sender's nonce is {state.AccountNonce}, past the entry's {current.Nonce}, and none of its {current.Attempts.Count} attempt(s) was included; it is not sent again");
            return new ResumeOutcome(current, ResumeAction.Dropped, null, null, null, notes);
        }
        if (state.AccountNonce is { } an && an < current.Nonce)
            notes.Add($"the sender's nonce on chain is {an}, below the entry's {current.Nonce}: it cannot be included before the transactions in between");

        var latest = current.Latest;
        var stuckFor = Clock() - (latest.SentAt ?? latest.CreatedAt);
        bool stuck = options.StuckAfter is { } limit && stuckFor >= limit;
        bool bump = options.Bump || (stuck && privateKey is not null);
        if (stuck && !bump)
            notes.Add($"waiting for {stuckFor.TotalSeconds:0} s: give the signing key to replace it with doubled fees; re-broadcasting meanwhile");
        SignedBlobTransaction toSend;
        ResumeAction action;
        if (bump)
        {
            if (privateKey is not { } key)
                throw new InvalidOperationException($"journal entry {current.Id} needs the signing key (BLOB_PRIVATE_KEY, --keystore or --private-key) to sign a replacement with doubled fees");
            if (BlobTransactionSigner.AddressOf(key.Span) != current.Sender)
                throw new InvalidOperationException($"the key given signs for {BlobTransactionSigner.AddressOf(key.Span)}, journal entry {current.Id} is from {current.Sender}");
            var previous = _journal.LoadSigned(current, latest.TxHash);
            var fields = BlobSubmitter.BumpFees(BlobTransactionBuilder.FieldsOf(previous.Transaction), options.MinimumFees);
            toSend = BlobTransactionBuilder.Sign(fields, previous.Sidecar, key.Span);
            using (_journal.Lock())
            {
                _journal.SaveTransaction(current.Id, toSend);
                current = current.WithReplacement(toSend, Clock());
                _journal.Save(current);
            }
            notes.Add(options.Bump ? "replaced with every fee doubled (--bump)" : $"stuck for {stuckFor.TotalSeconds:0} s: replaced with every fee doubled");
            notes.Add($"replacement {toSend.Transaction.Hash()}: tip {fields.MaxPriorityFeePerGas}, fee cap {fields.MaxFeePerGas}, blob fee cap {fields.MaxFeePerBlobGas} (nonce {fields.Nonce})");
            action = ResumeAction.Replaced;
        }
        else
        {
            toSend = _journal.LoadSigned(current, latest.TxHash);
            notes.Add($"re-broadcast {latest.TxHash} with the same bytes (nonce {current.Nonce}" + (state.Pooled.Contains(latest.TxHash) ? ", the node already has it in its pool)" : ")"));
            action = ResumeAction.Rebroadcast;
        }

        var hash = toSend.Transaction.Hash();
        options.Status?.Report($"sending {hash} (nonce {current.Nonce})");
        try
        {
            await _client.SendRawTransactionAsync(toSend.NetworkEncoding(), ct).ConfigureAwait(false);
        }
        catch (RpcException e) when (IsAlreadyKnown(e))
        {
            notes.Add("the node already had it");
        }
        catch (RpcException e) when (IsNonceTooLow(e))
        {
            // Mined meanwhile, or taken by another transaction: the chain decides.
            var (after, _) = await RefreshAsync(current, ct).ConfigureAwait(false);
            notes.Add($"the node answered 'nonce too low': entry is {JournalEntry.Name(after.Status)}");
            if (after.Status == JournalStatus.Included)
                return new ResumeOutcome(after, ResumeAction.AlreadyIncluded, _journal.LoadSigned(after, after.IncludedTx!.Value), after.IncludedTx, null, notes);
            return new ResumeOutcome(after, ResumeAction.Dropped, null, null, null, notes);
        }
        catch (RpcException e)
        {
            _journal.Save(current.WithAttempt(hash, a => a with { Error = e.Message }, Clock()));
            throw;
        }
        current = current.WithSubmitted(hash, toSend.Sidecar.Version, Clock());
        _journal.Save(current);

        TransactionReceipt? receipt = null;
        if (options.WaitForReceipt)
        {
            receipt = await WaitForAnyAsync(current, options.ReceiptTimeout, ct).ConfigureAwait(false);
            current = current.WithIncluded(receipt, Clock());
            _journal.Save(current);
            if (receipt.TransactionHash != hash)
            {
                notes.Add($"an earlier attempt ({receipt.TransactionHash}) was included instead");
                toSend = _journal.LoadSigned(current, receipt.TransactionHash);
                hash = receipt.TransactionHash;
            }
        }
        return new ResumeOutcome(current, action, toSend, hash, receipt, notes);
    }

    /// <summary>Waits until any attempt of the entry has a receipt (a replaced attempt may be the one mined).</summary>
    private async Task<TransactionReceipt> WaitForAnyAsync(JournalEntry entry, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            foreach (var a in entry.Attempts.Reverse())
                if (await _client.ReceiptAsync(a.TxHash, ct).ConfigureAwait(false) is { } r) return r;
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"journal entry {entry.Id} (nonce {entry.Nonce}) was not included within {timeout.TotalSeconds:0} s" + Hint(entry));
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
    }
}

/// <summary>How <see cref="JournaledSubmitter.ResumeAsync"/> proceeds.</summary>
public sealed record ResumeOptions
{
    /// <summary>Replace the latest attempt with every fee doubled, whatever its age.</summary>
    public bool Bump { get; init; }
    /// <summary>Replace (doubled fees) when the latest attempt was sent at least this long ago and the key is given (without it: re-broadcast, with a note); null never.</summary>
    public TimeSpan? StuckAfter { get; init; }
    /// <summary>Lower bounds for the replacement's fees (<see cref="BlobSubmitter.BumpFees"/>).</summary>
    public SubmitOptions? MinimumFees { get; init; }
    /// <summary>Wait for a receipt of any attempt after sending.</summary>
    public bool WaitForReceipt { get; init; }
    /// <summary>How long to wait for it.</summary>
    public TimeSpan ReceiptTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Progress lines.</summary>
    public IProgress<string>? Status { get; init; }
}

/// <summary>What <see cref="JournaledSubmitter.ResumeAsync"/> did.</summary>
public enum ResumeAction
{
    /// <summary>Nothing to send: an attempt is on chain.</summary>
    AlreadyIncluded,
    /// <summary>The latest attempt's bytes were sent again.</summary>
    Rebroadcast,
    /// <summary>A replacement with doubled fees was signed, journaled and sent.</summary>
    Replaced,
    /// <summary>Nothing sent: the nonce went to another transaction.</summary>
    Dropped,
}

/// <summary>The outcome of a resume.</summary>
/// <param name="Entry">The entry as now journaled.</param>
/// <param name="Action">What was done.</param>
/// <param name="Sent">The transaction sent or found included (null when dropped).</param>
/// <param name="Hash">Its hash.</param>
/// <param name="Receipt">The receipt, when waited for or already there.</param>
/// <param name="Notes">What happened, for the user.</param>
public sealed record ResumeOutcome(JournalEntry Entry, ResumeAction Action, SignedBlobTransaction? Sent, Hash32? Hash, TransactionReceipt? Receipt, IReadOnlyList<string> Notes);

/// <summary>An entry's state on chain.</summary>
/// <param name="Receipt">The receipt of the attempt that was included, if any.</param>
/// <param name="AccountNonce">The sender's nonce at the latest block (null when a receipt made it unnecessary).</param>
/// <param name="Pooled">Attempts the node knows (eth_getTransactionByHash answers) but has not included.</param>
public sealed record ChainState(TransactionReceipt? Receipt, ulong? AccountNonce, IReadOnlyList<Hash32> Pooled)
{
    /// <summary>True when no attempt is included and the sender's nonce is past the entry's.</summary>
    public bool Dropped(JournalEntry entry) => Receipt is null && AccountNonce is { } n && n > entry.Nonce;
}

/// <summary>What identifies a batch in the journal.</summary>
/// <param name="Content">SHA-256 of the batch bytes.</param>
/// <param name="ChainId">The node's chain id.</param>
/// <param name="Genesis">The node's genesis block hash (null when the node does not give block 0).</param>
/// <param name="Sender">The signing account.</param>
public readonly record struct BatchKey(Hash32 Content, ulong ChainId, Hash32? Genesis, Address Sender);

/// <summary>What <see cref="JournaledSubmitter.ResumeIfJournaledAsync"/> found.</summary>
/// <param name="Resumed">The batch was journaled and has been resumed: this is the result (nothing new was signed).</param>
/// <param name="Refused">The batch's entry was refused by the node every time: sign it again under that entry's nonce.</param>
public readonly record struct JournalLookup(SubmissionResult? Resumed, JournalEntry? Refused)
{
    /// <summary>The options to sign with: the refused entry's nonce pinned, so the batch never goes out under a second nonce.</summary>
    public SubmitOptions Pin(SubmitOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Refused is { } entry ? options with { Nonce = entry.Nonce } : options;
    }
}
