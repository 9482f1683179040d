using Blobs.Bls12381;
using Blobs.Kzg.Managed.Eip7594;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>
/// The field half of verify_cell_kzg_proof_batch with the scalar field standing in for G1 and G2 ([a] = a at a
/// known τ, the pairing a product): LL·τ⁶⁴ = RLC − RLI + RLP must hold for honest cells and proofs and fail
/// for a changed cell. Also the coset helpers against the spec's definitions.
/// </summary>
public class CellBatchAlgebraTests
{
    [Fact]
    public void Coset_helpers_match_the_spec_definitions()
    {
        var rootsBrp = BitReversal.Permuted<Fr>(FrFft.RootsOfUnity(KzgConstants.FieldElementsPerExtBlob));
        for (int k = 0; k < KzgConstants.CellsPerExtBlob; k++)
        {
            Assert.Equal(rootsBrp[64 * k], CellKzg.CosetShiftForCell(k));
            Assert.True((CellKzg.CosetShiftForCell(k) * CellKzg.InverseCosetShiftForCell(k)).IsOne);
            Assert.Equal(CellKzg.CosetShiftForCell(k).Pow(64), CellKzg.CosetShiftPow64ForCell(k));
            Assert.Equal(rootsBrp.AsSpan(64 * k, 64).ToArray(), CellKzg.CosetForCell(k));
        }
    }

    [Fact]
    public void Deduplication_keeps_first_appearance_order()
    {
        var a = KzgCommitment.FromBytes(Enumerable.Repeat((byte)1, 48).ToArray());
        var b = KzgCommitment.FromBytes(Enumerable.Repeat((byte)2, 48).ToArray());
        var (unique, indices) = CellKzg.DeduplicateCommitments([b, a, b, b, a]);
        Assert.Equal([b, a], unique);
        Assert.Equal([0UL, 1, 0, 0, 1], indices);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 128, 1)]
    [InlineData(3, 200, 3)]
    public void Universal_equation_holds_over_the_scalar_field(int seed, int cellCount, int blobCount)
    {
        var rng = new Random(seed);
        Fr tau = FieldOracle.RandomElements(rng, 1)[0];
        var polys = Enumerable.Range(0, blobCount).Select(_ => FieldOracle.RandomElements(rng, 4096)).ToArray();
        var commitments = polys.Select(p => Evaluate(p, tau)).ToArray();
        var commitmentBytes = commitments.Select((_, i) => KzgCommitment.FromBytes(Enumerable.Repeat((byte)(i + 1), 48).ToArray())).ToArray();
        var allCells = polys.Select(p =>
        {
            var ext = new Fr[8192];
            p.CopyTo(ext, 0);
            var bytes = new byte[128 * 2048];
            CellKzg.PolynomialCoeffToCells(ext, bytes);
            return bytes;
        }).ToArray();
        // Spot-check the FFT cells against Horner on one point.
        Assert.Equal(Evaluate(polys[0], CellKzg.CosetForCell(5)[7]).ToBytesBigEndian(), allCells[0].AsSpan(5 * 2048 + 7 * 32, 32).ToArray());

        var cellIndices = new ulong[cellCount];
        var commitmentIndices = new ulong[cellCount];
        var cells = new byte[cellCount * 2048];
        var proofs = new Fr[cellCount];
        var proofBytes = new KzgProof[cellCount];
        for (int k = 0; k < cellCount; k++)
        {
            int b = rng.Next(blobCount), c = rng.Next(128);
            commitmentIndices[k] = (ulong)b;
            cellIndices[k] = (ulong)c;
            allCells[b].AsSpan(c * 2048, 2048).CopyTo(cells.AsSpan(k * 2048));
            proofs[k] = Quotient(polys[b], CellKzg.CosetShiftPow64ForCell(c), tau);
            proofBytes[k] = KzgProof.FromBytes(proofs[k].ToBytesBigEndian().Concat(new byte[16]).ToArray());
        }

        Assert.True(Check(commitmentBytes, commitments, commitmentIndices, cellIndices, cells, proofBytes, proofs, tau));
        cells[(cellCount / 2) * 2048 + 100] ^= 1; // one cell element changes
        Assert.False(Check(commitmentBytes, commitments, commitmentIndices, cellIndices, cells, proofBytes, proofs, tau));
    }

    private static bool Check(KzgCommitment[] commitmentBytes, Fr[] commitments, ulong[] commitmentIndices, ulong[] cellIndices, byte[] cells,
        KzgProof[] proofBytes, Fr[] proofs, Fr tau)
    {
        var s = CellKzg.ComputeCellBatchScalars(commitmentBytes, commitmentIndices, cellIndices, cells, proofBytes);
        Fr ll = Fr.Zero, rlc = Fr.Zero, rli = Fr.Zero, rlp = Fr.Zero;
        for (int k = 0; k < proofs.Length; k++) { ll += s.RPowers[k] * proofs[k]; rlp += s.ProofScalars[k] * proofs[k]; }
        for (int i = 0; i < commitments.Length; i++) rlc += s.CommitmentWeights[i] * commitments[i];
        Fr power = Fr.One;
        for (int m = 0; m < 64; m++) { rli += s.InterpolationCoefficients[m] * power; power *= tau; }
        return ll * tau.Pow(64) == rlc - rli + rlp;
    }

    private static Fr Evaluate(Fr[] coeffs, Fr z)
    {
        Fr y = Fr.Zero;
        for (int i = coeffs.Length - 1; i >= 0; i--) y = y * z + coeffs[i];
        return y;
    }

    /// <summary>(f / (X⁶⁴ − y))(τ) by long division.</summary>
    private static Fr Quotient(Fr[] f, Fr y, Fr tau)
    {
        var r = f.ToArray();
        var q = new Fr[f.Length - 64];
        for (int m = f.Length - 1; m >= 64; m--) { q[m - 64] = r[m]; r[m - 64] += y * r[m]; }
        return Evaluate(q, tau);
    }
}
