namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// The deduplication step of verify_cell_kzg_proof_batch: the distinct commitments, in order of first
    /// appearance (as c-kzg orders them; the spec's set order does not change the outcome), and for every
    /// cell the index of its commitment among them.
    /// </summary>
    public static (KzgCommitment[] Unique, ulong[] Indices) DeduplicateCommitments(ReadOnlySpan<KzgCommitment> commitments)
    {
        var unique = new List<KzgCommitment>();
        var positions = new Dictionary<KzgCommitment, int>();
        var indices = new ulong[commitments.Length];
        for (int k = 0; k < commitments.Length; k++)
        {
            if (!positions.TryGetValue(commitments[k], out int at))
            {
                at = unique.Count;
                positions.Add(commitments[k], at);
                unique.Add(commitments[k]);
            }
            indices[k] = (ulong)at;
        }
        return (unique.ToArray(), indices);
    }
}
