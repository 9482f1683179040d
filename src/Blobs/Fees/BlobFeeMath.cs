using System.Numerics;

namespace Blobs.Fees;

/// <summary>
/// The consensus arithmetic of the blob fee market, exact and in integers only (EIP-4844 <c>fake_exponential</c>,
/// <c>get_base_fee_per_blob_gas</c>, <c>calc_excess_blob_gas</c> with EIP-7918's reserve price from Osaka on).
/// Wei amounts are <see cref="BigInteger"/> (the products overflow 64 and even 128 bits); gas amounts are
/// <see cref="ulong"/> like the header fields.
/// </summary>
public static class BlobFeeMath
{
    /// <summary>
    /// Largest <c>numerator / denominator</c> accepted by <see cref="FakeExponential"/>: e^4096 ≈ 2^5909, far
    /// beyond any payable fee (fees are uint256), while the Taylor loop still ends after about 11 000 terms.
    /// </summary>
    public const ulong MaxExponent = 4096;

    /// <summary>
    /// EIP-4844 <c>fake_exponential(factor, numerator, denominator)</c>: the integer Taylor approximation of
    /// <c>factor × e^(numerator / denominator)</c>, computed exactly as the spec's loop (floor divisions in the same order).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A negative argument, a zero denominator, or an exponent above <see cref="MaxExponent"/>.</exception>
    public static BigInteger FakeExponential(BigInteger factor, BigInteger numerator, BigInteger denominator)
    {
        if (factor.Sign < 0) throw new ArgumentOutOfRangeException(nameof(factor), factor, "fake_exponential: factor must not be negative");
        if (numerator.Sign < 0) throw new ArgumentOutOfRangeException(nameof(numerator), numerator, "fake_exponential: numerator must not be negative");
        if (denominator.Sign <= 0) throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "fake_exponential: denominator must be positive");
        if (numerator / denominator > MaxExponent)
            throw new ArgumentOutOfRangeException(nameof(numerator), numerator, $"fake_exponential: exponent {numerator}/{denominator} exceeds {MaxExponent}; the fee would be beyond any payable amount");
        BigInteger output = BigInteger.Zero;
        BigInteger accum = factor * denominator;
        for (int i = 1; accum.Sign > 0; i++)
        {
            output += accum;
            accum = accum * numerator / (denominator * i);
        }
        return output / denominator;
    }

    /// <summary>
    /// EIP-4844 <c>get_base_fee_per_blob_gas</c>: <c>fake_exponential(MIN_BASE_FEE_PER_BLOB_GAS, excess_blob_gas, update_fraction)</c>.
    /// </summary>
    public static BigInteger BlobBaseFee(ulong excessBlobGas, BlobSchedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return FakeExponential(BlobGasConstants.MinBaseFeePerBlobGas, excessBlobGas, schedule.UpdateFraction);
    }

    /// <summary>
    /// EIP-4844 <c>calc_excess_blob_gas</c> as amended by EIP-7691 (schedule parameters) and EIP-7918 (reserve price,
    /// when <paramref name="reservePrice"/>): the excess blob gas of a child block from its parent header. Pass the
    /// <em>child's</em> schedule and rules (also on a fork's first block; there is no rescaling at a BPO fork).
    /// <code>
    /// if parent_excess + parent_used &lt; target × 2^17: 0
    /// elif reservePrice and 2^13 × parent_base_fee &gt; 2^17 × blob_base_fee(parent_excess, child schedule):
    ///     parent_excess + parent_used × (max − target) / max
    /// else: parent_excess + parent_used − target × 2^17
    /// </code>
    /// </summary>
    /// <exception cref="OverflowException">The sum overflows the 64-bit header field.</exception>
    public static ulong NextExcessBlobGas(ulong parentExcessBlobGas, ulong parentBlobGasUsed, BigInteger parentBaseFeePerGas, BlobSchedule childSchedule, bool reservePrice)
    {
        ArgumentNullException.ThrowIfNull(childSchedule);
        if (parentBaseFeePerGas.Sign < 0) throw new ArgumentOutOfRangeException(nameof(parentBaseFeePerGas), parentBaseFeePerGas, "base fee per gas must not be negative");
        ulong sum = checked(parentExcessBlobGas + parentBlobGasUsed);
        ulong targetGas = childSchedule.TargetBlobGas;
        if (sum < targetGas) return 0;
        if (reservePrice && IsReservePriceActive(parentExcessBlobGas, parentBaseFeePerGas, childSchedule))
        {
            // parent_used × (max − target) / max, computed in 128 bits (the product can exceed 64 bits).
            UInt128 scaled = (UInt128)parentBlobGasUsed * (ulong)(childSchedule.Max - childSchedule.Target) / (ulong)childSchedule.Max;
            return checked(parentExcessBlobGas + (ulong)scaled);
        }
        return sum - targetGas;
    }

    /// <summary>
    /// EIP-7918's condition: <c>BLOB_BASE_COST × base_fee_per_gas &gt; GAS_PER_BLOB × blob_base_fee(excess)</c>
    /// (the blob base fee computed with <paramref name="schedule"/>'s update fraction).
    /// </summary>
    public static bool IsReservePriceActive(ulong excessBlobGas, BigInteger baseFeePerGas, BlobSchedule schedule) =>
        BlobGasConstants.BlobBaseCost * baseFeePerGas > BlobGasConstants.GasPerBlob * BlobBaseFee(excessBlobGas, schedule);

    /// <summary>Excess blob gas of the child block of a parent header, with the child's fork taken from <paramref name="forks"/> at <paramref name="childTimestamp"/>.</summary>
    public static ulong NextExcessBlobGas(BlockFeeHeader parent, ForkSchedule forks, ulong childTimestamp)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(forks);
        var child = forks.At(childTimestamp);
        return NextExcessBlobGas(parent.ExcessBlobGas, parent.BlobGasUsed, parent.BaseFeePerGas, child.Schedule, child.ReservePrice);
    }

    /// <summary>Blob gas of <paramref name="blobs"/> blobs (blobs × 2^17).</summary>
    public static ulong BlobGas(int blobs)
    {
        if (blobs < 0) throw new ArgumentOutOfRangeException(nameof(blobs), blobs, "blob count must not be negative");
        return (ulong)blobs * BlobGasConstants.GasPerBlob;
    }
}
