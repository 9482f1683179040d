using System.Numerics;

namespace Blobs.Transactions;

/// <summary>A secp256k1 signature of a typed transaction: y parity (0 or 1), r and s.</summary>
/// <param name="YParity">0 or 1: the parity of the y coordinate of the curve point R.</param>
/// <param name="R">r, 1 ≤ r &lt; n.</param>
/// <param name="S">s, 1 ≤ s ≤ n/2 (low-s, EIP-2).</param>
public sealed record TransactionSignature(byte YParity, BigInteger R, BigInteger S)
{
    /// <summary>The order n of the secp256k1 group.</summary>
    public static readonly BigInteger CurveOrder =
        BigInteger.Parse("115792089237316195423570985008687907852837564279074904382605163141518161494337");

    /// <summary>n / 2: the largest s a valid (low-s) signature may carry.</summary>
    public static readonly BigInteger HalfCurveOrder = CurveOrder / 2;
}
