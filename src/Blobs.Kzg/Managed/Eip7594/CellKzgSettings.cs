using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// What the managed cell functions keep per trusted setup: the setup itself and the tables derived
/// from it on first use. One instance per backend; thread-safe.
/// </summary>
internal sealed partial class CellKzgSettings
{
    /// <summary>Creates the settings for a setup; tables are built lazily on first use.</summary>
    public CellKzgSettings(TrustedSetup setup, int maxDegreeOfParallelism = 1)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDegreeOfParallelism, 1);
        Setup = setup;
        MaxDegreeOfParallelism = maxDegreeOfParallelism;
    }

    /// <summary>The trusted setup.</summary>
    public TrustedSetup Setup { get; }

    /// <summary>How many threads one call may use (1: the calling thread only).</summary>
    public int MaxDegreeOfParallelism { get; }

    private Fk20Tables? _fk20;
    private readonly object _gate = new();

    /// <summary>The FK20 fixed-base tables (22.8 MB), built on first use on <see cref="MaxDegreeOfParallelism"/> threads.</summary>
    public Fk20Tables Fk20Tables
    {
        get
        {
            var tables = Volatile.Read(ref _fk20);
            if (tables is not null) return tables;
            lock (_gate)
            {
                _fk20 ??= Fk20Tables.Build(Setup, MaxDegreeOfParallelism);
                return _fk20;
            }
        }
    }

    private G1Affine[]? _monomialHead;
    private G2Prepared? _g2One, _g2TauPowCell;

    /// <summary>[τ⁰]₁ … [τ⁶³]₁ (the first FIELD_ELEMENTS_PER_CELL monomial points), decoded on first use.</summary>
    public G1Affine[] MonomialG1Head => LazyInitializer.EnsureInitialized(ref _monomialHead, () =>
    {
        var points = new G1Affine[KzgConstants.FieldElementsPerCell];
        for (int i = 0; i < points.Length; i++)
        {
            var error = G1Affine.Decompress(Setup.G1MonomialBytes.Span.Slice(i * 48, 48), out points[i], checkSubgroup: false);
            if (error != PointDecodeError.None) throw new InvalidOperationException($"trusted setup: g1_monomial[{i}] does not decode ({error})");
        }
        return points;
    });

    private G1FixedBaseMsm? _monomialHeadTable;

    /// <summary>
    /// Fixed-base tables over <see cref="MonomialG1Head"/> (8-bit windows: 64 × 33 points, 203 KB) for the RLI term of
    /// verify_cell_kzg_proof_batch.
    /// </summary>
    public G1FixedBaseMsm MonomialG1HeadTable => LazyInitializer.EnsureInitialized(ref _monomialHeadTable, () => G1FixedBaseMsm.Create(MonomialG1Head, window: 8));

    /// <summary>[1]₂ = KZG_SETUP_G2_MONOMIAL[0], prepared for the pairing.</summary>
    public G2Prepared G2One => LazyInitializer.EnsureInitialized(ref _g2One, () => PrepareG2(0));

    /// <summary>[τ⁶⁴]₂ = KZG_SETUP_G2_MONOMIAL[FIELD_ELEMENTS_PER_CELL], prepared for the pairing.</summary>
    public G2Prepared G2TauPowCell => LazyInitializer.EnsureInitialized(ref _g2TauPowCell, () => PrepareG2(KzgConstants.FieldElementsPerCell));

    private G2Prepared PrepareG2(int index)
    {
        var error = G2Affine.Decompress(Setup.G2MonomialBytes.Span.Slice(index * 96, 96), out var q, checkSubgroup: false);
        if (error != PointDecodeError.None) throw new InvalidOperationException($"trusted setup: g2_monomial[{index}] does not decode ({error})");
        return new G2Prepared(q);
    }

    /// <summary>True once the FK20 tables exist.</summary>
    public bool HasFk20Tables => Volatile.Read(ref _fk20) is not null;
}
