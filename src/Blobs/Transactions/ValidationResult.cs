namespace Blobs.Transactions;

/// <summary>The verdict of <see cref="BlobTransactionValidator"/>: every problem found, each a precise sentence.</summary>
/// <param name="Errors">The problems; empty when valid.</param>
/// <param name="Sender">The recovered sender, when the signature recovers.</param>
public sealed record ValidationResult(IReadOnlyList<string> Errors, Address? Sender)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>What could not be checked (e.g. the KZG proofs, without a KZG backend); empty when everything was.</summary>
    public IReadOnlyList<string> Unchecked { get; init; } = [];

    /// <summary>One line: "valid", "valid, but …" (something unchecked) or "invalid: first problem (and n more)".</summary>
    public string Verdict => !IsValid
        ? $"invalid: {Errors[0]}{(Errors.Count > 1 ? $" (and {Errors.Count - 1} more)" : "")}"
        : Unchecked.Count == 0 ? "valid" : "valid as far as checked; not checked: " + string.Join("; ", Unchecked);
}
