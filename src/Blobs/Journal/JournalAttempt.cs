using System.Numerics;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Journal;

/// <summary>
/// One signed transaction of a journaled batch. The first attempt is the original; each replacement (same nonce, same
/// blobs, every fee at least doubled) is appended, so the attempts are the replacement chain in order. The signed
/// network form itself is kept beside the entry (<see cref="BatchJournal.LoadTransaction"/>).
/// </summary>
/// <param name="TxHash">The transaction hash (the same in every sidecar form).</param>
/// <param name="Form">The sidecar form stored (and last sent).</param>
/// <param name="MaxPriorityFeePerGas">Tip, wei.</param>
/// <param name="MaxFeePerGas">Fee cap, wei.</param>
/// <param name="MaxFeePerBlobGas">Blob fee cap, wei.</param>
/// <param name="Status">Prepared, Submitted, Replaced or Included.</param>
/// <param name="CreatedAt">When it was signed and journaled.</param>
/// <param name="SentAt">When a node first accepted it (null while only prepared): how long it has waited is measured from here, re-broadcasts do not reset it.</param>
/// <param name="Error">The last error a node or the transport gave for it, if any.</param>
/// <param name="Refused">True when a node answered eth_sendRawTransaction with an error (it did not take the bytes), as opposed to a transport failure after which they may be in its pool.</param>
public sealed record JournalAttempt(
    Hash32 TxHash,
    SidecarVersion Form,
    BigInteger MaxPriorityFeePerGas,
    BigInteger MaxFeePerGas,
    BigInteger MaxFeePerBlobGas,
    JournalStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? SentAt,
    string? Error,
    bool Refused = false)
{
    /// <summary>The attempt for a signed transaction, status Prepared.</summary>
    public static JournalAttempt Of(SignedBlobTransaction signed, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(signed);
        var tx = signed.Transaction;
        return new JournalAttempt(tx.Hash(), signed.Sidecar.Version, tx.MaxPriorityFeePerGas, tx.MaxFeePerGas, tx.MaxFeePerBlobGas,
            JournalStatus.Prepared, now, null, null);
    }
}
