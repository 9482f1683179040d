using System.Numerics;
using NRlp = Nethereum.RLP.RLP;

namespace Blobs.Transactions.Rlp;

/// <summary>RLP encoding on Nethereum.RLP, with canonical integers (zero is the empty string, no leading zeros).</summary>
public static class RlpWriter
{
    /// <summary>Encodes a byte string.</summary>
    public static byte[] Bytes(ReadOnlySpan<byte> value) => NRlp.EncodeElement(value.ToArray());

    /// <summary>Encodes a non-negative integer canonically.</summary>
    public static byte[] UInt(BigInteger value)
    {
        if (value.Sign < 0) throw new ArgumentOutOfRangeException(nameof(value), "RLP integers are unsigned");
        return NRlp.EncodeElement(value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true));
    }

    /// <summary>Encodes a 64-bit unsigned integer canonically.</summary>
    public static byte[] UInt(ulong value) => UInt(new BigInteger(value));

    /// <summary>Encodes a list of already-encoded items.</summary>
    public static byte[] List(params byte[][] encodedItems) => NRlp.EncodeList(encodedItems);

    /// <summary>Encodes a list of already-encoded items.</summary>
    public static byte[] List(IEnumerable<byte[]> encodedItems) => NRlp.EncodeList(encodedItems.ToArray());
}
