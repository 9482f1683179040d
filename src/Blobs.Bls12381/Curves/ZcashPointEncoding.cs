namespace Blobs.Bls12381;

/// <summary>
/// The ZCash BLS12-381 point encoding used by Ethereum (c-kzg, blst), written once for G1 (coordinates in
/// <see cref="Fp"/>, 48 bytes) and G2 (<see cref="Fp2"/>, 96 bytes, c1 ‖ c0): big-endian x (then y when
/// uncompressed), with the three top bits of the first byte as flags — 0x80 compressed, 0x40 infinity, 0x20 sign
/// (y is the lexicographically larger of ±y). Infinity is (0, 0) here, as in <see cref="G1Affine"/> and
/// <see cref="G2Affine"/>. The subgroup check is the caller's.
/// </summary>
/// <typeparam name="TField">The coordinate field.</typeparam>
internal static class ZcashPointEncoding<TField> where TField : struct, ICurveField<TField>
{
    /// <summary>Writes the compressed encoding (<paramref name="size"/> bytes: one coordinate).</summary>
    public static void Compress(bool infinity, in TField x, in TField y, Span<byte> dest, int size, string destName)
    {
        if (dest.Length < size) throw new ArgumentException($"destination must hold {size} bytes", destName);
        if (infinity)
        {
            dest[..size].Clear();
            dest[0] = 0xc0;
            return;
        }
        x.ToBytes(dest);
        dest[0] |= (byte)(0x80 | (y.IsLexicographicallyLargest ? 0x20 : 0));
    }

    /// <summary>Writes the uncompressed encoding (<paramref name="size"/> bytes: x then y, no compression flag).</summary>
    public static void WriteUncompressed(bool infinity, in TField x, in TField y, Span<byte> dest, int size, string destName)
    {
        if (dest.Length < size) throw new ArgumentException($"destination must hold {size} bytes", destName);
        if (infinity)
        {
            dest[..size].Clear();
            dest[0] = 0x40;
            return;
        }
        x.ToBytes(dest);
        y.ToBytes(dest[(size / 2)..]);
    }

    /// <summary>
    /// Decodes a compressed point of the curve y² = x³ + <paramref name="b"/>: the length, the flags, a canonical x,
    /// x³ + b a square (y chosen by the sign flag). Infinity decodes to (0, 0).
    /// </summary>
    public static PointDecodeError Decompress(ReadOnlySpan<byte> bytes, int size, in TField b, out TField x, out TField y)
    {
        x = default;
        y = default;
        if (bytes.Length != size) return PointDecodeError.WrongLength;
        byte flags = bytes[0];
        if ((flags & 0x80) == 0) return PointDecodeError.CompressionFlagMissing;
        bool sign = (flags & 0x20) != 0;
        if ((flags & 0x40) != 0)
        {
            if (sign) return PointDecodeError.InfinityWithSignFlag;
            if ((flags & 0x1f) != 0 || bytes[1..].ContainsAnyExcept((byte)0)) return PointDecodeError.InfinityWithNonZeroBits;
            return PointDecodeError.None;
        }
        Span<byte> xb = stackalloc byte[size];
        bytes.CopyTo(xb);
        xb[0] &= 0x1f;
        if (!TField.TryFromBytes(xb, out var px)) return PointDecodeError.CoordinateNotCanonical;
        // 1. y² = x³ + b.
        TField rhs = TField.Add(TField.Mul(TField.Square(px), px), b);
        if (!TField.Sqrt(rhs, out var py)) return PointDecodeError.NotOnCurve;
        // 2. The root the sign flag names.
        if (py.IsLexicographicallyLargest != sign) py = TField.Negate(py);
        x = px;
        y = py;
        return PointDecodeError.None;
    }

    /// <summary>
    /// Decodes an uncompressed point (x ‖ y, <paramref name="size"/> bytes) of the curve y² = x³ + <paramref name="b"/>:
    /// the length, the flags, canonical coordinates, on the curve. Infinity decodes to (0, 0).
    /// </summary>
    public static PointDecodeError DecodeUncompressed(ReadOnlySpan<byte> bytes, int size, in TField b, out TField x, out TField y)
    {
        x = default;
        y = default;
        if (bytes.Length != size) return PointDecodeError.WrongLength;
        byte flags = bytes[0];
        if ((flags & 0x80) != 0) return PointDecodeError.CompressionFlagInUncompressed;
        if ((flags & 0x40) != 0)
        {
            if ((flags & 0x20) != 0) return PointDecodeError.InfinityWithSignFlag;
            if ((flags & 0x1f) != 0 || bytes[1..].ContainsAnyExcept((byte)0)) return PointDecodeError.InfinityWithNonZeroBits;
            return PointDecodeError.None;
        }
        if ((flags & 0x20) != 0) return PointDecodeError.SignFlagInUncompressed;
        if (!TField.TryFromBytes(bytes[..(size / 2)], out var px) || !TField.TryFromBytes(bytes[(size / 2)..], out var py))
            return PointDecodeError.CoordinateNotCanonical;
        // (0, 0) without the infinity flag is not a point; anything else must satisfy y² = x³ + b.
        if ((px.IsZero && py.IsZero) || !TField.Square(py).Equals(TField.Add(TField.Mul(TField.Square(px), px), b)))
            return PointDecodeError.NotOnCurve;
        x = px;
        y = py;
        return PointDecodeError.None;
    }
}
