using Blobs.Kzg.Managed.Eip4844;

namespace Blobs.Kzg.Managed;

/// <summary>
/// The pure managed KZG backend: the deneb EIP-4844 functions over Blobs.Bls12381 (fixed-base MSM
/// tables over the setup's Lagrange points for commitments and proofs, a two-pair pairing check with
/// prepared G2 points for verification) and, in <c>ManagedKzgBackend.Cells.cs</c>, the fulu EIP-7594
/// cell functions. Thread-safe: one instance serves any number of threads.
/// </summary>
public sealed partial class ManagedKzgBackend : IKzgBackend
{
    private readonly ManagedKzgSettings _settings;

    /// <summary>Creates the backend over a trusted setup (tables are built on first use unless the options say otherwise).</summary>
    public ManagedKzgBackend(TrustedSetup setup, ManagedKzgOptions? options = null)
    {
        _settings = new ManagedKzgSettings(setup, options ?? new ManagedKzgOptions());
        InitializeCells();
    }

    /// <summary>The options the backend was created with.</summary>
    public ManagedKzgOptions Options => _settings.Options;

    /// <summary>The trusted setup.</summary>
    public TrustedSetup Setup => _settings.Setup;

    /// <summary>Bytes held by the fixed-base tables (built or to be built).</summary>
    public long TableBytes =>
        (long)KzgConstants.FieldElementsPerBlob * Bls12381.SignedDigits.WindowCount(_settings.Options.FixedBaseWindow) * 96;

    /// <summary>How long building the fixed-base tables took (zero until they are built).</summary>
    public TimeSpan TableBuildTime => _settings.TableBuildTime;

    /// <summary>Builds the fixed-base tables now if they are not built yet (otherwise the first commitment or proof does).</summary>
    public void Precompute() => _ = _settings.LagrangeTable;

    /// <summary>
    /// True when every function of <see cref="IKzgBackend"/> is implemented by managed code, cell
    /// functions included (the default backend picks managed only then).
    /// </summary>
    public static bool IsComplete
    {
        get
        {
            bool cells = false;
            CellsComplete(ref cells);
            return cells;
        }
    }

    /// <summary>Hook for the cell half: sets up whatever it keeps per backend.</summary>
    partial void InitializeCells();

    /// <summary>Hook for the cell half: sets <paramref name="complete"/> when the cell functions are implemented.</summary>
    static partial void CellsComplete(ref bool complete);

    /// <inheritdoc />
    public string Name => "managed";

    /// <inheritdoc />
    public KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob) => BlobKzg.BlobToKzgCommitment(_settings, blob);

    /// <inheritdoc />
    public (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z) =>
        BlobKzg.ComputeKzgProof(_settings, blob, z);

    /// <inheritdoc />
    public KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment) =>
        BlobKzg.ComputeBlobKzgProof(_settings, blob, commitment);

    /// <inheritdoc />
    public bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof) =>
        BlobKzg.VerifyKzgProof(_settings, commitment, z, y, proof);

    /// <inheritdoc />
    public bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof) =>
        BlobKzg.VerifyBlobKzgProof(_settings, blob, commitment, proof);

    /// <inheritdoc />
    public bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs) =>
        BlobKzg.VerifyBlobKzgProofBatch(_settings, blobs, commitments, proofs);

    /// <inheritdoc />
    public FieldElement ComputeChallenge(ReadOnlySpan<byte> blob, in KzgCommitment commitment) =>
        BlobKzg.ToFieldElement(BlobKzg.ComputeChallenge(blob, commitment.Bytes));

    /// <inheritdoc />
    public void Dispose() { }
}
