using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

/// <summary>
/// The field half of verify_cell_kzg_proof_batch_impl: everything the check needs except the group operations.
/// With r the Fiat–Shamir challenge, n = 64 and cell k at coset hₖ, the check is
/// e(LL, [τⁿ]) = e(RLC − RLI + RLP, [1]) where LL = Σₖ rᵏ·proofₖ, RLC = Σᵢ weightᵢ·commitmentᵢ,
/// RLI = Σₘ Iₘ·[τᵐ] and RLP = Σₖ rᵏ·hₖⁿ·proofₖ.
/// </summary>
internal sealed class CellBatchScalars
{
    /// <summary>rᵏ, the LL scalars (one per cell).</summary>
    public required Fr[] RPowers { get; init; }

    /// <summary>rᵏ·hₖ⁶⁴, the RLP scalars (one per cell).</summary>
    public required Fr[] ProofScalars { get; init; }

    /// <summary>weightᵢ = Σ of rᵏ over the cells of commitment i, the RLC scalars (one per distinct commitment).</summary>
    public required Fr[] CommitmentWeights { get; init; }

    /// <summary>The 64 coefficients of Σₖ rᵏ·Iₖ(X), Iₖ the interpolation polynomial of cell k over its coset (the RLI scalars).</summary>
    public required Fr[] InterpolationCoefficients { get; init; }
}

internal static partial class CellKzg
{
    /// <summary>
    /// Steps 1 and 4.1a–4.3 (field parts) of verify_cell_kzg_proof_batch_impl: the challenge r, its powers,
    /// the commitment weights, the aggregated interpolation polynomial and the RLP scalars.
    /// <para>
    /// RLI is computed as the spec suggests (the IDFT method): interpolation is linear, so the cells that
    /// share a cell index are first summed with their weights rᵏ, then each distinct index costs one
    /// inverse FFT of size 64. A cell's elements are J(ω₆₄^reverse_bits(j)) for J(Y) = I(hY), so the inverse
    /// FFT takes them in bit-reversed order as they are; I's coefficients are J's divided by hᵐ.
    /// </para>
    /// </summary>
    public static CellBatchScalars ComputeCellBatchScalars(ReadOnlySpan<KzgCommitment> uniqueCommitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        int n = cellIndices.Length;
        // 1. The challenge and its powers r⁰ … rⁿ⁻¹.
        Fr r = ComputeVerifyCellKzgProofBatchChallenge(uniqueCommitments, commitmentIndices, cellIndices, cells, proofs);
        var rPowers = new Fr[n];
        if (n > 0) rPowers[0] = Fr.One;
        for (int k = 1; k < n; k++) rPowers[k] = rPowers[k - 1] * r;

        // 4.1a. weights[i] = Σ rᵏ over the cells of commitment i.
        var weights = new Fr[uniqueCommitments.Length];
        for (int k = 0; k < n; k++) weights[(int)commitmentIndices[k]] += rPowers[k];

        // 4.2. Σₖ rᵏ·evalsₖ per cell index, then one inverse FFT and unshift per cell index in use.
        var aggregated = new Fr[CellCount * CellSize];
        Span<bool> used = stackalloc bool[CellCount];
        Span<Fr> evals = stackalloc Fr[CellSize];
        for (int k = 0; k < n; k++)
        {
            int c = (int)cellIndices[k];
            used[c] = true;
            CellToCosetEvals(cells.Slice(k * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell), evals, $"cell {k}");
            var sum = aggregated.AsSpan(c * CellSize, CellSize);
            for (int j = 0; j < CellSize; j++) sum[j] += evals[j] * rPowers[k];
        }
        var interpolation = new Fr[CellSize];
        for (int c = 0; c < CellCount; c++)
        {
            if (!used[c]) continue;
            var j = aggregated.AsSpan(c * CellSize, CellSize);
            FrFft.InverseFromBitReversed(j);
            FrFft.ScaleByPowers(j, InverseCosetShiftForCell(c));
            for (int m = 0; m < CellSize; m++) interpolation[m] += j[m];
        }

        // 4.3. RLP scalars rᵏ·hₖ⁶⁴ (hₖ⁶⁴ = ω₁₂₈^reverse_bits(cell index)).
        var proofScalars = new Fr[n];
        for (int k = 0; k < n; k++) proofScalars[k] = rPowers[k] * CosetShiftPow64ForCell((int)cellIndices[k]);

        return new CellBatchScalars
        {
            RPowers = rPowers,
            ProofScalars = proofScalars,
            CommitmentWeights = weights,
            InterpolationCoefficients = interpolation,
        };
    }
}
