namespace Blobs.Bls12381;

public readonly partial struct Fp
{
    // Exponents as little-endian limbs.
    private static ReadOnlySpan<ulong> PMinus2 =>
        [0xb9feffffffffaaa9UL, 0x1eabfffeb153ffffUL, 0x6730d2a0f6b0f624UL, 0x64774b84f38512bfUL, 0x4b1ba7b6434bacd7UL, 0x1a0111ea397fe69aUL];

    private static ReadOnlySpan<ulong> PPlus1Over4 =>
        [0xee7fbfffffffeaabUL, 0x07aaffffac54ffffUL, 0xd9cc34a83dac3d89UL, 0xd91dd2e13ce144afUL, 0x92c6e9ed90d2eb35UL, 0x0680447a8e5ff9a6UL];

    private static ReadOnlySpan<ulong> PMinus1Over2 =>
        [0xdcff7fffffffd555UL, 0x0f55ffff58a9ffffUL, 0xb39869507b587b12UL, 0xb23ba5c279c2895fUL, 0x258dd3db21a5d66bUL, 0x0d0088f51cbff34dUL];

    /// <summary>
    /// <paramref name="a"/> raised to a power given as little-endian 64-bit limbs (fixed 4-bit
    /// window: one squaring per exponent bit and one multiplication per non-zero nibble).
    /// </summary>
    public static Fp Pow(in Fp a, ReadOnlySpan<ulong> exponentLimbs)
    {
        Span<Fp> table = stackalloc Fp[16];
        table[0] = One;
        table[1] = a;
        for (int i = 2; i < 16; i++) table[i] = Mul(table[i - 1], a);

        Fp r = One;
        bool started = false;
        for (int limb = exponentLimbs.Length - 1; limb >= 0; limb--)
        {
            ulong e = exponentLimbs[limb];
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int nibble = (int)((e >> shift) & 0xF);
                if (started)
                {
                    r = Square(r); r = Square(r); r = Square(r); r = Square(r);
                    if (nibble != 0) r = Mul(r, table[nibble]);
                }
                else if (nibble != 0)
                {
                    r = table[nibble];
                    started = true;
                }
            }
        }
        return r;
    }

    /// <summary>
    /// The multiplicative inverse; zero maps to zero. Uses a variable-time binary extended
    /// Euclidean algorithm (the data this library handles is public).
    /// </summary>
    public static Fp Inverse(in Fp a) => InverseBinaryGcd(a);

    /// <summary>The multiplicative inverse by Fermat's little theorem, a^(p−2) (reference implementation).</summary>
    public static Fp InverseFermat(in Fp a) => Pow(a, PMinus2);

    /// <summary>The multiplicative inverse of this element; zero maps to zero.</summary>
    public Fp Inverse() => Inverse(this);

    /// <summary>
    /// A square root when one exists: a^((p+1)/4) (p ≡ 3 mod 4). Returns false (and an unspecified
    /// <paramref name="root"/>) for a non-square. The root returned is whichever of ±√a the
    /// exponentiation yields; callers that need a particular one use <see cref="IsLexicographicallyLargest"/>.
    /// </summary>
    public static bool Sqrt(in Fp a, out Fp root)
    {
        root = Pow(a, PPlus1Over4);
        return Square(root).Equals(a);
    }

    /// <summary>The Legendre symbol (a/p): 1 for a non-zero square, −1 for a non-square, 0 for zero.</summary>
    public static int Legendre(in Fp a)
    {
        if (a.IsZero) return 0;
        var l = Pow(a, PMinus1Over2);
        return l.IsOne ? 1 : -1;
    }

    /// <summary>True when the element is a square (zero included).</summary>
    public static bool IsSquare(in Fp a) => Legendre(a) >= 0;

    /// <summary>
    /// Inverts every element in place with Montgomery's trick (one field inversion and three
    /// multiplications per element); zeros stay zero.
    /// </summary>
    public static void BatchInverse(Span<Fp> values) => BatchInversion.Invert(values);
}
