using System.Numerics;

namespace Blobs.Fees;

/// <summary>
/// Blobs against calldata for a payload: blob cost = blob gas × blob base fee + the blob transactions' execution gas ×
/// (base fee + tip); calldata cost under EIP-7623 = (21000 + max(4 × tokens + execution, 10 × tokens)) × (base fee + tip),
/// tokens = zero bytes + 4 × non-zero bytes.
/// </summary>
public static class PayloadCostCalculator
{
    /// <summary>Blobs are compared with calldata up to this many blobs when looking for the break-even point.</summary>
    public const int BreakEvenSearchBlobs = 6;

    /// <summary>EIP-7623 calldata tokens: zeros + 4 × non-zeros.</summary>
    public static ulong CalldataTokens(long zeroBytes, long nonZeroBytes)
    {
        if (zeroBytes < 0 || nonZeroBytes < 0) throw new ArgumentOutOfRangeException(zeroBytes < 0 ? nameof(zeroBytes) : nameof(nonZeroBytes), "byte counts must not be negative");
        return checked((ulong)zeroBytes + BlobGasConstants.TokensPerNonZeroByte * (ulong)nonZeroBytes);
    }

    /// <summary>EIP-7623 transaction gas for calldata: 21000 + max(4 × tokens + execution, 10 × tokens).</summary>
    public static ulong CalldataGas(ulong tokens, ulong executionGas = 0) => checked(BlobGasConstants.TxBaseGas
        + Math.Max(BlobGasConstants.StandardTokenCost * tokens + executionGas, BlobGasConstants.FloorCostPerToken * tokens));

