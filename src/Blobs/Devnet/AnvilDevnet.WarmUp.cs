using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Blobs.Kzg;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Devnet;

public sealed partial class AnvilDevnet
{
    /// <summary>The compressed BLS12-381 G1 generator: a valid point that is the wrong proof for a zero blob.</summary>
    private const string G1Generator = "0x97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb";

    /// <summary>
    /// Makes anvil load its KZG settings now rather than on the first blob transaction (about 6 s on these machines, far
    /// more under load, long enough for a JSON-RPC timeout): sends one blob transaction whose proofs are deliberately wrong
    /// (a zero blob, its commitment, the G1 generator as every proof), which anvil verifies and refuses. Nothing enters the
    /// pool or the chain. Best effort: returns anvil's refusal (or why the call failed), or null if it unexpectedly accepted it; never throws for HTTP failures.
    /// </summary>
    public async Task<string?> WarmUpKzgAsync(CancellationToken cancellationToken = default)
    {
        // 1. A sidecar of the fork's form that decodes but does not verify.
        var version = string.Equals(Hardfork, "cancun", StringComparison.OrdinalIgnoreCase) || string.Equals(Hardfork, "prague", StringComparison.OrdinalIgnoreCase)
            ? SidecarVersion.V0 : SidecarVersion.V1;
        int proofs = version == SidecarVersion.V1 ? BlobSidecar.CellProofsPerBlob : 1;
        var wrong = KzgProof.FromHex(G1Generator);
        var sidecar = new BlobSidecar(version, [new byte[BlobSidecar.BytesPerBlob]], [KzgCommitment.Infinity], Enumerable.Repeat(wrong, proofs));

        // 2. Signed by the dev key with a nonce that is not in use; the proofs fail before the nonce or funds matter.
        var fields = new TransactionFields
        {
            ChainId = ChainId,
            Nonce = 1UL << 40,
            MaxPriorityFeePerGas = 1,
            MaxFeePerGas = 100_000_000_000,
            MaxFeePerBlobGas = 1_000_000,
            GasLimit = 21_000,
            To = DevAddress,
        };
        var signed = BlobTransactionBuilder.Sign(fields, sidecar, DevPrivateKey.Span);

        // 3. Send it and expect the refusal. It takes as long as anvil's KZG setup, which under load can exceed the 20 s
        //    Nethereum allows one call process-wide, so this one call goes over a plain HttpClient with its own timeout.
        var request = new JsonObject
        {
            ["jsonrpc"] = "2.0",
            ["id"] = 1,
            ["method"] = "eth_sendRawTransaction",
            ["params"] = new JsonArray(Hex.Encode(signed.NetworkEncoding())),
        };
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(3) };
        try
        {
            using var content = new StringContent(request.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(new Uri(RpcUrl), content, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("message", out var message) ? message.GetString() ?? "refused" : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException) { return $"warm-up failed: {e.Message}"; }
    }
}
