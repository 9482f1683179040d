using Blobs.Sidecars;

namespace Blobs.Transactions;

/// <summary>A decoded type-3 transaction: the transaction, its sidecar when the bytes carried one, and the form found.</summary>
/// <param name="Transaction">The transaction (signed when the bytes were a signed payload or network form).</param>
/// <param name="Sidecar">The sidecar of a network form; null for a bare payload.</param>
/// <param name="Form">The form that was detected.</param>
public sealed record DecodedTransaction(BlobTransaction Transaction, BlobSidecar? Sidecar, TransactionForm Form);
