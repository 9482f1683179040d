using System.Numerics;
using Blobs.Kzg;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>Signing keys: invalid ones are refused with a message that never contains them.</summary>
public class SignerTests
{
    private static readonly BlobTransaction s_tx = BlobTransactionCodec.Decode(TxVectors.Bytes("v0-1blob-accesslist")).Transaction with { Signature = null };

    public static TheoryData<string> BadKeys() => new()
    {
        "0000000000000000000000000000000000000000000000000000000000000000",
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",   // n
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff",     // 31 bytes
    };

    [Theory, MemberData(nameof(BadKeys))]
    public void Invalid_keys_are_refused_without_being_shown(string hex)
    {
        var key = Hex.Decode(hex);
        var e = Assert.Throws<ArgumentException>(() => BlobTransactionSigner.Sign(s_tx, key));
        Assert.Contains("the key is not shown", e.Message);
        Assert.DoesNotContain(hex, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Throws<ArgumentException>(() => BlobTransactionSigner.AddressOf(key));
    }

    [Fact]
    public void The_largest_valid_key_signs_and_recovers()
    {
        var key = (TransactionSignature.CurveOrder - 1).ToByteArray(isUnsigned: true, isBigEndian: true);
        var signed = BlobTransactionSigner.Sign(s_tx, key);
        Assert.Equal(BlobTransactionSigner.AddressOf(key), signed.Sender());
    }

    [Fact]
    public void Signing_is_deterministic_and_low_s()
    {
        var key = Hex.Decode(TxVectors.DevKey);
        var a = BlobTransactionSigner.Sign(s_tx, key);
        var b = BlobTransactionSigner.Sign(s_tx, key);
        Assert.Equal(a.Signature, b.Signature);
        Assert.True(a.Signature!.S <= TransactionSignature.HalfCurveOrder);
    }
}
