namespace Blobs.Bls12381;

/// <summary>The group operations that generic scalar multiplication needs (<see cref="G1Jacobian"/>, <see cref="G2Jacobian"/>).</summary>
/// <typeparam name="TSelf">The point type itself.</typeparam>
internal interface IJacobianPoint<TSelf> where TSelf : struct, IJacobianPoint<TSelf>
{
    /// <summary>The point at infinity.</summary>
    static abstract TSelf Infinity { get; }

    /// <summary>2·P.</summary>
    static abstract TSelf Double(in TSelf p);

    /// <summary>P + Q.</summary>
    static abstract TSelf Add(in TSelf p, in TSelf q);
}

/// <summary>Scalar multiplication written once for both groups.</summary>
internal static class JacobianMultiplication
{
    /// <summary>
    /// [k]P for a scalar given as little-endian 64-bit limbs (any length), with a fixed 4-bit window:
    /// 15 precomputed multiples, then four doublings and at most one addition per window.
    /// </summary>
    public static TPoint Multiply<TPoint>(in TPoint p, ReadOnlySpan<ulong> scalarLimbs) where TPoint : unmanaged, IJacobianPoint<TPoint>
    {
        Span<TPoint> table = stackalloc TPoint[16];
        table[0] = TPoint.Infinity;
        table[1] = p;
        for (int i = 2; i < 16; i++) table[i] = (i & 1) == 0 ? TPoint.Double(table[i / 2]) : TPoint.Add(table[i - 1], p);
        TPoint acc = TPoint.Infinity;
        bool started = false;
        for (int limb = scalarLimbs.Length - 1; limb >= 0; limb--)
        {
            ulong e = scalarLimbs[limb];
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int nibble = (int)((e >> shift) & 0xF);
                if (started) { acc = TPoint.Double(acc); acc = TPoint.Double(acc); acc = TPoint.Double(acc); acc = TPoint.Double(acc); }
                if (nibble != 0) { acc = started ? TPoint.Add(acc, table[nibble]) : table[nibble]; started = true; }
            }
        }
        return acc;
    }
}
