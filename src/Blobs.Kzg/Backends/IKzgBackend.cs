namespace Blobs.Kzg;

/// <summary>
/// The backend seam: one implementation of the spec functions (managed C#, or c-kzg through
/// P/Invoke). <see cref="KzgContext"/> checks lengths, counts, indices and field-element canonicity
/// before calling a backend, so a backend sees well-sized inputs; it still rejects bad points with
/// <see cref="KzgInputException"/>. Implementations must be thread-safe.
/// </summary>
public interface IKzgBackend : IDisposable
{
    /// <summary>Short name ("managed", "native").</summary>
    string Name { get; }

    /// <summary>blob_to_kzg_commitment.</summary>
    KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob);

    /// <summary>compute_kzg_proof: returns the proof and y = p(z).</summary>
    (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z);

    /// <summary>compute_blob_kzg_proof.</summary>
    KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment);

    /// <summary>verify_kzg_proof.</summary>
    bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof);

    /// <summary>verify_blob_kzg_proof.</summary>
    bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof);

    /// <summary>verify_blob_kzg_proof_batch; <paramref name="blobs"/> is the concatenation of n blobs.</summary>
    bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs);

    /// <summary>compute_cells: writes 128 cells of 2048 bytes into <paramref name="cells"/>.</summary>
    void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells);

    /// <summary>compute_cells_and_kzg_proofs: 128 cells and 128 proofs.</summary>
    void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs);

    /// <summary>recover_cells_and_kzg_proofs from at least 64 distinct cells.</summary>
    void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs);

    /// <summary>verify_cell_kzg_proof_batch.</summary>
    bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs);

    /// <summary>
    /// compute_challenge (deneb): the Fiat–Shamir evaluation point for a blob and its commitment,
    /// hash_to_bls_field(sha256(FSBLOBVERIFY_V1_ ‖ degree ‖ blob ‖ commitment)). Exposed for
    /// differential and vector tests; a backend that does not expose it throws <see cref="NotSupportedException"/>.
    /// </summary>
    FieldElement ComputeChallenge(ReadOnlySpan<byte> blob, in KzgCommitment commitment) =>
        throw new NotSupportedException($"the {Name} backend does not expose compute_challenge");

    /// <summary>
    /// compute_verify_cell_kzg_proof_batch_challenge (fulu): the scalar r whose powers weight the cells
    /// in verify_cell_kzg_proof_batch. <paramref name="commitments"/> are the distinct commitments,
    /// <paramref name="commitmentIndices"/>[i] picks the commitment of cell i, <paramref name="cells"/>
    /// holds the cells (cosets_evals) back to back. A backend that does not expose it throws
    /// <see cref="NotSupportedException"/>.
    /// </summary>
    FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) =>
        throw new NotSupportedException($"the {Name} backend does not expose compute_verify_cell_kzg_proof_batch_challenge");
}
