namespace Blobs.Transactions;

/// <summary>One EIP-2930 access-list entry: an address and the storage keys it pre-warms.</summary>
/// <param name="Address">The account.</param>
/// <param name="StorageKeys">The storage slots (32 bytes each).</param>
public sealed record AccessListEntry(Address Address, IReadOnlyList<Hash32> StorageKeys)
{
    /// <inheritdoc />
    public bool Equals(AccessListEntry? other) =>
        other is not null && Address == other.Address && StorageKeys.SequenceEqual(other.StorageKeys);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Address, StorageKeys.Count);
}
