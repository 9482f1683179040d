namespace Blobs.Bls12381;

/// <summary>
/// The field operations the curve formulas of <see cref="JacobianFormulas{TField}"/> need: <see cref="Fp"/> for G1,
/// <see cref="Fp2"/> for G2. Static abstract members, so that the JIT compiles each formula once per field with direct
/// calls, as if it had been written twice.
/// </summary>
/// <typeparam name="TField">The field element type itself.</typeparam>
internal interface ICurveField<TField> : IInvertibleField<TField>, IEquatable<TField> where TField : struct, ICurveField<TField>
{
    /// <summary>0.</summary>
    static abstract TField Zero { get; }

    /// <summary>a + b.</summary>
    static abstract TField Add(in TField a, in TField b);

    /// <summary>a + b, used only as an operand of <see cref="IInvertibleField{TField}.Mul"/> or <see cref="Square"/> (so it may stay unreduced).</summary>
    static abstract TField AddForProduct(in TField a, in TField b);

    /// <summary>a − b.</summary>
    static abstract TField Sub(in TField a, in TField b);

    /// <summary>2a.</summary>
    static abstract TField Double(in TField a);

    /// <summary>−a.</summary>
    static abstract TField Negate(in TField a);

    /// <summary>a².</summary>
    static abstract TField Square(in TField a);

    /// <summary>A square root of a (false when a is not a square).</summary>
    static abstract bool Sqrt(in TField a, out TField root);

    /// <summary>True when the element is the larger of ±itself in the ZCash encoding's order (the sign flag).</summary>
    bool IsLexicographicallyLargest { get; }

    /// <summary>Reads the big-endian encoding of the field; false unless it is canonical (below p in every coordinate).</summary>
    static abstract bool TryFromBytes(ReadOnlySpan<byte> bytes, out TField value);

    /// <summary>Writes the big-endian encoding of the field.</summary>
    void ToBytes(Span<byte> dest);
}
