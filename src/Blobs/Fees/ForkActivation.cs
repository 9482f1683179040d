namespace Blobs.Fees;

/// <summary>
/// One fork of a chain's blob schedule: from <see cref="ActivationTime"/> (unix seconds, inclusive) on, blocks use
/// <see cref="Schedule"/>; <see cref="ReservePrice"/> says whether EIP-7918 (Osaka and later) applies.
/// </summary>
/// <param name="Name">Fork name in lower case (<c>cancun</c>, <c>prague</c>, <c>osaka</c>, <c>bpo1</c>, <c>bpo2</c>), or a name given by the source.</param>
/// <param name="ActivationTime">First block timestamp at which the fork is active (unix seconds).</param>
/// <param name="Schedule">The blob schedule in force.</param>
/// <param name="ReservePrice">True when EIP-7918's reserve price applies to the excess blob gas of blocks of this fork (Osaka and later).</param>
public sealed record ForkActivation(string Name, ulong ActivationTime, BlobSchedule Schedule, bool ReservePrice)
{
    /// <summary>The fork with the given built-in name and its known schedule, activated at <paramref name="activationTime"/>.</summary>
    /// <exception cref="ArgumentException">The name is not one of cancun, prague, osaka, bpo1, bpo2.</exception>
    public static ForkActivation Named(string name, ulong activationTime = 0) => name.ToLowerInvariant() switch
    {
        "cancun" => new("cancun", activationTime, BlobSchedule.Cancun, false),
        "prague" => new("prague", activationTime, BlobSchedule.Prague, false),
        "osaka" => new("osaka", activationTime, BlobSchedule.Osaka, true),
        "bpo1" => new("bpo1", activationTime, BlobSchedule.Bpo1, true),
        "bpo2" => new("bpo2", activationTime, BlobSchedule.Bpo2, true),
        _ => throw new ArgumentException($"unknown fork '{name}': expected cancun, prague, osaka, bpo1 or bpo2", nameof(name)),
    };

    /// <summary>
    /// The name of the built-in fork whose schedule and rules match, or <c>null</c>: a schedule of 3/6 is Cancun,
    /// 6/9 without the reserve price Prague, 6/9 with it Osaka, then BPO1 and BPO2 by their schedules.
    /// </summary>
    public static string? GuessName(BlobSchedule schedule, bool reservePrice)
    {
        if (!reservePrice && schedule == BlobSchedule.Cancun) return "cancun";
        if (!reservePrice && schedule == BlobSchedule.Prague) return "prague";
        if (reservePrice && schedule == BlobSchedule.Osaka) return "osaka";
        if (reservePrice && schedule == BlobSchedule.Bpo1) return "bpo1";
        if (reservePrice && schedule == BlobSchedule.Bpo2) return "bpo2";
        return null;
    }
}
