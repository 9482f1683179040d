using System.Numerics;
using Blobs.Rpc;
using Blobs.Transactions;

namespace Blobs.Tests.Transactions;

/// <summary>Replacement fees: every fee field at least doubles (geth blobpool, Nethermind), explicit higher fees win.</summary>
public class ReplacementTests
{
    private static TransactionFields Fields(BigInteger tip, BigInteger cap, BigInteger blob) => new()
    {
        ChainId = 1, Nonce = 9, MaxPriorityFeePerGas = tip, MaxFeePerGas = cap, MaxFeePerBlobGas = blob,
        To = Address.Parse("0x000000000000000000000000000000000000dEaD"),
    };

    [Fact]
    public void Every_fee_doubles_and_nothing_else_changes()
    {
        var f = Fields(3, 100, 7);
        var b = BlobSubmitter.BumpFees(f);
        Assert.Equal(6, b.MaxPriorityFeePerGas);
        Assert.Equal(200, b.MaxFeePerGas);
        Assert.Equal(14, b.MaxFeePerBlobGas);
        Assert.Equal(f with { MaxPriorityFeePerGas = 6, MaxFeePerGas = 200, MaxFeePerBlobGas = 14 }, b);
    }

    [Fact]
    public void Zero_fees_become_at_least_one_wei()
    {
        var b = BlobSubmitter.BumpFees(Fields(0, 0, 0));
        Assert.Equal(1, b.MaxPriorityFeePerGas);
        Assert.Equal(1, b.MaxFeePerGas);
        Assert.Equal(1, b.MaxFeePerBlobGas);
    }

    [Fact]
    public void Explicit_fees_above_the_doubling_win_and_below_it_are_ignored()
    {
        var b = BlobSubmitter.BumpFees(Fields(3, 100, 7), new SubmitOptions { MaxFeePerBlobGas = 1000, MaxPriorityFeePerGas = 1 });
        Assert.Equal(1000, b.MaxFeePerBlobGas);
        Assert.Equal(6, b.MaxPriorityFeePerGas);
    }

    [Fact]
    public void Doubled_tip_above_the_doubled_cap_lifts_the_cap()
    {
        var b = BlobSubmitter.BumpFees(Fields(10, 10, 1), new SubmitOptions { MaxPriorityFeePerGas = 50 });
        Assert.Equal(50, b.MaxPriorityFeePerGas);
        Assert.Equal(50, b.MaxFeePerGas);
    }

    [Fact]
    public void Random_fees_always_at_least_double()
    {
        var rng = new Random(7691);
        for (int i = 0; i < 500; i++)
        {
            var f = Fields(rng.NextInt64(), rng.NextInt64(), rng.NextInt64());
            var b = BlobSubmitter.BumpFees(f);
            Assert.True(b.MaxPriorityFeePerGas >= 2 * f.MaxPriorityFeePerGas);
            Assert.True(b.MaxFeePerGas >= 2 * f.MaxFeePerGas);
            Assert.True(b.MaxFeePerBlobGas >= 2 * f.MaxFeePerBlobGas);
            Assert.True(b.MaxPriorityFeePerGas <= b.MaxFeePerGas);
        }
    }
}
