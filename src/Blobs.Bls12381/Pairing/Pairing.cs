namespace Blobs.Bls12381;

/// <summary>
/// The optimal ate pairing e: G1 × G2 → GT of BLS12-381: a Miller loop over the BLS parameter
/// |x| = 0xd201000000010000 (shared squarings for several pairs, precomputed G2 lines), then one
/// final exponentiation.
/// </summary>
/// <remarks>
/// Inputs are taken as given (on the curve and in the subgroup); decode untrusted bytes with the
/// subgroup checks of <see cref="G1Affine.Decompress"/> and <see cref="G2Affine.Decompress"/>.
/// A pair in which either point is the point at infinity contributes 1. The values equal those of
/// blst and zkcrypto/bls12_381 (see <see cref="Gt"/>).
/// </remarks>
public static partial class Pairing
{
    /// <summary>e(P, Q).</summary>
    public static Gt Compute(in G1Affine p, in G2Affine q)
    {
        if (p.IsInfinity || q.IsInfinity) return Gt.Identity;
        var prepared = new G2Prepared(q);
        return FinalExponentiation(MultiMillerLoop([(p, prepared)]));
    }

    /// <summary>e(P, Q) with a prepared Q.</summary>
    public static Gt Compute(in G1Affine p, G2Prepared q)
    {
        ArgumentNullException.ThrowIfNull(q);
        return FinalExponentiation(MultiMillerLoop([(p, q)]));
    }

    /// <summary>
    /// True when ∏ e(Pᵢ, Qᵢ) = 1: one multi-Miller loop and one final exponentiation. This is the
    /// check KZG verification ends with, e.g. e(C − [y]₁, [1]₂) · e(−π, [τ − z]₂) = 1.
    /// </summary>
    public static bool PairingProductIsOne(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs) =>
        FinalExponentiation(MultiMillerLoop(pairs)).IsIdentity;

    /// <summary>
    /// The product of the Miller loop values f_{x,Qᵢ}(Pᵢ) of every pair, with the squarings of the
    /// accumulator shared: 62 Fp12 squarings in all, plus 68 sparse line multiplications per pair.
    /// Pairs with a point at infinity are skipped. The result is only meaningful after
    /// <see cref="FinalExponentiation"/>.
    /// </summary>
    public static Fp12 MultiMillerLoop(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs) =>
        MultiMillerLoop(pairs, FpVector.IsSupported);

    /// <summary><see cref="MultiMillerLoop(ReadOnlySpan{ValueTuple{G1Affine, G2Prepared}})"/> on AVX-512 lanes or scalar.</summary>
    internal static Fp12 MultiMillerLoop(ReadOnlySpan<(G1Affine P, G2Prepared Q)> pairs, bool vector)
    {
        // 1. Keep the pairs that contribute (neither point at infinity), with 1/yP and xP/yP for
        //    the normalized lines (one batched inversion).
        int count = pairs.Length;
        Span<int> active = count <= 32 ? stackalloc int[count] : new int[count];
        Span<Fp> yInverse = count <= 32 ? stackalloc Fp[count] : new Fp[count];
        int n = 0;
        for (int i = 0; i < count; i++)
        {
            ArgumentNullException.ThrowIfNull(pairs[i].Q, $"pairs[{i}].Q");
            if (pairs[i].P.IsInfinity || pairs[i].Q.IsInfinity) continue;
            active[n] = i;
            yInverse[n] = pairs[i].P.Y;
            n++;
        }
        if (n == 0) return Fp12.One;
        active = active[..n];
        yInverse = yInverse[..n];
        Fp.BatchInverse(yInverse);
        Span<Fp> xOverY = n <= 32 ? stackalloc Fp[n] : new Fp[n];
        for (int k = 0; k < n; k++) xOverY[k] = Fp.Mul(pairs[active[k]].P.X, yInverse[k]);

        if (vector) return MillerLoopVector(pairs, active, yInverse, xOverY);

        // 2. Left to right over the bits of |x| below the top one: square f (not on the first
        //    step, where f = 1), multiply in every pair's tangent line, then every pair's chord
        //    line when the bit is set.
        Fp12 f = Fp12.One;
        int line = 0;
        for (int bit = 62; bit >= 0; bit--)
        {
            if (bit != 62) f = Fp12.Square(f);
            for (int k = 0; k < n; k++) f = pairs[active[k]].Q.Lines[line].MulInto(f, yInverse[k], xOverY[k]);
            line++;
            if (((Fp12.BlsXAbs >> bit) & 1) != 0)
            {
                for (int k = 0; k < n; k++) f = pairs[active[k]].Q.Lines[line].MulInto(f, yInverse[k], xOverY[k]);
                line++;
            }
        }

        // 3. x is negative: f_{x,Q} = 1/f_{|x|,Q} up to a vertical line (removed by the final
        //    exponentiation), and after it the inverse is the conjugate.
        return Fp12.Conjugate(f);
    }
}
