using System.Numerics;
using System.Text.Json.Nodes;
using Blobs.Kzg;
using Blobs.Sidecars;

namespace Blobs.Transactions;

/// <summary>
/// The JSON-RPC representation of a type-3 transaction (the names and quantity format of
/// eth_getTransactionByHash): type, chainId, nonce, maxPriorityFeePerGas, maxFeePerGas, gas, to, value,
/// input, accessList, maxFeePerBlobGas, blobVersionedHashes, yParity, v, r, s, hash, from; and, for a
/// network form, sidecar {version, blobs, commitments, proofs}.
/// </summary>
public static class BlobTransactionJson
{
    /// <summary>A JSON-RPC quantity: 0x-hex without leading zeros.</summary>
    public static string Quantity(BigInteger value) =>
        value.Sign < 0 ? throw new ArgumentOutOfRangeException(nameof(value)) : value.IsZero ? "0x0" : "0x" + value.ToString("x").TrimStart('0');

    /// <summary>The transaction (and its sidecar, when given) as a JSON object.</summary>
    /// <param name="tx">The transaction; hash, from, yParity, r, s are present when it is signed (from when the signature recovers).</param>
    /// <param name="sidecar">The sidecar of a network form, or null.</param>
    /// <param name="includeBlobs">False to list the blob count instead of the 131072-byte blobs.</param>
    public static JsonObject ToJson(BlobTransaction tx, BlobSidecar? sidecar = null, bool includeBlobs = true)
    {
        ArgumentNullException.ThrowIfNull(tx);
        var o = new JsonObject
        {
            ["type"] = "0x3",
            ["chainId"] = Quantity(tx.ChainId),
            ["nonce"] = Quantity(tx.Nonce),
            ["maxPriorityFeePerGas"] = Quantity(tx.MaxPriorityFeePerGas),
            ["maxFeePerGas"] = Quantity(tx.MaxFeePerGas),
            ["gas"] = Quantity(tx.GasLimit),
            ["to"] = tx.To.ToString(),
            ["value"] = Quantity(tx.Value),
            ["input"] = Hex.Encode(tx.Data.Span),
            ["accessList"] = new JsonArray(tx.AccessList.Select(e => (JsonNode)new JsonObject
            {
                ["address"] = e.Address.ToString(),
                ["storageKeys"] = Strings(e.StorageKeys.Select(k => k.ToString())),
            }).ToArray()),
            ["maxFeePerBlobGas"] = Quantity(tx.MaxFeePerBlobGas),
            ["blobVersionedHashes"] = Strings(tx.BlobVersionedHashes.Select(h => h.ToString())),
        };
        if (tx.Signature is { } sig)
        {
            o["yParity"] = Quantity(sig.YParity);
            o["v"] = Quantity(sig.YParity);
            o["r"] = Quantity(sig.R);
            o["s"] = Quantity(sig.S);
            o["hash"] = tx.Hash().ToString();
            o["from"] = BlobTransactionSigner.TryRecoverSender(tx, out var from, out _) ? from.ToString() : null;
        }
        if (sidecar is not null)
        {
            o["sidecar"] = new JsonObject
            {
                ["version"] = (int)sidecar.Version,
                ["blobs"] = includeBlobs ? Strings(sidecar.Blobs.Select(b => Hex.Encode(b.Span))) : JsonValue.Create(sidecar.Blobs.Count),
                ["commitments"] = Strings(sidecar.Commitments.Select(c => c.ToString())),
                ["proofs"] = Strings(sidecar.Proofs.Select(p => p.ToString())),
            };
        }
        return o;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
}
