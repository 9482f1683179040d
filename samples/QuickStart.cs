using Blobs.Codecs;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Samples;

/// <summary>The library quick start: encode → commit → build → send, against any node (anvil, `blob devnet`, a testnet).</summary>
public static class QuickStart
{
    public static async Task<TransactionReceipt> SendAsync(string rpcUrl, ReadOnlyMemory<byte> privateKey, byte[] batch)
    {
        // 1. Encode: the batch into blobs of 131072 bytes (alloy/cast's SimpleCoder layout).
        IBlobCodec codec = BlobCodecs.Get("simple");
        ReadOnlyMemory<byte>[] blobs = codec.Encode(batch).Select(b => (ReadOnlyMemory<byte>)b).ToArray();

        // 2. Commit: KZG commitments and cell proofs, the v1 sidecar Osaka nodes take (SidecarVersion.V0 before Osaka).
        KzgContext kzg = KzgContext.Default;
        BlobSidecar sidecar = SidecarBuilder.Build(blobs, SidecarVersion.V1, kzg);

        // 3. Build: chain id, nonce, fees and gas read from the node, then signed.
        using var node = new ExecutionClient(rpcUrl);
        var submitter = new BlobSubmitter(node, kzg);
        var options = new SubmitOptions { Sidecar = SidecarVersion.V1 };
        var notes = new List<string>();
        Address from = BlobTransactionSigner.AddressOf(privateKey.Span);
        Address to = Address.Parse("0x000000000000000000000000000000000000dEaD");
        TransactionFields fields = await submitter.FillAsync(to, sidecar.VersionedHashes(), from, options, notes);
        SignedBlobTransaction signed = BlobTransactionBuilder.Sign(fields, sidecar, privateKey.Span);

        // 4. Send: eth_sendRawTransaction in the network form (with the sidecar), then wait for the receipt.
        SubmissionResult sent = await submitter.SubmitAsync(signed, options, allowFormFallback: false, notes);
        return sent.Receipt ?? throw new InvalidOperationException("not included");
    }
}