    /// <summary>Blobs needed for <paramref name="payloadBytes"/> bytes at <paramref name="capacity"/> bytes per blob (at least one).</summary>
    public static int BlobsNeeded(long payloadBytes, int capacity)
    {
        if (payloadBytes < 0) throw new ArgumentOutOfRangeException(nameof(payloadBytes), payloadBytes, "payload length must not be negative");
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "blob capacity must be positive");
        long blobs = Math.Max(1, (payloadBytes + capacity - 1) / capacity);
        if (blobs > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(payloadBytes), payloadBytes, "payload too large");
        return (int)blobs;
    }

    /// <summary>The cost of the given payload bytes (zeros counted from the data).</summary>
    public static PayloadCost Compare(ReadOnlySpan<byte> payload, CostInputs prices)
    {
        return Compare(payload.Length, payload.Count((byte)0), prices);
    }

    /// <summary>
    /// The cost of the given payload bytes carried in exactly <paramref name="blobs"/> blobs (what a codec produced), against
    /// the same bytes as calldata; zeros are counted from the data.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="blobs"/> below 1.</exception>
    public static PayloadCost Compare(ReadOnlySpan<byte> payload, int blobs, CostInputs prices)
    {
        if (blobs < 1) throw new ArgumentOutOfRangeException(nameof(blobs), blobs, "a blob transaction carries at least one blob");
        return Compare(payload.Length, payload.Count((byte)0), prices, blobs);
    }

    /// <summary>The cost of a payload of <paramref name="payloadBytes"/> bytes, <paramref name="zeroBytes"/> of them zero (pass 0 for compressed data).</summary>
    public static PayloadCost Compare(long payloadBytes, long zeroBytes, CostInputs prices) => Compare(payloadBytes, zeroBytes, prices, null);

    private static PayloadCost Compare(long payloadBytes, long zeroBytes, CostInputs prices, int? knownBlobs)
    {
        ArgumentNullException.ThrowIfNull(prices);
        if (payloadBytes < 0) throw new ArgumentOutOfRangeException(nameof(payloadBytes), payloadBytes, "payload length must not be negative");
        if (zeroBytes < 0 || zeroBytes > payloadBytes) throw new ArgumentOutOfRangeException(nameof(zeroBytes), zeroBytes, $"zero bytes must be between 0 and the payload length ({payloadBytes})");
        Validate(prices);
        int blobs = knownBlobs ?? BlobsNeeded(payloadBytes, prices.BlobCapacityBytes);
        var (blobGas, blobTxs, blobTxGas, blobCost) = BlobSide(blobs, prices);
        ulong tokens = CalldataTokens(zeroBytes, payloadBytes - zeroBytes);
        ulong calldataGas = CalldataGas(tokens, prices.CalldataExecutionGas);
        ulong standardGas = checked(BlobGasConstants.TxBaseGas + BlobGasConstants.StandardTokenCost * tokens + prices.CalldataExecutionGas);
        return new PayloadCost(payloadBytes, zeroBytes, blobs, blobTxs, blobGas, blobTxGas, blobCost, tokens, calldataGas, standardGas,
            calldataGas * prices.GasPrice, calldataGas > BlobGasConstants.TransactionGasLimitCap, BreakEven(prices));
    }

    /// <summary>
    /// The smallest payload length, all bytes non-zero, at which blobs cost no more than calldata, searching up to
    /// <see cref="BreakEvenSearchBlobs"/> blobs; <c>null</c> if calldata stays cheaper. Calldata cost grows with every
    /// byte while blob cost steps once per blob, so within each blob count the first length where calldata reaches the
    /// blob cost is found by binary search. (Just past a blob boundary calldata can be cheaper again when blob space is
    /// dear: compare a given length with <see cref="Compare(long, long, CostInputs)"/>.)
    /// </summary>
    public static long? BreakEven(CostInputs prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        Validate(prices);
        long cap = prices.BlobCapacityBytes;
        for (int k = 1; k <= BreakEvenSearchBlobs; k++)
        {
            var blobCost = BlobSide(k, prices).Cost;
            long lo = (k - 1) * cap + 1, hi = k * cap;
            if (CalldataCost(hi, prices) < blobCost) continue;
            while (lo < hi)
            {
                long mid = lo + (hi - lo) / 2;
                if (CalldataCost(mid, prices) >= blobCost) hi = mid; else lo = mid + 1;
            }
            return lo;
        }
        return null;
    }

    /// <summary>
    /// Whether <c>blob send</c> should warn that calldata would be cheaper for <paramref name="payload"/>; the message
    /// (null when blobs are cheaper) gives both costs in wei. Pass <paramref name="blobs"/> when the codec already
    /// produced the blobs (else the count is estimated from <see cref="CostInputs.BlobCapacityBytes"/>). Typical use,
    /// with the node the transaction goes to:
    /// <code>
    /// using var fees = new FeeDataSource(rpcUrl);
    /// var state = await fees.ReadStateAsync(historyBlocks: 10);
    /// string? warning = PayloadCostCalculator.CalldataWarning(data, CostInputs.ForNextBlock(state), blobs.Count);
    /// if (warning is not null) error.WriteLine("warning: " + warning);
    /// </code>
    /// </summary>
    public static string? CalldataWarning(ReadOnlySpan<byte> payload, CostInputs prices, int? blobs = null)
    {
        var cost = blobs is { } n ? Compare(payload, n, prices) : Compare(payload, prices);
        if (!cost.CalldataCheaper) return null;
        string cap = cost.CalldataExceedsTransactionGasCap ? " (but its " + cost.CalldataGas + " gas exceeds the 2^24 per-transaction cap)" : "";
        return $"calldata would be cheaper: {cost.CalldataCostWei} wei ({cost.CalldataGas} gas) against {cost.BlobCostWei} wei for {cost.Blobs} blob(s){cap}";
    }

    private static BigInteger CalldataCost(long nonZeroBytes, CostInputs prices) =>
        CalldataGas(CalldataTokens(0, nonZeroBytes), prices.CalldataExecutionGas) * prices.GasPrice;

    private static (ulong Gas, int Txs, ulong TxGas, BigInteger Cost) BlobSide(int blobs, CostInputs prices)
    {
        ulong blobGas = BlobFeeMath.BlobGas(blobs);
        int txs = (blobs + prices.MaxBlobsPerTransaction - 1) / prices.MaxBlobsPerTransaction;
        ulong txGas = checked((ulong)txs * (BlobGasConstants.TxBaseGas + prices.BlobTxExecutionGas));
        return (blobGas, txs, txGas, blobGas * prices.BlobBaseFee + txGas * prices.GasPrice);
    }

    private static void Validate(CostInputs p)
    {
        if (p.BlobBaseFee.Sign < 0 || p.BaseFeePerGas.Sign < 0 || p.PriorityFeePerGas.Sign < 0) throw new ArgumentOutOfRangeException(nameof(p), "fees must not be negative");
        if (p.BlobCapacityBytes < 1) throw new ArgumentOutOfRangeException(nameof(p), p.BlobCapacityBytes, "blob capacity must be positive");
        if (p.MaxBlobsPerTransaction < 1) throw new ArgumentOutOfRangeException(nameof(p), p.MaxBlobsPerTransaction, "blobs per transaction must be positive");
    }
}
