namespace Blobs.Bls12381;

/// <summary>
/// An element of GT, the order-r subgroup of Fp12* that the pairing maps into, written
/// multiplicatively. Values come from <see cref="Pairing.Compute(in G1Affine, in G2Affine)"/> or
/// <see cref="Pairing.FinalExponentiation(in Fp12)"/>.
/// </summary>
/// <remarks>
/// Like blst and zkcrypto/bls12_381, the final exponentiation raises to 3·(p¹² − 1)/r (the cube
/// of the textbook reduced pairing, which the efficient hard-part chain yields); since 3 is prime
/// to r this is the same bilinear, non-degenerate pairing, and the values equal those libraries'.
/// </remarks>
public readonly struct Gt : IEquatable<Gt>
{
    /// <summary>The element as an Fp12 value.</summary>
    public readonly Fp12 Value;

    /// <summary>Wraps an Fp12 value that is known to lie in GT (no check).</summary>
    internal Gt(in Fp12 value)
    {
        Value = value;
    }

    /// <summary>The identity, 1.</summary>
    public static Gt Identity => new(Fp12.One);

    /// <summary>True for the identity.</summary>
    public bool IsIdentity => Value.IsOne;

    /// <summary>The group operation (Fp12 multiplication).</summary>
    public static Gt Mul(in Gt a, in Gt b) => new(Fp12.Mul(a.Value, b.Value));

    /// <summary>The inverse: the conjugate, since GT lies in the cyclotomic subgroup.</summary>
    public static Gt Inverse(in Gt a) => new(Fp12.Conjugate(a.Value));

    /// <summary>a^k for a scalar k (cyclotomic square and multiply, most significant bit first).</summary>
    public static Gt Pow(in Gt a, in Fr k)
    {
        Span<ulong> limbs = stackalloc ulong[4];
        k.ToCanonicalLimbs(limbs);
        Fp12 r = Fp12.One;
        bool started = false;
        for (int limb = 3; limb >= 0; limb--)
        {
            for (int bit = 63; bit >= 0; bit--)
            {
                if (started) r = Fp12.CyclotomicSquare(r);
                if (((limbs[limb] >> bit) & 1) != 0) { r = started ? Fp12.Mul(r, a.Value) : a.Value; started = true; }
            }
        }
        return new Gt(r);
    }

    /// <summary>The group operation.</summary>
    public static Gt operator *(in Gt a, in Gt b) => Mul(a, b);

    /// <summary>Equality of values.</summary>
    public static bool operator ==(in Gt a, in Gt b) => a.Equals(b);

    /// <summary>Inequality of values.</summary>
    public static bool operator !=(in Gt a, in Gt b) => !a.Equals(b);

    /// <inheritdoc />
    public bool Equals(Gt other) => Value.Equals(other.Value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Gt g && Equals(g);

    /// <inheritdoc />
    public override int GetHashCode() => Value.GetHashCode();

    /// <inheritdoc />
    public override string ToString() => Value.ToString();
}
