using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    private static readonly Fr[] s_cosetShifts = BuildCosetShifts(inverse: false);
    private static readonly Fr[] s_inverseCosetShifts = BuildCosetShifts(inverse: true);
    private static readonly Fr[] s_cosetShiftsPow64 = BuildCosetShiftsPow64();

    /// <summary>
    /// coset_shift_for_cell: hₖ = bit_reversal_permutation(roots of order 8192)[64·k] = ω₈₁₉₂^reverse_bits(k, 128).
    /// The cell's points are hₖ·ω₆₄^reverse_bits(j, 64) for its elements j = 0…63.
    /// </summary>
    public static Fr CosetShiftForCell(int cellIndex) => s_cosetShifts[CheckCellIndex(cellIndex)];

    /// <summary>hₖ⁻¹.</summary>
    public static Fr InverseCosetShiftForCell(int cellIndex) => s_inverseCosetShifts[CheckCellIndex(cellIndex)];

    /// <summary>hₖ⁶⁴ = ω₁₂₈^reverse_bits(k, 128), the root whose X⁶⁴ − hₖ⁶⁴ vanishes on cell k's coset.</summary>
    public static Fr CosetShiftPow64ForCell(int cellIndex) => s_cosetShiftsPow64[CheckCellIndex(cellIndex)];

    /// <summary>coset_for_cell: the 64 points of cell <paramref name="cellIndex"/> in the cell's element order.</summary>
    public static Fr[] CosetForCell(int cellIndex)
    {
        Fr h = CosetShiftForCell(cellIndex);
        var points = BitReversal.Permuted<Fr>(FrFft.RootsOfUnity(CellSize));
        for (int j = 0; j < points.Length; j++) points[j] = h * points[j];
        return points;
    }

    private static int CheckCellIndex(int cellIndex)
    {
        if ((uint)cellIndex >= CellCount) throw new ArgumentOutOfRangeException(nameof(cellIndex), $"cell index must be below {CellCount}");
        return cellIndex;
    }

    private static Fr[] BuildCosetShiftsPow64()
    {
        var roots = FrFft.RootsOfUnity(CellCount);
        var result = new Fr[CellCount];
        for (int k = 0; k < CellCount; k++) result[k] = roots[BitReversal.Reverse(k, 7)];
        return result;
    }

    private static Fr[] BuildCosetShifts(bool inverse)
    {
        Fr w = FrFft.RootOfUnity(KzgConstants.FieldElementsPerExtBlob);
        if (inverse) w = w.Invert();
        var powers = new Fr[CellCount];
        powers[0] = Fr.One;
        for (int i = 1; i < CellCount; i++) powers[i] = powers[i - 1] * w;
        var shifts = new Fr[CellCount];
        for (int k = 0; k < CellCount; k++) shifts[k] = powers[BitReversal.Reverse(k, 7)];
        return shifts;
    }
}
