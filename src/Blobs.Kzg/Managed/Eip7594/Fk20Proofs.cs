using System.Buffers;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class Fk20
{
    /// <summary>
    /// The 128 cell proofs of a polynomial of degree &lt; 4096 (its monomial coefficients), in cell order — the
    /// proofs of compute_cells_and_kzg_proofs_polynomialcoeff, computed with FK20 instead of 128 divisions.
    /// </summary>
    public static void ComputeProofs(CellKzgSettings settings, ReadOnlySpan<Fr> coefficients, Span<KzgProof> proofs)
    {
        if (proofs.Length != CirculantSize) throw new ArgumentException($"proofs: output buffer holds {proofs.Length}, needs {CirculantSize}");
        var tables = settings.Fk20Tables;
        int dop = settings.MaxDegreeOfParallelism;
        var scalars = ArrayPool<Fr>.Shared.Rent(CirculantSize * Columns);
        try
        {
            // 1. Scalar side: FFT(cₜ)/128 for every column, transposed.
            ComputeScalars(coefficients, scalars.AsSpan(0, CirculantSize * Columns));

            // 2. The 128 MSMs Σₜ FFT(cₜ)[i]·FFT(xₜ)[i] (bit-reversed positions i), split over the threads.
            var h = new G1Affine[CirculantSize];
            if (dop > 1)
            {
                int parts = Math.Min(dop, CirculantSize);
                Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = dop }, p =>
                    Fk20Msm.Run(tables, scalars.AsSpan(0, CirculantSize * Columns), h, p * CirculantSize / parts, (p + 1) * CirculantSize / parts));
            }
            else
            {
                Fk20Msm.Run(tables, scalars.AsSpan(0, CirculantSize * Columns), h, 0, CirculantSize);
            }

            // 3. H = IFFT of the sums (the 1/128 is in the scalars); keep H₀ … H₆₂.
            G1Fft.InverseFromBitReversedUnscaled(h, dop);
            h.AsSpan(HLength).Fill(G1Affine.Infinity);

            // 4. Proofs = FFT(H), bit-reversed output = cell order.
            G1Fft.ForwardToBitReversed(h, dop);
            Span<byte> bytes = stackalloc byte[KzgProof.Size];
            for (int k = 0; k < CirculantSize; k++)
            {
                h[k].Compress(bytes);
                proofs[k] = KzgProof.FromBytes(bytes);
            }
        }
        finally
        {
            ArrayPool<Fr>.Shared.Return(scalars);
        }
    }
}
