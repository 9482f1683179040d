using System.Numerics;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>
/// Sends blob transactions over JSON-RPC: chain id, pending nonce, fees (base fee, tip,
/// eth_blobBaseFee), gas (eth_estimateGas with the versioned hashes), the network form the fork
/// takes (eth_config; otherwise v1, falling back to v0 on a clear rejection, or the reverse),
/// receipt with a timeout; and replacement of a stuck transaction (same nonce and blobs, every fee
/// at least doubled).
/// </summary>
public sealed class BlobSubmitter
{
    /// <summary>1 gwei: the tip used when the node suggests none.</summary>
    public static readonly BigInteger DefaultTip = 1_000_000_000;

    private readonly ExecutionClient _client;
    private readonly KzgContext? _kzg;

    /// <summary>
    /// Creates a submitter over a node and a KZG context. Without a context (null) only ready sidecars
    /// can be sent, and only in their own form.
    /// </summary>
    public BlobSubmitter(ExecutionClient client, KzgContext? kzg)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _kzg = kzg;
    }

    /// <summary>Builds, signs and sends a transaction carrying <paramref name="blobs"/> to <paramref name="to"/>.</summary>
    public async Task<SubmissionResult> SendAsync(Address to, IReadOnlyList<ReadOnlyMemory<byte>> blobs, ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SubmitOptions();
        var notes = new List<string>();
        var (signed, formKnown) = await PrepareAsync(to, blobs, privateKey, options, notes, ct).ConfigureAwait(false);
        return await SubmitAsync(signed, options, allowFormFallback: !formKnown && _kzg is not null, notes, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// Fills, signs and sends a transaction carrying a ready <paramref name="sidecar"/> (its blobs,
    /// commitments and proofs as they are). When the chain takes the other form the proofs are
    /// recomputed, which needs the KZG context.
    /// </summary>
    public async Task<SubmissionResult> SendAsync(Address to, BlobSidecar sidecar, ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        options ??= new SubmitOptions();
        var notes = new List<string>();
        var (version, known) = await ResolveFormAsync(options, notes, sidecar.Version, ct).ConfigureAwait(false);
        if (version != sidecar.Version)
        {
            options.Status?.Report($"the chain takes {Name(version)} sidecars; recomputing the proofs of {sidecar.Blobs.Count} blob(s)");
            sidecar = SidecarBuilder.Convert(sidecar, version, RequireKzg($"converting the sidecar to {Name(version)}"), options.BlobDone, ct);
        }
        var fields = await FillAsync(to, sidecar.VersionedHashes(), BlobTransactionSigner.AddressOf(privateKey.Span), options, notes, ct).ConfigureAwait(false);
        var signed = BlobTransactionBuilder.Sign(fields, sidecar, privateKey.Span);
        return await SubmitAsync(signed, options, allowFormFallback: !known && _kzg is not null, notes, ct).ConfigureAwait(false);
    }

    /// <summary>Builds and signs (nothing is sent). The flag says whether the form came from the node or the options (true) or is a guess (false).</summary>
    public async Task<(SignedBlobTransaction Signed, bool FormKnown)> PrepareAsync(Address to, IReadOnlyList<ReadOnlyMemory<byte>> blobs, ReadOnlyMemory<byte> privateKey, SubmitOptions options, List<string> notes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var kzg = RequireKzg("computing commitments and proofs");
        var from = BlobTransactionSigner.AddressOf(privateKey.Span);
        var (version, known) = await ResolveFormAsync(options, notes, null, ct).ConfigureAwait(false);
        // Validate the chain before the expensive part (commitments and proofs).
        await CheckChainAsync(options, ct).ConfigureAwait(false);
        options.Status?.Report(version == SidecarVersion.V1
            ? $"computing commitments and cell proofs for {blobs.Count} blob(s)"
            : $"computing commitments and blob proofs for {blobs.Count} blob(s)");
        var sidecar = SidecarBuilder.Build(blobs, version, kzg, options.BlobDone, ct);
        var fields = await FillAsync(to, sidecar.VersionedHashes(), from, options, notes, ct).ConfigureAwait(false);
        return (BlobTransactionBuilder.Sign(fields, sidecar, privateKey.Span), known);
    }

    /// <summary>
    /// The sidecar form to send: the options' choice, else the node's (eth_config), else
    /// <paramref name="fallback"/> or v1 as a guess (FormKnown false, so that a clear rejection is retried in the other form).
    /// </summary>
    public async Task<(SidecarVersion Version, bool FormKnown)> ResolveFormAsync(SubmitOptions options, List<string> notes, SidecarVersion? fallback = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sidecar is { } chosen) return (chosen, true);
        var fromNode = await _client.SidecarVersionAsync(ct).ConfigureAwait(false);
        if (fromNode is { } v) return (v, true);
        var guess = fallback ?? SidecarVersion.V1;
        notes.Add($"the node has no eth_config; trying the {Name(guess)} sidecar first");
        return (guess, false);
    }

    /// <summary>
    /// The transaction fields for the given versioned hashes, with everything the options leave open read
    /// from the node: chain id, pending nonce of <paramref name="from"/>, tip (eth_maxPriorityFeePerGas or 1 gwei),
    /// fee cap (2 × base fee + tip), blob fee cap (2 × eth_blobBaseFee, at least 1 wei) and gas (eth_estimateGas
    /// with the versioned hashes; a safe intrinsic figure when the node refuses to estimate).
    /// </summary>
    public async Task<TransactionFields> FillAsync(Address to, IReadOnlyList<VersionedHash> versionedHashes, Address from, SubmitOptions options, List<string> notes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ulong chainId = await CheckChainAsync(options, ct).ConfigureAwait(false);
        ulong nonce = options.Nonce ?? await _client.PendingNonceAsync(from, ct).ConfigureAwait(false);
        var tip = options.MaxPriorityFeePerGas ?? await _client.MaxPriorityFeeAsync(ct).ConfigureAwait(false) ?? DefaultTip;
        var maxFee = options.MaxFeePerGas ?? 2 * await _client.BaseFeeAsync(ct).ConfigureAwait(false) + tip;
        if (maxFee < tip)
        {
            if (options.MaxFeePerGas is not null && options.MaxPriorityFeePerGas is not null)
                throw new ArgumentException($"max priority fee {tip} exceeds max fee per gas {maxFee}");
            notes.Add($"fee cap raised from {maxFee} to the tip {tip}");
            maxFee = tip;
        }
        var blobFee = options.MaxFeePerBlobGas ?? BigInteger.Max(BigInteger.One, 2 * (await _client.BlobBaseFeeAsync(ct).ConfigureAwait(false) ?? BigInteger.One));
        if (blobFee.Sign <= 0) throw new ArgumentException("max fee per blob gas must be at least 1 wei");

        var fields = new TransactionFields
        {
            ChainId = chainId,
            Nonce = nonce,
            MaxPriorityFeePerGas = tip,
            MaxFeePerGas = maxFee,
            To = to,
            Value = options.Value,
            Data = options.Data,
            AccessList = options.AccessList,
            MaxFeePerBlobGas = blobFee,
            GasLimit = 0,
        };
        ulong gas = options.GasLimit ?? 0;
        if (options.GasLimit is null)
        {
            try { gas = await _client.EstimateGasAsync(from, fields, versionedHashes, ct).ConfigureAwait(false); }
            catch (RpcException e) when (e.IsNodeError)
            {
                gas = SafeGasDefault(fields);
                notes.Add($"eth_estimateGas refused ({e.Message}); using {gas} gas");
            }
        }
        return fields with { GasLimit = gas };
    }

    private async Task<ulong> CheckChainAsync(SubmitOptions options, CancellationToken ct)
    {
        ulong chainId = await _client.ChainIdAsync(ct).ConfigureAwait(false);
        if (options.ExpectedChainId is { } expected && expected != chainId)
            throw new InvalidOperationException($"the node at {_client.Rpc.DisplayUrl} is on chain {chainId}, not the expected {expected}");
        return chainId;
    }

    private KzgContext RequireKzg(string what) =>
        _kzg ?? throw new InvalidOperationException($"{what} needs a KZG backend; this submitter was created without one");

    /// <summary>
    /// Sends a signed transaction. With <paramref name="allowFormFallback"/>, a rejection that is not
    /// about nonce, fees or funds is retried once in the other sidecar form.
    /// </summary>
    public async Task<SubmissionResult> SubmitAsync(SignedBlobTransaction signed, SubmitOptions options, bool allowFormFallback, List<string> notes, CancellationToken ct = default)
    {
        Hash32 hash;
        try
        {
            hash = await SendRawAsync(signed, options, ct).ConfigureAwait(false);
        }
        catch (RpcException first) when (allowFormFallback && first.IsNodeError && !IsAboutNonceOrFees(first.Message))
        {
            var other = signed.Sidecar.Version == SidecarVersion.V1 ? SidecarVersion.V0 : SidecarVersion.V1;
            notes.Add($"the node refused the {Name(signed.Sidecar.Version)} sidecar ({first.Message}); retrying with {Name(other)}");
            options.Status?.Report($"node refused the {Name(signed.Sidecar.Version)} sidecar; recomputing proofs as {Name(other)}");
            var sidecar = SidecarBuilder.Convert(signed.Sidecar, other, RequireKzg("retrying in the other sidecar form"), options.BlobDone, ct);
            signed = signed with { Sidecar = sidecar };
            try { hash = await SendRawAsync(signed, options, ct).ConfigureAwait(false); }
            catch (RpcException second) when (second.IsNodeError)
            {
                throw new RpcException($"the node refused both sidecar forms: v{(int)other}: {second.Message}; before that: {first.Message}", second.Endpoint, second.Method, second.Code, second);
            }
        }
        var local = signed.Transaction.Hash();
        if (hash != local) notes.Add($"the node reported hash {hash}, ours is {local}");
        TransactionReceipt? receipt = null;
        if (options.WaitForReceipt)
        {
            options.Status?.Report($"waiting for {hash} to be included");
            receipt = await _client.WaitForReceiptAsync(hash, options.ReceiptTimeout, null, ct).ConfigureAwait(false);
        }
        return new SubmissionResult(signed, hash, receipt, notes);
    }

    /// <summary>
    /// Replaces a pending transaction: same nonce, same blobs (same sidecar), every fee field at least
    /// doubled (tip, fee cap, blob fee cap — what geth's blobpool and Nethermind require), and not
    /// below what the options ask for.
    /// </summary>
    public async Task<SubmissionResult> ReplaceAsync(SignedBlobTransaction pending, ReadOnlyMemory<byte> privateKey, SubmitOptions? options = null, CancellationToken ct = default)
    {
        options ??= new SubmitOptions();
        var fields = BumpFees(BlobTransactionBuilder.FieldsOf(pending.Transaction), options);
        var replacement = BlobTransactionBuilder.Sign(fields, pending.Sidecar, privateKey.Span);
        options.Status?.Report($"replacing nonce {fields.Nonce}: tip {fields.MaxPriorityFeePerGas}, fee cap {fields.MaxFeePerGas}, blob fee cap {fields.MaxFeePerBlobGas}");
        return await SubmitAsync(replacement, options, allowFormFallback: false, [], ct).ConfigureAwait(false);
    }

    /// <summary>The fields with every fee at least doubled (and at least the explicit fees of <paramref name="options"/>).</summary>
    public static TransactionFields BumpFees(TransactionFields fields, SubmitOptions? options = null)
    {
        var tip = BigInteger.Max(BigInteger.Max(fields.MaxPriorityFeePerGas * 2, BigInteger.One), options?.MaxPriorityFeePerGas ?? 0);
        var maxFee = BigInteger.Max(BigInteger.Max(fields.MaxFeePerGas * 2, tip), options?.MaxFeePerGas ?? 0);
        var blobFee = BigInteger.Max(BigInteger.Max(fields.MaxFeePerBlobGas * 2, BigInteger.One), options?.MaxFeePerBlobGas ?? 0);
        return fields with { MaxPriorityFeePerGas = tip, MaxFeePerGas = maxFee, MaxFeePerBlobGas = blobFee };
    }

    private async Task<Hash32> SendRawAsync(SignedBlobTransaction signed, SubmitOptions options, CancellationToken ct)
    {
        options.Status?.Report($"sending {signed.Transaction.Hash()} ({Name(signed.Sidecar.Version)} sidecar, {signed.Sidecar.Blobs.Count} blob(s))");
        return await _client.SendRawTransactionAsync(signed.NetworkEncoding(), ct).ConfigureAwait(false);
    }

    private static string Name(SidecarVersion v) => v == SidecarVersion.V1 ? "v1 (cell proofs)" : "v0 (blob proofs)";

    private static bool IsAboutNonceOrFees(string message)
    {
        var m = message.ToLowerInvariant();
        return m.Contains("nonce") || m.Contains("underpriced") || m.Contains("insufficient") || m.Contains("fee cap") || m.Contains("already known")
            || m.Contains("max fee per blob gas") || m.Contains("blob gas fee") || m.Contains("gas limit") || m.Contains("intrinsic") || m.Contains("replacement");
    }

    /// <summary>A gas limit that covers a blob transaction's intrinsic cost without estimation (plus 100000 when there is calldata to execute).</summary>
    public static ulong SafeGasDefault(TransactionFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var data = fields.Data.Span;
        return Math.Max(IntrinsicGas.Of(data, fields.AccessList), IntrinsicGas.Floor(data)) + (data.Length > 0 ? 100_000UL : 0UL);
    }
}
