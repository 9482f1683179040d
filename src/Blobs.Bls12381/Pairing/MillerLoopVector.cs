using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Blobs.Bls12381;

public static partial class Pairing
{
    /// <summary>
    /// The multi-Miller loop on AVX-512 lanes (<see cref="Fp12Vector"/>): f stays in vector form
    /// throughout; per step, the lines of two pairs are evaluated at their P with one 8-lane product
    /// ((ℓ0, ℓ1) of each line times (1/yP, 1/yP, xP/yP, xP/yP)), then multiplied in. Same value as
    /// the scalar loop.
    /// </summary>
    [SkipLocalsInit]
    private static Fp12 MillerLoopVector(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs, ReadOnlySpan<int> active,
                                         ReadOnlySpan<Fp> yInverse, ReadOnlySpan<Fp> xOverY)
    {
        int n = active.Length;
        int chunks = (n + 1) / 2;

        // 1. Per chunk of two pairs, the P-dependent scalars (1/yP, 1/yP, xP/yP, xP/yP) of each, in vector form.
        var scalars = new FpV[chunks];
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        for (int c = 0; c < chunks; c++)
        {
            for (int h = 0; h < 2; h++)
            {
                int k = Math.Min(2 * c + h, n - 1);
                lanes[4 * h] = yInverse[k]; lanes[4 * h + 1] = yInverse[k];
                lanes[4 * h + 2] = xOverY[k]; lanes[4 * h + 3] = xOverY[k];
            }
            FpVector.Load(lanes, ref scalars[c]);
        }
        var lines = new ulong[n][];
        for (int k = 0; k < n; k++) lines[k] = pairs[active[k]].Q.VectorLines!;

        // 2. The loop of MultiMillerLoop, with f in vector form.
        Unsafe.SkipInit(out Fp12V f);
        Fp12Vector.One(ref f);
        Span<FpV> eval = stackalloc FpV[3];
        Unsafe.SkipInit(out FpV coefficients);
        int line = 0;
        for (int bit = 62; bit >= 0; bit--)
        {
            if (bit != 62) Fp12Vector.Square(ref f, f);
            MultiplyLines(ref f, lines, scalars, line++, ref coefficients, eval);
            if (((Fp12.BlsXAbs >> bit) & 1) != 0) MultiplyLines(ref f, lines, scalars, line++, ref coefficients, eval);
        }

        // 3. Back to scalar form; x is negative.
        Fp12Vector.Store(f, out var result);
        return Fp12.Conjugate(result);
    }

    /// <summary>f ·= ℓ_line(P_k) for every pair k, two pairs per coefficient product.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MultiplyLines(ref Fp12V f, ulong[][] lines, FpV[] scalars, int line, ref FpV coefficients, Span<FpV> eval)
    {
        int n = lines.Length;
        int offset = line * FpVector.Limbs * 4;
        for (int c = 0; 2 * c < n; c++)
        {
            ulong[] first = lines[2 * c];
            ulong[] second = 2 * c + 1 < n ? lines[2 * c + 1] : first;
            for (int i = 0; i < FpVector.Limbs; i++)
                coefficients[i] = Vector512.Create(
                    Vector256.LoadUnsafe(ref first[offset + 4 * i]),
                    Vector256.LoadUnsafe(ref second[offset + 4 * i]));
            FpVector.MontMul(ref coefficients, coefficients, scalars[c]);
            Fp12Vector.EvaluateLine(coefficients, 0, eval);
            Fp12Vector.MulByLine(ref f, eval);
            if (2 * c + 1 < n)
            {
                Fp12Vector.EvaluateLine(coefficients, 4, eval);
                Fp12Vector.MulByLine(ref f, eval);
            }
        }
    }
}
