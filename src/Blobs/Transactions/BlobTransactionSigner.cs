using System.Numerics;
using Nethereum.Signer;

namespace Blobs.Transactions;

/// <summary>Signs type-3 transactions and recovers their sender, with Nethereum's secp256k1 (RFC 6979 deterministic, low-s).</summary>
public static class BlobTransactionSigner
{
    /// <summary>Signs <paramref name="tx"/> with a 32-byte private key; returns the signed copy.</summary>
    public static BlobTransaction Sign(BlobTransaction tx, ReadOnlySpan<byte> privateKey) => Sign(tx, Key(privateKey));

    /// <summary>Signs <paramref name="tx"/> with a Nethereum key; returns the signed copy.</summary>
    public static BlobTransaction Sign(BlobTransaction tx, EthECKey key)
    {
        var hash = tx.SigningHash().Bytes.ToArray();
        var sig = key.SignAndCalculateYParityV(hash);
        byte parity = sig.V is { Length: > 0 } v ? v[^1] : (byte)0;
        if (parity > 1) parity = (byte)(parity - 27);
        return tx with
        {
            Signature = new TransactionSignature(parity,
                new BigInteger(sig.R, isUnsigned: true, isBigEndian: true),
                new BigInteger(sig.S, isUnsigned: true, isBigEndian: true)),
        };
    }

    /// <summary>The address of a private key.</summary>
    public static Address AddressOf(ReadOnlySpan<byte> privateKey) => Address.FromBytes(Key(privateKey).GetPublicAddressAsBytes());

    /// <summary>
    /// A Nethereum key for 32 bytes that are a valid secp256k1 secret (1 ≤ k &lt; n); otherwise an
    /// <see cref="ArgumentException"/> that says what is wrong without showing the key.
    /// </summary>
    private static EthECKey Key(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != 32) throw new ArgumentException($"private key: expected 32 bytes, got {privateKey.Length} (the key is not shown)");
        var k = new BigInteger(privateKey, isUnsigned: true, isBigEndian: true);
        if (k.IsZero || k >= TransactionSignature.CurveOrder)
            throw new ArgumentException("private key: not a valid secp256k1 secret (must be 1 ≤ k < n; the key is not shown)");
        return new EthECKey(privateKey.ToArray(), true);
    }

    /// <summary>Recovers the sender; throws <see cref="InvalidOperationException"/> when unsigned or when the signature does not recover.</summary>
    public static Address RecoverSender(BlobTransaction tx)
    {
        if (!TryRecoverSender(tx, out var sender, out var why)) throw new InvalidOperationException(why);
        return sender;
    }

    /// <summary>Recovers the sender; false with the reason when unsigned or invalid.</summary>
    public static bool TryRecoverSender(BlobTransaction tx, out Address sender, out string why)
    {
        sender = default;
        var s = tx.Signature;
        if (s is null) { why = "the transaction is not signed"; return false; }
        if (s.R.Sign <= 0 || s.R >= TransactionSignature.CurveOrder) { why = "signature r is out of range (must be 1 ≤ r < n)"; return false; }
        if (s.S.Sign <= 0 || s.S > TransactionSignature.HalfCurveOrder) { why = "signature s is out of range (must be 1 ≤ s ≤ n/2, EIP-2 low-s)"; return false; }
        if (s.YParity > 1) { why = $"y_parity {s.YParity} is not 0 or 1"; return false; }
        try
        {
            var sig = EthECDSASignatureFactory.FromComponents(To32(s.R), To32(s.S), s.YParity);
            var key = EthECKey.RecoverFromParityYSignature(sig, tx.SigningHash().Bytes.ToArray());
            if (key is null) { why = "the signature does not recover to a public key"; return false; }
            sender = Address.FromBytes(key.GetPublicAddressAsBytes());
            why = "";
            return true;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or ArithmeticException or FormatException)
        {
            why = "the signature does not recover to a public key: " + e.Message;
            return false;
        }
    }

    private static byte[] To32(BigInteger v)
    {
        var b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (b.Length == 32) return b;
        var r = new byte[32];
        b.CopyTo(r, 32 - b.Length);
        return r;
    }
}
