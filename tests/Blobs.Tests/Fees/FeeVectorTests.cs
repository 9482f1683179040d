using System.Numerics;
using System.Text.Json;
using Blobs.Fees;

namespace Blobs.Tests.Fees;

public class FeeVectorTests
{
    public static IEnumerable<object[]> FakeExponentialCases => FeeVectors.Data("fake_exponential.json");
    public static IEnumerable<object[]> BlobBaseFeeCases => FeeVectors.Data("blob_base_fee.json");
    public static IEnumerable<object[]> ExcessCases => FeeVectors.Data("excess_blob_gas.json");
    public static IEnumerable<object[]> ForkCases => FeeVectors.Data("fork_schedule.json");
    public static IEnumerable<object[]> CalldataCases => FeeVectors.Data("calldata_gas.json");

    private static BigInteger Big(JsonElement e, string name) => BigInteger.Parse(e.GetProperty(name).GetString()!);
    private static ulong U64(JsonElement e, string name) => ulong.Parse(e.GetProperty(name).GetString()!);

    [Theory]
    [MemberData(nameof(FakeExponentialCases))]
    public void FakeExponential_matches_vector(int index, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        Assert.True(index >= 0);
        Assert.Equal(Big(c, "expected"), BlobFeeMath.FakeExponential(Big(c, "factor"), Big(c, "numerator"), Big(c, "denominator")));
    }

    [Theory]
    [MemberData(nameof(BlobBaseFeeCases))]
    public void BlobBaseFee_matches_vector(int index, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        Assert.True(index >= 0);
        var schedule = new BlobSchedule(1, 2, U64(c, "updateFraction"));
        Assert.Equal(Big(c, "expected"), BlobFeeMath.BlobBaseFee(U64(c, "excessBlobGas"), schedule));
    }

    [Theory]
    [MemberData(nameof(ExcessCases))]
    public void NextExcessBlobGas_matches_vector(int index, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        Assert.True(index >= 0);
        var schedule = new BlobSchedule(c.GetProperty("target").GetInt32(), c.GetProperty("max").GetInt32(), U64(c, "updateFraction"));
        ulong got = BlobFeeMath.NextExcessBlobGas(U64(c, "parentExcessBlobGas"), U64(c, "parentBlobGasUsed"), Big(c, "parentBaseFeePerGas"),
            schedule, c.GetProperty("reservePrice").GetBoolean());
        Assert.Equal(U64(c, "expected"), got);
    }

    [Theory]
    [MemberData(nameof(ForkCases))]
    public void Preset_fork_lookup_matches_vector(int index, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        Assert.True(index >= 0);
        var chain = ForkSchedule.ForChain(c.GetProperty("chain").GetString()!);
        var fork = chain.TryAt(U64(c, "timestamp"));
        var expected = c.GetProperty("fork");
        if (expected.ValueKind == JsonValueKind.Null) Assert.Null(fork);
        else
        {
            Assert.NotNull(fork);
            Assert.Equal(expected.GetString(), fork!.Name);
            Assert.Equal(ForkActivation.Named(expected.GetString()!).Schedule, fork.Schedule);
            Assert.Equal(fork.Name is "osaka" or "bpo1" or "bpo2", fork.ReservePrice);
        }
    }

    [Theory]
    [MemberData(nameof(CalldataCases))]
    public void Calldata_gas_matches_vector(int index, string json)
    {
        var c = JsonDocument.Parse(json).RootElement;
        Assert.True(index >= 0);
        long zeros = c.GetProperty("zeroBytes").GetInt64(), nonZeros = c.GetProperty("nonZeroBytes").GetInt64();
        ulong tokens = PayloadCostCalculator.CalldataTokens(zeros, nonZeros);
        Assert.Equal(c.GetProperty("tokens").GetUInt64(), tokens);
        Assert.Equal(c.GetProperty("expectedGas").GetUInt64(), PayloadCostCalculator.CalldataGas(tokens, c.GetProperty("executionGas").GetUInt64()));
        var cost = PayloadCostCalculator.Compare(zeros + nonZeros, zeros, new CostInputs(1, 1, 0) { CalldataExecutionGas = c.GetProperty("executionGas").GetUInt64() });
        Assert.Equal(c.GetProperty("expectedGas").GetUInt64(), cost.CalldataGas);
        Assert.Equal(c.GetProperty("exceedsTxGasCap").GetBoolean(), cost.CalldataExceedsTransactionGasCap);
    }

    [Fact]
    public void Vector_files_name_a_source_for_every_case()
    {
        foreach (var file in new[] { "fake_exponential.json", "blob_base_fee.json", "excess_blob_gas.json", "calldata_gas.json" })
            foreach (var c in FeeVectors.Cases(file))
                Assert.False(string.IsNullOrWhiteSpace(c.GetProperty("source").GetString()), file);
    }
}
