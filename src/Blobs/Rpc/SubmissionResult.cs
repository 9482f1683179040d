using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Rpc;

/// <summary>What happened to a submitted blob transaction.</summary>
/// <param name="Sent">The signed transaction and sidecar that the node accepted.</param>
/// <param name="Hash">The transaction hash.</param>
/// <param name="Receipt">The receipt, when waited for.</param>
/// <param name="Notes">Things worth telling the user (fallbacks taken, estimates refused…).</param>
public sealed record SubmissionResult(SignedBlobTransaction Sent, Hash32 Hash, TransactionReceipt? Receipt, IReadOnlyList<string> Notes)
{
    /// <summary>The sidecar form that was sent.</summary>
    public SidecarVersion Form => Sent.Sidecar.Version;
}
