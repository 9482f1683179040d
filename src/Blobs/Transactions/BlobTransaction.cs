using System.Numerics;
using Blobs.Kzg;

namespace Blobs.Transactions;

/// <summary>
/// An EIP-4844 type-3 transaction: the 11 signed fields and, once signed, the signature. Immutable;
/// use <c>with</c> to derive a changed copy (which drops nothing: clear <see cref="Signature"/>
/// yourself when you change a signed field, or call <c>BlobTransactionSigner.Sign</c> again).
/// Fee and value fields are uint256, held as non-negative <see cref="BigInteger"/>s.
/// </summary>
public sealed record BlobTransaction
{
    /// <summary>The EIP-2718 type byte.</summary>
    public const byte TypeByte = 0x03;

    /// <summary>chain_id.</summary>
    public required ulong ChainId { get; init; }
    /// <summary>nonce.</summary>
    public required ulong Nonce { get; init; }
    /// <summary>max_priority_fee_per_gas (wei).</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }
    /// <summary>max_fee_per_gas (wei).</summary>
    public required BigInteger MaxFeePerGas { get; init; }
    /// <summary>gas_limit.</summary>
    public required ulong GasLimit { get; init; }
    /// <summary>to: never empty for a blob transaction (no contract creation).</summary>
    public required Address To { get; init; }
    /// <summary>value (wei).</summary>
    public BigInteger Value { get; init; }
    /// <summary>data (calldata).</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;
    /// <summary>access_list (EIP-2930).</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];
    /// <summary>max_fee_per_blob_gas (wei).</summary>
    public required BigInteger MaxFeePerBlobGas { get; init; }
    /// <summary>blob_versioned_hashes: one per blob, 0x01 ‖ sha256(commitment)[1:].</summary>
    public required IReadOnlyList<VersionedHash> BlobVersionedHashes { get; init; }
    /// <summary>The signature; null for an unsigned transaction.</summary>
    public TransactionSignature? Signature { get; init; }

    /// <summary>True when the transaction carries a signature.</summary>
    public bool IsSigned => Signature is not null;

    /// <summary>The blob gas this transaction uses: 131072 per blob.</summary>
    public ulong BlobGas => (ulong)BlobVersionedHashes.Count * 131072UL;

    /// <summary>The signing hash: keccak256(0x03 ‖ rlp(first 11 fields)).</summary>
    public Hash32 SigningHash() => Hash32.Keccak256(BlobTransactionCodec.EncodeForSigning(this));

    /// <summary>The transaction hash: keccak256 of the payload (0x03 ‖ rlp(14 fields)), never the sidecar. Requires a signature.</summary>
    public Hash32 Hash() => Hash32.Keccak256(BlobTransactionCodec.EncodePayload(this));

    /// <summary>The sender recovered from the signature.</summary>
    public Address Sender() => BlobTransactionSigner.RecoverSender(this);

    /// <inheritdoc />
    public bool Equals(BlobTransaction? other) =>
        other is not null && ChainId == other.ChainId && Nonce == other.Nonce
        && MaxPriorityFeePerGas == other.MaxPriorityFeePerGas && MaxFeePerGas == other.MaxFeePerGas
        && GasLimit == other.GasLimit && To == other.To && Value == other.Value
        && Data.Span.SequenceEqual(other.Data.Span) && AccessList.SequenceEqual(other.AccessList)
        && MaxFeePerBlobGas == other.MaxFeePerBlobGas && BlobVersionedHashes.SequenceEqual(other.BlobVersionedHashes)
        && Equals(Signature, other.Signature);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(ChainId, Nonce, To, BlobVersionedHashes.Count, Signature?.R);
}
