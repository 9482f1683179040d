using System.Buffers.Binary;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// blob_to_polynomial: the 4096 big-endian elements of a blob as scalar-field elements (evaluation
    /// form over the bit-reversed domain). The context has already checked that every element is canonical.
    /// </summary>
    public static void BlobToPolynomial(ReadOnlySpan<byte> blob, Span<Fr> polynomial)
    {
        for (int i = 0; i < Domain.Size; i++)
        {
            if (!Fr.TryFromBytesBigEndian(blob.Slice(i * 32, 32), out polynomial[i]))
                throw new KzgInputException($"blob: field element {i} is not canonical (value ≥ BLS_MODULUS)");
        }
    }

    /// <summary>
    /// The blob's elements as canonical little-endian limbs, four per element (the scalars of
    /// blob_to_kzg_commitment's g1_lincomb, read straight from the bytes without a Montgomery round trip).
    /// </summary>
    public static void BlobToScalarLimbs(ReadOnlySpan<byte> blob, Span<ulong> limbs)
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
