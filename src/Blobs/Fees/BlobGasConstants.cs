namespace Blobs.Fees;

/// <summary>Protocol constants of the blob fee market (EIP-4844, EIP-7918, EIP-7623, EIP-7825).</summary>
public static class BlobGasConstants
{
    /// <summary><c>GAS_PER_BLOB</c> = 2^17 blob gas per blob (EIP-4844).</summary>
    public const ulong GasPerBlob = 1UL << 17;

    /// <summary><c>MIN_BASE_FEE_PER_BLOB_GAS</c> = 1 wei (EIP-4844).</summary>
    public const ulong MinBaseFeePerBlobGas = 1;

    /// <summary><c>BLOB_BASE_COST</c> = 2^13 execution gas: the reserve price of EIP-7918 is <c>BLOB_BASE_COST × base_fee_per_gas</c> per blob.</summary>
    public const ulong BlobBaseCost = 1UL << 13;

    /// <summary>Intrinsic gas of every transaction (<c>TX_BASE_COST</c>, 21000).</summary>
    public const ulong TxBaseGas = 21_000;

    /// <summary>Standard calldata cost per token (EIP-2028 / EIP-7623 <c>STANDARD_TOKEN_COST</c>): 4 gas per token, so 4 per zero byte and 16 per non-zero byte.</summary>
    public const ulong StandardTokenCost = 4;

    /// <summary>EIP-7623 floor cost per token (<c>TOTAL_COST_FLOOR_PER_TOKEN</c>): 10 gas per token, so 10 per zero byte and 40 per non-zero byte.</summary>
    public const ulong FloorCostPerToken = 10;

    /// <summary>Tokens per non-zero calldata byte (a zero byte is one token).</summary>
    public const ulong TokensPerNonZeroByte = 4;

    /// <summary>Transaction gas limit cap since Osaka (EIP-7825): 2^24.</summary>
    public const ulong TransactionGasLimitCap = 1UL << 24;

    /// <summary>Most blobs one transaction may carry since Osaka (EIP-7594).</summary>
    public const int MaxBlobsPerTransactionOsaka = 6;

    /// <summary>Usable bytes per blob when each 32-byte field element carries 31 data bytes (4096 × 31).</summary>
    public const int DefaultBlobCapacityBytes = 4096 * 31;

    /// <summary>Seconds between slots on Ethereum mainnet and its public testnets.</summary>
    public const ulong SlotSeconds = 12;
}
