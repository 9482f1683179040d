using System.Diagnostics;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip4844;

namespace Blobs.Kzg.Managed;

/// <summary>
/// What the managed EIP-4844 functions derive from a trusted setup, built once per backend: the
/// g1_lagrange points decoded and put in bit-reversal order (the order blobs are evaluated in), the
/// fixed-base MSM tables over them, and the two G2 points verification needs. Thread-safe; the points
/// and tables are built on first use unless <see cref="ManagedKzgOptions.PrecomputeAtLoad"/> is set.
/// </summary>
internal sealed class ManagedKzgSettings
{
    private readonly Lazy<G1Affine[]> _lagrangeBrp;
    private readonly Lazy<G1FixedBaseMsm> _lagrangeTable;
    private readonly Lazy<(G2Affine G2, G2Affine TauG2)> _g2;
    private readonly Lazy<(G2Prepared NegG2, G2Prepared TauG2)> _prepared;

    public ManagedKzgSettings(TrustedSetup setup, ManagedKzgOptions options)
    {
        Setup = setup ?? throw new ArgumentNullException(nameof(setup));
        Options = options ?? throw new ArgumentNullException(nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxDegreeOfParallelism, 1, nameof(options.MaxDegreeOfParallelism));
        SignedDigits.CheckWindow(options.FixedBaseWindow);
        _lagrangeBrp = new(DecodeLagrangeBrp);
        _lagrangeTable = new(BuildTable);
        _g2 = new(DecodeG2);
        _prepared = new(() => (new G2Prepared(G2Affine.Negate(G2)), new G2Prepared(TauG2)));
        if (options.PrecomputeAtLoad) _ = _lagrangeTable.Value;
    }

    /// <summary>The trusted setup.</summary>
    public TrustedSetup Setup { get; }

    /// <summary>The options.</summary>
    public ManagedKzgOptions Options { get; }

    /// <summary>bit_reversal_permutation(KZG_SETUP_G1_LAGRANGE), decoded.</summary>
    public ReadOnlySpan<G1Affine> LagrangeBrp => _lagrangeBrp.Value;

    /// <summary>Fixed-base tables over <see cref="LagrangeBrp"/>: g1_lincomb over them with any scalars.</summary>
    public G1FixedBaseMsm LagrangeTable => _lagrangeTable.Value;

    /// <summary>Whether the fixed-base tables have been built.</summary>
    public bool TablesBuilt => _lagrangeTable.IsValueCreated;

    /// <summary>How long building the tables took (zero until built).</summary>
    public TimeSpan TableBuildTime { get; private set; }

    /// <summary>The G2 generator, KZG_SETUP_G2_MONOMIAL[0].</summary>
    public G2Affine G2 => _g2.Value.G2;

    /// <summary>[τ]G2, KZG_SETUP_G2_MONOMIAL[1].</summary>
    public G2Affine TauG2 => _g2.Value.TauG2;

    /// <summary>−G2 with its Miller-loop lines precomputed.</summary>
    public G2Prepared NegG2Prepared => _prepared.Value.NegG2;

    /// <summary>[τ]G2 with its Miller-loop lines precomputed.</summary>
    public G2Prepared TauG2Prepared => _prepared.Value.TauG2;

    private G1Affine[] DecodeLagrangeBrp()
    {
        // The setup was validated when it was loaded (the embedded one is the checked ceremony output), so
        // the points are only decompressed here; the subgroup tests are not repeated.
        var bytes = Setup.G1LagrangeBytes;
        var result = new G1Affine[Domain.Size];
        void Decode(int i)
        {
            int src = Domain.ReverseBits(i);
            var e = G1Affine.Decompress(bytes.Span.Slice(src * 48, 48), out result[i], checkSubgroup: false);
            if (e != PointDecodeError.None)
                throw new InvalidOperationException($"trusted setup: g1_lagrange[{src}]: {e.Describe("G1")}");
        }
        int dop = Options.MaxDegreeOfParallelism;
        if (dop == 1) for (int i = 0; i < result.Length; i++) Decode(i);
        else Parallel.For(0, result.Length, new ParallelOptions { MaxDegreeOfParallelism = dop }, Decode);
        return result;
    }

    private G1FixedBaseMsm BuildTable()
    {
        var sw = Stopwatch.StartNew();
        // Blob elements and quotient values are canonical scalars, below r < 2^255.
        var table = G1FixedBaseMsm.Create(LagrangeBrp, Options.FixedBaseWindow, Options.MaxDegreeOfParallelism, scalarBits: 255);
        TableBuildTime = sw.Elapsed;
        return table;
    }

    private (G2Affine, G2Affine) DecodeG2()
    {
        var bytes = Setup.G2MonomialBytes.Span;
        var e0 = G2Affine.Decompress(bytes[..96], out var g2, checkSubgroup: false);
        var e1 = G2Affine.Decompress(bytes.Slice(96, 96), out var tau, checkSubgroup: false);
        if (e0 != PointDecodeError.None) throw new InvalidOperationException($"trusted setup: g2_monomial[0]: {e0.Describe("G2")}");
        if (e1 != PointDecodeError.None) throw new InvalidOperationException($"trusted setup: g2_monomial[1]: {e1.Describe("G2")}");
        return (g2, tau);
    }
}
