using System.Numerics;

namespace Blobs.Transactions.Rlp;

/// <summary>
/// A strict RLP reader: canonical encodings only (no single byte below 0x80 wrapped in a string
/// prefix, no long form for lengths under 56, no leading zero in lengths or integers), every
/// length checked against the buffer. Errors are <see cref="TransactionDecodingException"/>s naming
/// the item (<c>what</c>) and its offset.
/// </summary>
public static class RlpReader
{
    /// <summary>Reads the item that starts at <paramref name="offset"/> and must end at or before <paramref name="limit"/>.</summary>
    public static RlpItem ReadItem(ReadOnlySpan<byte> buffer, int offset, int limit, string what)
    {
        if (offset >= limit) throw Fail(what, offset, "missing (input ends here)");
        byte p = buffer[offset];
        if (p < 0x80) return new RlpItem(false, offset, offset, 1);
        if (p <= 0xb7)
        {
            int len = p - 0x80;
            CheckFits(offset + 1, len, limit, what, offset);
            if (len == 1 && buffer[offset + 1] < 0x80)
                throw Fail(what, offset, $"non-canonical RLP: single byte 0x{buffer[offset + 1]:x2} must be encoded as itself");
            return new RlpItem(false, offset, offset + 1, len);
        }
        if (p <= 0xbf)
        {
            int len = ReadLongLength(buffer, offset, p - 0xb7, limit, what);
            return new RlpItem(false, offset, offset + 1 + (p - 0xb7), len);
        }
        if (p <= 0xf7)
        {
            int len = p - 0xc0;
            CheckFits(offset + 1, len, limit, what, offset);
            return new RlpItem(true, offset, offset + 1, len);
        }
        {
            int len = ReadLongLength(buffer, offset, p - 0xf7, limit, what);
            return new RlpItem(true, offset, offset + 1 + (p - 0xf7), len);
        }
    }

    /// <summary>Reads the children of a list item; <paramref name="names"/> names them in errors (index used beyond).</summary>
    public static List<RlpItem> ReadList(ReadOnlySpan<byte> buffer, RlpItem list, string what, Func<int, string>? names = null)
    {
        if (!list.IsList) throw Fail(what, list.Offset, "expected an RLP list, found a byte string");
        var items = new List<RlpItem>();
        int pos = list.PayloadOffset;
        while (pos < list.End)
        {
            var item = ReadItem(buffer, pos, list.End, names?.Invoke(items.Count) ?? $"{what}[{items.Count}]");
            items.Add(item);
            pos = item.End;
        }
        return items;
    }

    /// <summary>The bytes of a string item; throws when the item is a list.</summary>
    public static ReadOnlySpan<byte> Bytes(ReadOnlySpan<byte> buffer, RlpItem item, string what)
    {
        if (item.IsList) throw Fail(what, item.Offset, "expected a byte string, found an RLP list");
        return buffer.Slice(item.PayloadOffset, item.PayloadLength);
    }

    /// <summary>A string item of exactly <paramref name="length"/> bytes.</summary>
    public static ReadOnlySpan<byte> FixedBytes(ReadOnlySpan<byte> buffer, RlpItem item, int length, string what)
    {
        var b = Bytes(buffer, item, what);
        if (b.Length != length) throw Fail(what, item.Offset, $"expected {length} bytes, got {b.Length}");
        return b;
    }

    /// <summary>A canonical unsigned integer of at most <paramref name="maxBytes"/> bytes (no leading zero; zero is the empty string).</summary>
    public static BigInteger UInt(ReadOnlySpan<byte> buffer, RlpItem item, int maxBytes, string what)
    {
        var b = Bytes(buffer, item, what);
        if (b.Length > maxBytes) throw Fail(what, item.Offset, $"integer of {b.Length} bytes exceeds the {maxBytes}-byte maximum");
        if (b.Length > 0 && b[0] == 0) throw Fail(what, item.Offset, "non-canonical integer: leading zero byte");
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>A canonical unsigned integer that fits 64 bits.</summary>
    public static ulong UInt64(ReadOnlySpan<byte> buffer, RlpItem item, string what) => (ulong)UInt(buffer, item, 8, what);

    /// <summary>Builds the exception for <paramref name="what"/> at <paramref name="offset"/>.</summary>
    public static TransactionDecodingException Fail(string what, int offset, string problem) =>
        new($"{what} (byte {offset}): {problem}");

    private static int ReadLongLength(ReadOnlySpan<byte> buffer, int offset, int lengthOfLength, int limit, string what)
    {
        if (offset + 1 + lengthOfLength > limit) throw Fail(what, offset, $"truncated: {lengthOfLength}-byte length runs past the end of its container");
        if (buffer[offset + 1] == 0) throw Fail(what, offset, "non-canonical RLP: length has a leading zero byte");
        if (lengthOfLength > 4) throw Fail(what, offset, $"length of {lengthOfLength} bytes is too large");
        long len = 0;
        for (int i = 0; i < lengthOfLength; i++) len = (len << 8) | buffer[offset + 1 + i];
        if (len < 56) throw Fail(what, offset, $"non-canonical RLP: length {len} must use the short form");
        if (len > int.MaxValue) throw Fail(what, offset, $"length {len} is too large");
        CheckFits(offset + 1 + lengthOfLength, (int)len, limit, what, offset);
        return (int)len;
    }

    private static void CheckFits(int payloadOffset, int len, int limit, string what, int offset)
    {
        if ((long)payloadOffset + len > limit)
            throw Fail(what, offset, $"truncated: declares {len} bytes of payload but only {Math.Max(0, limit - payloadOffset)} remain in its container");
    }
}
