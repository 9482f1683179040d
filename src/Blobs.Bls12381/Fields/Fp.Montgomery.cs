using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Blobs.Bls12381;

public readonly partial struct Fp
{
    /// <summary>Product modulo p: Montgomery multiplication a·b·2^(−384) of the Montgomery forms.</summary>
    /// <remarks>
    /// <para>Operands may also be below 2p (see <see cref="AddUnreduced"/>); the result is always reduced.</para>
    /// <para>
    /// CIOS, fully unrolled. Each of the six steps first adds a·b_i into t (carry chain A, the top
    /// word kept in t6), then adds m·p and shifts one word (carry chain C). Running the two chains one
    /// after the other rather than interleaved keeps fewer values live: the JIT then spills about a
    /// seventh as often, which measured ~5% faster. The first step starts from t = 0, and each m·p0
    /// term skips its low half (it cancels t0 by construction; the carry it produces is 1 exactly
    /// when t0 ≠ 0). Since p &lt; 2^381 the running value stays below 2^384·2p, so t6 + C never
    /// overflows and the result is below 2p before the final subtraction.
    /// </para>
    /// </remarks>
    public static Fp Mul(in Fp a, in Fp b)
    {
        ulong t0, t1, t2, t3, t4, t5, t6, A, C, m, bi;

        // i = 0: t = a·b0.
        bi = b.L0;
        t0 = a.L0 * bi; A = MulHi(a.L0, bi);
        t1 = MacNoAdd(a.L1, bi, ref A);
        t2 = MacNoAdd(a.L2, bi, ref A);
        t3 = MacNoAdd(a.L3, bi, ref A);
        t4 = MacNoAdd(a.L4, bi, ref A);
        t5 = MacNoAdd(a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // i = 1: t += a·b1, then t = (t + m·p) / 2^64.
        bi = b.L1;
        A = 0;
        t0 = Mac(t0, a.L0, bi, ref A);
        t1 = Mac(t1, a.L1, bi, ref A);
        t2 = Mac(t2, a.L2, bi, ref A);
        t3 = Mac(t3, a.L3, bi, ref A);
        t4 = Mac(t4, a.L4, bi, ref A);
        t5 = Mac(t5, a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // i = 2: t += a·b2, then t = (t + m·p) / 2^64.
        bi = b.L2;
        A = 0;
        t0 = Mac(t0, a.L0, bi, ref A);
        t1 = Mac(t1, a.L1, bi, ref A);
        t2 = Mac(t2, a.L2, bi, ref A);
        t3 = Mac(t3, a.L3, bi, ref A);
        t4 = Mac(t4, a.L4, bi, ref A);
        t5 = Mac(t5, a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // i = 3: t += a·b3, then t = (t + m·p) / 2^64.
        bi = b.L3;
        A = 0;
        t0 = Mac(t0, a.L0, bi, ref A);
        t1 = Mac(t1, a.L1, bi, ref A);
        t2 = Mac(t2, a.L2, bi, ref A);
        t3 = Mac(t3, a.L3, bi, ref A);
        t4 = Mac(t4, a.L4, bi, ref A);
        t5 = Mac(t5, a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // i = 4: t += a·b4, then t = (t + m·p) / 2^64.
        bi = b.L4;
        A = 0;
        t0 = Mac(t0, a.L0, bi, ref A);
        t1 = Mac(t1, a.L1, bi, ref A);
        t2 = Mac(t2, a.L2, bi, ref A);
        t3 = Mac(t3, a.L3, bi, ref A);
        t4 = Mac(t4, a.L4, bi, ref A);
        t5 = Mac(t5, a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // i = 5: t += a·b5, then t = (t + m·p) / 2^64.
        bi = b.L5;
        A = 0;
        t0 = Mac(t0, a.L0, bi, ref A);
        t1 = Mac(t1, a.L1, bi, ref A);
        t2 = Mac(t2, a.L2, bi, ref A);
        t3 = Mac(t3, a.L3, bi, ref A);
        t4 = Mac(t4, a.L4, bi, ref A);
        t5 = Mac(t5, a.L5, bi, ref A);
        t6 = A;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t0 = Mac(t1, m, P1, ref C);
        t1 = Mac(t2, m, P2, ref C);
        t2 = Mac(t3, m, P3, ref C);
        t3 = Mac(t4, m, P4, ref C);
        t4 = Mac(t5, m, P5, ref C);
        t5 = t6 + C;

        // t < 2p: one conditional subtraction.
        return ReduceOnce(t0, t1, t2, t3, t4, t5);
    }

    /// <summary>The square modulo p (the operand may also be below 2p, see <see cref="AddUnreduced"/>).</summary>
    /// <remarks>
    /// Separated operand scanning: the 768-bit square from 15 cross products (doubled) and 6
    /// diagonal products, then six word-by-word Montgomery reduction steps.
    /// </remarks>
    public static Fp Square(in Fp a)
    {
        ulong c;
        // 1. Cross products a_i·a_j (i < j) into t1..t10.
        ulong t1 = a.L0 * a.L1; c = MulHi(a.L0, a.L1);
        ulong t2 = MacNoAdd(a.L0, a.L2, ref c);
        ulong t3 = MacNoAdd(a.L0, a.L3, ref c);
        ulong t4 = MacNoAdd(a.L0, a.L4, ref c);
        ulong t5 = MacNoAdd(a.L0, a.L5, ref c);
        ulong t6 = c;
        c = 0;
        t3 = Mac(t3, a.L1, a.L2, ref c);
        t4 = Mac(t4, a.L1, a.L3, ref c);
        t5 = Mac(t5, a.L1, a.L4, ref c);
        t6 = Mac(t6, a.L1, a.L5, ref c);
        ulong t7 = c;
        c = 0;
        t5 = Mac(t5, a.L2, a.L3, ref c);
        t6 = Mac(t6, a.L2, a.L4, ref c);
        t7 = Mac(t7, a.L2, a.L5, ref c);
        ulong t8 = c;
        c = 0;
        t7 = Mac(t7, a.L3, a.L4, ref c);
        t8 = Mac(t8, a.L3, a.L5, ref c);
        ulong t9 = c;
        c = 0;
        t9 = Mac(t9, a.L4, a.L5, ref c);
        ulong t10 = c;

        // 2. Double them (t11 takes the top bit).
        ulong t11 = t10 >> 63;
        t10 = (t10 << 1) | (t9 >> 63);
        t9 = (t9 << 1) | (t8 >> 63);
        t8 = (t8 << 1) | (t7 >> 63);
        t7 = (t7 << 1) | (t6 >> 63);
        t6 = (t6 << 1) | (t5 >> 63);
        t5 = (t5 << 1) | (t4 >> 63);
        t4 = (t4 << 1) | (t3 >> 63);
        t3 = (t3 << 1) | (t2 >> 63);
        t2 = (t2 << 1) | (t1 >> 63);
        t1 <<= 1;

        // 3. Add the diagonal squares a_i² at words 2i, 2i+1.
        ulong t0 = a.L0 * a.L0;
        ulong h = MulHi(a.L0, a.L0);
        c = 0;
        t1 = AddCmp(t1, h, ref c);
        t2 = AddCmp(t2, a.L1 * a.L1, ref c);
        t3 = AddCmp(t3, MulHi(a.L1, a.L1), ref c);
        t4 = AddCmp(t4, a.L2 * a.L2, ref c);
        t5 = AddCmp(t5, MulHi(a.L2, a.L2), ref c);
        t6 = AddCmp(t6, a.L3 * a.L3, ref c);
        t7 = AddCmp(t7, MulHi(a.L3, a.L3), ref c);
        t8 = AddCmp(t8, a.L4 * a.L4, ref c);
        t9 = AddCmp(t9, MulHi(a.L4, a.L4), ref c);
        t10 = AddCmp(t10, a.L5 * a.L5, ref c);
        t11 = t11 + MulHi(a.L5, a.L5) + c;

        // 4. Montgomery reduction, one word at a time; the carry out of each step's top word is
        //    held in c and added at the next step's top word.
        ulong m, C;
        m = t0 * Inv;
        C = MulHi(m, P0) + (t0 != 0 ? 1UL : 0UL);
        t1 = Mac(t1, m, P1, ref C);
        t2 = Mac(t2, m, P2, ref C);
        t3 = Mac(t3, m, P3, ref C);
        t4 = Mac(t4, m, P4, ref C);
        t5 = Mac(t5, m, P5, ref C);
        c = 0;
        t6 = AddCmp(t6, C, ref c);

        m = t1 * Inv;
        C = MulHi(m, P0) + (t1 != 0 ? 1UL : 0UL);
        t2 = Mac(t2, m, P1, ref C);
        t3 = Mac(t3, m, P2, ref C);
        t4 = Mac(t4, m, P3, ref C);
        t5 = Mac(t5, m, P4, ref C);
        t6 = Mac(t6, m, P5, ref C);
        { ulong c2 = 0; t7 = AddCmp(t7, C, ref c2); t7 = AddCmp(t7, 0, ref c); c += c2; }

        m = t2 * Inv;
        C = MulHi(m, P0) + (t2 != 0 ? 1UL : 0UL);
        t3 = Mac(t3, m, P1, ref C);
        t4 = Mac(t4, m, P2, ref C);
        t5 = Mac(t5, m, P3, ref C);
        t6 = Mac(t6, m, P4, ref C);
        t7 = Mac(t7, m, P5, ref C);
        { ulong c2 = 0; t8 = AddCmp(t8, C, ref c2); t8 = AddCmp(t8, 0, ref c); c += c2; }

        m = t3 * Inv;
        C = MulHi(m, P0) + (t3 != 0 ? 1UL : 0UL);
        t4 = Mac(t4, m, P1, ref C);
        t5 = Mac(t5, m, P2, ref C);
        t6 = Mac(t6, m, P3, ref C);
        t7 = Mac(t7, m, P4, ref C);
        t8 = Mac(t8, m, P5, ref C);
        { ulong c2 = 0; t9 = AddCmp(t9, C, ref c2); t9 = AddCmp(t9, 0, ref c); c += c2; }

        m = t4 * Inv;
        C = MulHi(m, P0) + (t4 != 0 ? 1UL : 0UL);
        t5 = Mac(t5, m, P1, ref C);
        t6 = Mac(t6, m, P2, ref C);
        t7 = Mac(t7, m, P3, ref C);
        t8 = Mac(t8, m, P4, ref C);
        t9 = Mac(t9, m, P5, ref C);
        { ulong c2 = 0; t10 = AddCmp(t10, C, ref c2); t10 = AddCmp(t10, 0, ref c); c += c2; }

        m = t5 * Inv;
        C = MulHi(m, P0) + (t5 != 0 ? 1UL : 0UL);
        t6 = Mac(t6, m, P1, ref C);
        t7 = Mac(t7, m, P2, ref C);
        t8 = Mac(t8, m, P3, ref C);
        t9 = Mac(t9, m, P4, ref C);
        t10 = Mac(t10, m, P5, ref C);
        t11 = t11 + C + c;

        // Result t6..t11 < 2p.
        return ReduceOnce(t6, t7, t8, t9, t10, t11);
    }

    /// <summary>High 64 bits of a 64×64-bit product, in a register (see the type's remarks).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MulHi(ulong a, ulong b)
    {
        if (Bmi2.X64.IsSupported) return Bmi2.X64.MultiplyNoFlags(a, b);
        if (ArmBase.Arm64.IsSupported) return ArmBase.Arm64.MultiplyHigh(a, b);
        return Math.BigMul(a, b, out _);
    }

    /// <summary>
    /// a + b + carry with compare-based carry detection: in <see cref="Square(in Fp)"/>'s long
    /// chains this measured faster than the bit formula of <see cref="AddC"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong AddCmp(ulong a, ulong b, ref ulong carry)
    {
        ulong s = a + b;
        ulong c1 = s < a ? 1UL : 0UL;
        ulong s2 = s + carry;
        ulong c2 = s2 < s ? 1UL : 0UL;
        carry = c1 | c2;
        return s2;
    }

    /// <summary>t + a·b + carry: returns the low word, leaves the high word in <paramref name="carry"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong Mac(ulong t, ulong a, ulong b, ref ulong carry)
    {
        ulong hi = MulHi(a, b);
        ulong lo = a * b;
        lo += t; hi += lo < t ? 1UL : 0UL;
        lo += carry; hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }

    /// <summary>a·b + carry: returns the low word, leaves the high word in <paramref name="carry"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static ulong MacNoAdd(ulong a, ulong b, ref ulong carry)
    {
        ulong hi = MulHi(a, b);
        ulong lo = a * b;
        lo += carry; hi += lo < carry ? 1UL : 0UL;
        carry = hi;
        return lo;
    }
}
