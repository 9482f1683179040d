using System.Numerics;

namespace Blobs.Fees;

/// <summary>Prices and assumptions for comparing blobs with calldata.</summary>
/// <param name="BlobBaseFee">Blob base fee (wei per blob gas) the blob transaction will pay.</param>
/// <param name="BaseFeePerGas">Execution base fee (wei per gas).</param>
/// <param name="PriorityFeePerGas">Priority fee (wei per gas) both transactions pay.</param>
public sealed record CostInputs(BigInteger BlobBaseFee, BigInteger BaseFeePerGas, BigInteger PriorityFeePerGas)
{
    /// <summary>Usable payload bytes per blob (depends on the codec; 4096 × 31 = 126976 by default).</summary>
    public int BlobCapacityBytes { get; init; } = BlobGasConstants.DefaultBlobCapacityBytes;

    /// <summary>Blobs per transaction (6 since Osaka); each further transaction pays another 21000 gas.</summary>
    public int MaxBlobsPerTransaction { get; init; } = BlobGasConstants.MaxBlobsPerTransactionOsaka;

    /// <summary>Execution gas of the blob transaction beyond the 21000 intrinsic gas (0 for a plain transfer with no data).</summary>
    public ulong BlobTxExecutionGas { get; init; }

    /// <summary>Execution gas of the calldata transaction beyond intrinsic and calldata gas (EIP-7623's <c>execution_gas_used</c>).</summary>
    public ulong CalldataExecutionGas { get; init; }

    /// <summary>The effective price of one execution gas: base fee + priority fee.</summary>
    public BigInteger GasPrice => BaseFeePerGas + PriorityFeePerGas;

    /// <summary>
    /// Prices for a transaction aimed at the next block of <paramref name="state"/>: its exact blob base fee, the node's
    /// next execution base fee (else the head's) and <paramref name="priorityFeePerGas"/> (default: <see cref="BlobFeeForecaster.PriorityFee"/>);
    /// blobs per transaction: 6 from Osaka on (EIP-7594; recognised by its EIP-7918 rules), else the block maximum.
    /// This is what <c>blob send</c> passes to <see cref="PayloadCostCalculator.CalldataWarning"/>.
    /// </summary>
    public static CostInputs ForNextBlock(ChainFeeState state, BigInteger? priorityFeePerGas = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        var fork = BlobFeeForecaster.NextFork(state);
        return new CostInputs(BlobFeeForecaster.NextBlobBaseFee(state), state.NextBaseFeePerGas ?? state.Head.BaseFeePerGas,
            priorityFeePerGas ?? BlobFeeForecaster.PriorityFee(state).Fee)
        {
            MaxBlobsPerTransaction = fork.ReservePrice ? Math.Min(BlobGasConstants.MaxBlobsPerTransactionOsaka, fork.Schedule.Max) : fork.Schedule.Max,
        };
    }
}
