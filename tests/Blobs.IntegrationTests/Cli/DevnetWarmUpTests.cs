using Blobs.IntegrationTests.Transactions;
using Blobs.Rpc;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// <see cref="Blobs.Devnet.AnvilDevnet.WarmUpKzgAsync"/>: anvil refuses the deliberately wrong blob transaction with a KZG
/// error, nothing of it stays (the dev account's nonce is unchanged and the pool is empty).
/// </summary>
public class DevnetWarmUpTests
{
    [SkippableTheory]
    [InlineData("osaka")]
    [InlineData("prague")]
    public async Task Warm_up_is_refused_for_its_proofs_and_leaves_nothing_behind(string hardfork)
    {
        await using var anvil = await TxTools.AnvilAsync(hardfork);
        var refusal = await anvil.WarmUpKzgAsync();
        Assert.NotNull(refusal);
        Assert.Contains("KZG", refusal, StringComparison.OrdinalIgnoreCase);
        using var node = new ExecutionClient(anvil.RpcUrl);
        Assert.Equal(0UL, await node.PendingNonceAsync(anvil.DevAddress));
        var pool = await node.Rpc.CallAsync("txpool_content");
        Assert.Equal(0, pool.GetProperty("pending").EnumerateObject().Count() + pool.GetProperty("queued").EnumerateObject().Count());

        // Idempotent: a second warm-up is refused the same way.
        Assert.Contains("KZG", await anvil.WarmUpKzgAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
