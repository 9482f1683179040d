using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

/// <summary>
/// The evaluation domain of blobs: compute_roots_of_unity(FIELD_ELEMENTS_PER_BLOB) in
/// bit_reversal_permutation order (deneb polynomial-commitments.md), so that element i of a blob is the
/// polynomial's value at <see cref="RootsBrp"/>[i].
/// </summary>
internal static class Domain
{
    /// <summary>FIELD_ELEMENTS_PER_BLOB.</summary>
    public const int Size = KzgConstants.FieldElementsPerBlob;

    /// <summary>log2 of <see cref="Size"/>.</summary>
    public const int Log2Size = 12;

    private static readonly Fr[] s_rootsBrp = BuildRootsBrp();

    /// <summary>roots_of_unity_brp: ω^brp(i) for i = 0…4095, ω a primitive 4096th root of unity (from generator 7).</summary>
    public static ReadOnlySpan<Fr> RootsBrp => s_rootsBrp;

    /// <summary>The domain's barycentric sums and quotients (eight lanes at a time on AVX-512).</summary>
    public static BarycentricDomain Barycentric => s_barycentric.Value;

    private static readonly Lazy<BarycentricDomain> s_barycentric = new(() => new BarycentricDomain(s_rootsBrp));

    /// <summary>The index i with roots_of_unity_brp[i] = z, or −1.</summary>
    public static int IndexOf(in Fr z)
    {
        var roots = RootsBrp;
        for (int i = 0; i < roots.Length; i++)
        {
            if (roots[i] == z) return i;
        }
        return -1;
    }

    /// <summary>1/4096 in the scalar field.</summary>
    public static Fr InverseSize { get; } = Fr.FromUInt64(Size).Invert();

    /// <summary>reverse_bits(i, 4096).</summary>
    public static int ReverseBits(int i) => (int)(ReverseBits32((uint)i) >> (32 - Log2Size));

    private static uint ReverseBits32(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0f0f0f0fu) | ((v & 0x0f0f0f0fu) << 4);
        v = ((v >> 8) & 0x00ff00ffu) | ((v & 0x00ff00ffu) << 8);
        return (v >> 16) | (v << 16);
    }

    private static Fr[] BuildRootsBrp()
    {
        // compute_roots_of_unity: ω^0, ω^1, …; then bit_reversal_permutation.
        var omega = Fr.RootOfUnity(Log2Size);
        var natural = new Fr[Size];
        natural[0] = Fr.One;
        for (int i = 1; i < Size; i++) natural[i] = natural[i - 1] * omega;
        var brp = new Fr[Size];
        for (int i = 0; i < Size; i++) brp[i] = natural[ReverseBits(i)];
        return brp;
    }
}
