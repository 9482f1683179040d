using System.Numerics;
using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

public readonly partial struct Fp
{
    /// <summary>
    /// Montgomery forms of 2^i for i = 0..399 (the correction factors of the almost-inverse), in a
    /// nested class so that <see cref="Fp"/> itself has no static constructor.
    /// </summary>
    private static class Pow2Table
    {
        internal static readonly Fp[] Values = Build();

        private static Fp[] Build()
        {
            var t = new Fp[400];
            t[0] = One;
            for (int i = 1; i < t.Length; i++) t[i] = Double(t[i - 1]);
            return t;
        }
    }

    /// <summary>
    /// Kaliski's almost Montgomery inverse (binary extended Euclid without modular halvings),
    /// variable time: runs on the Montgomery limbs of a as a plain integer, yielding
    /// x = a_M^(−1)·2^k mod p with 381 ≤ k ≤ 762, then one multiplication by the Montgomery form of
    /// 2^(768−k) turns x into the Montgomery form of a^(−1). Runs of trailing zero bits are shifted
    /// out in one step.
    /// </summary>
    internal static Fp InverseBinaryGcd(in Fp a)
    {
        if (a.IsZero) return Zero;
        U6 u = new(P0, P1, P2, P3, P4, P5);
        U6 v = new(a.L0, a.L1, a.L2, a.L3, a.L4, a.L5);
        U6 r = default;
        U6 s = new(1, 0, 0, 0, 0, 0);
        int k = 0;
        while (!v.IsZero)
        {
            if ((u.A0 & 1) == 0)
            {
                int tz = u.A0 == 0 ? 63 : BitOperations.TrailingZeroCount(u.A0);
                u.ShiftRight(tz); s.ShiftLeft(tz); k += tz;
            }
            else if ((v.A0 & 1) == 0)
            {
                int tz = v.A0 == 0 ? 63 : BitOperations.TrailingZeroCount(v.A0);
                v.ShiftRight(tz); r.ShiftLeft(tz); k += tz;
            }
            else if (U6.GreaterThan(u, v))
            {
                u.Sub(v); u.ShiftRight(1); r.Add(s); s.ShiftLeft(1); k++;
            }
            else
            {
                v.Sub(u); v.ShiftRight(1); s.Add(r); r.ShiftLeft(1); k++;
            }
        }
        // r < 2p here; x = p − (r mod p).
        U6 pp = new(P0, P1, P2, P3, P4, P5);
        if (!U6.GreaterThan(pp, r)) r.Sub(pp);
        pp.Sub(r);
        var x = new Fp(pp.A0, pp.A1, pp.A2, pp.A3, pp.A4, pp.A5);
        // x·2^(768−k)·R / R = (a·R)^(−1)·2^k·2^(768−k) = a^(−1)·R.
        return Mul(x, Pow2Table.Values[768 - k]);
    }

    /// <summary>A mutable 384-bit unsigned integer used by the binary GCD.</summary>
    private struct U6
    {
        public ulong A0, A1, A2, A3, A4, A5;

        public U6(ulong a0, ulong a1, ulong a2, ulong a3, ulong a4, ulong a5)
        {
            A0 = a0; A1 = a1; A2 = a2; A3 = a3; A4 = a4; A5 = a5;
        }

        public readonly bool IsZero => (A0 | A1 | A2 | A3 | A4 | A5) == 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool GreaterThan(in U6 x, in U6 y)
        {
            if (x.A5 != y.A5) return x.A5 > y.A5;
            if (x.A4 != y.A4) return x.A4 > y.A4;
            if (x.A3 != y.A3) return x.A3 > y.A3;
            if (x.A2 != y.A2) return x.A2 > y.A2;
            if (x.A1 != y.A1) return x.A1 > y.A1;
            return x.A0 > y.A0;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Sub(in U6 y)
        {
            ulong br = 0;
            A0 = SubB(A0, y.A0, ref br); A1 = SubB(A1, y.A1, ref br); A2 = SubB(A2, y.A2, ref br);
            A3 = SubB(A3, y.A3, ref br); A4 = SubB(A4, y.A4, ref br); A5 = SubB(A5, y.A5, ref br);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(in U6 y)
        {
            ulong c = 0;
            A0 = AddC(A0, y.A0, ref c); A1 = AddC(A1, y.A1, ref c); A2 = AddC(A2, y.A2, ref c);
            A3 = AddC(A3, y.A3, ref c); A4 = AddC(A4, y.A4, ref c); A5 = A5 + y.A5 + c;
        }

        /// <summary>Shift right by 1..63 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ShiftRight(int n)
        {
            int m = 64 - n;
            A0 = (A0 >> n) | (A1 << m); A1 = (A1 >> n) | (A2 << m); A2 = (A2 >> n) | (A3 << m);
            A3 = (A3 >> n) | (A4 << m); A4 = (A4 >> n) | (A5 << m); A5 >>= n;
        }

        /// <summary>Shift left by 1..63 bits.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void ShiftLeft(int n)
        {
            int m = 64 - n;
            A5 = (A5 << n) | (A4 >> m); A4 = (A4 << n) | (A3 >> m); A3 = (A3 << n) | (A2 >> m);
            A2 = (A2 << n) | (A1 >> m); A1 = (A1 << n) | (A0 >> m); A0 <<= n;
        }
    }
}
