using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>
    /// polynomial_eval_to_coeff(blob_to_polynomial(blob)): the 4096 coefficients of the blob's polynomial.
    /// The blob holds evaluations at the bit-reversal-permuted roots of unity, which is exactly the input
    /// order of a decimation-in-time inverse FFT, so no permutation pass is needed.
    /// </summary>
    public static void PolynomialEvalToCoeff(ReadOnlySpan<byte> blob, Span<Fr> coefficients)
    {
        if (blob.Length != KzgConstants.BytesPerBlob)
            throw new KzgInputException($"blob: expected {KzgConstants.BytesPerBlob} bytes, got {blob.Length}");
        var coeffs = coefficients[..KzgConstants.FieldElementsPerBlob];
        // 1. blob_to_polynomial: bytes to field elements (evaluation form, bit-reversed order).
        ReadElements(blob, coeffs, "blob");
        // 2. fft_field(bit_reversal_permutation(evals), roots, inv=True).
        FrFft.InverseFromBitReversed(coeffs);
    }
}
