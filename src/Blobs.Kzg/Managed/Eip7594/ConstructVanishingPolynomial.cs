using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// construct_vanishing_polynomial in its short form. The spec's Z(x) over the 8192-point domain
    /// vanishes on every evaluation point of the missing cells; it is Zs(x⁶⁴) where
    /// Zs(x) = Π over missing cells c of (x − ω₁₂₈^reverse_bits(c, 128)) (ω₁₂₈ the root of order 128),
    /// because the 64 points of cell c are exactly the 64th roots of ω₁₂₈^reverse_bits(c). This writes
    /// the coefficients of Zs (lowest first) into <paramref name="coefficients"/> (at least 129 slots,
    /// the rest zeroed) and returns its degree, the number of missing cells.
    /// </summary>
    public static int ConstructVanishingPolynomial(ReadOnlySpan<bool> present, Span<Fr> coefficients)
    {
        if (present.Length != CellCount) throw new ArgumentException($"presence map has {present.Length} entries, needs {CellCount}");
        if (coefficients.Length < CellCount + 1) throw new ArgumentException($"coefficient buffer holds {coefficients.Length}, needs {CellCount + 1}");
        coefficients.Clear();
        coefficients[0] = Fr.One;
        int degree = 0;
        Fr w = FrFft.RootOfUnity(CellCount);
        Span<Fr> roots = stackalloc Fr[CellCount];
        roots[0] = Fr.One;
        for (int i = 1; i < CellCount; i++) roots[i] = roots[i - 1] * w;
        for (int c = 0; c < CellCount; c++)
        {
            if (present[c]) continue;
            // vanishing_polynomialcoeff step: p ← p · (x − root).
            Fr minusRoot = -roots[BitReversal.Reverse(c, 7)];
            degree++;
            coefficients[degree] = coefficients[degree - 1];
            for (int i = degree - 1; i >= 1; i--)
                coefficients[i] = coefficients[i - 1] + coefficients[i] * minusRoot;
            coefficients[0] = coefficients[0] * minusRoot;
        }
        return degree;
    }
}
