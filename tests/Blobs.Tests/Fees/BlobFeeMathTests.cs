using System.Numerics;
using Blobs.Fees;

namespace Blobs.Tests.Fees;

public class BlobFeeMathTests
{
    private const ulong G = BlobGasConstants.GasPerBlob;
    private static readonly BlobSchedule[] Schedules = [BlobSchedule.Cancun, BlobSchedule.Prague, BlobSchedule.Bpo1, BlobSchedule.Bpo2];

    /// <summary>
    /// Test oracle: floor(2^Bits · e^(n/d)), from the Taylor series carried at 2^Bits fixed point. Its truncation error is
    /// below (terms + 1) units of 2^-Bits, far under the slack the assertions allow.
    /// </summary>
    private const int Bits = 192;
    private static BigInteger ExpScaled(BigInteger n, BigInteger d)
    {
        BigInteger one = BigInteger.One << Bits, term = one, sum = 0;
        for (int i = 1; term > 0; i++) { sum += term; term = term * n / (d * i); }
        return sum;
    }

    [Fact]
    public void Design_worked_values()
    {
        Assert.Equal(new BigInteger(5709098764), BlobFeeMath.FakeExponential(1, 50_000_000, 2_225_652));
        Assert.Equal(1, BlobFeeMath.BlobBaseFee(0, BlobSchedule.Cancun));
        Assert.Equal(1, BlobFeeMath.BlobBaseFee(2314057, BlobSchedule.Cancun));
        Assert.Equal(2, BlobFeeMath.BlobBaseFee(2314058, BlobSchedule.Cancun));
        Assert.Equal(23, BlobFeeMath.BlobBaseFee(10485760, BlobSchedule.Cancun));
    }

    [Fact]
    public void Fee_is_monotone_in_excess()
    {
        var rng = new Random(4844);
        foreach (var s in Schedules)
        {
            for (int i = 0; i < 300; i++)
            {
                ulong a = (ulong)rng.NextInt64(0, (long)s.UpdateFraction * 40);
                ulong b = a + (ulong)rng.NextInt64(0, (long)s.UpdateFraction);
                Assert.True(BlobFeeMath.BlobBaseFee(a, s) <= BlobFeeMath.BlobBaseFee(b, s), $"{s}: fee({a}) > fee({b})");
            }
            // Every step of one unit at the first doubling points is non-decreasing, too.
            BigInteger prev = 0;
            for (ulong e = 2_314_000; e < 2_314_100; e++) { var f = BlobFeeMath.BlobBaseFee(e, s); Assert.True(f >= prev); prev = f; }
        }
    }

    /// <summary>
    /// What is asserted: (1) after a full block (reserve price not binding) the excess rises by exactly
    /// Δ = (max − target)·2^17; (2) fee(x) = fake_exponential(1, x, F) never exceeds the true e^(x/F) and is below it by
    /// less than 1 + 2^-20·e^(x/F) — so (3) fee(e + Δ) lies in [R·E − 1 − 2^-20·R·E, R·E] where E = e^(e/F) ∈ [fee(e), fee(e) + 1 + 2^-20·E)
    /// and R = e^(Δ/F) is the exact per-block factor (all compared in 2^192 fixed point, no floating point).
    /// </summary>
    [Fact]
    public void One_full_block_raises_the_fee_by_the_exact_factor()
    {
        var rng = new Random(7691);
        foreach (var s in Schedules)
        {
            ulong delta = (ulong)(s.Max - s.Target) * G;
            for (int i = 0; i < 60; i++)
            {
                ulong e = (ulong)rng.NextInt64(0, (long)s.UpdateFraction * 60);
                ulong next = BlobFeeMath.NextExcessBlobGas(e, s.MaxBlobGas, 0, s, reservePrice: true);
                Assert.Equal(e + delta, next);
                Assert.Equal(e + delta, BlobFeeMath.NextExcessBlobGas(e, s.MaxBlobGas, 0, s, reservePrice: false));

                BigInteger f0 = BlobFeeMath.BlobBaseFee(e, s), f1 = BlobFeeMath.BlobBaseFee(next, s);
                BigInteger e0 = ExpScaled(e, s.UpdateFraction);           // 2^192 · e^(e/F)
                BigInteger e1 = ExpScaled(next, s.UpdateFraction);        // 2^192 · e^((e+Δ)/F) = E0 · R
                BigInteger one = BigInteger.One << Bits;
                // (2) at both points
                Assert.True(f0 * one <= e0 && e0 < (f0 + 1) * one + (e0 >> 20), $"fee({e}) = {f0} too far from e^x");
                Assert.True(f1 * one <= e1 && e1 < (f1 + 1) * one + (e1 >> 20), $"fee({next}) = {f1} too far from e^x");
                // (3) the ratio, with R from the oracle
                BigInteger r = ExpScaled(delta, s.UpdateFraction);
                BigInteger upper = (f0 + 1) * r + (e0 >> 20) * r / one;   // R · (fee(e) + 1 + 2^-20 E)
                Assert.True(f1 * one <= upper, $"{s}: fee rose more than e^(Δ/F) from excess {e}");
                BigInteger lowerScaled = f0 * r - one - ((f0 + 1) * r >> 20);   // R·fee(e) − 1 − 2^-20·R·(fee(e)+1)
                Assert.True(f1 * one >= lowerScaled, $"{s}: fee rose less than e^(Δ/F) from excess {e}");
            }
        }
    }

