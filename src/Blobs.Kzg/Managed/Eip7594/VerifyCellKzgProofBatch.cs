using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// verify_cell_kzg_proof_batch: deduplicates the commitments (first-appearance order), decodes them and the proofs
    /// (bytes_to_kzg_commitment / bytes_to_kzg_proof: on the curve, in the subgroup, infinity allowed — anything else is
    /// invalid input naming the commitment or proof), then runs verify_cell_kzg_proof_batch_impl. Counts, cell indices
    /// and canonical cells are checked by the caller.
    /// </summary>
    public static bool VerifyCellKzgProofBatch(CellKzgSettings settings, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices,
        ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        int n = cellIndices.Length;
        if (commitments.Length != n || proofs.Length != n || cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cell batch: {commitments.Length} commitments, {n} cell indices, {cells.Length} cell bytes, {proofs.Length} proofs; counts must match");
        if (n == 0) return true;

        // 1. Deduplicate and decode the commitments, decode the proofs.
        var (unique, commitmentIndices) = DeduplicateCommitments(commitments);
        var commitmentPoints = new G1Affine[unique.Length];
        for (int i = 0; i < unique.Length; i++) commitmentPoints[i] = DecodeG1(unique[i].Bytes, $"commitment {IndexOf(commitments, unique[i])}");
        var proofPoints = new G1Affine[n];
        DecodeProofs(proofs, proofPoints, settings.MaxDegreeOfParallelism);

        return VerifyCellKzgProofBatchImpl(settings, unique, commitmentPoints, commitmentIndices, cellIndices, cells, proofs, proofPoints);
    }

    /// <summary>
    /// verify_cell_kzg_proof_batch_impl over decoded points: the universal verification equation
    /// e(LL, [τ⁶⁴]₂) = e(RLC − RLI + RLP, [1]₂), checked as one two-pair product.
    /// </summary>
    public static bool VerifyCellKzgProofBatchImpl(CellKzgSettings settings, ReadOnlySpan<KzgCommitment> uniqueCommitments, ReadOnlySpan<G1Affine> commitmentPoints,
        ReadOnlySpan<ulong> commitmentIndices, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells,
        ReadOnlySpan<KzgProof> proofs, ReadOnlySpan<G1Affine> proofPoints)
    {
        // 1. Challenge, powers, weights, aggregated interpolation polynomial, RLP scalars.
        var s = ComputeCellBatchScalars(uniqueCommitments, commitmentIndices, cellIndices, cells, proofs);
        int dop = settings.MaxDegreeOfParallelism;
        // 2 and 4.3. LL = Σ rᵏ·proofₖ and RLP = Σ rᵏ·hₖ⁶⁴·proofₖ, two MSMs over the same points in one pass.
        Span<G1Jacobian> overProofs = stackalloc G1Jacobian[2];
        SharedBaseMsm.Compute(proofPoints.ToArray(), [s.RPowers, s.ProofScalars], overProofs);
        var ll = overProofs[0];
        var rlp = overProofs[1];
        // 4.1 RLC = Σ weightᵢ·commitmentᵢ.
        var rlc = G1Msm.Multiply(commitmentPoints, s.CommitmentWeights, dop);
        // 4.2 RLI = [Σₖ rᵏ·Iₖ(τ)] = Σₘ Iₘ·[τᵐ], m < 64: fixed bases, precomputed windows.
        var rli = settings.MonomialG1HeadTable.Multiply(s.InterpolationCoefficients);
        // 4.4 RL = RLC − RLI + RLP.
        var rl = G1Jacobian.Add(G1Jacobian.Sub(rlc, rli), rlp);
        // 5. e(LL, [τ⁶⁴]) · e(−RL, [1]) = 1.
        Span<G1Affine> affine = stackalloc G1Affine[2];
        G1Jacobian.BatchToAffine([ll, G1Jacobian.Negate(rl)], affine);
        return Pairing.PairingProductIsOne([(affine[0], settings.G2TauPowCell), (affine[1], settings.G2One)]);
    }

    private static void DecodeProofs(ReadOnlySpan<KzgProof> proofs, Span<G1Affine> points, int dop)
    {
        if (G1ChordVector.IsSupported && proofs.Length >= FpVector.Lanes)
        {
            if (dop <= 1 || proofs.Length < 64)
            {
                DecodeG1Batch(proofs, points, "proof");
                return;
            }
            // Halves on separate threads; an error names the proof by its index in the whole batch.
            var all = proofs.ToArray();
            var decoded = new G1Affine[all.Length];
            int parts = Math.Min(dop, all.Length / FpVector.Lanes);
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = dop }, p =>
            {
                int from = p * all.Length / parts, to = (p + 1) * all.Length / parts;
                try { DecodeG1Batch(all.AsSpan(from, to - from), decoded.AsSpan(from, to - from), "proof"); }
                catch (KzgInputException)
                {
                    for (int k = from; k < to; k++) decoded[k] = DecodeG1(all[k].Bytes, $"proof {k}");
                }
            });
            decoded.CopyTo(points);
            return;
        }
        if (dop <= 1 || proofs.Length < 16)
        {
            for (int k = 0; k < proofs.Length; k++) points[k] = DecodeG1(proofs[k].Bytes, $"proof {k}");
            return;
        }
        var input = proofs.ToArray();
        var output = new G1Affine[input.Length];
        Parallel.For(0, input.Length, new ParallelOptions { MaxDegreeOfParallelism = dop }, k => output[k] = DecodeG1(input[k].Bytes, $"proof {k}"));
        output.CopyTo(points);
    }

    /// <summary>validate_kzg_g1: a compressed point on the curve and in the subgroup (infinity allowed).</summary>
    private static G1Affine DecodeG1(ReadOnlySpan<byte> bytes, string what)
    {
        if (!G1Affine.TryDecompress(bytes, out var point, out var error))
            throw new KzgInputException($"{what}: {error}");
        return point;
    }

    private static int IndexOf(ReadOnlySpan<KzgCommitment> commitments, in KzgCommitment c)
    {
        for (int i = 0; i < commitments.Length; i++) if (commitments[i] == c) return i;
        return -1;
    }
}
