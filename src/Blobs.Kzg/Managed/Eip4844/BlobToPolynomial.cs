using System.Buffers.Binary;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// blob_to_polynomial: the blob's 4096 big-endian elements (the polynomial's values on the
    /// bit-reversed domain) as canonical little-endian limbs, four per element — the form both the MSM
    /// and the barycentric sums take, read straight from the bytes without a Montgomery round trip. The
    /// context has already checked that every element is canonical.
    /// </summary>
    public static void BlobToPolynomial(ReadOnlySpan<byte> blob, Span<ulong> limbs)
    {
        for (int i = 0; i < Domain.Size; i++)
        {
            var e = blob.Slice(i * 32, 32);
            limbs[4 * i + 3] = BinaryPrimitives.ReadUInt64BigEndian(e);
            limbs[4 * i + 2] = BinaryPrimitives.ReadUInt64BigEndian(e[8..]);
            limbs[4 * i + 1] = BinaryPrimitives.ReadUInt64BigEndian(e[16..]);
            limbs[4 * i] = BinaryPrimitives.ReadUInt64BigEndian(e[24..]);
        }
    }
}
