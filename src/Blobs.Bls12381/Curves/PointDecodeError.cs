namespace Blobs.Bls12381;

/// <summary>Why a serialized G1 or G2 point was rejected (<see cref="PointDecodeError.None"/> when it was not).</summary>
public enum PointDecodeError
{
    /// <summary>The point decoded.</summary>
    None = 0,
    /// <summary>The input does not have the length of the expected encoding.</summary>
    WrongLength,
    /// <summary>A compressed encoding (48 bytes for G1, 96 for G2) without the compression flag (0x80).</summary>
    CompressionFlagMissing,
    /// <summary>An uncompressed encoding (96 bytes for G1, 192 for G2) with the compression flag (0x80).</summary>
    CompressionFlagInUncompressed,
    /// <summary>The infinity flag (0x40) is set together with the sign flag (0x20).</summary>
    InfinityWithSignFlag,
    /// <summary>The infinity flag (0x40) is set but the remaining bits are not all zero.</summary>
    InfinityWithNonZeroBits,
    /// <summary>An uncompressed encoding with the sign flag (0x20) set.</summary>
    SignFlagInUncompressed,
    /// <summary>A coordinate is not a canonical field element (≥ p).</summary>
    CoordinateNotCanonical,
    /// <summary>No point of the curve has this x coordinate (x³ + b is not a square), or (x, y) is not on the curve.</summary>
    NotOnCurve,
    /// <summary>The point is on the curve but not in the prime-order subgroup.</summary>
    NotInSubgroup,
}

/// <summary>Messages for <see cref="PointDecodeError"/>.</summary>
public static class PointDecodeErrors
{
    /// <summary>A one-line description naming the problem, e.g. "not in the G1 subgroup".</summary>
    /// <param name="error">The error.</param>
    /// <param name="group">"G1" or "G2".</param>
    /// <param name="length">The input length, for <see cref="PointDecodeError.WrongLength"/>.</param>
    /// <param name="expectedLength">The expected length.</param>
    public static string Describe(this PointDecodeError error, string group, int length = 0, int expectedLength = 0) => error switch
    {
        PointDecodeError.None => "ok",
        PointDecodeError.WrongLength => $"a serialized {group} point is {expectedLength} bytes, got {length}",
        PointDecodeError.CompressionFlagMissing => "compression flag (0x80) is not set",
        PointDecodeError.CompressionFlagInUncompressed => "compression flag (0x80) is set in an uncompressed encoding",
        PointDecodeError.InfinityWithSignFlag => "infinity flag (0x40) is set together with the sign flag (0x20)",
        PointDecodeError.InfinityWithNonZeroBits => "infinity flag (0x40) is set but the other bits are not all zero",
        PointDecodeError.SignFlagInUncompressed => "sign flag (0x20) is set in an uncompressed encoding",
        PointDecodeError.CoordinateNotCanonical => "coordinate is not a canonical field element (≥ p)",
        PointDecodeError.NotOnCurve => $"not a point on the {group} curve",
        PointDecodeError.NotInSubgroup => $"not in the {group} subgroup",
        _ => error.ToString(),
    };
}
