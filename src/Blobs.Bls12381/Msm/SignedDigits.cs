namespace Blobs.Bls12381;

/// <summary>
/// Signed fixed-window recoding of scalars for bucket multi-scalar multiplication: a scalar
/// k &lt; 2^256 becomes m digits d_j with k = Σ d_j·2^(c·j) and −2^(c−1) &lt; d_j ≤ 2^(c−1), so a
/// window needs only 2^(c−1) buckets (bucket |d| − 1 collects ±P) instead of 2^c − 1.
/// </summary>
public static class SignedDigits
{
    /// <summary>Largest window width supported.</summary>
    public const int MaxWindow = 20;

    /// <summary>
    /// The number of c-bit signed windows that represent every 256-bit scalar: ⌈257 / c⌉ (the extra bit
    /// absorbs the carry that the signed recoding pushes out of the top window).
    /// </summary>
    public static int WindowCount(int window)
    {
        CheckWindow(window);
        return (257 + window - 1) / window;
    }

    /// <summary>
    /// Window widths for scalars below 2^<paramref name="scalarBits"/>: ⌈(scalarBits + 1)/maxWindow⌉
    /// windows whose widths differ by at most one and add up to exactly scalarBits + 1, so that no window
    /// is left with a few bits only (a nearly empty top window would send every point to a handful of
    /// buckets). The wider windows come first.
    /// </summary>
    public static int[] BalancedWidths(int maxWindow, int scalarBits = 256)
    {
        CheckWindow(maxWindow);
        if (scalarBits < 1 || scalarBits > 256) throw new ArgumentOutOfRangeException(nameof(scalarBits), scalarBits, "scalars have 1 to 256 bits");
        int total = scalarBits + 1;
        int m = (total + maxWindow - 1) / maxWindow;
        var widths = new int[m];
        int narrow = total / m, wide = total % m;
        for (int j = 0; j < m; j++) widths[j] = j < wide ? narrow + 1 : narrow;
        return widths;
    }

    /// <summary>
    /// Recodes one scalar below 2^(Σ widths − 1) into signed digits d_j with
    /// −2^(w_j−1) &lt; d_j ≤ 2^(w_j−1) and k = Σ d_j·2^(w_0+…+w_(j−1)).
    /// </summary>
    public static void Recode(ReadOnlySpan<ulong> limbs4, ReadOnlySpan<int> widths, Span<int> digits)
    {
        if (limbs4.Length < 4) throw new ArgumentException("a scalar is four 64-bit limbs", nameof(limbs4));
        if (digits.Length < widths.Length) throw new ArgumentException($"{widths.Length} digits are needed", nameof(digits));
        RecodeUnchecked(limbs4[0], limbs4[1], limbs4[2], limbs4[3], widths, digits, 1);
    }

    /// <summary>Recodes with per-window widths into digits[j·stride]. No argument checks.</summary>
    internal static void RecodeUnchecked(ulong l0, ulong l1, ulong l2, ulong l3, ReadOnlySpan<int> widths, Span<int> digits, int stride)
    {
        int carry = 0;
        for (int j = 0, bit = 0; j < widths.Length; bit += widths[j], j++)
        {
            int window = widths[j];
            int limb = bit >> 6, shift = bit & 63;
            ulong w = Limb(l0, l1, l2, l3, limb) >> shift;
            if (shift + window > 64) w |= Limb(l0, l1, l2, l3, limb + 1) << (64 - shift);
            int v = (int)(w & ((1UL << window) - 1)) + carry;
            if (v > 1 << (window - 1)) { v -= 1 << window; carry = 1; }
            else carry = 0;
            digits[j * stride] = v;
        }
    }

    /// <summary>
    /// Recodes one scalar given as four little-endian 64-bit limbs into <see cref="WindowCount"/> signed
    /// digits, least significant first.
    /// </summary>
    public static void Recode(ReadOnlySpan<ulong> limbs4, int window, Span<int> digits)
    {
        int m = WindowCount(window);
        if (limbs4.Length < 4) throw new ArgumentException("a scalar is four 64-bit limbs", nameof(limbs4));
        if (digits.Length < m) throw new ArgumentException($"{m} digits are needed for window {window}", nameof(digits));
        RecodeUnchecked(limbs4[0], limbs4[1], limbs4[2], limbs4[3], window, digits, 1);
    }

    /// <summary>
    /// Recodes one scalar into digits written at <paramref name="digits"/>[j·<paramref name="stride"/>]
    /// (window-major layouts pass the scalar count as the stride). No argument checks.
    /// </summary>
    internal static void RecodeUnchecked(ulong l0, ulong l1, ulong l2, ulong l3, int window, Span<int> digits, int stride)
    {
        int m = (257 + window - 1) / window;
        ulong mask = (1UL << window) - 1;
        int half = 1 << (window - 1);
        int full = 1 << window;
        int carry = 0;
        for (int j = 0, bit = 0; j < m; j++, bit += window)
        {
            int limb = bit >> 6, shift = bit & 63;
            ulong w = Limb(l0, l1, l2, l3, limb) >> shift;
            if (shift + window > 64) w |= Limb(l0, l1, l2, l3, limb + 1) << (64 - shift);
            int v = (int)(w & mask) + carry;
            if (v > half) { v -= full; carry = 1; }
            else carry = 0;
            digits[j * stride] = v;
        }
    }

    private static ulong Limb(ulong l0, ulong l1, ulong l2, ulong l3, int i) => i switch
    {
        0 => l0,
        1 => l1,
        2 => l2,
        3 => l3,
        _ => 0,
    };

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> unless 2 ≤ <paramref name="window"/> ≤ <see cref="MaxWindow"/>.</summary>
    public static void CheckWindow(int window)
    {
        if (window < 2 || window > MaxWindow)
            throw new ArgumentOutOfRangeException(nameof(window), window, $"window must be between 2 and {MaxWindow} bits");
    }
}
