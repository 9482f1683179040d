namespace Blobs.Bls12381;

/// <summary>
/// The constants of the Frobenius maps x ↦ x^(p^k) on Fp6 and Fp12 (k = 1, 2, 3).
/// </summary>
/// <remarks>
/// Over Fp2, Fp12 has basis w^i (i = 0..5) with w⁶ = ξ = 1 + u, so
/// (a·w^i)^(p^k) = a^(p^k) · ξ^(i(p^k − 1)/6) · w^i: the coefficient γ(k, i) = ξ^(i(p^k − 1)/6)
/// multiplies the conjugated (odd k) or unchanged (even k) Fp2 coefficient of w^i. The values
/// below are canonical (big-endian hex); the tests re-derive each one as that power of ξ.
/// Several have a special shape that the maps exploit: γ(1, 2) = c·u, γ(1, 4) ∈ Fp,
/// γ(1, 3) = a·(1 + u), every γ(2, i) ∈ Fp, γ(3, 2) = u, γ(3, 3) = b·(1 + u), γ(3, 4) = −1.
/// </remarks>
internal static class FrobeniusCoefficients
{
    private static Fp Hex(string hex) => Fp.FromBytes(Convert.FromHexString(hex.PadLeft(96, '0')));

    // a = Re γ(1, 3), b = Re γ(3, 1); also γ(1, 3) = a(1 + u), γ(3, 3) = b(1 + u), γ(3, 5) = a + b·u.
    private const string A = "06af0e0437ff400b6831e36d6bd17ffe48395dabc2d3435e77f76e17009241c5ee67992f72ec05f4c81084fbede3cc09";
    private const string B = "135203e60180a68ee2e9c448d77a2cd91c3dedd930b1cf60ef396489f61eb45e304466cf3e67fa0af1ee7b04121bdea2";

    // The non-trivial cube roots of unity in Fp (ω² + ω + 1 = 0), which γ(1, 2), γ(1, 4) and the γ(2, i) are made of.
    private const string W1 = "1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaac";
    private const string W2 = "5f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe";

    /// <summary>γ(1, 1) = ξ^((p − 1)/6).</summary>
    public static readonly Fp2 G11 = new(
        Hex("1904d3bf02bb0667c231beb4202c0d1f0fd603fd3cbd5f4f7b2443d784bab9c4f67ea53d63e7813d8d0775ed92235fb8"),
        Hex("00fc3e2b36c4e03288e9e902231f9fb854a14787b6c7b36fec0c8ec971f63c5f282d5ac14d6c7ec22cf78a126ddc4af3"));

    /// <summary>The Fp coefficient of u in γ(1, 2) = ξ^((p − 1)/3), whose real part is zero.</summary>
    public static readonly Fp G12Im = Hex(W1);

    /// <summary>a with γ(1, 3) = ξ^((p − 1)/2) = a·(1 + u).</summary>
    public static readonly Fp G13 = Hex(A);

    /// <summary>γ(1, 4) = ξ^(2(p − 1)/3), an element of Fp.</summary>
    public static readonly Fp G14 = Fp.Add(Hex(W1), Fp.One);

    /// <summary>γ(1, 5) = ξ^(5(p − 1)/6).</summary>
    public static readonly Fp2 G15 = new(
        Hex("05b2cfd9013a5fd8df47fa6b48b1e045f39816240c0b8fee8beadf4d8e9c0566c63a3e6e257f87329b18fae980078116"),
        Hex("144e4211384586c16bd3ad4afa99cc9170df3560e77982d0db45f3536814f0bd5871c1908bd478cd1ee605167ff82995"));

    /// <summary>γ(2, 1) = ξ^((p² − 1)/6) ∈ Fp.</summary>
    public static readonly Fp G21 = Fp.Add(Hex(W2), Fp.One);

    /// <summary>γ(2, 2) = ξ^((p² − 1)/3) ∈ Fp.</summary>
    public static readonly Fp G22 = Hex(W2);

    /// <summary>γ(2, 4) = ξ^(2(p² − 1)/3) ∈ Fp.</summary>
    public static readonly Fp G24 = Hex(W1);

    /// <summary>γ(2, 5) = ξ^(5(p² − 1)/6) ∈ Fp.</summary>
    public static readonly Fp G25 = Fp.Add(Hex(W1), Fp.One);

    /// <summary>γ(3, 1) = ξ^((p³ − 1)/6) = b + a·u.</summary>
    public static readonly Fp2 G31 = new(Hex(B), Hex(A));

    /// <summary>b with γ(3, 3) = ξ^((p³ − 1)/2) = b·(1 + u).</summary>
    public static readonly Fp G33 = Hex(B);

    /// <summary>γ(3, 5) = ξ^(5(p³ − 1)/6) = a + b·u.</summary>
    public static readonly Fp2 G35 = new(Hex(A), Hex(B));
}

public readonly partial struct Fp12
{
    /// <summary>
    /// The Frobenius map x ↦ x^(p^power) for any power (taken modulo 12). Powers 1, 2 and 3 use
    /// precomputed constants directly (see <see cref="FrobeniusCoefficients"/>); others compose them.
    /// </summary>
    public static Fp12 Frobenius(in Fp12 a, int power)
    {
        power %= 12;
        if (power < 0) power += 12;
        Fp12 r = a;
        if (power >= 6) { r = Conjugate(r); power -= 6; }
        return power switch
        {
            0 => r,
            1 => Frobenius1(r),
            2 => Frobenius2(r),
            3 => Frobenius3(r),
            4 => Frobenius2(Frobenius2(r)),
            _ => Frobenius3(Frobenius2(r)),
        };
    }

    /// <summary>x ↦ x^p.</summary>
    internal static Fp12 Frobenius1(in Fp12 a) => new(
        Fp6.Frobenius1(a.C0),
        new Fp6(
            Fp2.Mul(Fp2.Conjugate(a.C1.C0), FrobeniusCoefficients.G11),
            Fp6.MulByOnePlusU(Fp2.Conjugate(a.C1.C1), FrobeniusCoefficients.G13),
            Fp2.Mul(Fp2.Conjugate(a.C1.C2), FrobeniusCoefficients.G15)));

    /// <summary>x ↦ x^(p²): every constant is in Fp and γ(2, 3) = −1.</summary>
    internal static Fp12 Frobenius2(in Fp12 a) => new(
        Fp6.Frobenius2(a.C0),
        new Fp6(
            Fp2.MulByFp(a.C1.C0, FrobeniusCoefficients.G21),
            Fp2.Negate(a.C1.C1),
            Fp2.MulByFp(a.C1.C2, FrobeniusCoefficients.G25)));

    /// <summary>x ↦ x^(p³).</summary>
    internal static Fp12 Frobenius3(in Fp12 a) => new(
        Fp6.Frobenius3(a.C0),
        new Fp6(
            Fp2.Mul(Fp2.Conjugate(a.C1.C0), FrobeniusCoefficients.G31),
            Fp6.MulByOnePlusU(Fp2.Conjugate(a.C1.C1), FrobeniusCoefficients.G33),
            Fp2.Mul(Fp2.Conjugate(a.C1.C2), FrobeniusCoefficients.G35)));
}
