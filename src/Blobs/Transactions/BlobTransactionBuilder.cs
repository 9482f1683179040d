using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Sidecars;

namespace Blobs.Transactions;

/// <summary>A signed type-3 transaction with the sidecar it travels with.</summary>
/// <param name="Transaction">The signed transaction.</param>
/// <param name="Sidecar">The sidecar (v0 or v1).</param>
public sealed record SignedBlobTransaction(BlobTransaction Transaction, BlobSidecar Sidecar)
{
    /// <summary>The network form for eth_sendRawTransaction (v0 or v1, as the sidecar is).</summary>
    public byte[] NetworkEncoding() => BlobTransactionCodec.EncodeNetwork(Transaction, Sidecar);
}

/// <summary>
/// Builds signed blob transactions: data through a codec, or ready blobs → commitments and proofs
/// (v0) or cell proofs (v1), computed in parallel → versioned hashes → filled, signed transaction.
/// </summary>
public static class BlobTransactionBuilder
{
    /// <summary>Encodes <paramref name="data"/> with <paramref name="codec"/> and builds from the blobs.</summary>
    public static SignedBlobTransaction FromData(TransactionFields fields, ReadOnlySpan<byte> data, IBlobCodec codec, SidecarVersion version, KzgContext kzg, ReadOnlySpan<byte> privateKey, IProgress<int>? progress = null)
    {
        var blobs = codec.Encode(data).Select(b => (ReadOnlyMemory<byte>)b).ToArray();
        return FromBlobs(fields, blobs, version, kzg, privateKey, progress);
    }

    /// <summary>Commits the blobs, computes the proofs for <paramref name="version"/>, fills the hashes and signs.</summary>
    public static SignedBlobTransaction FromBlobs(TransactionFields fields, IReadOnlyList<ReadOnlyMemory<byte>> blobs, SidecarVersion version, KzgContext kzg, ReadOnlySpan<byte> privateKey, IProgress<int>? progress = null)
    {
        var sidecar = SidecarBuilder.Build(blobs, version, kzg, progress);
        return Sign(fields, sidecar, privateKey);
    }

    /// <summary>Fills the versioned hashes of <paramref name="sidecar"/> into an unsigned transaction.</summary>
    public static BlobTransaction Unsigned(TransactionFields fields, BlobSidecar sidecar) => new()
    {
        ChainId = fields.ChainId,
        Nonce = fields.Nonce,
        MaxPriorityFeePerGas = fields.MaxPriorityFeePerGas,
        MaxFeePerGas = fields.MaxFeePerGas,
        GasLimit = fields.GasLimit,
        To = fields.To,
        Value = fields.Value,
        Data = fields.Data,
        AccessList = fields.AccessList,
        MaxFeePerBlobGas = fields.MaxFeePerBlobGas,
        BlobVersionedHashes = sidecar.VersionedHashes(),
    };

    /// <summary>Fills the hashes of an existing sidecar and signs.</summary>
    public static SignedBlobTransaction Sign(TransactionFields fields, BlobSidecar sidecar, ReadOnlySpan<byte> privateKey) =>
        new(BlobTransactionSigner.Sign(Unsigned(fields, sidecar), privateKey), sidecar);

    /// <summary>The fields of an existing transaction (to rebuild it, e.g. with higher fees).</summary>
    public static TransactionFields FieldsOf(BlobTransaction tx) => new()
    {
        ChainId = tx.ChainId,
        Nonce = tx.Nonce,
        MaxPriorityFeePerGas = tx.MaxPriorityFeePerGas,
        MaxFeePerGas = tx.MaxFeePerGas,
        GasLimit = tx.GasLimit,
        To = tx.To,
        Value = tx.Value,
        Data = tx.Data,
        AccessList = tx.AccessList,
        MaxFeePerBlobGas = tx.MaxFeePerBlobGas,
    };
}
