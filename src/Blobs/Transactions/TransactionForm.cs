namespace Blobs.Transactions;

/// <summary>How a type-3 transaction was (or is to be) encoded.</summary>
public enum TransactionForm
{
    /// <summary>The payload alone: 0x03 ‖ rlp([14 fields]) (what blocks hold and the tx hash covers).</summary>
    Payload,
    /// <summary>Network form v0: 0x03 ‖ rlp([payload_body, blobs, commitments, proofs]).</summary>
    NetworkV0,
    /// <summary>Network form v1: 0x03 ‖ rlp([payload_body, 1, blobs, commitments, cell_proofs]).</summary>
    NetworkV1,
}
