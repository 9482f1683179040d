namespace Blobs.Kzg;

/// <summary>
/// The KZG library entry point: the EIP-4844 and EIP-7594 functions of the consensus specs over one
/// trusted setup and one backend. Thread-safe: one instance may serve any number of threads.
/// Invalid input throws <see cref="KzgInputException"/> with a message naming the problem; a proof
/// that does not verify makes a verify function return <c>false</c>.
/// </summary>
public sealed partial class KzgContext : IDisposable
{
    private static readonly Lazy<KzgContext> s_default = new(() => new KzgContext(KzgBackends.CreateDefault()));

    /// <summary>Creates a context over a backend (the context owns and disposes it).</summary>
    public KzgContext(IKzgBackend backend) => Backend = backend ?? throw new ArgumentNullException(nameof(backend));

    /// <summary>The process-wide default context over the mainnet trusted setup.</summary>
    public static KzgContext Default => s_default.Value;

    /// <summary>The backend behind this context.</summary>
    public IKzgBackend Backend { get; }

    /// <summary>blob_to_kzg_commitment.</summary>
    public KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob)
    {
        KzgValidation.CheckBlob(blob, "blob");
        return Backend.BlobToKzgCommitment(blob);
    }

    /// <summary>compute_kzg_proof: the proof for p(z) and the value y = p(z).</summary>
    public (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z)
    {
        KzgValidation.CheckBlob(blob, "blob");
        return Backend.ComputeKzgProof(blob, z);
    }

    /// <summary>compute_blob_kzg_proof.</summary>
    public KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment)
    {
        KzgValidation.CheckBlob(blob, "blob");
        return Backend.ComputeBlobKzgProof(blob, commitment);
    }

    /// <summary>verify_kzg_proof.</summary>
    public bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof) =>
        Backend.VerifyKzgProof(commitment, z, y, proof);

    /// <summary>verify_blob_kzg_proof.</summary>
    public bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof)
    {
        KzgValidation.CheckBlob(blob, "blob");
        return Backend.VerifyBlobKzgProof(blob, commitment, proof);
    }

    /// <summary>verify_blob_kzg_proof_batch; <paramref name="blobs"/> is n blobs back to back.</summary>
    public bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs)
    {
        if (blobs.Length % KzgConstants.BytesPerBlob != 0)
            throw new KzgInputException($"blobs: length {blobs.Length} is not a multiple of {KzgConstants.BytesPerBlob}");
        int n = blobs.Length / KzgConstants.BytesPerBlob;
        if (commitments.Length != n || proofs.Length != n)
            throw new KzgInputException($"batch: {n} blobs, {commitments.Length} commitments, {proofs.Length} proofs; counts must match");
        for (int i = 0; i < n; i++)
            KzgValidation.CheckBlob(blobs.Slice(i * KzgConstants.BytesPerBlob, KzgConstants.BytesPerBlob), $"blob {i}");
        if (n == 0) return true;
        return Backend.VerifyBlobKzgProofBatch(blobs, commitments, proofs);
    }

    /// <summary>compute_cells: the 128 cells of the extended blob, 2048 bytes each, into <paramref name="cells"/> (262144 bytes).</summary>
    public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells)
    {
        KzgValidation.CheckBlob(blob, "blob");
        KzgValidation.CheckOutput(cells.Length, KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell, "cells");
        Backend.ComputeCells(blob, cells);
    }

    /// <summary>compute_cells_and_kzg_proofs: 128 cells (262144 bytes) and 128 cell proofs.</summary>
    public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs)
    {
        KzgValidation.CheckBlob(blob, "blob");
        KzgValidation.CheckOutput(cells.Length, KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell, "cells");
        KzgValidation.CheckOutput(proofs.Length, KzgConstants.CellsPerExtBlob, "proofs");
        Backend.ComputeCellsAndKzgProofs(blob, cells, proofs);
    }

    /// <summary>
    /// recover_cells_and_kzg_proofs: from at least 64 distinct cells (indices &lt; 128 in ascending
    /// order, as the spec requires) recovers all 128 cells and their proofs.
    /// </summary>
    public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs)
    {
        KzgValidation.CheckRecoveryInput(cellIndices, cells);
        KzgValidation.CheckOutput(recoveredCells.Length, KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell, "recovered cells");
        KzgValidation.CheckOutput(recoveredProofs.Length, KzgConstants.CellsPerExtBlob, "recovered proofs");
        Backend.RecoverCellsAndKzgProofs(cellIndices, cells, recoveredCells, recoveredProofs);
    }

    /// <summary>verify_cell_kzg_proof_batch: cell i is at index cellIndices[i] of the blob committed to by commitments[i].</summary>
    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        KzgValidation.CheckCellBatch(commitments.Length, cellIndices, cells, proofs.Length);
        if (cellIndices.Length == 0) return true;
        return Backend.VerifyCellKzgProofBatch(commitments, cellIndices, cells, proofs);
    }

    /// <summary>
    /// compute_challenge (deneb): the Fiat–Shamir evaluation point of verify_blob_kzg_proof for a blob
    /// and its commitment. Exposed for tests against the official vectors and between backends.
    /// </summary>
    public FieldElement ComputeChallenge(ReadOnlySpan<byte> blob, in KzgCommitment commitment)
    {
        KzgValidation.CheckBlob(blob, "blob");
        return Backend.ComputeChallenge(blob, commitment);
    }

    /// <summary>
    /// compute_verify_cell_kzg_proof_batch_challenge (fulu): the scalar whose powers weight the cells in
    /// verify_cell_kzg_proof_batch. <paramref name="commitments"/> are the distinct commitments and
    /// <paramref name="commitmentIndices"/>[i] &lt; commitments.Length picks the commitment of cell i.
    /// </summary>
    public FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        if (commitmentIndices.Length != cellIndices.Length)
            throw new KzgInputException($"cell batch: {commitmentIndices.Length} commitment indices, {cellIndices.Length} cell indices; counts must match");
        KzgValidation.CheckCellBatch(cellIndices.Length, cellIndices, cells, proofs.Length);
        for (int i = 0; i < commitmentIndices.Length; i++)
        {
            if (commitmentIndices[i] >= (ulong)commitments.Length)
                throw new KzgInputException($"commitment indices: index {commitmentIndices[i]} at position {i} is out of range ({commitments.Length} commitments)");
        }
        return Backend.ComputeVerifyCellKzgProofBatchChallenge(commitments, commitmentIndices, cellIndices, cells, proofs);
    }

    /// <summary>kzg_to_versioned_hash.</summary>
    public static VersionedHash ToVersionedHash(in KzgCommitment commitment) => VersionedHash.FromCommitment(commitment);

    /// <inheritdoc />
    public void Dispose()
    {
        if (!ReferenceEquals(this, s_default.IsValueCreated ? s_default.Value : null))
            Backend.Dispose();
    }
}
