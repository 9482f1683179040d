using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A 768-bit unreduced value (twelve little-endian limbs), the product of two base-field elements
/// before Montgomery reduction. Lets tower arithmetic (Fp2, and Fp6/Fp12 built on it) add and
/// subtract products first and reduce once per output coefficient ("lazy reduction").
/// </summary>
/// <remarks>
/// Contract: <see cref="Reduce"/> needs a value below p·2^384; <see cref="MulWide"/> of operands
/// below 2p gives less than 4p² &lt; p·2^384; <see cref="SubModPR"/> keeps results in [0, p·2^384)
/// when both operands are; <see cref="Add"/> is plain addition and the caller keeps the sum in range.
/// </remarks>
internal readonly struct FpWide
{
    internal readonly ulong W0, W1, W2, W3, W4, W5, W6, W7, W8, W9, W10, W11;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal FpWide(ulong w0, ulong w1, ulong w2, ulong w3, ulong w4, ulong w5,
                    ulong w6, ulong w7, ulong w8, ulong w9, ulong w10, ulong w11)
    {
        W0 = w0; W1 = w1; W2 = w2; W3 = w3; W4 = w4; W5 = w5;
        W6 = w6; W7 = w7; W8 = w8; W9 = w9; W10 = w10; W11 = w11;
    }

    /// <summary>The full 768-bit product a·b (operands below 2p), no reduction.</summary>
    public static FpWide MulWide(in Fp a, in Fp b)
    {
        ulong c, bj;
        bj = b.L0;
        ulong t0 = a.L0 * bj; c = Fp.MulHi(a.L0, bj);
        ulong t1 = Fp.MacNoAdd(a.L1, bj, ref c);
        ulong t2 = Fp.MacNoAdd(a.L2, bj, ref c);
        ulong t3 = Fp.MacNoAdd(a.L3, bj, ref c);
        ulong t4 = Fp.MacNoAdd(a.L4, bj, ref c);
        ulong t5 = Fp.MacNoAdd(a.L5, bj, ref c);
        ulong t6 = c;
        bj = b.L1;
        c = 0;
        t1 = Fp.Mac(t1, a.L0, bj, ref c);
        t2 = Fp.Mac(t2, a.L1, bj, ref c);
        t3 = Fp.Mac(t3, a.L2, bj, ref c);
        t4 = Fp.Mac(t4, a.L3, bj, ref c);
        t5 = Fp.Mac(t5, a.L4, bj, ref c);
        t6 = Fp.Mac(t6, a.L5, bj, ref c);
        ulong t7 = c;
        bj = b.L2;
        c = 0;
        t2 = Fp.Mac(t2, a.L0, bj, ref c);
        t3 = Fp.Mac(t3, a.L1, bj, ref c);
        t4 = Fp.Mac(t4, a.L2, bj, ref c);
        t5 = Fp.Mac(t5, a.L3, bj, ref c);
        t6 = Fp.Mac(t6, a.L4, bj, ref c);
        t7 = Fp.Mac(t7, a.L5, bj, ref c);
        ulong t8 = c;
        bj = b.L3;
        c = 0;
        t3 = Fp.Mac(t3, a.L0, bj, ref c);
        t4 = Fp.Mac(t4, a.L1, bj, ref c);
        t5 = Fp.Mac(t5, a.L2, bj, ref c);
        t6 = Fp.Mac(t6, a.L3, bj, ref c);
        t7 = Fp.Mac(t7, a.L4, bj, ref c);
        t8 = Fp.Mac(t8, a.L5, bj, ref c);
        ulong t9 = c;
        bj = b.L4;
        c = 0;
        t4 = Fp.Mac(t4, a.L0, bj, ref c);
        t5 = Fp.Mac(t5, a.L1, bj, ref c);
        t6 = Fp.Mac(t6, a.L2, bj, ref c);
        t7 = Fp.Mac(t7, a.L3, bj, ref c);
        t8 = Fp.Mac(t8, a.L4, bj, ref c);
        t9 = Fp.Mac(t9, a.L5, bj, ref c);
        ulong t10 = c;
        bj = b.L5;
        c = 0;
        t5 = Fp.Mac(t5, a.L0, bj, ref c);
        t6 = Fp.Mac(t6, a.L1, bj, ref c);
        t7 = Fp.Mac(t7, a.L2, bj, ref c);
        t8 = Fp.Mac(t8, a.L3, bj, ref c);
        t9 = Fp.Mac(t9, a.L4, bj, ref c);
        t10 = Fp.Mac(t10, a.L5, bj, ref c);
        ulong t11 = c;
        return new FpWide(t0, t1, t2, t3, t4, t5, t6, t7, t8, t9, t10, t11);
    }

    /// <summary>Montgomery reduction t·2^(−384) mod p of a value below p·2^384, fully reduced.</summary>
    /// <remarks>
    /// REDC(T) = T_high + (T_low + M·p)/2^384: six word-by-word reduction steps on the low half only
    /// (carries stay inside a six-word window, as in <see cref="Fp.Mul"/>), giving u ≤ p; then
    /// T_high + u &lt; 2p (T_high &lt; p because T &lt; p·2^384) and one conditional subtraction.
    /// </remarks>
    public static Fp Reduce(in FpWide t)
    {
        ulong t0 = t.W0, t1 = t.W1, t2 = t.W2, t3 = t.W3, t4 = t.W4, t5 = t.W5;
        ulong m, C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        m = t0 * Fp.Inv;
        C = Fp.MulHi(m, Fp.P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Fp.Mac(t1, m, Fp.P1, ref C);
        t1 = Fp.Mac(t2, m, Fp.P2, ref C);
        t2 = Fp.Mac(t3, m, Fp.P3, ref C);
        t3 = Fp.Mac(t4, m, Fp.P4, ref C);
        t4 = Fp.Mac(t5, m, Fp.P5, ref C);
        t5 = C;
        ulong c = 0;
        t0 = Fp.AddC(t0, t.W6, ref c);
        t1 = Fp.AddC(t1, t.W7, ref c);
        t2 = Fp.AddC(t2, t.W8, ref c);
        t3 = Fp.AddC(t3, t.W9, ref c);
        t4 = Fp.AddC(t4, t.W10, ref c);
        t5 = t5 + t.W11 + c;
        return Fp.ReduceOnce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>Plain 768-bit sum (the caller keeps it below the bound of its next use).</summary>
    public static FpWide Add(in FpWide a, in FpWide b)
    {
        ulong c = 0;
        ulong s0 = Fp.AddC(a.W0, b.W0, ref c);
        ulong s1 = Fp.AddC(a.W1, b.W1, ref c);
        ulong s2 = Fp.AddC(a.W2, b.W2, ref c);
        ulong s3 = Fp.AddC(a.W3, b.W3, ref c);
        ulong s4 = Fp.AddC(a.W4, b.W4, ref c);
        ulong s5 = Fp.AddC(a.W5, b.W5, ref c);
        ulong s6 = Fp.AddC(a.W6, b.W6, ref c);
        ulong s7 = Fp.AddC(a.W7, b.W7, ref c);
        ulong s8 = Fp.AddC(a.W8, b.W8, ref c);
        ulong s9 = Fp.AddC(a.W9, b.W9, ref c);
        ulong s10 = Fp.AddC(a.W10, b.W10, ref c);
        ulong s11 = a.W11 + b.W11 + c;
        return new FpWide(s0, s1, s2, s3, s4, s5, s6, s7, s8, s9, s10, s11);
    }

    /// <summary>a − b, plus p·2^384 when that is negative: stays in [0, p·2^384) when a and b are.</summary>
    public static FpWide SubModPR(in FpWide a, in FpWide b)
    {
        ulong br = 0;
        ulong d0 = Fp.SubB(a.W0, b.W0, ref br);
        ulong d1 = Fp.SubB(a.W1, b.W1, ref br);
        ulong d2 = Fp.SubB(a.W2, b.W2, ref br);
        ulong d3 = Fp.SubB(a.W3, b.W3, ref br);
        ulong d4 = Fp.SubB(a.W4, b.W4, ref br);
        ulong d5 = Fp.SubB(a.W5, b.W5, ref br);
        ulong d6 = Fp.SubB(a.W6, b.W6, ref br);
        ulong d7 = Fp.SubB(a.W7, b.W7, ref br);
        ulong d8 = Fp.SubB(a.W8, b.W8, ref br);
        ulong d9 = Fp.SubB(a.W9, b.W9, ref br);
        ulong d10 = Fp.SubB(a.W10, b.W10, ref br);
        ulong d11 = Fp.SubB(a.W11, b.W11, ref br);
        // Add p to the upper six limbs when the subtraction borrowed (branch-free).
        ulong mask = 0UL - br;
        ulong c = 0;
        d6 = Fp.AddC(d6, Fp.P0 & mask, ref c);
        d7 = Fp.AddC(d7, Fp.P1 & mask, ref c);
        d8 = Fp.AddC(d8, Fp.P2 & mask, ref c);
        d9 = Fp.AddC(d9, Fp.P3 & mask, ref c);
        d10 = Fp.AddC(d10, Fp.P4 & mask, ref c);
        d11 = d11 + (Fp.P5 & mask) + c;
        return new FpWide(d0, d1, d2, d3, d4, d5, d6, d7, d8, d9, d10, d11);
    }
}
