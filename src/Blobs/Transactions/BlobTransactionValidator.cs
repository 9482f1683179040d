using System.Numerics;
using Blobs.Kzg;
using Blobs.Sidecars;

namespace Blobs.Transactions;

/// <summary>
/// The checks a node applies to a type-3 transaction before pooling it (stateless part): chain id,
/// blob count, versioned hash versions, fee consistency, gas, sizes, signature, and — with a
/// sidecar — commitments against versioned hashes and the KZG proofs or cell proofs.
/// </summary>
public static class BlobTransactionValidator
{
    /// <summary>
    /// Validates <paramref name="tx"/> (and <paramref name="sidecar"/> when given) under <paramref name="rules"/>.
    /// Without a KZG context (null) everything but the KZG proofs is checked, and the result says so in
    /// <see cref="ValidationResult.Unchecked"/>.
    /// </summary>
    public static ValidationResult Validate(BlobTransaction tx, BlobSidecar? sidecar, KzgContext? kzg, ValidationRules? rules = null)
    {
        ArgumentNullException.ThrowIfNull(tx);
        rules ??= ValidationRules.Default;
        var errors = new List<string>();
        var notChecked = new List<string>();

        if (rules.ChainId is { } chain && tx.ChainId != chain)
            errors.Add($"chain id {tx.ChainId} does not match the chain's {chain}");
        int n = tx.BlobVersionedHashes.Count;
        if (n == 0) errors.Add("no blob versioned hashes: a blob transaction carries at least one blob");
        if (n > rules.MaxBlobsPerTransaction) errors.Add($"{n} blobs exceed the limit of {rules.MaxBlobsPerTransaction} per transaction");
        for (int i = 0; i < n; i++)
            if (tx.BlobVersionedHashes[i].Version != KzgConstants.VersionedHashVersionKzg)
                errors.Add($"blob_versioned_hashes[{i}] {tx.BlobVersionedHashes[i]}: version byte 0x{tx.BlobVersionedHashes[i].Version:x2}, expected 0x01");

        if (tx.MaxFeePerBlobGas.Sign <= 0) errors.Add("max_fee_per_blob_gas is 0; it must be at least 1 wei");
        if (tx.MaxPriorityFeePerGas > tx.MaxFeePerGas)
            errors.Add($"max_priority_fee_per_gas {tx.MaxPriorityFeePerGas} exceeds max_fee_per_gas {tx.MaxFeePerGas}");
        ulong minimumGas = IntrinsicGas.Minimum(tx);
        if (tx.GasLimit < minimumGas)
            errors.Add($"gas limit {tx.GasLimit} is below the {minimumGas} this transaction needs (21000 + calldata + access list, or the EIP-7623 calldata floor)");
        if (rules.MaxGasLimit is { } cap && tx.GasLimit > cap) errors.Add($"gas limit {tx.GasLimit} exceeds the transaction gas cap {cap} (EIP-7825)");
        var maxCost = tx.MaxFeePerGas * tx.GasLimit + tx.MaxFeePerBlobGas * tx.BlobGas + tx.Value;
        if (maxCost >= BigInteger.One << 256) errors.Add("gas × max fee + blob gas × blob fee cap + value overflows 256 bits");

        Address? sender = null;
        if (tx.Signature is null) errors.Add("the transaction is not signed");
        else
        {
            if (BlobTransactionSigner.TryRecoverSender(tx, out var s, out var why)) sender = s;
            else errors.Add("signature: " + why);
            int payload = BlobTransactionCodec.EncodePayload(tx).Length;
            if (payload > rules.MaxPayloadBytes) errors.Add($"payload of {payload} bytes exceeds {rules.MaxPayloadBytes} bytes");
        }

        if (sidecar is null)
        {
            if (rules.RequireSidecar) errors.Add("no sidecar: eth_sendRawTransaction needs the network form with blobs, commitments and proofs");
        }
        else
        {
            if (rules.RequiredSidecarVersion is { } v && sidecar.Version != v)
                errors.Add(v == SidecarVersion.V1
                    ? "sidecar is v0 (blob proofs) but the chain requires v1 (cell proofs, EIP-7594) since Osaka"
                    : "sidecar is v1 (cell proofs) but the chain accepts only v0 (blob proofs) before Osaka");
            if (kzg is null)
            {
                errors.AddRange(SidecarVerifier.VerifyHashes(sidecar, tx.BlobVersionedHashes));
                notChecked.Add(sidecar.Version == SidecarVersion.V0 ? "the blob KZG proofs (no KZG backend)" : "the cell KZG proofs (no KZG backend)");
            }
            else
                errors.AddRange(SidecarVerifier.Verify(sidecar, tx.BlobVersionedHashes, kzg));
        }
        return new ValidationResult(errors, sender) { Unchecked = notChecked };
    }
}
