namespace Blobs.Cli.Infrastructure;

/// <summary>Exit codes of the <c>blob</c> command.</summary>
public static class ExitCodes
{
    /// <summary>Success; for verify commands, the proof verified.</summary>
    public const int Ok = 0;
    /// <summary>The operation failed (a proof did not verify, a node refused, a timeout…).</summary>
    public const int Failed = 1;
    /// <summary>Invalid input: bad arguments, wrong lengths, non-canonical field elements, bad points, malformed files.</summary>
    public const int InvalidInput = 2;
}
