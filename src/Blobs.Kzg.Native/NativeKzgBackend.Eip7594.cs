using System.Buffers;

namespace Blobs.Kzg.Native;

/// <summary>The EIP-7594 cell functions (fulu polynomial-commitments-sampling.md) through c-kzg.</summary>
public sealed unsafe partial class NativeKzgBackend
{
    private const int ExtBlobBytes = KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell;
    private const int ProofsBytes = KzgConstants.CellsPerExtBlob * KzgProof.Size;

    /// <summary>compute_cells: compute_cells_and_kzg_proofs with no proof output (c-kzg then skips FK20).</summary>
    public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        if (cells.Length != ExtBlobBytes) throw new ArgumentException($"cells: output buffer holds {cells.Length}, needs {ExtBlobBytes}");
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* c = cells)
        {
            ret = _lib.ComputeCellsAndKzgProofs(c, null, b, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "compute_cells", null);
    }

    /// <summary>compute_cells_and_kzg_proofs.</summary>
    public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        if (cells.Length != ExtBlobBytes) throw new ArgumentException($"cells: output buffer holds {cells.Length}, needs {ExtBlobBytes}");
        if (proofs.Length != KzgConstants.CellsPerExtBlob) throw new ArgumentException($"proofs: output buffer holds {proofs.Length}, needs {KzgConstants.CellsPerExtBlob}");
        Span<byte> proofBytes = stackalloc byte[ProofsBytes];
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* c = cells)
        fixed (byte* p = proofBytes)
        {
            ret = _lib.ComputeCellsAndKzgProofs(c, p, b, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "compute_cells_and_kzg_proofs", null);
        Unpack(proofBytes, proofs);
    }

    /// <summary>recover_cells_and_kzg_proofs.</summary>
    public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs)
    {
        int n = cellIndices.Length;
        RequireLength(cells.Length, n * KzgConstants.BytesPerCell, $"cells ({n} indices)");
        if (recoveredCells.Length != ExtBlobBytes) throw new ArgumentException($"recovered cells: output buffer holds {recoveredCells.Length}, needs {ExtBlobBytes}");
        if (recoveredProofs.Length != KzgConstants.CellsPerExtBlob) throw new ArgumentException($"recovered proofs: output buffer holds {recoveredProofs.Length}, needs {KzgConstants.CellsPerExtBlob}");
        Span<byte> proofBytes = stackalloc byte[ProofsBytes];
        int ret;
        using (var lease = Acquire())
        fixed (ulong* idx = cellIndices)
        fixed (byte* c = cells)
        fixed (byte* rc = recoveredCells)
        fixed (byte* rp = proofBytes)
        {
            ret = _lib.RecoverCellsAndKzgProofs(rc, rp, idx, c, (ulong)n, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "recover_cells_and_kzg_proofs", null);
        Unpack(proofBytes, recoveredProofs);
    }

    /// <summary>verify_cell_kzg_proof_batch.</summary>
    public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        int n = cellIndices.Length;
        if (commitments.Length != n || proofs.Length != n || cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cell batch: {commitments.Length} commitments, {n} cell indices, {cells.Length} cell bytes, {proofs.Length} proofs; counts must match");
        if (n == 0) return true;
        int size = n * KzgCommitment.Size;
        byte[]? rented = null;
        Span<byte> points = size * 2 <= StackLimit ? stackalloc byte[size * 2] : (rented = ArrayPool<byte>.Shared.Rent(size * 2)).AsSpan(0, size * 2);
        try
        {
            var c = points[..size];
            var p = points[size..];
            Pack(commitments, c);
            Pack(proofs, p);
            byte ok = 0;
            int ret;
            using (var lease = Acquire())
            fixed (byte* cp = c)
            fixed (ulong* idx = cellIndices)
            fixed (byte* cl = cells)
            fixed (byte* pp = p)
            {
                ret = _lib.VerifyCellKzgProofBatch(&ok, cp, idx, cl, pp, (ulong)n, lease.Settings);
            }
            if (ret != 0) throw Failure(ret, "verify_cell_kzg_proof_batch", FindBadPoint(c, "commitment", true) ?? FindBadPoint(p, "proof", true));
            return ok != 0;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>compute_verify_cell_kzg_proof_batch_challenge (fulu), through the Blobs shim.</summary>
    public FieldElement ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        int n = cellIndices.Length;
        if (commitmentIndices.Length != n || proofs.Length != n || cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cell batch: {commitmentIndices.Length} commitment indices, {n} cell indices, {cells.Length} cell bytes, {proofs.Length} proofs; counts must match");
        for (int i = 0; i < n; i++)
        {
            if (commitmentIndices[i] >= (ulong)commitments.Length)
                throw new KzgInputException($"commitment indices: index {commitmentIndices[i]} at position {i} is out of range ({commitments.Length} commitments)");
        }
        int cSize = commitments.Length * KzgCommitment.Size, pSize = n * KzgProof.Size, total = cSize + pSize;
        byte[]? rented = null;
        Span<byte> points = total <= StackLimit ? stackalloc byte[total] : (rented = ArrayPool<byte>.Shared.Rent(total)).AsSpan(0, total);
        try
        {
            var c = points[..cSize];
            var p = points[cSize..];
            Pack(commitments, c);
            Pack(proofs, p);
            Span<byte> challenge = stackalloc byte[KzgConstants.BytesPerFieldElement];
            int ret;
            fixed (byte* r = challenge)
            fixed (byte* cp = c)
            fixed (ulong* ci = commitmentIndices)
            fixed (ulong* idx = cellIndices)
            fixed (byte* cl = cells)
            fixed (byte* pp = p)
            {
                ret = _lib.ComputeVerifyCellKzgProofBatchChallenge(r, cp, (ulong)commitments.Length, ci, idx, cl, pp, (ulong)n);
            }
            if (ret != 0) throw Failure(ret, "compute_verify_cell_kzg_proof_batch_challenge", null);
            return FieldElement.FromBytes(challenge, "challenge");
        }
        finally
        {
            Return(rented);
        }
    }

    private static void Unpack(ReadOnlySpan<byte> bytes, Span<KzgProof> proofs)
    {
        for (int i = 0; i < proofs.Length; i++) proofs[i] = KzgProof.FromBytes(bytes.Slice(i * KzgProof.Size, KzgProof.Size));
    }
}
