using System.Numerics;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// The bit-reversal permutation of the deneb spec (<c>reverse_bits</c>, <c>bit_reversal_permutation</c>):
/// element i moves to the index whose log2(n) bits are those of i in reverse order.
/// </summary>
public static class BitReversal
{
    /// <summary>reverse_bits: the lowest <paramref name="bits"/> bits of <paramref name="value"/> in reverse order.</summary>
    public static int Reverse(int value, int bits)
    {
        if ((uint)bits > 31) throw new ArgumentOutOfRangeException(nameof(bits), "bits must be 0…31");
        if (bits == 0) return 0;
        return (int)(ReverseBits32((uint)value) >> (32 - bits));
    }

    /// <summary>All 32 bits of <paramref name="v"/> reversed.</summary>
    public static uint ReverseBits32(uint v)
    {
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0f0f0f0fu) | ((v & 0x0f0f0f0fu) << 4);
        return System.Buffers.Binary.BinaryPrimitives.ReverseEndianness(v);
    }

    /// <summary>
    /// bit_reversal_permutation, in place: swaps every element with the one at its bit-reversed index.
    /// The length must be a power of two (1 included).
    /// </summary>
    public static void Permute<T>(Span<T> values)
    {
        int n = values.Length;
        if (n == 0 || !BitOperations.IsPow2(n))
            throw new ArgumentException($"bit-reversal permutation needs a power-of-two length, got {n}", nameof(values));
        int bits = BitOperations.Log2((uint)n);
        if (bits == 0) return;
        int shift = 32 - bits;
        for (int i = 0; i < n; i++)
        {
            int j = (int)(ReverseBits32((uint)i) >> shift);
            if (j > i) (values[i], values[j]) = (values[j], values[i]);
        }
    }

    /// <summary>bit_reversal_permutation into a new array (the input is left unchanged).</summary>
    public static T[] Permuted<T>(ReadOnlySpan<T> values)
    {
        var copy = values.ToArray();
        Permute<T>(copy);
        return copy;
    }
}
