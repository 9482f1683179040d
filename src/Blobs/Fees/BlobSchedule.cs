namespace Blobs.Fees;

/// <summary>
/// A blob schedule (EIP-7840 / EIP-7892): target and maximum blobs per block and the base fee update fraction.
/// </summary>
public sealed record BlobSchedule
{
    /// <summary>Creates a schedule; throws <see cref="ArgumentOutOfRangeException"/> unless 0 ≤ target ≤ max, max ≥ 1 and fraction ≥ 1.</summary>
    public BlobSchedule(int target, int max, ulong updateFraction)
    {
        if (max < 1) throw new ArgumentOutOfRangeException(nameof(max), max, "blob schedule: max blobs per block must be at least 1");
        if (target < 0 || target > max) throw new ArgumentOutOfRangeException(nameof(target), target, $"blob schedule: target must be between 0 and max ({max})");
        if (updateFraction == 0) throw new ArgumentOutOfRangeException(nameof(updateFraction), updateFraction, "blob schedule: baseFeeUpdateFraction must be at least 1");
        // Keep max × GAS_PER_BLOB inside 64 bits, as the header fields are uint64.
        if ((ulong)max > ulong.MaxValue / BlobGasConstants.GasPerBlob) throw new ArgumentOutOfRangeException(nameof(max), max, "blob schedule: max blobs per block too large");
        Target = target;
        Max = max;
        UpdateFraction = updateFraction;
    }

    /// <summary>Target blobs per block.</summary>
    public int Target { get; }

    /// <summary>Maximum blobs per block.</summary>
    public int Max { get; }

    /// <summary><c>BLOB_BASE_FEE_UPDATE_FRACTION</c> (eth_config: <c>baseFeeUpdateFraction</c>).</summary>
    public ulong UpdateFraction { get; }

    /// <summary>Target blob gas per block: target × 2^17.</summary>
    public ulong TargetBlobGas => (ulong)Target * BlobGasConstants.GasPerBlob;

    /// <summary>Maximum blob gas per block: max × 2^17.</summary>
    public ulong MaxBlobGas => (ulong)Max * BlobGasConstants.GasPerBlob;

    /// <summary>Cancun (EIP-4844): 3 / 6 / 3338477.</summary>
    public static BlobSchedule Cancun { get; } = new(3, 6, 3_338_477);

    /// <summary>Prague (EIP-7691): 6 / 9 / 5007716.</summary>
    public static BlobSchedule Prague { get; } = new(6, 9, 5_007_716);

    /// <summary>Osaka: unchanged from Prague, 6 / 9 / 5007716.</summary>
    public static BlobSchedule Osaka { get; } = new(6, 9, 5_007_716);

    /// <summary>BPO1 (EIP-7892 blob-parameter-only fork): 10 / 15 / 8346193.</summary>
    public static BlobSchedule Bpo1 { get; } = new(10, 15, 8_346_193);

    /// <summary>BPO2: 14 / 21 / 11684671.</summary>
    public static BlobSchedule Bpo2 { get; } = new(14, 21, 11_684_671);

    /// <inheritdoc />
    public override string ToString() => $"target {Target} / max {Max} / fraction {UpdateFraction}";
}
