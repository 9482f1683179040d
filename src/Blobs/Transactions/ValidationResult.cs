namespace Blobs.Transactions;

/// <summary>The verdict of <see cref="BlobTransactionValidator"/>: every problem found, each a precise sentence.</summary>
/// <param name="Errors">The problems; empty when valid.</param>
/// <param name="Sender">The recovered sender, when the signature recovers.</param>
public sealed record ValidationResult(IReadOnlyList<string> Errors, Address? Sender)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;
}
