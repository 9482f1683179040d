using Blobs.Codecs;
using Blobs.Pipeline;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Transactions;

/// <summary>
/// The sidecar form when the node does not say (no eth_config): the submitter guesses, and on a clear refusal recomputes the
/// proofs in the other form and sends again — same payload, same hash. The refusing node is <see cref="FakeOsakaGethProxy"/>
/// (a fake in front of a real anvil, since anvil itself accepts both forms).
/// </summary>
public class FormFallbackTests
{
    private static readonly Address Burn = Address.Parse("0x000000000000000000000000000000000000dEaD");

    [SkippableFact]
    public async Task A_refused_v0_sidecar_is_resent_as_v1_with_the_same_hash()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var proxy = new FakeOsakaGethProxy(anvil.RpcUrl);
        using var client = new ExecutionClient(proxy.Url);
        Assert.Null(await client.SidecarVersionAsync());

        var blobs = BlobPipeline.EncodeBlobs(TxTools.RandomBytes(10_000, 1), BlobCodecs.Get("simple"));
        var v0 = SidecarBuilder.Build(blobs, SidecarVersion.V0, kzg);
        var result = await new BlobSubmitter(client, kzg).SendAsync(Burn, v0, anvil.DevPrivateKey);

        Assert.Equal(["v0", "v1"], proxy.RawForms);
        Assert.Equal(SidecarVersion.V1, result.Form);
        Assert.Equal(v0.Commitments, result.Sent.Sidecar.Commitments);
        Assert.Equal(result.Sent.Transaction.Hash(), result.Hash);
        Assert.Equal(1, result.Receipt!.Status);
        Assert.Contains(result.Notes, n => n.Contains("no eth_config"));
        Assert.Contains(result.Notes, n => n.Contains("refused the v0 (blob proofs) sidecar"));
    }

    [SkippableFact]
    public async Task Without_eth_config_v1_is_tried_first()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var proxy = new FakeOsakaGethProxy(anvil.RpcUrl);
        using var client = new ExecutionClient(proxy.Url);
        var blobs = BlobPipeline.EncodeBlobs(TxTools.RandomBytes(10, 2), BlobCodecs.Get("simple"));
        var result = await new BlobSubmitter(client, kzg).SendAsync(Burn, blobs, anvil.DevPrivateKey);
        Assert.Equal(["v1"], proxy.RawForms);
        Assert.Equal(1, result.Receipt!.Status);
    }

    [SkippableFact]
    public async Task A_form_the_user_chose_is_not_changed_behind_their_back()
    {
        var kzg = TxTools.Kzg();
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var proxy = new FakeOsakaGethProxy(anvil.RpcUrl);
        using var client = new ExecutionClient(proxy.Url);
        var blobs = BlobPipeline.EncodeBlobs(TxTools.RandomBytes(10, 3), BlobCodecs.Get("simple"));
        var e = await Assert.ThrowsAsync<RpcException>(() => new BlobSubmitter(client, kzg).SendAsync(Burn, blobs, anvil.DevPrivateKey, new SubmitOptions { Sidecar = SidecarVersion.V0 }));
        Assert.Contains("cell proofs", e.Message);
        Assert.Equal(["v0"], proxy.RawForms);
    }
}
