using System.Runtime.CompilerServices;

namespace Blobs.Bls12381;

/// <summary>
/// A point of G2 (y² = x³ + 4(1 + u) over Fp2, the sextic twist) in affine coordinates. The point
/// at infinity is stored as (0, 0), which is not on the curve and so cannot be confused with a real point.
/// </summary>
/// <remarks>
/// Serialization follows the ZCash BLS12-381 format used by Ethereum (c-kzg, blst): x as
/// x.c1 ‖ x.c0 (48 big-endian bytes each), with the three top bits of the first byte as flags:
/// 0x80 compressed, 0x40 infinity, 0x20 sign (y is the lexicographically larger of ±y, comparing
/// c1 first). Decoding checks, in this order, the length, the
/// compression flag, the infinity encoding, x &lt; p, that x is on the curve, and subgroup membership.
/// </remarks>
public readonly struct G2Affine : IEquatable<G2Affine>
{
    /// <summary>Size of the compressed encoding.</summary>
    public const int CompressedSize = 96;

    /// <summary>Size of the uncompressed encoding.</summary>
    public const int UncompressedSize = 192;

    /// <summary>Affine x (zero at infinity).</summary>
    public readonly Fp2 X;

    /// <summary>Affine y (zero at infinity).</summary>
    public readonly Fp2 Y;

    /// <summary>Builds (x, y) without checks; (0, 0) is the point at infinity.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public G2Affine(in Fp2 x, in Fp2 y)
    {
        X = x; Y = y;
    }

    /// <summary>The point at infinity.</summary>
    public static G2Affine Infinity => default;

    /// <summary>The standard generator (the first point of the KZG trusted setup's g2_monomial).</summary>
    public static G2Affine Generator { get; } = new(
        new Fp2(
            Fp.FromBytes(Convert.FromHexString("024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8")),
            Fp.FromBytes(Convert.FromHexString("13e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e"))),
        new Fp2(
            Fp.FromBytes(Convert.FromHexString("0ce5d527727d6e118cc9cdc6da2e351aadfd9baa8cbdd3a76d429a695160d12c923ac9cc3baca289e193548608b82801")),
            Fp.FromBytes(Convert.FromHexString("0606c4a02ea734cc32acd2b02bc28b99cb3e287e85a763af267492ab572e99ab3f370d275cec1da1aaa9075ff05f79be"))));

    /// <summary>ψ's x coefficient, 1/(1 + u)^((p − 1)/3).</summary>
    internal static readonly Fp2 PsiX = new(
        Fp.Zero,
        Fp.FromBytes(Convert.FromHexString("1a0111ea397fe699ec02408663d4de85aa0d857d89759ad4897d29650fb85f9b409427eb4f49fffd8bfd00000000aaad")));

    /// <summary>ψ's y coefficient, 1/(1 + u)^((p − 1)/2).</summary>
    internal static readonly Fp2 PsiY = new(
        Fp.FromBytes(Convert.FromHexString("135203e60180a68ee2e9c448d77a2cd91c3dedd930b1cf60ef396489f61eb45e304466cf3e67fa0af1ee7b04121bdea2")),
        Fp.FromBytes(Convert.FromHexString("06af0e0437ff400b6831e36d6bd17ffe48395dabc2d3435e77f76e17009241c5ee67992f72ec05f4c81084fbede3cc09")));

    /// <summary>
    /// The untwist-Frobenius-twist endomorphism ψ(x, y) = (conj(x)·c_x, conj(y)·c_y), which acts on G2
    /// as multiplication by p (and so by z, the BLS parameter, modulo r).
    /// </summary>
    public static G2Affine Psi(in G2Affine p) =>
        p.IsInfinity ? p : new G2Affine(Fp2.Mul(Fp2.Conjugate(p.X), PsiX), Fp2.Mul(Fp2.Conjugate(p.Y), PsiY));

    /// <summary>True for the point at infinity.</summary>
    public bool IsInfinity => X.IsZero && Y.IsZero;

    /// <summary>True when y² = x³ + 4(1 + u) (infinity included).</summary>
    public bool IsOnCurve => IsInfinity || Fp2.Square(Y).Equals(Fp2.Add(Fp2.Mul(Fp2.Square(X), X), B));

    /// <summary>The curve constant b' = 4(1 + u).</summary>
    internal static readonly Fp2 B = new(Fp.FromUInt64(4), Fp.FromUInt64(4));

    /// <summary>
    /// True when the point (assumed on the curve) lies in the order-r subgroup. Uses the test of
    /// Scott, "A note on group membership tests for G1, G2 and GT on BLS pairing-friendly curves"
    /// (ePrint 2021/1130): P ∈ G2 ⇔ ψ(P) = [z]P, one multiplication by the sparse 64-bit |z|
    /// (z is negative: [z]P = −[|z|]P) instead of one by the 255-bit r.
    /// </summary>
    public bool IsInSubgroup
    {
        get
        {
            if (IsInfinity) return true;
            // 1. [|z|]P by double-and-add over the six set bits of |z|.
            G2Jacobian acc = ToJacobian();
            for (int bit = 62; bit >= 0; bit--)
            {
                acc = G2Jacobian.Double(acc);
                if (((G1Affine.AbsZ >> bit) & 1) != 0) acc = G2Jacobian.AddMixed(acc, this);
            }
            // 2. ψ(P) = [z]P = −[|z|]P.
            return G2Jacobian.Negate(acc).Equals(Psi(this));
        }
    }

    /// <summary>The Jacobian form (Z = 1, or the Jacobian infinity).</summary>
    public G2Jacobian ToJacobian() => IsInfinity ? G2Jacobian.Infinity : new G2Jacobian(X, Y, Fp2.One);

    /// <summary>The negated point (x, −y).</summary>
    public static G2Affine Negate(in G2Affine p) => p.IsInfinity ? p : new G2Affine(p.X, Fp2.Negate(p.Y));

    /// <summary>The negated point.</summary>
    public static G2Affine operator -(in G2Affine p) => Negate(p);

    /// <summary>[k]P.</summary>
    public static G2Jacobian operator *(in G2Affine p, in Fr k) => G2Jacobian.Multiply(p.ToJacobian(), k);

    // ---------------------------------------------------------------- serialization

    /// <summary>Writes the 96-byte compressed encoding.</summary>
    public void Compress(Span<byte> dest96) =>
        ZcashPointEncoding<Fp2>.Compress(IsInfinity, X, Y, dest96, CompressedSize, nameof(dest96));

    /// <summary>The 96-byte compressed encoding.</summary>
    public byte[] ToCompressed()
    {
        var b = new byte[CompressedSize];
        Compress(b);
        return b;
    }

    /// <summary>Writes the 192-byte uncompressed encoding (x then y, each c1 ‖ c0, no compression flag).</summary>
    public void SerializeUncompressed(Span<byte> dest192) =>
        ZcashPointEncoding<Fp2>.WriteUncompressed(IsInfinity, X, Y, dest192, UncompressedSize, nameof(dest192));

    /// <summary>The 192-byte uncompressed encoding.</summary>
    public byte[] ToUncompressed()
    {
        var b = new byte[UncompressedSize];
        SerializeUncompressed(b);
        return b;
    }

    /// <summary>
    /// Decodes a 96-byte compressed point and reports what is wrong with it, if anything. With
    /// <paramref name="checkSubgroup"/> false the subgroup test is skipped (for callers that batch it
    /// or trust the source).
    /// </summary>
    public static PointDecodeError Decompress(ReadOnlySpan<byte> bytes, out G2Affine point, bool checkSubgroup = true) =>
        Checked(ZcashPointEncoding<Fp2>.Decompress(bytes, CompressedSize, B, out var x, out var y), x, y, checkSubgroup, out point);

    /// <summary>Decodes a compressed point with every check; false on any problem (no message built).</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out G2Affine point) =>
        Decompress(bytes, out point) == PointDecodeError.None;

    /// <summary>Decodes a compressed point with every check; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryDecompress(ReadOnlySpan<byte> bytes, out G2Affine point, out string? error)
    {
        var e = Decompress(bytes, out point);
        error = e == PointDecodeError.None ? null : e.Describe("G2", bytes.Length, CompressedSize);
        return e == PointDecodeError.None;
    }

    /// <summary>Decodes a compressed point with every check; throws <see cref="FormatException"/> naming the problem.</summary>
    public static G2Affine FromCompressed(ReadOnlySpan<byte> bytes)
    {
        if (!TryDecompress(bytes, out var p, out var error)) throw new FormatException($"invalid G2 point: {error}");
        return p;
    }

    /// <summary>Decodes a 192-byte uncompressed point (x ‖ y) and reports what is wrong with it, if anything.</summary>
    public static PointDecodeError DecodeUncompressed(ReadOnlySpan<byte> bytes, out G2Affine point, bool checkSubgroup = true) =>
        Checked(ZcashPointEncoding<Fp2>.DecodeUncompressed(bytes, UncompressedSize, B, out var x, out var y), x, y, checkSubgroup, out point);

    /// <summary>The decoded point after the subgroup check (when asked for), or the decoding error.</summary>
    private static PointDecodeError Checked(PointDecodeError decoded, in Fp2 x, in Fp2 y, bool checkSubgroup, out G2Affine point)
    {
        point = default;
        if (decoded != PointDecodeError.None) return decoded;
        var p = new G2Affine(x, y);
        if (checkSubgroup && !p.IsInSubgroup) return PointDecodeError.NotInSubgroup;
        point = p;
        return PointDecodeError.None;
    }

    /// <summary>Decodes an uncompressed point with every check; on failure <paramref name="error"/> names the problem.</summary>
    public static bool TryDecodeUncompressed(ReadOnlySpan<byte> bytes, out G2Affine point, out string? error)
    {
        var e = DecodeUncompressed(bytes, out point);
        error = e == PointDecodeError.None ? null : e.Describe("G2", bytes.Length, UncompressedSize);
        return e == PointDecodeError.None;
    }

    // ---------------------------------------------------------------- equality

    /// <summary>Equality.</summary>
    public static bool operator ==(in G2Affine p, in G2Affine q) => p.Equals(q);

    /// <summary>Inequality.</summary>
    public static bool operator !=(in G2Affine p, in G2Affine q) => !p.Equals(q);

    /// <inheritdoc />
    public bool Equals(G2Affine other) => X.Equals(other.X) && Y.Equals(other.Y);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is G2Affine p && Equals(p);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(X, Y);

    /// <summary>The compressed encoding in hex.</summary>
    public override string ToString() => "0x" + Convert.ToHexStringLower(ToCompressed());
}
