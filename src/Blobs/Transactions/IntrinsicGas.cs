namespace Blobs.Transactions;

/// <summary>
/// The least gas a type-3 transaction can be given: the intrinsic cost (21000, calldata at 4 per zero
/// and 16 per non-zero byte, 2400 per access-list address and 1900 per storage key) and, since Prague,
/// the EIP-7623 calldata floor (21000 + 10 × tokens, tokens = zeros + 4 × non-zeros).
/// </summary>
public static class IntrinsicGas
{
    /// <summary>The base cost of any transaction.</summary>
    public const ulong TxBase = 21_000;

    /// <summary>The intrinsic gas (EIP-2028 calldata, EIP-2930 access list); no creation cost, a blob transaction cannot create.</summary>
    public static ulong Of(ReadOnlySpan<byte> data, IReadOnlyList<AccessListEntry> accessList)
    {
        ulong zeros = 0, nonZeros = 0;
        foreach (var b in data) { if (b == 0) zeros++; else nonZeros++; }
        ulong gas = TxBase + 4 * zeros + 16 * nonZeros;
        foreach (var e in accessList) gas += 2400UL + 1900UL * (ulong)e.StorageKeys.Count;
        return gas;
    }

    /// <summary>The EIP-7623 floor: 21000 + 10 × (zeros + 4 × non-zeros).</summary>
    public static ulong Floor(ReadOnlySpan<byte> data)
    {
        ulong tokens = 0;
        foreach (var b in data) tokens += b == 0 ? 1UL : 4UL;
        return TxBase + 10 * tokens;
    }

    /// <summary>The least gas limit a node accepts for <paramref name="tx"/> (Prague and later): max(intrinsic, floor).</summary>
    public static ulong Minimum(BlobTransaction tx)
    {
        ArgumentNullException.ThrowIfNull(tx);
        return Math.Max(Of(tx.Data.Span, tx.AccessList), Floor(tx.Data.Span));
    }
}
