using System.Buffers;

namespace Blobs.Kzg;

/// <summary>Overloads over the validated value types <see cref="Blob"/> and <see cref="Cell"/>.</summary>
public sealed partial class KzgContext
{
    /// <summary>blob_to_kzg_commitment over a validated blob.</summary>
    public KzgCommitment BlobToKzgCommitment(in Blob blob) => Backend.BlobToKzgCommitment(blob.Bytes);

    /// <summary>compute_kzg_proof over a validated blob: the proof for p(z) and y = p(z).</summary>
    public (KzgProof Proof, FieldElement Y) ComputeKzgProof(in Blob blob, in FieldElement z) => Backend.ComputeKzgProof(blob.Bytes, z);

    /// <summary>compute_blob_kzg_proof over a validated blob.</summary>
    public KzgProof ComputeBlobKzgProof(in Blob blob, in KzgCommitment commitment) => Backend.ComputeBlobKzgProof(blob.Bytes, commitment);

    /// <summary>verify_blob_kzg_proof over a validated blob.</summary>
    public bool VerifyBlobKzgProof(in Blob blob, in KzgCommitment commitment, in KzgProof proof) =>
        Backend.VerifyBlobKzgProof(blob.Bytes, commitment, proof);

    /// <summary>verify_blob_kzg_proof_batch over validated blobs.</summary>
    public bool VerifyBlobKzgProofBatch(ReadOnlySpan<Blob> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs)
    {
        int n = blobs.Length;
        if (commitments.Length != n || proofs.Length != n)
            throw new KzgInputException($"batch: {n} blobs, {commitments.Length} commitments, {proofs.Length} proofs; counts must match");
        if (n == 0) return true;
        if (n == 1) return Backend.VerifyBlobKzgProof(blobs[0].Bytes, commitments[0], proofs[0]);
        int length = n * KzgConstants.BytesPerBlob;
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            for (int i = 0; i < n; i++)
                blobs[i].Bytes.CopyTo(buffer.AsSpan(i * KzgConstants.BytesPerBlob));
            return Backend.VerifyBlobKzgProofBatch(buffer.AsSpan(0, length), commitments, proofs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>compute_cells over a validated blob: the 128 cells of the extended blob.</summary>
    public Cell[] ComputeCells(in Blob blob)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ExtBlobBytes);
        try
        {
            var cells = bytes.AsSpan(0, ExtBlobBytes);
            Backend.ComputeCells(blob.Bytes, cells);
            return ToCells(cells);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>compute_cells_and_kzg_proofs over a validated blob: 128 cells and their 128 proofs.</summary>
    public (Cell[] Cells, KzgProof[] Proofs) ComputeCellsAndKzgProofs(in Blob blob)
    {
        var bytes = ArrayPool<byte>.Shared.Rent(ExtBlobBytes);
        try
        {
            var cells = bytes.AsSpan(0, ExtBlobBytes);
            var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
            Backend.ComputeCellsAndKzgProofs(blob.Bytes, cells, proofs);
            return (ToCells(cells), proofs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>recover_cells_and_kzg_proofs from at least 64 distinct validated cells: all 128 cells and proofs.</summary>
    public (Cell[] Cells, KzgProof[] Proofs) RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<Cell> cells)
    {
        if (cells.Length != cellIndices.Length)
            throw new KzgInputException($"recovery: {cellIndices.Length} cell indices, {cells.Length} cells; counts must match");
        var input = Concatenate(cells);
        var output = ArrayPool<byte>.Shared.Rent(ExtBlobBytes);
        try
        {
            var recovered = output.AsSpan(0, ExtBlobBytes);
            var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
            RecoverCellsAndKzgProofs(cellIndices, input.AsSpan(0, cells.Length * Cell.Size), recovered, proofs);
            return (ToCells(recovered), proofs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }
    }

    /// <summary>verify_cell_kzg_proof_batch over validated cells.</summary>
    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<Cell> cells, ReadOnlySpan<KzgProof> proofs)
    {
        if (cells.Length != cellIndices.Length)
            throw new KzgInputException($"cell batch: {cellIndices.Length} cell indices, {cells.Length} cells; counts must match");
        var buffer = Concatenate(cells);
        try
        {
            return VerifyCellKzgProofBatch(commitments, cellIndices, buffer.AsSpan(0, cells.Length * Cell.Size), proofs);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const int ExtBlobBytes = KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell;

    private static byte[] Concatenate(ReadOnlySpan<Cell> cells)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(1, cells.Length * Cell.Size));
        for (int i = 0; i < cells.Length; i++)
            cells[i].Bytes.CopyTo(buffer.AsSpan(i * Cell.Size));
        return buffer;
    }

    private static Cell[] ToCells(ReadOnlySpan<byte> bytes)
    {
        var result = new Cell[bytes.Length / Cell.Size];
        for (int i = 0; i < result.Length; i++)
            result[i] = Cell.FromTrusted(bytes.Slice(i * Cell.Size, Cell.Size));
        return result;
    }
}
