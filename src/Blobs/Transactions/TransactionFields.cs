using System.Numerics;

namespace Blobs.Transactions;

/// <summary>The fields of a type-3 transaction other than the versioned hashes and the signature.</summary>
public sealed record TransactionFields
{
    /// <summary>chain_id.</summary>
    public required ulong ChainId { get; init; }
    /// <summary>nonce.</summary>
    public required ulong Nonce { get; init; }
    /// <summary>max_priority_fee_per_gas (wei).</summary>
    public required BigInteger MaxPriorityFeePerGas { get; init; }
    /// <summary>max_fee_per_gas (wei).</summary>
    public required BigInteger MaxFeePerGas { get; init; }
    /// <summary>gas_limit.</summary>
    public ulong GasLimit { get; init; } = 21_000;
    /// <summary>to.</summary>
    public required Address To { get; init; }
    /// <summary>value (wei).</summary>
    public BigInteger Value { get; init; }
    /// <summary>data.</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = ReadOnlyMemory<byte>.Empty;
    /// <summary>access_list.</summary>
    public IReadOnlyList<AccessListEntry> AccessList { get; init; } = [];
    /// <summary>max_fee_per_blob_gas (wei).</summary>
    public required BigInteger MaxFeePerBlobGas { get; init; }
}
