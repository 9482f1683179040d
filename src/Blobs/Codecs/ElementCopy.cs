using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Blobs.Codecs;

/// <summary>
/// The copy every 31-bytes-per-element codec needs: data bytes to bytes 1..31 of consecutive
/// elements and back. Uses 32-byte vector moves (an element per load/store) where the neighbouring
/// bytes they touch are inside the spans and rewritten afterwards; the edges go byte-wise.
/// </summary>
internal static class ElementCopy
{
    private const int E = BlobFormat.BytesPerFieldElement; // 32
    private const int D = 31;                               // data bytes per element

    /// <summary>For e in [0, elements): <c>dst[32e] = 0</c>, <c>dst[32e+1..32e+32) = src[31e..31e+31)</c>.</summary>
    public static void Spread(ReadOnlySpan<byte> src, Span<byte> dst, int elements)
    {
        if (elements <= 0) return;
        if (src.Length < elements * D || dst.Length < elements * E) throw new ArgumentException("spans too short for the element count");
        dst[0] = 0;
        src[..D].CopyTo(dst[1..]);
        int e = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            // Element e comes from src[31e − 1 .. 31e + 31): its first byte is masked to zero.
            ref byte s = ref MemoryMarshal.GetReference(src);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            var mask = Vector256.Create((byte)0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                        0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff);
            for (; e < elements; e++)
                (Vector256.LoadUnsafe(ref s, (nuint)(e * D - 1)) & mask).StoreUnsafe(ref d, (nuint)(e * E));
            return;
        }
        for (; e < elements; e++)
        {
            dst[e * E] = 0;
            src.Slice(e * D, D).CopyTo(dst[(e * E + 1)..]);
        }
    }

    /// <summary>For e in [0, elements): <c>dst[31e..31e+31) = src[32e+1..32e+32)</c> (byte 0 of each element is skipped).</summary>
    public static void Gather(ReadOnlySpan<byte> src, Span<byte> dst, int elements)
    {
        if (elements <= 0) return;
        if (src.Length < elements * E || dst.Length < elements * D) throw new ArgumentException("spans too short for the element count");
        int e = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // Element e's 32-byte load from src[32e + 1] also takes the next element's byte 0, stored at
            // dst[31e + 31], which element e + 1 then overwrites; the last element goes byte-wise.
            ref byte s = ref MemoryMarshal.GetReference(src);
            ref byte d = ref MemoryMarshal.GetReference(dst);
            for (; e < elements - 1; e++)
                Vector256.LoadUnsafe(ref s, (nuint)(e * E + 1)).StoreUnsafe(ref d, (nuint)(e * D));
        }
        for (; e < elements; e++) src.Slice(e * E + 1, D).CopyTo(dst[(e * D)..]);
    }
}
