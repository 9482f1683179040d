using Blobs.Kzg;

namespace Blobs.Sidecars;

/// <summary>
/// The blobs, commitments and proofs that travel with a type-3 transaction on the network (never
/// inside the signed payload). V0 carries one blob proof per blob; V1 carries 128 cell proofs per
/// blob, flat (<c>proofs[i*128+j]</c> is the proof of cell j of blob i). Immutable: the blobs are copied.
/// </summary>
public sealed class BlobSidecar
{
    /// <summary>Bytes in one blob.</summary>
    public const int BytesPerBlob = KzgConstants.BytesPerBlob;

    /// <summary>Cell proofs per blob in a V1 sidecar.</summary>
    public const int CellProofsPerBlob = KzgConstants.CellsPerExtBlob;

    private readonly ReadOnlyMemory<byte>[] _blobs;
    private readonly KzgCommitment[] _commitments;
    private readonly KzgProof[] _proofs;

    /// <summary>
    /// Creates a sidecar; throws <see cref="ArgumentException"/> naming the problem when a blob is not
    /// 131072 bytes or the counts do not fit the version.
    /// </summary>
    public BlobSidecar(SidecarVersion version, IEnumerable<ReadOnlyMemory<byte>> blobs, IEnumerable<KzgCommitment> commitments, IEnumerable<KzgProof> proofs)
    {
        Version = version;
        _blobs = blobs.Select(b => (ReadOnlyMemory<byte>)b.ToArray()).ToArray();
        _commitments = commitments.ToArray();
        _proofs = proofs.ToArray();
        var problem = Check(version, _blobs.Length, _commitments.Length, _proofs.Length);
        if (problem is not null) throw new ArgumentException(problem);
        for (int i = 0; i < _blobs.Length; i++)
            if (_blobs[i].Length != BytesPerBlob)
                throw new ArgumentException($"blob {i}: {_blobs[i].Length} bytes, a blob is {BytesPerBlob}");
    }

    /// <summary>The network form.</summary>
    public SidecarVersion Version { get; }

    /// <summary>The blobs, 131072 bytes each.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> Blobs => _blobs;

    /// <summary>One commitment per blob.</summary>
    public IReadOnlyList<KzgCommitment> Commitments => _commitments;

    /// <summary>V0: one blob proof per blob; V1: 128 cell proofs per blob, flat.</summary>
    public IReadOnlyList<KzgProof> Proofs => _proofs;

    /// <summary>The versioned hash of each commitment (0x01 ‖ sha256(commitment)[1:]).</summary>
    public IReadOnlyList<VersionedHash> VersionedHashes() => _commitments.Select(c => VersionedHash.FromCommitment(c)).ToArray();

    /// <summary>The cell proofs of blob <paramref name="blobIndex"/> (V1 only).</summary>
    public ReadOnlySpan<KzgProof> CellProofsOf(int blobIndex)
    {
        if (Version != SidecarVersion.V1) throw new InvalidOperationException("a V0 sidecar has no cell proofs");
        return _proofs.AsSpan(blobIndex * CellProofsPerBlob, CellProofsPerBlob);
    }

    /// <summary>Null when the counts fit the version, otherwise what is wrong.</summary>
    public static string? Check(SidecarVersion version, int blobs, int commitments, int proofs)
    {
        if (commitments != blobs) return $"sidecar has {blobs} blobs but {commitments} commitments";
        int expected = version == SidecarVersion.V0 ? blobs : blobs * CellProofsPerBlob;
        if (proofs != expected)
            return version == SidecarVersion.V0
                ? $"v0 sidecar has {blobs} blobs but {proofs} proofs; one blob proof per blob expected"
                : $"v1 sidecar has {blobs} blobs but {proofs} cell proofs; {CellProofsPerBlob} per blob ({expected}) expected";
        return null;
    }
}
