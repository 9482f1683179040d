using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Journal;

/// <summary>
/// The journal's record of one batch on one chain from one sender: which batch (sha256 of its bytes), which chain
/// (chain id and genesis hash), which sender and nonce, where it stands, and every signed attempt (the replacement
/// chain). Stored as <c>entry.json</c> in the entry's folder, next to the signed network form of each attempt.
/// Immutable: the <c>With…</c> methods return updated copies.
/// </summary>
public sealed record JournalEntry
{
    /// <summary>The format version written in <c>entry.json</c>.</summary>
    public const int FormatVersion = 1;

    /// <summary>The entry's folder name: derived from content hash, chain, genesis and sender.</summary>
    public required string Id { get; init; }
    /// <summary>sha256 of the batch bytes.</summary>
    public required Hash32 ContentHash { get; init; }
    /// <summary>The chain id the transaction is signed for.</summary>
    public required ulong ChainId { get; init; }
    /// <summary>The hash of the chain's block 0, telling apart two chains with one id (a devnet restarted); null when the node did not say.</summary>
    public Hash32? GenesisHash { get; init; }
    /// <summary>The sender (signer).</summary>
    public required Address Sender { get; init; }
    /// <summary>The recipient.</summary>
    public required Address To { get; init; }
    /// <summary>The nonce every attempt uses: the batch never goes out under another.</summary>
    public required ulong Nonce { get; init; }
    /// <summary>Where the batch stands.</summary>
    public required JournalStatus Status { get; init; }
    /// <summary>The codec that made the blobs (informational).</summary>
    public string? Codec { get; init; }
    /// <summary>The batch size in bytes.</summary>
    public long Bytes { get; init; }
    /// <summary>The number of blobs.</summary>
    public int Blobs { get; init; }
    /// <summary>When the entry was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the entry last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The including block's number, once included.</summary>
    public ulong? BlockNumber { get; init; }
    /// <summary>The including block's hash, once included.</summary>
    public Hash32? BlockHash { get; init; }
    /// <summary>The attempt that was included, once included.</summary>
    public Hash32? IncludedTx { get; init; }
    /// <summary>The signed attempts, oldest first (the replacement chain).</summary>
    public required IReadOnlyList<JournalAttempt> Attempts { get; init; }

    /// <summary>The latest attempt (the one with the highest fees).</summary>
    public JournalAttempt Latest => Attempts[^1];

    /// <summary>sha256 of the batch bytes, as the journal keys batches.</summary>
    public static Hash32 HashContent(ReadOnlySpan<byte> batch) => Hash32.FromBytes(SHA256.HashData(batch));

