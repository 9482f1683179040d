using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Blobs.Codecs;

/// <summary>Blob geometry (EIP-4844) and the checks every codec shares.</summary>
public static class BlobFormat
{
    /// <summary>Bytes in a blob: 4096 × 32 = 131072.</summary>
    public const int BytesPerBlob = 131072;

    /// <summary>Field elements in a blob.</summary>
    public const int FieldElementsPerBlob = 4096;

    /// <summary>Bytes in a serialized field element (big-endian).</summary>
    public const int BytesPerFieldElement = 32;

    // BLS_MODULUS = 0x73eda753299d7d483339d80809a1d80553bda402fffe5bfeffffffff00000001, as four big-endian limbs.
    private const ulong M0 = 0x73eda753299d7d48UL, M1 = 0x3339d80809a1d805UL, M2 = 0x53bda402fffe5bfeUL, M3 = 0xffffffff00000001UL;

    /// <summary>True if the 32 big-endian bytes are an integer below BLS_MODULUS.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsCanonical(ReadOnlySpan<byte> element)
    {
        if (element.Length != BytesPerFieldElement) throw new ArgumentException($"a field element is 32 bytes, got {element.Length}", nameof(element));
        ulong a = BinaryPrimitives.ReadUInt64BigEndian(element);
        if (a != M0) return a < M0;
        ulong b = BinaryPrimitives.ReadUInt64BigEndian(element[8..]);
        if (b != M1) return b < M1;
        ulong c = BinaryPrimitives.ReadUInt64BigEndian(element[16..]);
        if (c != M2) return c < M2;
        return BinaryPrimitives.ReadUInt64BigEndian(element[24..]) < M3;
    }

    /// <summary>Index of the first non-canonical field element of a blob, or -1.</summary>
    public static int FirstNonCanonical(ReadOnlySpan<byte> blob)
    {
        for (int e = 0, off = 0; off < blob.Length; e++, off += BytesPerFieldElement)
        {
            // Fast path: the top byte below 0x73 already proves canonical.
            if (blob[off] < 0x73) continue;
            if (!IsCanonical(blob.Slice(off, BytesPerFieldElement))) return e;
        }
        return -1;
    }

    /// <summary>Throws <see cref="BlobDecodingException"/> unless there is at least one blob and each is 131072 bytes.</summary>
    internal static void CheckBlobs(IReadOnlyList<ReadOnlyMemory<byte>> blobs, bool allowNone = false)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        if (blobs.Count == 0 && !allowNone) throw new BlobDecodingException("no blobs to decode");
        for (int i = 0; i < blobs.Count; i++)
        {
            if (blobs[i].Length != BytesPerBlob)
                throw new BlobDecodingException($"blob {i}: {blobs[i].Length} bytes, a blob is {BytesPerBlob} bytes");
        }
    }

    /// <summary>Throws unless <paramref name="maxBlobs"/> is at least 1.</summary>
    internal static void CheckMaxBlobs(int maxBlobs)
    {
        if (maxBlobs < 1) throw new ArgumentOutOfRangeException(nameof(maxBlobs), maxBlobs, "at least one blob");
    }

    /// <summary>Throws <see cref="BlobDecodingException"/> at the first element of <paramref name="blob"/> whose byte 0 is not zero.</summary>
    internal static void RequireZeroTopBytes(ReadOnlySpan<byte> blob, int blobIndex, string codec)
    {
        // OR all top bytes together; only on failure look for the exact element.
        int acc = 0;
        for (int off = 0; off < blob.Length; off += BytesPerFieldElement) acc |= blob[off];
        if (acc == 0) return;
        for (int e = 0; e < FieldElementsPerBlob; e++)
        {
            byte top = blob[e * BytesPerFieldElement];
            if (top != 0) throw new BlobDecodingException(blobIndex, e, $"byte 0 is 0x{top:x2}{NonCanonicalNote(blob.Slice(e * BytesPerFieldElement, BytesPerFieldElement))}; the {codec} codec needs it zero");
        }
    }

    /// <summary>" (not a canonical field element)" when the element is at least BLS_MODULUS, else "".</summary>
    internal static string NonCanonicalNote(ReadOnlySpan<byte> element) =>
        IsCanonical(element) ? "" : " (not a canonical field element: at least BLS_MODULUS)";

    /// <summary>Throws <see cref="BlobDecodingException"/> at the first element whose value is at least BLS_MODULUS.</summary>
    internal static void RequireCanonical(ReadOnlySpan<byte> blob, int blobIndex)
    {
        int e = FirstNonCanonical(blob);
        if (e >= 0) throw new BlobDecodingException(blobIndex, e, "not a canonical field element (at least BLS_MODULUS)");
    }

    /// <summary>Throws <see cref="BlobDecodingException"/> naming the first non-zero byte in <paramref name="region"/>, which starts at byte <paramref name="regionStart"/> of blob <paramref name="blobIndex"/>.</summary>
    internal static void RequireZero(ReadOnlySpan<byte> region, int blobIndex, int regionStart, string what)
    {
        int i = region.IndexOfAnyExcept((byte)0);
        if (i < 0) return;
        int pos = regionStart + i;
        throw new BlobDecodingException(blobIndex, pos / BytesPerFieldElement,
            $"byte {pos % BytesPerFieldElement} is 0x{region[i]:x2}; {what} must be zero");
    }
}
