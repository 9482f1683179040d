using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

public static partial class Pairing
{
    /// <summary>
    /// The final exponentiation f ↦ f^(3(p¹² − 1)/r), which maps a Miller loop value into GT.
    /// </summary>
    /// <remarks>
    /// (p¹² − 1)/r = (p⁶ − 1)(p² + 1) · (p⁴ − p² + 1)/r. The "easy part" (p⁶ − 1)(p² + 1) costs an
    /// inversion and Frobenius maps and lands in the cyclotomic subgroup. The "hard part" uses the
    /// decomposition of Hayashida–Hayasaka–Teruya (2020, "Efficient final exponentiation via
    /// cyclotomic structure for pairings over families of elliptic curves"), with p and r the BLS12
    /// polynomials in x: 3(p⁴ − p² + 1)/r = (x − 1)²·(x + p)·(x² + p² − 1) + 3, i.e. five
    /// exponentiations by x and a few products and Frobenius maps. The factor 3 (prime to r) is
    /// what blst and zkcrypto/bls12_381 compute too.
    /// A zero input (impossible for Miller loop values of valid points) maps to zero.
    /// </remarks>
    public static Gt FinalExponentiation(in Fp12 f) => FinalExponentiation(f, FpVector.IsSupported);

    /// <summary><see cref="FinalExponentiation(in Fp12)"/> with the hard part on AVX-512 lanes or scalar.</summary>
    internal static Gt FinalExponentiation(in Fp12 f, bool vector)
    {
        if (vector) return FinalExponentiationVector(f);

        // 1. Easy part: t = f^(p⁶ − 1) = conj(f)·f⁻¹, then t = t^(p² + 1).
        Fp12 t = Fp12.Mul(Fp12.Conjugate(f), Fp12.Inverse(f));
        t = Fp12.Mul(Fp12.Frobenius2(t), t);

        // 2. a = t^((x − 1)²): two rounds of y ↦ y^x · y⁻¹.
        Fp12 a = Fp12.Mul(Fp12.CyclotomicExpByX(t), Fp12.Conjugate(t));
        a = Fp12.Mul(Fp12.CyclotomicExpByX(a), Fp12.Conjugate(a));

        // 3. b = a^(x + p) = a^x · a^p.
        Fp12 b = Fp12.Mul(Fp12.CyclotomicExpByX(a), Fp12.Frobenius1(a));

        // 4. c = b^(x² + p² − 1) = (b^x)^x · b^(p²) · b⁻¹.
        Fp12 c = Fp12.CyclotomicExpByX(Fp12.CyclotomicExpByX(b));
        c = Fp12.Mul(c, Fp12.Mul(Fp12.Frobenius2(b), Fp12.Conjugate(b)));

        // 5. Result c · t³.
        return new Gt(Fp12.Mul(c, Fp12.Mul(Fp12.CyclotomicSquare(t), t)));
    }

    /// <summary>The same chain with the hard part on <see cref="Fp12V"/> (the easy part's inversion stays scalar).</summary>
    [SkipLocalsInit]
    private static Gt FinalExponentiationVector(in Fp12 f)
    {
        // 1. Easy part: t = conj(f)·f⁻¹, then t = t^(p²)·t.
        Unsafe.SkipInit(out Fp12V t);
        Unsafe.SkipInit(out Fp12V u);
        Fp12Vector.Load(Fp12.Conjugate(f), ref t);
        Fp12Vector.Load(Fp12.Inverse(f), ref u);
        Fp12Vector.Mul(ref t, t, u);
        Fp12VectorCyclotomic.Frobenius(ref u, t, 2);
        Fp12Vector.Mul(ref t, u, t);

        // 2. a = t^((x − 1)²): two rounds of y ↦ y^x · y⁻¹.
        Unsafe.SkipInit(out Fp12V a);
        Fp12VectorCyclotomic.ExpByX(ref a, t);
        Fp12VectorCyclotomic.Conjugate(ref u, t);
        Fp12Vector.Mul(ref a, a, u);
        Fp12VectorCyclotomic.ExpByX(ref u, a);
        Fp12VectorCyclotomic.Conjugate(ref a, a);
        Fp12Vector.Mul(ref a, u, a);

        // 3. b = a^(x + p) = a^x · a^p.
        Unsafe.SkipInit(out Fp12V b);
        Fp12VectorCyclotomic.ExpByX(ref b, a);
        Fp12VectorCyclotomic.Frobenius(ref u, a, 1);
        Fp12Vector.Mul(ref b, b, u);

        // 4. c = b^(x² + p² − 1) = (b^x)^x · b^(p²) · b⁻¹ (a is free again and holds c).
        Fp12VectorCyclotomic.ExpByX(ref u, b);
        Fp12VectorCyclotomic.ExpByX(ref a, u);
        Fp12VectorCyclotomic.Frobenius(ref u, b, 2);
        Fp12Vector.Mul(ref a, a, u);
        Fp12VectorCyclotomic.Conjugate(ref b, b);
        Fp12Vector.Mul(ref a, a, b);

        // 5. Result c · t³.
        Fp12Vector.Square(ref u, t);
        Fp12Vector.Mul(ref u, u, t);
        Fp12Vector.Mul(ref a, a, u);
        Fp12Vector.Store(a, out var result);
        return new Gt(result);
    }
}
