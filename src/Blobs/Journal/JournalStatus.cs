namespace Blobs.Journal;

/// <summary>Where a journaled batch (or one signed attempt of it) stands.</summary>
public enum JournalStatus
{
    /// <summary>Signed and written to the journal; not yet accepted by a node (a crash here leaves it to be re-broadcast).</summary>
    Prepared,
    /// <summary>A node accepted it (eth_sendRawTransaction answered, or said it already knows it).</summary>
    Submitted,
    /// <summary>An attempt superseded by a replacement with the same nonce and at least doubled fees.</summary>
    Replaced,
    /// <summary>A receipt exists: the batch is on chain (in the block the entry names).</summary>
    Included,
    /// <summary>
    /// None of its attempts was included and the sender's nonce moved past the entry's: another transaction used the
    /// nonce. Nothing of this entry can ever be included; the batch may be sent again as a new entry.
    /// </summary>
    Dropped,
}
