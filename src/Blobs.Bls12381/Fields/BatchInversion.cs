using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>What Montgomery's batch inversion needs of a field (<see cref="Fp"/>, <see cref="Fp2"/>, <see cref="Fr"/>).</summary>
/// <typeparam name="TField">The field element type itself.</typeparam>
internal interface IInvertibleField<TField> where TField : struct, IInvertibleField<TField>
{
    /// <summary>1.</summary>
    static abstract TField One { get; }

    /// <summary>True for 0.</summary>
    bool IsZero { get; }

    /// <summary>a·b.</summary>
    static abstract TField Mul(in TField a, in TField b);

    /// <summary>1/a (0 for 0).</summary>
    static abstract TField Inverse(in TField a);
}

/// <summary>Montgomery's trick, written once for every field.</summary>
internal static class BatchInversion
{
    /// <summary>Prefix products up to this many bytes live on the stack.</summary>
    private const int StackBytes = 8192;

    /// <summary>
    /// Inverts every element in place with one field inversion and three multiplications per element; zeros stay
    /// zero.
    /// </summary>
    public static void Invert<TField>(Span<TField> values) where TField : unmanaged, IInvertibleField<TField>
    {
        int n = values.Length;
        if (n == 0) return;
        Span<TField> prefix = n * Unsafe.SizeOf<TField>() <= StackBytes ? stackalloc TField[n] : new TField[n];
        TField acc = TField.One;
        for (int i = 0; i < n; i++)
        {
            prefix[i] = acc;
            if (!values[i].IsZero) acc = TField.Mul(acc, values[i]);
        }
        TField inv = TField.Inverse(acc);
        for (int i = n - 1; i >= 0; i--)
        {
            if (values[i].IsZero) continue;
            TField v = values[i];
            values[i] = TField.Mul(inv, prefix[i]);
            inv = TField.Mul(inv, v);
        }
    }
}
