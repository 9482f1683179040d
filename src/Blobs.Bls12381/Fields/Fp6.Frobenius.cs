using System.Runtime.CompilerServices;
using static Blobs.Bls12381.FrobeniusCoefficients;

namespace Blobs.Bls12381;

public readonly partial struct Fp6
{
    /// <summary>
    /// The Frobenius map x ↦ x^(p^power) for any power (taken modulo 6). Powers 1, 2 and 3 use
    /// precomputed constants directly (see <see cref="FrobeniusCoefficients"/>); others compose them.
    /// </summary>
    public static Fp6 Frobenius(in Fp6 a, int power)
    {
        power %= 6;
        if (power < 0) power += 6;
        return power switch
        {
            0 => a,
            1 => Frobenius1(a),
            2 => Frobenius2(a),
            3 => Frobenius3(a),
            4 => Frobenius2(Frobenius2(a)),
            _ => Frobenius3(Frobenius2(a)),
        };
    }

    /// <summary>x ↦ x^p: (conj a0) + (conj a1)·γ(1, 2)·v + (conj a2)·γ(1, 4)·v².</summary>
    internal static Fp6 Frobenius1(in Fp6 a) => new(
        Fp2.Conjugate(a.C0),
        MulByImaginary(Fp2.Conjugate(a.C1), G12Im),
        Fp2.MulByFp(Fp2.Conjugate(a.C2), G14));

    /// <summary>x ↦ x^(p²): a0 + a1·γ(2, 2)·v + a2·γ(2, 4)·v² (Fp2 is fixed by p²).</summary>
    internal static Fp6 Frobenius2(in Fp6 a) => new(a.C0, Fp2.MulByFp(a.C1, G22), Fp2.MulByFp(a.C2, G24));

    /// <summary>x ↦ x^(p³): (conj a0) + (conj a1)·u·v − (conj a2)·v².</summary>
    internal static Fp6 Frobenius3(in Fp6 a) => new(
        Fp2.Conjugate(a.C0),
        MulByU(Fp2.Conjugate(a.C1)),
        Fp2.Negate(Fp2.Conjugate(a.C2)));

    /// <summary>x·u = −x1 + x0·u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 MulByU(in Fp2 x) => new(Fp.Negate(x.C1), x.C0);

    /// <summary>x·(c·u) = −c·x1 + c·x0·u, for c ∈ Fp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 MulByImaginary(in Fp2 x, in Fp c) => new(Fp.Negate(Fp.Mul(x.C1, c)), Fp.Mul(x.C0, c));

    /// <summary>x·c·(1 + u) = c·(x0 − x1) + c·(x0 + x1)·u, for c ∈ Fp.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 MulByOnePlusU(in Fp2 x, in Fp c) => new(Fp.Mul(Fp.Sub(x.C0, x.C1), c), Fp.Mul(Fp.Add(x.C0, x.C1), c));
}
