using System.Numerics;
using System.Text.Json;
using Blobs.Kzg;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.IntegrationTests.Transactions;

/// <summary>
/// Sending through our JSON-RPC layer (Nethereum) to a real anvil, with sidecars computed by cast: the node picks
/// the form (eth_config), our transaction is filled from the node, signed by us and accepted (status 1,
/// blob gas used = 131072 × blobs), the node reports our hash and versioned hashes, the beacon endpoint returns the
/// same blobs, and a pending transaction is replaced with every fee doubled.
/// </summary>
public class SubmitAnvilTests
{
    private static readonly Address Burn = Address.Parse("0x000000000000000000000000000000000000dEaD");

    [SkippableTheory]
    [InlineData("osaka", SidecarVersion.V1, 1)]
    [InlineData("prague", SidecarVersion.V0, 1)]
    [InlineData("osaka", SidecarVersion.V1, 6)]
    [InlineData("prague", SidecarVersion.V0, 6)]
    public async Task A_ready_sidecar_goes_out_in_the_fork_form_and_is_included(string hardfork, SidecarVersion form, int blobs)
    {
        await using var anvil = await TxTools.AnvilAsync(hardfork);
        var data = TxTools.RandomBytes(TxTools.SimpleBytesFor(blobs), 4844 + blobs);
        var sidecar = TxTools.CastSidecar(data, form);
        Assert.Equal(blobs, sidecar.Blobs.Count);

        using var client = new ExecutionClient(anvil.RpcUrl);
        Assert.Equal(form, await client.SidecarVersionAsync());
        var submitter = new BlobSubmitter(client, kzg: null);
        var result = await submitter.SendAsync(Burn, sidecar, TxTools.DevKey);

        Assert.Equal(form, result.Form);
        Assert.Equal(result.Sent.Transaction.Hash(), result.Hash);
        var receipt = result.Receipt!;
        Assert.Equal(1, receipt.Status);
        Assert.Equal(131072UL * (ulong)blobs, receipt.BlobGasUsed);
        Assert.True(receipt.BlobGasPrice >= 1);
        Assert.True(receipt.GasUsed >= 21000);
        Assert.Equal(result.Hash, receipt.TransactionHash);

        // The node's view of our transaction.
        var tx = (await client.TransactionAsync(result.Hash))!.Value;
        Assert.Equal("0x3", tx.GetProperty("type").GetString());
        Assert.Equal(sidecar.VersionedHashes().Select(h => h.ToString()), tx.GetProperty("blobVersionedHashes").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(anvil.DevAddress.ToString(), tx.GetProperty("from").GetString());

        // The beacon endpoint returns the blobs we sent, in the order asked for.
        using var beacon = new BeaconClient(anvil.BeaconUrl);
        var hashes = result.Sent.Transaction.BlobVersionedHashes;
        var fetched = await beacon.GetBlobsAsync(receipt.BlockNumber.ToString(), hashes.Reverse().ToArray());
        Assert.Equal(blobs, fetched.Count);
        var sent = sidecar.Blobs.Select(b => Convert.ToHexString(b.Span)).ToHashSet();
        Assert.All(fetched, b => Assert.Contains(Convert.ToHexString(b), sent));
    }

    [SkippableFact]
    public async Task Fees_are_read_from_the_node()
    {
        await using var anvil = await TxTools.AnvilAsync("osaka");
        using var client = new ExecutionClient(anvil.RpcUrl);
        var submitter = new BlobSubmitter(client, null);
        var hashes = new[] { VersionedHash.FromBytes([0x01, .. new byte[31]]) };
        var fields = await submitter.FillAsync(Burn, hashes, anvil.DevAddress, new SubmitOptions { GasLimit = 21000 }, []);
        var baseFee = await client.BaseFeeAsync();
        var blobBaseFee = await client.BlobBaseFeeAsync();
        Assert.Equal(31337UL, fields.ChainId);
        Assert.Equal(0UL, fields.Nonce);
        Assert.Equal(2 * baseFee + fields.MaxPriorityFeePerGas, fields.MaxFeePerGas);
        Assert.Equal(BigInteger.Max(1, 2 * blobBaseFee!.Value), fields.MaxFeePerBlobGas);
        Assert.True(fields.MaxPriorityFeePerGas <= fields.MaxFeePerGas);
    }

    [SkippableFact]
    public async Task Gas_is_estimated_with_the_versioned_hashes()
    {
        await using var anvil = await TxTools.AnvilAsync("osaka");
        var sidecar = TxTools.CastSidecar(TxTools.RandomBytes(100, 1), SidecarVersion.V1);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var fields = await new BlobSubmitter(client, null).FillAsync(Burn, sidecar.VersionedHashes(), anvil.DevAddress,
            new SubmitOptions { Data = new byte[] { 1, 2, 3, 0 } }, []);
        // 21000 + calldata (EIP-7623 floor: 10 × (3×4 + 1) = 130 > 4 × 13 = 52).
        Assert.Equal(21000UL + 130UL, fields.GasLimit);
    }

    [SkippableTheory]
    [InlineData("osaka", SidecarVersion.V1)]
    [InlineData("prague", SidecarVersion.V0)]
    public async Task A_stuck_transaction_is_replaced_with_every_fee_doubled(string hardfork, SidecarVersion form)
    {
        await using var anvil = await TxTools.AnvilAsync(hardfork, noMining: true);
        var sidecar = TxTools.CastSidecar(TxTools.RandomBytes(5000, 7), form);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var submitter = new BlobSubmitter(client, null);
        var first = await submitter.SendAsync(Burn, sidecar, TxTools.DevKey, new SubmitOptions { WaitForReceipt = false });
        Assert.Null(first.Receipt);
        Assert.Null(await client.ReceiptAsync(first.Hash));

        var second = await submitter.ReplaceAsync(first.Sent, TxTools.DevKey, new SubmitOptions { WaitForReceipt = false });
        var a = first.Sent.Transaction;
        var b = second.Sent.Transaction;
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(a.Nonce, b.Nonce);
        Assert.Equal(a.BlobVersionedHashes, b.BlobVersionedHashes);
        Assert.Same(first.Sent.Sidecar, second.Sent.Sidecar);
        Assert.Equal(2 * a.MaxPriorityFeePerGas, b.MaxPriorityFeePerGas);
        Assert.Equal(2 * a.MaxFeePerGas, b.MaxFeePerGas);
        Assert.Equal(2 * a.MaxFeePerBlobGas, b.MaxFeePerBlobGas);

        await anvil.MineAsync();
        var receipt = await client.WaitForReceiptAsync(second.Hash, TimeSpan.FromSeconds(20));
        Assert.Equal(1, receipt.Status);
        Assert.Equal(131072UL, receipt.BlobGasUsed);
        Assert.Null(await client.ReceiptAsync(first.Hash));
    }

    [SkippableFact]
    public async Task A_node_error_keeps_its_code_and_names_the_method()
    {
        await using var anvil = await TxTools.AnvilAsync("osaka");
        var sidecar = TxTools.CastSidecar(TxTools.RandomBytes(100, 3), SidecarVersion.V1);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var submitter = new BlobSubmitter(client, null);
        await submitter.SendAsync(Burn, sidecar, TxTools.DevKey);
        // Nonce 0 again: already used.
        var e = await Assert.ThrowsAsync<RpcException>(() => submitter.SendAsync(Burn, sidecar, TxTools.DevKey, new SubmitOptions { Nonce = 0 }));
        Assert.True(e.IsNodeError);
        Assert.Equal("eth_sendRawTransaction", e.Method);
        Assert.Contains("nonce", e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task Receipt_timeout_is_a_timeout_that_names_the_hash()
    {
        await using var anvil = await TxTools.AnvilAsync("osaka", noMining: true);
        var sidecar = TxTools.CastSidecar(TxTools.RandomBytes(100, 5), SidecarVersion.V1);
        using var client = new ExecutionClient(anvil.RpcUrl);
        var e = await Assert.ThrowsAsync<TimeoutException>(() => new BlobSubmitter(client, null)
            .SendAsync(Burn, sidecar, TxTools.DevKey, new SubmitOptions { ReceiptTimeout = TimeSpan.FromSeconds(1) }));
        Assert.Contains("0x", e.Message);
        Assert.Contains("not included", e.Message);
    }

    [Fact]
    public async Task An_unreachable_node_is_an_rpc_error_that_is_not_a_node_error()
    {
        int port;
        using (var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { l.Start(); port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port; }
        using var client = new ExecutionClient($"http://127.0.0.1:{port}");
        var e = await Assert.ThrowsAsync<RpcException>(() => client.ChainIdAsync());
        Assert.False(e.IsNodeError);
        Assert.Contains("cannot reach", e.Message);
        Assert.Equal("eth_chainId", e.Method);
    }
}
