using Blobs.Kzg.Managed.Eip7594;

namespace Blobs.Kzg.Managed;

/// <summary>
/// The fulu EIP-7594 cell functions of the managed backend (polynomial-commitments-sampling.md), implemented in
/// <see cref="CellKzg"/>: FFTs over Fr for cells and recovery, FK20 over fixed-base tables (22.8 MB, built on the
/// first cell proof) for the 128 cell proofs, the universal verification equation for batches of cells.
/// <see cref="ManagedKzgOptions.MaxDegreeOfParallelism"/> also bounds the threads of one cell call.
/// </summary>
public sealed partial class ManagedKzgBackend
{
    private CellKzgSettings _cells = null!;

    /// <summary>The per-backend state of the cell functions (FK20 tables, setup points), built lazily.</summary>
    internal CellKzgSettings CellSettings => _cells;

    /// <summary>How long building the FK20 tables took (zero until the first cell proof built them).</summary>
    public TimeSpan CellTableBuildTime => _cells.HasFk20Tables ? _cells.Fk20Tables.BuildTime : TimeSpan.Zero;

    /// <summary>Bytes held by the FK20 tables once built.</summary>
    public long CellTableBytes => Fk20Tables.Bytes;

    /// <summary>Builds the FK20 tables now (otherwise the first compute_cells_and_kzg_proofs or recovery does).</summary>
    public void PrecomputeCells() => _ = _cells.Fk20Tables;

    partial void InitializeCells() => _cells = new CellKzgSettings(Setup, Options.MaxDegreeOfParallelism);

    static partial void CellsComplete(ref bool complete) => complete = true;

    /// <inheritdoc />
    public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells) => CellKzg.ComputeCells(blob, cells);

    /// <inheritdoc />
    public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs) =>
        CellKzg.ComputeCellsAndKzgProofs(_cells, blob, cells, proofs);

    /// <inheritdoc />
    public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs) =>
        CellKzg.RecoverCellsAndKzgProofs(_cells, cellIndices, cells, recoveredCells, recoveredProofs);

    /// <inheritdoc />
    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        CellKzg.VerifyCellKzgProofBatch(_cells, commitments, cellIndices, cells, proofs);

    /// <inheritdoc />
    public FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        Span<byte> bytes = stackalloc byte[KzgConstants.BytesPerFieldElement];
        CellKzg.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs).ToBytesBigEndian(bytes);
        return FieldElement.FromBytes(bytes, "challenge");
    }
}
