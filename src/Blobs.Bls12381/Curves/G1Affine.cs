using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G1 (y² = x³ + 4 over Fp) in affine coordinates. The point at infinity is stored as
/// (0, 0), which is not on the curve (0 ≠ 4) and so cannot be confused with a real point.
/// </summary>
/// <remarks>
/// Serialization follows the ZCash BLS12-381 format used by Ethereum (c-kzg, blst): big-endian x,
/// with the three top bits of the first byte as flags: 0x80 compressed, 0x40 infinity, 0x20 sign
/// (y is the lexicographically larger of ±y). Decoding checks, in this order, the length, the
/// compression flag, the infinity encoding, x &lt; p, that x is on the curve, and subgroup membership.
/// </remarks>
public readonly struct G1Affine : IEquatable<G1Affine>
{
    /// <summary>Size of the compressed encoding.</summary>
    public const int CompressedSize = 48;

    /// <summary>Size of the uncompressed encoding.</summary>
    public const int UncompressedSize = 96;

    /// <summary>Affine x (zero at infinity).</summary>
    public readonly Fp X;

    /// <summary>Affine y (zero at infinity).</summary>
    public readonly Fp Y;

    /// <summary>Builds (x, y) without checks; (0, 0) is the point at infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G1Affine(in Fp x, in Fp y)
    {
        X = x; Y = y;
    }

    /// <summary>The point at infinity.</summary>
    public static G1Affine Infinity => default;

    /// <summary>The standard generator (the first point of the KZG trusted setup's g1_monomial).</summary>
    public static G1Affine Generator { get; } = new(
        Fp.FromBytes(Convert.FromHexString("17f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb")),
        Fp.FromBytes(Convert.FromHexString("08b3f481e3aaa0f1a09e30ed741d8ae4fcf5e095d5d00af600db18cb2c04b3edd03cc744a2888ae40caa232946c5e7e1")));

    /// <summary>
    /// β, the cube root of unity with φ(x, y) = (β·x, y) acting on G1 as multiplication by −z²
    /// (z = −0xd201000000010000, the BLS parameter).
    /// </summary>
    internal static readonly Fp Beta = Fp.FromBytes(Convert.FromHexString(
        "00000000000000005f19672fdf76ce51ba69c6076a0f77eaddb3a93be6f89688de17d813620a00022e01fffffffefffe"));

    /// <summary>|z| = 0xd201000000010000, the absolute value of the BLS12-381 parameter (z is negative).</summary>
    internal const ulong AbsZ = 0xd201000000010000UL;

    /// <summary>True for the point at infinity.</summary>
    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>True when y² = x³ + 4 (infinity included).</summary>
    public bool IsOnCurve => IsInfinity || Fp.Square(Y).Equals(Fp.Add(Fp.Mul(Fp.Square(X), X), B));

    /// <summary>The curve constant b = 4.</summary>
    internal static readonly Fp B = Fp.FromUInt64(4);

    /// <summary>
    /// True when the point (assumed on the curve) lies in the order-r subgroup. Uses the endomorphism
    /// test of Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly
    /// curves" (ePrint 2021/1130): P ∈ G1 ⇔ φ(P) = −[z²]P with φ(x, y) = (β·x, y), which costs two
    /// multiplications by the sparse 64-bit |z| instead of one by the 255-bit r.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity) return true;
            // 1. [z²]P = [|z|]([|z|]P).
            G1Jacobian zp = MulByAbsZ(ToJacobian(), this);
            G1Jacobian z2p = MulByAbsZ(zp, null);
            // 2. Compare with −φ(P) = (β·x, −y).
            return z2p.Equals(new G1Affine(Fp.Mul(Beta, X), Fp.Negate(Y)));
        }
    }

    /// <summary>[|z|]Q by double-and-add over the six set bits of |z| (affine addend when given).</summary>
    private static G1Jacobian MulByAbsZ(in G1Jacobian q, G1Affine? qAffine)
    {
        G1Jacobian acc = q;
        for (int bit = 62; bit >= 0; bit--)
        {
            acc = G1Jacobian.Double(acc);
            if (((AbsZ >> bit) & 1) != 0)
                acc = qAffine is { } a ? G1Jacobian.AddMixed(acc, a) : G1Jacobian.Add(acc, q);
        }
        return acc;
    }

    /// <summary>The Jacobian form (Z = 1, or the Jacobian infinity).</summary>
    public G1Jacobian ToJacobian() => IsInfinity ? G1Jacobian.Infinity : new G1Jacobian(X, Y, Fp.One);

    /// <summary>The negated point (x, −y).</summary>
    public static G1Affine Negate(in G1Affine p) => p.IsInfinity ? p : new G1Affine(p.X, Fp.Negate(p.Y));

    /// <summary>The negated point.</summary>
    public static G1Affine operator -(in G1Affine p) => Negate(p);

    /// <summary>[k]P.</summary>
    public static G1Jacobian operator *(in G1Affine p, in Fr k) => G1Jacobian.Multiply(p.ToJacobian(), k);

    // ---------------------------------------------------------------- serialization

    /// <summary>Writes the 48-byte compressed encoding.</summary>
    public void Compress(Span<byte> dest48) =>
        ZcashPointEncoding<Fp>.Compress(IsInfinity, X, Y, dest48, CompressedSize, nameof(dest48));

    /// <summary>The 48-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var b = new byte[CompressedSize];
        Compress(b);
        return b;
    }

    /// <summary>Writes the 96-byte uncompressed encoding (x then y, no compression flag).</summary>
    public void SerializeUncompressed(Span<byte> dest96) =>
        ZcashPointEncoding<Fp>.WriteUncompressed(IsInfinity, X, Y, dest96, UncompressedSize, nameof(dest96));

    /// <summary>The 96-byte uncompressed encoding.</summary>
    public byte[] ToUncompressed()
    {
        var b = new byte[UncompressedSize];
        SerializeUncompressed(b);
        return b;
    }

    /// <summary>
    /// Decodes a 48-byte compressed point and reports what is wrong with it, if anything. With
    /// <paramref name="checkSubgroup"/> false the subgroup test is skipped (for callers that batch it
    /// or trust the source).
    /// </summary>
    public static PointDecodeError Decompress(ReadOnlySpan<byte> bytes, out G1Affine point, bool checkSubgroup = true) =>
        Checked(ZcashPointEncoding<Fp>.Decompress(bytes, CompressedSize, B, out var x, out var y), x, y, checkSubgroup, out point);

    /// <summary>Decodes a compressed point with every check; false on any problem (no message built).</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out G1Affine point) =>
        Decompress(bytes, out point) == PointDecodeError.None;

    /// <summary>Decodes a compressed point with every check; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out G1Affine point, out string? error)
    {
        var e = Decompress(bytes, out point);
        error = e == PointDecodeError.None ? null : e.Describe("G1", bytes.Length, CompressedSize);
        return e == PointDecodeError.None;
    }

    /// <summary>Decodes a compressed point with every check; throws <see cref="FormatException"/> naming the problem.</summary>
    public static G1Affine FromCompressed(ReadOnlySpan<byte> bytes)
    {
        if (!TryDecompress(bytes, out var p, out var error)) throw new FormatException($"invalid G1 point: {error}");
        return p;
    }

    /// <summary>Decodes a 96-byte uncompressed point (x ‖ y) and reports what is wrong with it, if anything.</summary>
    public static PointDecodeError DecodeUncompressed(ReadOnlySpan<byte> bytes, out G1Affine point, bool checkSubgroup = true) =>
        Checked(ZcashPointEncoding<Fp>.DecodeUncompressed(bytes, UncompressedSize, B, out var x, out var y), x, y, checkSubgroup, out point);

    /// <summary>The decoded point after the subgroup check (when asked for), or the decoding error.</summary>
    private static PointDecodeError Checked(PointDecodeError decoded, in Fp x, in Fp y, bool checkSubgroup, out G1Affine point)
    {
        point = default;
        if (decoded != PointDecodeError.None) return decoded;
        var p = new G1Affine(x, y);
        if (checkSubgroup && !p.IsInSubgroup) return PointDecodeError.NotInSubgroup;
        point = p;
        return PointDecodeError.None;
    }

    /// <summary>Decodes an uncompressed point with every check; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryDecodeUncompressed(ReadOnlySpan<byte> bytes, out G1Affine point, out string? error)
    {
        var e = DecodeUncompressed(bytes, out point);
        error = e == PointDecodeError.None ? null : e.Describe("G1", bytes.Length, UncompressedSize);
        return e == PointDecodeError.None;
    }

    // ---------------------------------------------------------------- equality

    /// <summary>Equality.</summary>
    public static bool operator ==(in G1Affine p, in G1Affine q) => p.Equals(q);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in G1Affine p, in G1Affine q) => !p.Equals(q);

    /// <inheritdoc />
    public bool Equals(G1Affine other) => X.Equals(other.X) && Y.Equals(other.Y);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G1Affine p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <summary>The compressed encoding in hex.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToCompressed());
}
