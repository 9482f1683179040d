using Blobs.Bls12381;

namespace Blobs.Kzg;

/// <summary>Checks that every point of a trusted setup decodes, lies on its curve and in its subgroup.</summary>
internal static class TrustedSetupValidation
{
    /// <summary>
    /// Decodes every compressed point with the full ZCash checks (flags, canonical coordinates, on the
    /// curve, in the prime-order subgroup) and throws <see cref="FormatException"/> naming the first bad
    /// point and the problem, e.g. "trusted setup: g1_lagrange[17]: not in the G1 subgroup". The lists
    /// are checked in the order g1_monomial, g1_lagrange, g2_monomial; within a list the lowest bad
    /// index is reported even though the work is spread over the available cores.
    /// </summary>
    public static void CheckPoints(byte[] g1Monomial, byte[] g1Lagrange, byte[] g2Monomial)
    {
        CheckList(g1Monomial, G1Affine.CompressedSize, "g1_monomial", static b => Describe(G1Affine.Decompress(b, out _), "G1", b.Length, G1Affine.CompressedSize));
        CheckList(g1Lagrange, G1Affine.CompressedSize, "g1_lagrange", static b => Describe(G1Affine.Decompress(b, out _), "G1", b.Length, G1Affine.CompressedSize));
        CheckList(g2Monomial, G2Affine.CompressedSize, "g2_monomial", static b => Describe(G2Affine.Decompress(b, out _), "G2", b.Length, G2Affine.CompressedSize));
    }

    private delegate string? PointCheck(ReadOnlySpan<byte> point);

    private static string? Describe(PointDecodeError e, string group, int length, int expected) =>
        e == PointDecodeError.None ? null : e.Describe(group, length, expected);

    private static void CheckList(byte[] points, int size, string what, PointCheck check)
    {
        if (points.Length % size != 0)
            throw new FormatException($"trusted setup: {what} has {points.Length} bytes, not a multiple of {size}");
        int count = points.Length / size;
        // 1. Check in parallel chunks, remembering the lowest failing index.
        int firstBad = int.MaxValue;
        string? firstError = null;
        var gate = new object();
        int chunk = Math.Max(16, count / (4 * Environment.ProcessorCount));
        Parallel.For(0, (count + chunk - 1) / chunk, c =>
        {
            int end = Math.Min(count, (c + 1) * chunk);
            for (int i = c * chunk; i < end; i++)
            {
                if (i > Volatile.Read(ref firstBad)) return;
                var error = check(points.AsSpan(i * size, size));
                if (error is null) continue;
                lock (gate)
                {
                    if (i < firstBad) { firstBad = i; firstError = error; }
                }
                return;
            }
        });
        // 2. Report it.
        if (firstError is not null)
            throw new FormatException($"trusted setup: {what}[{firstBad}]: {firstError}");
    }
}
