using Blobs.Kzg.Managed.Eip7594;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// A KZG context whose backend runs the managed cell functions (and refuses the EIP-4844 ones with
/// <see cref="NotSupportedException"/>), so the cell code is tested through <see cref="KzgContext"/>'s
/// validation before the complete managed backend is assembled.
/// </summary>
internal static class ManagedCells
{
    private static readonly Lazy<CellKzgSettings> s_settings = new(() => new CellKzgSettings(TrustedSetup.Mainnet));
    private static readonly Lazy<KzgContext> s_context = new(() => new KzgContext(new ManagedCellsBackendForTests(s_settings.Value)));

    public static CellKzgSettings Settings => s_settings.Value;

    public static KzgContext Context => s_context.Value;
}

/// <summary>The cell half of a managed backend (the EIP-4844 functions throw <see cref="NotSupportedException"/>).</summary>
internal sealed class ManagedCellsBackendForTests(CellKzgSettings settings) : IKzgBackend
{
    public string Name => "managed-cells";

    public CellKzgSettings Settings => settings;

    public KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob) => throw Missing();
    public (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z) => throw Missing();
    public KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment) => throw Missing();
    public bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof) => throw Missing();
    public bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof) => throw Missing();
    public bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs) => throw Missing();

    public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells) => CellKzg.ComputeCells(blob, cells);

    public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs) =>
        CellKzg.ComputeCellsAndKzgProofs(settings, blob, cells, proofs);

    public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs) =>
        CellKzg.RecoverCellsAndKzgProofs(settings, cellIndices, cells, recoveredCells, recoveredProofs);

    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        CellKzg.VerifyCellKzgProofBatch(settings, commitments, cellIndices, cells, proofs);

    public FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        FieldElement.FromBytes(CellKzg.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs).ToBytesBigEndian());

    public void Dispose() { }

    private NotSupportedException Missing() => new($"{Name} implements only the EIP-7594 cell functions");
}