    [Fact]
    public void Per_block_factor_of_each_fork_is_the_known_one()
    {
        // e^(3·2^17/3338477) ≈ 1.1250, e^(3·2^17/5007716) ≈ 1.0817, BPO1 e^(5·2^17/8346193) ≈ 1.0817, BPO2 e^(7·2^17/11684671) ≈ 1.0817:
        // checked to 8 decimals (values from Python's decimal module at 50 digits: 1.12500001498…, 1.08168717885…, 1.08168718224…, 1.08168717643…).
        (BlobSchedule s, long scaled)[] expected = [(BlobSchedule.Cancun, 112500001), (BlobSchedule.Prague, 108168717), (BlobSchedule.Bpo1, 108168718), (BlobSchedule.Bpo2, 108168717)];
        foreach (var (s, p) in expected)
        {
            var r = ExpScaled((ulong)(s.Max - s.Target) * G, s.UpdateFraction);
            Assert.Equal(p, (long)(r * 100_000_000 >> Bits));
        }
    }

    [Fact]
    public void Target_sized_block_keeps_excess_steady_without_the_reserve_price()
    {
        var rng = new Random(7918);
        foreach (var s in Schedules)
        {
            for (int i = 0; i < 200; i++)
            {
                ulong e = (ulong)rng.NextInt64(0, (long)s.UpdateFraction * 30);
                Assert.Equal(e, BlobFeeMath.NextExcessBlobGas(e, s.TargetBlobGas, rng.Next(), s, reservePrice: false));
                // With EIP-7918 and a low execution base fee (reserve not binding) it is steady too.
                Assert.Equal(e, BlobFeeMath.NextExcessBlobGas(e, s.TargetBlobGas, 0, s, reservePrice: true));
                // An empty block lowers it by the target, floored at 0.
                ulong empty = BlobFeeMath.NextExcessBlobGas(e, 0, 0, s, reservePrice: true);
                Assert.Equal(e >= s.TargetBlobGas ? e - s.TargetBlobGas : 0, empty);
            }
        }
    }

    [Fact]
    public void Under_the_reserve_price_a_target_block_raises_excess_by_target_times_max_minus_target_over_max()
    {
        foreach (var s in new[] { BlobSchedule.Osaka, BlobSchedule.Bpo1, BlobSchedule.Bpo2 })
        {
            // Execution base fee 1 gwei: 2^13·10^9 > 2^17·fee as long as fee < 62 500 000.
            ulong e = s.UpdateFraction;
            Assert.True(BlobFeeMath.IsReservePriceActive(e, 1_000_000_000, s));
            ulong next = BlobFeeMath.NextExcessBlobGas(e, s.TargetBlobGas, 1_000_000_000, s, reservePrice: true);
            Assert.Equal(e + s.TargetBlobGas * (ulong)(s.Max - s.Target) / (ulong)s.Max, next);
            Assert.True(next > e);
        }
    }

