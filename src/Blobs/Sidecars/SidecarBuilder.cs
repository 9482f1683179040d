using Blobs.Kzg;

namespace Blobs.Sidecars;

/// <summary>
/// Computes sidecars: commitments and blob proofs (v0) or cell proofs (v1) for blobs, the blobs
/// committed in parallel (one task per blob, bounded by the processor count).
/// </summary>
public static class SidecarBuilder
{
    /// <summary>Commits every blob and computes its proofs for the wanted form.</summary>
    /// <param name="blobs">Blobs of 131072 bytes each (canonical field elements).</param>
    /// <param name="version">V0 (blob proofs) or V1 (128 cell proofs per blob).</param>
    /// <param name="kzg">The KZG context.</param>
    /// <param name="progress">Receives the index of each blob when it is done (any order).</param>
    /// <param name="cancellationToken">Cancels between blobs.</param>
    public static BlobSidecar Build(IReadOnlyList<ReadOnlyMemory<byte>> blobs, SidecarVersion version, KzgContext kzg, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(kzg);
        if (blobs.Count == 0) throw new ArgumentException("no blobs: a blob transaction carries at least one");
        for (int i = 0; i < blobs.Count; i++)
            if (blobs[i].Length != BlobSidecar.BytesPerBlob)
                throw new ArgumentException($"blob {i}: {blobs[i].Length} bytes, a blob is {BlobSidecar.BytesPerBlob}");
        int n = blobs.Count;
        var commitments = new KzgCommitment[n];
        var proofs = new KzgProof[version == SidecarVersion.V0 ? n : n * BlobSidecar.CellProofsPerBlob];
        var options = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        try
        {
            Parallel.For(0, n, options, i =>
            {
                var blob = blobs[i].Span;
                try
                {
                    commitments[i] = kzg.BlobToKzgCommitment(blob);
                    if (version == SidecarVersion.V0)
                        proofs[i] = kzg.ComputeBlobKzgProof(blob, commitments[i]);
                    else
                    {
                        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
                        kzg.ComputeCellsAndKzgProofs(blob, cells, proofs.AsSpan(i * BlobSidecar.CellProofsPerBlob, BlobSidecar.CellProofsPerBlob));
                    }
                }
                catch (KzgInputException e)
                {
                    throw new KzgInputException($"blob {i}: {e.Message}");
                }
                progress?.Report(i);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Rethrow a blob's failure as itself (a KzgInputException naming the blob), not wrapped; ordered by message so the choice is stable.
            var first = e.InnerExceptions.OfType<KzgInputException>().OrderBy(x => x.Message, StringComparer.Ordinal).FirstOrDefault() ?? e.InnerExceptions[0];
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
            throw;
        }
        return new BlobSidecar(version, blobs, commitments, proofs);
    }

    /// <summary>The same blobs and commitments in the other form (proofs recomputed); the sidecar itself when it already has that form.</summary>
    public static BlobSidecar Convert(BlobSidecar sidecar, SidecarVersion version, KzgContext kzg, IProgress<int>? progress = null, CancellationToken cancellationToken = default) =>
        sidecar.Version == version ? sidecar : Build(sidecar.Blobs, version, kzg, progress, cancellationToken);
}
