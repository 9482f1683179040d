namespace Blobs.Kzg;

/// <summary>Checks that every point of a trusted setup decodes, lies on its curve and in its subgroup.</summary>
internal static class TrustedSetupValidation
{
    /// <summary>
    /// Throws <see cref="FormatException"/> naming the first bad point.
    /// The curve checks are added with the managed BLS12-381 layer (issue 3); until then only the
    /// encodings' flag bits are checked.
    /// </summary>
    public static void CheckPoints(byte[] g1Monomial, byte[] g1Lagrange, byte[] g2Monomial)
    {
        CheckFlags(g1Monomial, 48, "g1_monomial");
        CheckFlags(g1Lagrange, 48, "g1_lagrange");
        CheckFlags(g2Monomial, 96, "g2_monomial");
    }

    private static void CheckFlags(byte[] points, int size, string what)
    {
        for (int i = 0; i * size < points.Length; i++)
        {
            if ((points[i * size] & 0x80) == 0)
                throw new FormatException($"trusted setup: {what}[{i}] is not in compressed form (flag bit 0x80 clear)");
        }
    }
}