    [Fact]
    public void Reserve_price_boundary_is_strict()
    {
        var s = BlobSchedule.Osaka;
        // fee(0) = 1: 2^13·16 = 2^17·1 is not greater → EIP-4844 rule; 17 is.
        Assert.False(BlobFeeMath.IsReservePriceActive(0, 16, s));
        Assert.True(BlobFeeMath.IsReservePriceActive(0, 17, s));
        Assert.Equal(0UL, BlobFeeMath.NextExcessBlobGas(0, 6 * G, 16, s, true));
        Assert.Equal(2UL * G, BlobFeeMath.NextExcessBlobGas(0, 6 * G, 17, s, true));
        // Prague never applies it.
        Assert.Equal(0UL, BlobFeeMath.NextExcessBlobGas(0, 6 * G, 1_000_000_000_000, BlobSchedule.Prague, false));
    }

    [Fact]
    public void Reserve_check_uses_the_child_schedule_fraction()
    {
        // Parent excess where the Osaka fraction gives fee 2 but BPO1's gives 1: with base fee 20 the reserve
        // (2^13·20 = 163840) beats 2^17·1 = 131072 but not 2^17·2 = 262144.
        ulong e = 4_000_000;
        Assert.Equal(2, BlobFeeMath.BlobBaseFee(e, BlobSchedule.Osaka));
        Assert.Equal(1, BlobFeeMath.BlobBaseFee(e, BlobSchedule.Bpo1));
        ulong asBpo1 = BlobFeeMath.NextExcessBlobGas(e, 10 * G, 20, BlobSchedule.Bpo1, true);
        Assert.Equal(e + 10 * G * 5 / 15, asBpo1);
        ulong asOsaka = BlobFeeMath.NextExcessBlobGas(e, 9 * G, 20, BlobSchedule.Osaka, true);
        Assert.Equal(e + 3 * G, asOsaka);
    }

    [Fact]
    public void No_rescaling_at_a_bpo_fork_so_the_fee_steps_down()
    {
        ulong e = 20_000_000;
        var osakaFee = BlobFeeMath.BlobBaseFee(e, BlobSchedule.Osaka);
        var bpo1Fee = BlobFeeMath.BlobBaseFee(e, BlobSchedule.Bpo1);
        Assert.True(bpo1Fee < osakaFee);
        var forks = new ForkSchedule("t", null, [ForkActivation.Named("osaka", 0), ForkActivation.Named("bpo1", 1000)]);
        var parent = new BlockFeeHeader(10, 996, e, 10 * G, 0);
        Assert.Equal(e + 10 * G - 10 * G, BlobFeeMath.NextExcessBlobGas(parent, forks, 1008));
        Assert.Equal(e + 10 * G - 6 * G, BlobFeeMath.NextExcessBlobGas(parent with { BlobGasUsed = 10 * G }, forks, 999));
    }

    [Fact]
    public void Invalid_inputs_are_refused_with_a_reason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobFeeMath.FakeExponential(1, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlobFeeMath.FakeExponential(-1, 1, 1));
        var big = Assert.Throws<ArgumentOutOfRangeException>(() => BlobFeeMath.BlobBaseFee(ulong.MaxValue, BlobSchedule.Cancun));
        Assert.Contains("exceeds", big.Message);
        Assert.Throws<OverflowException>(() => BlobFeeMath.NextExcessBlobGas(ulong.MaxValue, G, 0, BlobSchedule.Cancun, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobSchedule(7, 6, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new BlobSchedule(1, 2, 0));
        // A large exponent within the limit still ends and grows.
        var huge = BlobFeeMath.FakeExponential(1, 4000UL * 3338477, 3338477);
        Assert.True(huge.GetBitLength() > 5700);
    }
}
