using System.Runtime.Intrinsics;

namespace Blobs.Bls12381;

/// <summary>
/// A G2 point with its Miller loop line functions precomputed (the G2 half of every line depends
/// only on Q). Prepare a fixed point once — KZG verification always pairs with [1]₂ and a setup
/// point such as [τ]₂ — and reuse it in <see cref="Pairing.MultiMillerLoop(ReadOnlySpan{ValueTuple{G1Affine, G2Prepared}})"/> and
/// <see cref="Pairing.PairingProductIsOne"/>. Immutable and safe to share between threads.
/// </summary>
public sealed class G2Prepared
{
    /// <summary>Line functions in a Miller loop over |x| = 0xd201000000010000: 63 doublings and 5 additions.</summary>
    internal const int LineCount = 68;

    /// <summary>The lines in loop order, normalized (empty for the point at infinity).</summary>
    internal readonly NormalizedLine[] Lines;

    /// <summary>
    /// The same lines in the AVX-512 vector form (null without AVX-512): for line n and limb i,
    /// four consecutive 28-bit limbs of ℓ0.re, ℓ0.im, ℓ1.re, ℓ1.im (Montgomery 2^392) at
    /// [(n·14 + i)·4] — one 256-bit half of an <see cref="FpV"/> limb.
    /// </summary>
    internal readonly ulong[]? VectorLines;

    /// <summary>The point these lines belong to.</summary>
    public G2Affine Point { get; }

    /// <summary>True when the point is the point at infinity (it pairs to 1 with anything).</summary>
    public bool IsInfinity => Lines.Length == 0;

    /// <summary>
    /// Precomputes the line functions of <paramref name="q"/>. The point is taken as given: callers
    /// that hold untrusted bytes decode them with the subgroup check first
    /// (<see cref="G2Affine.Decompress"/>).
    /// </summary>
    public G2Prepared(in G2Affine q)
    {
        Point = q;
        if (q.IsInfinity)
        {
            Lines = [];
            VectorLines = FpVector.IsSupported ? [] : null;
            return;
        }
        // 1. T = Q in homogeneous projective coordinates; walk the bits of |x| below the top one.
        var lines = new LineFunction[LineCount];
        Fp2 x = q.X, y = q.Y, z = Fp2.One;
        int n = 0;
        for (int bit = 62; bit >= 0; bit--)
        {
            lines[n++] = LineFunction.Double(ref x, ref y, ref z);
            if (((Fp12.BlsXAbs >> bit) & 1) != 0) lines[n++] = LineFunction.Add(ref x, ref y, ref z, q.X, q.Y);
        }
        // 2. Scale every line by 1/ℓ4 (one batched inversion).
        Span<Fp2> inverses = stackalloc Fp2[LineCount];
        for (int i = 0; i < LineCount; i++) inverses[i] = lines[i].L4;
        Fp2.BatchInverse(inverses);
        Lines = new NormalizedLine[LineCount];
        for (int i = 0; i < LineCount; i++) Lines[i] = lines[i].Normalize(inverses[i]);

        // 3. The vector form, two lines per conversion.
        if (FpVector.IsSupported) VectorLines = ToVectorForm(Lines);
    }

    private static ulong[] ToVectorForm(NormalizedLine[] lines)
    {
        var result = new ulong[LineCount * FpVector.Limbs * 4];
        Span<Fp> lanes = stackalloc Fp[FpVector.Lanes];
        Span<ulong> limb = stackalloc ulong[FpVector.Lanes];
        FpV v = default;
        for (int n = 0; n < LineCount; n += 2)
        {
            for (int h = 0; h < 2; h++)
            {
                ref readonly var line = ref lines[n + h];
                lanes[4 * h] = line.L0.C0; lanes[4 * h + 1] = line.L0.C1;
                lanes[4 * h + 2] = line.L1.C0; lanes[4 * h + 3] = line.L1.C1;
            }
            FpVector.Load(lanes, ref v);
            for (int i = 0; i < FpVector.Limbs; i++)
            {
                v[i].CopyTo(limb);
                limb[..4].CopyTo(result.AsSpan(((n * FpVector.Limbs) + i) * 4));
                limb[4..].CopyTo(result.AsSpan((((n + 1) * FpVector.Limbs) + i) * 4));
            }
        }
        return result;
    }

    /// <summary>The prepared G2 generator.</summary>
    public static G2Prepared Generator => s_generator.Value;

    private static readonly Lazy<G2Prepared> s_generator = new(() => new G2Prepared(G2Affine.Generator));
}
