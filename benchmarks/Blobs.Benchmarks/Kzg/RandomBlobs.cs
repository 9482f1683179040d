using Blobs.Kzg;

namespace Blobs.Benchmarks.Kzg;

/// <summary>Seeded random blobs of full-size canonical field elements (small values would flatter MSMs).</summary>
internal static class RandomBlobs
{
    /// <summary>Creates <paramref name="count"/> blobs, each element uniform below 2^254 (always canonical).</summary>
    public static byte[] Create(int count, int seed)
    {
        var rng = new Random(seed);
        var bytes = new byte[count * KzgConstants.BytesPerBlob];
        rng.NextBytes(bytes);
        for (int off = 0; off < bytes.Length; off += KzgConstants.BytesPerFieldElement)
            bytes[off] &= 0x3f; // < 2^254 < BLS_MODULUS
        return bytes;
    }
}