    /// <summary>The entry id for a batch on a chain from a sender under a nonce.</summary>
    public static string IdFor(Hash32 content, ulong chainId, Hash32? genesis, Address sender, ulong nonce)
    {
        var text = $"blobs-journal-v1|{content}|{chainId}|{genesis?.ToString() ?? "-"}|{sender}|{nonce}".ToLowerInvariant();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..24];
    }

    /// <summary>A new entry for <paramref name="signed"/>, status Prepared.</summary>
    public static JournalEntry Create(Hash32 content, ulong chainId, Hash32? genesis, SignedBlobTransaction signed, string? codec, long bytes, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var tx = signed.Transaction;
        var sender = tx.Sender();
        if (tx.ChainId != chainId) throw new ArgumentException($"the transaction is signed for chain {tx.ChainId}, the journal entry is for chain {chainId}");
        return new JournalEntry
        {
            Id = IdFor(content, chainId, genesis, sender, tx.Nonce),
            ContentHash = content,
            ChainId = chainId,
            GenesisHash = genesis,
            Sender = sender,
            To = tx.To,
            Nonce = tx.Nonce,
            Status = JournalStatus.Prepared,
            Codec = codec,
            Bytes = bytes,
            Blobs = signed.Sidecar.Blobs.Count,
            CreatedAt = now,
            UpdatedAt = now,
            Attempts = [JournalAttempt.Of(signed, now)],
        };
    }

    /// <summary>True when this entry is the given batch on the given chain from the given sender.</summary>
    public bool Matches(Hash32 content, ulong chainId, Hash32? genesis, Address sender) =>
        ContentHash == content && ChainId == chainId && Sender == sender && Nullable.Equals(GenesisHash, genesis);

    /// <summary>The attempt with hash <paramref name="txHash"/>, or null.</summary>
    public JournalAttempt? Attempt(Hash32 txHash) => Attempts.FirstOrDefault(a => a.TxHash == txHash);

    /// <summary>A copy with attempt <paramref name="txHash"/> replaced by <paramref name="update"/>(attempt).</summary>
    public JournalEntry WithAttempt(Hash32 txHash, Func<JournalAttempt, JournalAttempt> update, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (Attempt(txHash) is null) throw new ArgumentException($"journal entry {Id} has no attempt {txHash}");
        return this with { Attempts = Attempts.Select(a => a.TxHash == txHash ? update(a) : a).ToArray(), UpdatedAt = now };
    }

    /// <summary>A copy where attempt <paramref name="txHash"/> was accepted by a node (and the entry is Submitted); its first acceptance time is kept.</summary>
    public JournalEntry WithSubmitted(Hash32 txHash, SidecarVersion form, DateTimeOffset now) =>
        WithAttempt(txHash, a => a with { Status = JournalStatus.Submitted, Form = form, SentAt = a.SentAt ?? now, Error = null }, now) with { Status = JournalStatus.Submitted };

    /// <summary>
    /// True when no node ever took any attempt of this entry: every attempt was refused by a node and none was accepted.
    /// Nothing of it can be pending anywhere, so the batch may be signed again — under the same nonce.
    /// </summary>
    public bool WasRefused => Status == JournalStatus.Prepared && Attempts.All(a => a.Refused && a.SentAt is null);

    /// <summary>
    /// A copy with a new attempt under the same nonce appended (a replacement with every fee at least doubled, or a
    /// re-signing after every earlier attempt was refused): earlier attempts become Replaced, the new one is Prepared.
    /// </summary>
    public JournalEntry WithReplacement(SignedBlobTransaction replacement, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        if (replacement.Transaction.Nonce != Nonce) throw new ArgumentException($"a replacement must keep nonce {Nonce}, not {replacement.Transaction.Nonce}");
        var earlier = Attempts.Select(a => a.Status is JournalStatus.Included ? a : a with { Status = JournalStatus.Replaced });
        return this with { Attempts = [.. earlier, JournalAttempt.Of(replacement, now)], Status = JournalStatus.Prepared, UpdatedAt = now };
    }

    /// <summary>A copy marked Included by <paramref name="receipt"/>.</summary>
    public JournalEntry WithIncluded(TransactionReceipt receipt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var withAttempt = Attempt(receipt.TransactionHash) is null ? this
            : WithAttempt(receipt.TransactionHash, a => a with { Status = JournalStatus.Included, Error = null }, now);
        return withAttempt with
        {
            Status = JournalStatus.Included, BlockNumber = receipt.BlockNumber, BlockHash = receipt.BlockHash,
            IncludedTx = receipt.TransactionHash, UpdatedAt = now,
        };
    }

    // ---- JSON --------------------------------------------------------------------------------------

    /// <summary>The <c>entry.json</c> text.</summary>
    public string ToJson()
    {
        var o = new JsonObject
        {
            ["version"] = FormatVersion,
            ["id"] = Id,
            ["contentHash"] = ContentHash.ToString(),
            ["chainId"] = ChainId,
            ["genesisHash"] = GenesisHash?.ToString(),
            ["sender"] = Sender.ToString(),
            ["to"] = To.ToString(),
            ["nonce"] = Nonce,
            ["status"] = Name(Status),
            ["codec"] = Codec,
            ["bytes"] = Bytes,
            ["blobs"] = Blobs,
            ["createdAt"] = CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["updatedAt"] = UpdatedAt.ToString("O", CultureInfo.InvariantCulture),
            ["blockNumber"] = BlockNumber,
            ["blockHash"] = BlockHash?.ToString(),
            ["includedTx"] = IncludedTx?.ToString(),
            ["attempts"] = new JsonArray(Attempts.Select(a => (JsonNode)new JsonObject
            {
                ["txHash"] = a.TxHash.ToString(),
                ["form"] = a.Form == SidecarVersion.V1 ? "v1" : "v0",
                ["maxPriorityFeePerGas"] = a.MaxPriorityFeePerGas.ToString(CultureInfo.InvariantCulture),
                ["maxFeePerGas"] = a.MaxFeePerGas.ToString(CultureInfo.InvariantCulture),
                ["maxFeePerBlobGas"] = a.MaxFeePerBlobGas.ToString(CultureInfo.InvariantCulture),
                ["status"] = Name(a.Status),
                ["createdAt"] = a.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
                ["sentAt"] = a.SentAt?.ToString("O", CultureInfo.InvariantCulture),
                ["error"] = a.Error,
                ["refused"] = a.Refused,
            }).ToArray()),
        };
        return o.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>The lower-case name of a status as the journal writes it.</summary>
    public static string Name(JournalStatus status) => status.ToString().ToLowerInvariant();

    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Parses <c>entry.json</c>; throws <see cref="JournalFormatException"/> naming the field that is missing or malformed.</summary>
    public static JournalEntry Parse(ReadOnlySpan<byte> json)
    {
        string text;
        try { text = s_strictUtf8.GetString(json); }
        catch (DecoderFallbackException e) { throw new JournalFormatException($"journal entry: not UTF-8 text (byte {e.Index})", e); }
        JsonNode? root;
        try { root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException e) { throw new JournalFormatException($"journal entry: not JSON ({e.Message})", e); }
        if (root is not JsonObject o) throw new JournalFormatException("journal entry: not a JSON object");
        try { return Parse(o); }
        // JsonNode reports a repeated key (ArgumentException) or a lone UTF-16 surrogate in a string (InvalidOperationException) only on access.
        catch (ArgumentException e) { throw new JournalFormatException($"journal entry: malformed object ({e.Message})", e); }
        catch (InvalidOperationException e) { throw new JournalFormatException($"journal entry: malformed value ({e.Message})", e); }
    }

    private static JournalEntry Parse(JsonObject o)
    {
        int version = (int)U64(o, "version");
        if (version != FormatVersion) throw new JournalFormatException($"journal entry: format version {version}, this build reads {FormatVersion}");
        if (o["attempts"] is not JsonArray attempts || attempts.Count == 0)
            throw new JournalFormatException("journal entry: 'attempts' must be a non-empty array");
        var list = new List<JournalAttempt>();
        for (int i = 0; i < attempts.Count; i++)
        {
            if (attempts[i] is not JsonObject a) throw new JournalFormatException($"journal entry: attempts[{i}] is not an object");
            string at = $"attempts[{i}]";
            list.Add(new JournalAttempt(
                Hash(a, "txHash", at),
                Str(a, "form", at) switch { "v0" => SidecarVersion.V0, "v1" => SidecarVersion.V1, var f => throw new JournalFormatException($"journal entry: {at}.form '{f}' is not v0 or v1") },
                Wei(a, "maxPriorityFeePerGas", at), Wei(a, "maxFeePerGas", at), Wei(a, "maxFeePerBlobGas", at),
                ParseStatus(a, at), Time(a, "createdAt", at), OptTime(a, "sentAt", at), OptStr(a, "error", at), OptBool(a, "refused", at)));
        }
        var entry = new JournalEntry
        {
            Id = Str(o, "id"),
            ContentHash = Hash(o, "contentHash"),
            ChainId = U64(o, "chainId"),
            GenesisHash = o["genesisHash"] is null ? null : Hash(o, "genesisHash"),
            Sender = Addr(o, "sender"),
            To = Addr(o, "to"),
            Nonce = U64(o, "nonce"),
            Status = ParseStatus(o, null),
            Codec = OptStr(o, "codec", null),
            Bytes = o["bytes"] is null ? 0 : (long)U64(o, "bytes"),
            Blobs = o["blobs"] is null ? 0 : (int)Math.Min(U64(o, "blobs"), int.MaxValue),
            CreatedAt = Time(o, "createdAt", null),
            UpdatedAt = Time(o, "updatedAt", null),
            BlockNumber = o["blockNumber"] is null ? null : U64(o, "blockNumber"),
            BlockHash = o["blockHash"] is null ? null : Hash(o, "blockHash"),
            IncludedTx = o["includedTx"] is null ? null : Hash(o, "includedTx"),
            Attempts = list,
        };
        if (entry.Id.Length == 0 || !entry.Id.All(char.IsAsciiHexDigitLower))
            throw new JournalFormatException($"journal entry: id '{Trim(entry.Id)}' is not lower-case hex");
        return entry;
    }

    private static string Where(string? at, string name) => at is null ? name : $"{at}.{name}";

    private static string Trim(string s) => s.Length <= 80 ? s : s[..80] + "…";

    private static string Str(JsonObject o, string name, string? at = null)
    {
        if (o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
        throw new JournalFormatException($"journal entry: {Where(at, name)} is missing or not a string");
    }

    private static string? OptStr(JsonObject o, string name, string? at) => o[name] is null ? null : Str(o, name, at);

    private static bool OptBool(JsonObject o, string name, string? at)
    {
        if (o[name] is null) return false;
        if (o[name] is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
        throw new JournalFormatException($"journal entry: {Where(at, name)} is not true or false");
    }

    private static ulong U64(JsonObject o, string name, string? at = null)
    {
        if (o[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<ulong>(out var n)) return n;
        throw new JournalFormatException($"journal entry: {Where(at, name)} is missing or not an unsigned 64-bit number");
    }

    private static Hash32 Hash(JsonObject o, string name, string? at = null)
    {
        var s = Str(o, name, at);
        try { return Hash32.Parse(s); }
        catch (ArgumentException) { throw new JournalFormatException($"journal entry: {Where(at, name)} '{Trim(s)}' is not a 32-byte hash"); }
    }

    private static Address Addr(JsonObject o, string name) =>
        Address.TryParse(Str(o, name), out var a) ? a : throw new JournalFormatException($"journal entry: {name} '{Trim(Str(o, name))}' is not a 20-byte address");

    private static BigInteger Wei(JsonObject o, string name, string at)
    {
        var s = Str(o, name, at);
        if (s.Length is > 0 and <= 78 && s.All(char.IsAsciiDigit)) return BigInteger.Parse(s, CultureInfo.InvariantCulture);
        throw new JournalFormatException($"journal entry: {at}.{name} '{Trim(s)}' is not an amount in wei");
    }

    private static JournalStatus ParseStatus(JsonObject o, string? at)
    {
        var s = Str(o, "status", at);
        foreach (var v in Enum.GetValues<JournalStatus>())
            if (Name(v) == s) return v;
        throw new JournalFormatException($"journal entry: {Where(at, "status")} '{Trim(s)}' is not one of prepared, submitted, replaced, included, dropped");
    }

    private static DateTimeOffset Time(JsonObject o, string name, string? at)
    {
        var s = Str(o, name, at);
        return DateTimeOffset.TryParseExact(s, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t
            : throw new JournalFormatException($"journal entry: {Where(at, name)} '{Trim(s)}' is not an ISO 8601 round-trip time");
    }

    private static DateTimeOffset? OptTime(JsonObject o, string name, string at) => o[name] is null ? null : Time(o, name, at);
}
