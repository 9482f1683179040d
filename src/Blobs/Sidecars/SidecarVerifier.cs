using Blobs.Kzg;

namespace Blobs.Sidecars;

/// <summary>Checks a sidecar the way a node does: commitments against versioned hashes, proofs (batch) or cell proofs (batch).</summary>
public static class SidecarVerifier
{
    /// <summary>
    /// The problems found (empty when the sidecar is valid for <paramref name="versionedHashes"/>):
    /// counts, each versioned hash against its commitment (naming the hash), and the KZG proofs.
    /// </summary>
    public static IReadOnlyList<string> Verify(BlobSidecar sidecar, IReadOnlyList<VersionedHash> versionedHashes, KzgContext kzg)
    {
        ArgumentNullException.ThrowIfNull(kzg);
        var errors = VerifyHashes(sidecar, versionedHashes);
        if (errors.Count > 0 && versionedHashes.Count != sidecar.Blobs.Count) return errors;
        try
        {
            if (!VerifyProofs(sidecar, kzg))
                errors.Add(sidecar.Version == SidecarVersion.V0
                    ? "the blob KZG proofs do not verify (verify_blob_kzg_proof_batch returned false)"
                    : "the cell KZG proofs do not verify (verify_cell_kzg_proof_batch returned false)");
        }
        catch (KzgInputException e)
        {
            errors.Add("KZG input rejected: " + e.Message);
        }
        return errors;
    }

    /// <summary>
    /// The checks that need no KZG: as many versioned hashes as blobs, and each versioned hash equal to
    /// 0x01 ‖ sha256(commitment)[1:] of its commitment (the message names both hashes).
    /// </summary>
    public static List<string> VerifyHashes(BlobSidecar sidecar, IReadOnlyList<VersionedHash> versionedHashes)
    {
        ArgumentNullException.ThrowIfNull(sidecar);
        ArgumentNullException.ThrowIfNull(versionedHashes);
        var errors = new List<string>();
        int n = sidecar.Blobs.Count;
        if (versionedHashes.Count != n)
        {
            errors.Add($"the transaction lists {versionedHashes.Count} versioned hashes but the sidecar carries {n} blobs");
            return errors;
        }
        for (int i = 0; i < n; i++)
        {
            var expected = VersionedHash.FromCommitment(sidecar.Commitments[i]);
            if (expected != versionedHashes[i])
                errors.Add($"blob {i}: versioned hash {versionedHashes[i]} does not match its commitment (which hashes to {expected})");
        }
        return errors;
    }

    /// <summary>True when every proof verifies (v0: verify_blob_kzg_proof_batch; v1: verify_cell_kzg_proof_batch over all cells).</summary>
    public static bool VerifyProofs(BlobSidecar sidecar, KzgContext kzg)
    {
        int n = sidecar.Blobs.Count;
        if (sidecar.Version == SidecarVersion.V0)
        {
            var blobs = new byte[n * BlobSidecar.BytesPerBlob];
            for (int i = 0; i < n; i++) sidecar.Blobs[i].Span.CopyTo(blobs.AsSpan(i * BlobSidecar.BytesPerBlob));
            return kzg.VerifyBlobKzgProofBatch(blobs, sidecar.Commitments.ToArray(), sidecar.Proofs.ToArray());
        }
        const int perBlob = BlobSidecar.CellProofsPerBlob;
        int cellBytes = KzgConstants.BytesPerCell;
        var allCells = new byte[n * perBlob * cellBytes];
        var commitments = new KzgCommitment[n * perBlob];
        var indices = new ulong[n * perBlob];
        var oneBlob = new byte[perBlob * cellBytes];
        for (int i = 0; i < n; i++)
        {
            kzg.ComputeCells(sidecar.Blobs[i].Span, oneBlob);
            oneBlob.CopyTo(allCells, i * perBlob * cellBytes);
            for (int j = 0; j < perBlob; j++)
            {
                commitments[i * perBlob + j] = sidecar.Commitments[i];
                indices[i * perBlob + j] = (ulong)j;
            }
        }
        return kzg.VerifyCellKzgProofBatch(commitments, indices, allCells, sidecar.Proofs.ToArray());
    }
}
