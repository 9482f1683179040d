using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// recover_polynomialcoeff: from the cells at <paramref name="cellIndices"/> (at least half of them,
    /// checked by the caller) recovers the polynomial of the extended blob; its 4096 coefficients are
    /// left in <paramref name="ext"/>[..4096] (the 8192-element buffer is the working space).
    /// <para>
    /// As the spec: E·Z = P·Z on the domain (E the received evaluations with zeros for the missing
    /// cells, Z the vanishing polynomial of the missing cells), so P = IFFT(E·Z) / Z, divided on the
    /// coset 7·⟨ω⟩ where Z has no zero. Z(x) = Zs(x⁶⁴) takes one value per cell on the domain and 128
    /// distinct values on the coset, so the division is 128 batch-inverted values, not 8192 divisions.
    /// </para>
    /// </summary>
    public static void RecoverPolynomialCoeff(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<Fr> ext)
    {
        if (ext.Length != ExtSize) throw new ArgumentException($"extension buffer holds {ext.Length} elements, needs {ExtSize}");
        int n = cellIndices.Length;
        if (cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cells: {cells.Length} bytes for {n} indices; expected {n} × {KzgConstants.BytesPerCell}");

        if (n < CellCount / 2) throw new KzgInputException($"cell indices: {n} cells given, recovery needs at least {CellCount / 2}");
        if (n > CellCount) throw new KzgInputException($"cell indices: {n} cells given, at most {CellCount} exist");

        // 1. Flatten the cells into the extended evaluation vector in bit-reversed order (zeros where missing).
        ext.Clear();
        Span<bool> present = stackalloc bool[CellCount];
        for (int i = 0; i < n; i++)
        {
            ulong index = cellIndices[i];
            if (index >= CellCount) throw new KzgInputException($"cell indices: index {index} at position {i} is out of range (must be < {CellCount})");
            if (present[(int)index]) throw new KzgInputException($"cell indices: index {index} at position {i} is a duplicate");
            present[(int)index] = true;
            CellToCosetEvals(cells.Slice(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell), ext.Slice((int)index * CellSize, CellSize), $"cell {i}");
        }
        // 2. The vanishing polynomial of the missing cells, short form Zs (Z(x) = Zs(x^64)).
        Span<Fr> zs = stackalloc Fr[CellCount + 1];
        int missing = ConstructVanishingPolynomial(present, zs);
        if (missing == 0)
        {
            // Nothing missing: Z = 1 and P is the interpolation of E itself.
            FrFft.InverseFromBitReversed(ext);
            return;
        }

        // 3. Z on the domain: the value on cell c is Zs(ω₁₂₈^reverse_bits(c)); evaluate Zs on the 128 roots
        //    (degree ≤ 64 < 128, so its first 128 coefficients are all of it) and multiply cell by cell: E·Z.
        Span<Fr> zsEval = stackalloc Fr[CellCount];
        zs[..CellCount].CopyTo(zsEval);
        FrFft.Forward(zsEval);
        for (int c = 0; c < CellCount; c++)
        {
            if (!present[c]) continue;
            Fr z = zsEval[BitReversal.Reverse(c, 7)];
            FrFft.Scale(ext.Slice(c * CellSize, CellSize), z);
        }

        // 4. (E·Z)(x) agrees with (P·Z)(x) on the domain and has degree < 8192: its coefficients are the inverse FFT.
        FrFft.InverseFromBitReversed(ext);

        // 5. (P·Z) over the coset 7·ω^k (coset_fft_field), output in bit-reversed order.
        FrFft.ScaleByPowers(ext, FrFft.CosetShift);
        FrFft.ForwardToBitReversed(ext);

        // 6. Z over the coset: Z(7·ω^k) = Zs(7^64 · ω₁₂₈^k) — 128 values, inverted together.
        Span<Fr> zCoset = stackalloc Fr[CellCount];
        zs[..CellCount].CopyTo(zCoset);
        FrFft.ScaleByPowers(zCoset, FrFft.CosetShift.Pow(CellSize));
        FrFft.Forward(zCoset);
        Fr.BatchInvert(zCoset);

        // 7. Divide: bit-reversed position 64·a + b holds index k = reverse_bits(b)·128 + reverse_bits(a),
        //    and k mod 128 = reverse_bits(a, 128): one divisor per block of 64.
        for (int a = 0; a < CellCount; a++)
            FrFft.Scale(ext.Slice(a * CellSize, CellSize), zCoset[BitReversal.Reverse(a, 7)]);

        // 8. Back to coefficients (coset_fft_field inverse) and keep the first FIELD_ELEMENTS_PER_BLOB.
        FrFft.InverseFromBitReversed(ext);
        FrFft.ScaleByPowers(ext[..BlobSize], FrFft.InverseCosetShift);
    }
}
