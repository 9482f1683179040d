namespace Blobs.Kzg.Managed;

// Placeholder for the EIP-7594 cell functions. The cells work (branch `cells`) replaces this file; the
// replacement implements the five methods below and, once they are all managed, the hook
//     static partial void CellsComplete(ref bool complete) => complete = true;
// which makes KzgBackendKind.Auto choose the managed backend (see KzgBackends.CreateDefault). It may also
// implement `partial void InitializeCells()` to set up per-backend state.
public sealed partial class ManagedKzgBackend
{
    private NotSupportedException CellsMissing(string function) =>
        new($"the managed backend does not implement {function} yet (EIP-7594 cell functions)");

    /// <inheritdoc />
    public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells) => throw CellsMissing("compute_cells");

    /// <inheritdoc />
    public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs) =>
        throw CellsMissing("compute_cells_and_kzg_proofs");

    /// <inheritdoc />
    public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs) =>
        throw CellsMissing("recover_cells_and_kzg_proofs");

    /// <inheritdoc />
    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        throw CellsMissing("verify_cell_kzg_proof_batch");

    /// <inheritdoc />
    public FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        throw CellsMissing("compute_verify_cell_kzg_proof_batch_challenge");
}
