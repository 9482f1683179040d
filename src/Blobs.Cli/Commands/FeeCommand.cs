using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Fees;
using Spectre.Console;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob fee</c>: the blob fee market — fork and schedule in force, current and next blob base fee, a projection over
/// the next blocks (table and chart), recommended fees; <c>blob fee cost BYTES</c>: blobs against calldata.
/// Online with <c>--rpc-url</c>, offline from <c>--fork</c> or <c>--chain</c>/<c>--timestamp</c> and the head's fields.
/// JSON output follows <see cref="CliJson"/>: amounts in wei (fees, costs, recommendations, peers' bids) are decimal
/// strings; target, max, update fraction, excess blob gas, gas, block numbers and counts are JSON numbers.
/// Every invalid value is reported on one line naming the option and what was expected (exit code 2).
/// </summary>
public sealed class FeeCommand : ICliCommand
{
    private static readonly BigInteger DefaultOfflineBaseFee = 1_000_000_000;

    private static readonly string[] ForkNames = ["cancun", "prague", "osaka", "bpo1", "bpo2"];
    private static readonly string[] ChainNames = ["mainnet", "sepolia", "hoodi"];

    private readonly Option<string?> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL of the node to read the fee market from; without it the command works offline (--fork or --chain)." };
    private readonly Option<string?> _blocks = new("--blocks") { HelpName = "N", Description = "Blocks to project (1–1000, default 10)." };
    private readonly Option<string?> _within = new("--within") { HelpName = "N", Description = "Recommend a maxFeePerBlobGas valid for inclusion within this many blocks, even if all are full (1–1000, default 3)." };
    private readonly Option<string?> _fork = new("--fork") { Description = "Offline: the fork in force (cancun, prague, osaka, bpo1, bpo2)." };
    private readonly Option<string?> _chain = new("--chain") { Description = "Offline: a built-in chain schedule (mainnet, sepolia, hoodi); with --timestamp." };
    private readonly Option<string?> _timestamp = new("--timestamp") { HelpName = "SECONDS", Description = "Offline: the head block's timestamp (unix seconds; default now with --chain, 0 with --fork)." };
    private readonly Option<string?> _excess = new("--excess-blob-gas") { HelpName = "GAS", Description = "Offline: the head block's excessBlobGas (default 0)." };
    private readonly Option<string?> _baseFee = new("--base-fee") { HelpName = "WEI", Description = "Offline: the head block's baseFeePerGas in wei, decimal or 0x-hex (default 1000000000; EIP-7918 compares against it)." };
    private readonly Option<string?> _blobGasUsed = new("--blob-gas-used") { HelpName = "GAS", Description = "Offline: the head block's blobGasUsed, a multiple of 131072 (default 0)." };

    /// <inheritdoc />
    public Command Build()
    {
        _fork.CompletionSources.Add(ForkNames);
        _chain.CompletionSources.Add(ChainNames);
        var fee = new Command("fee", "Show the blob fee market: the schedule in force, the current and next blob base fee, a projection and recommended fees. "
            + "Online with --rpc-url, offline with --fork or --chain.");
        foreach (var o in StateOptions()) fee.Options.Add(o);
        fee.Options.Add(_blocks);
        fee.Options.Add(_within);
        fee.SetAction((parse, ct) => Guard(() => RunFeeAsync(parse, ct)));

        var bytes = new Argument<string>("BYTES") { Description = "Payload length in bytes." };
        var zeros = new Option<string?>("--zero-bytes") { HelpName = "BYTES", Description = "How many of the payload bytes are zero (calldata prices them lower; default 0, right for compressed data)." };
        var capacity = new Option<string?>("--capacity") { HelpName = "BYTES", Description = $"Usable bytes per blob, 1–131072 (depends on the codec; default {BlobGasConstants.DefaultBlobCapacityBytes})." };
        var tip = new Option<string?>("--priority-fee") { HelpName = "WEI", Description = "Priority fee in wei per gas (default: from recent blocks online, 0 offline)." };
        var cost = new Command("cost", "Compare the cost of a payload as blobs and as calldata (EIP-7623), in gas and wei, with the break-even size.");
        cost.Arguments.Add(bytes);
        foreach (var o in StateOptions()) cost.Options.Add(o);
        cost.Options.Add(zeros);
        cost.Options.Add(capacity);
        cost.Options.Add(tip);
        cost.SetAction((parse, ct) => Guard(() => RunCostAsync(parse, parse.GetValue(bytes)!, parse.GetValue(zeros), parse.GetValue(capacity), parse.GetValue(tip), ct)));
        fee.Subcommands.Add(cost);
        return fee;
    }

    /// <summary>Turns the fee library's argument and overflow errors into one-line invalid-input errors.</summary>
    private static async Task<int> Guard(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            throw new CliException(CliErrors.OneLine(e), ExitCodes.InvalidInput, e);
        }
    }

    private IEnumerable<Option> StateOptions() => [_rpcUrl, _fork, _chain, _timestamp, _excess, _baseFee, _blobGasUsed];

    private async Task<ChainFeeState> ReadStateAsync(ParseResult parse, CancellationToken ct)
    {
        string? url = parse.GetValue(_rpcUrl);
        string? forkName = Choice(parse.GetValue(_fork), "--fork", ForkNames);
        string? chainName = Choice(parse.GetValue(_chain), "--chain", ChainNames);
        if (forkName is not null && chainName is not null) throw new CliException("give either --fork or --chain, not both", ExitCodes.InvalidInput);
        ForkSchedule? offlineForks = forkName is not null ? ForkSchedule.Single(ForkActivation.Named(forkName))
            : chainName is not null ? ForkSchedule.ForChain(chainName) : null;
        ulong? timestamp = OptionalU64(parse.GetValue(_timestamp), "--timestamp", "a unix time in seconds");
        ulong excess = OptionalU64(parse.GetValue(_excess), "--excess-blob-gas", "a gas amount") ?? 0;
        ulong used = OptionalU64(parse.GetValue(_blobGasUsed), "--blob-gas-used", "a gas amount") ?? 0;
        var baseFee = parse.GetValue(_baseFee) is { } baseFeeText ? Units.ParseWei(baseFeeText, "--base-fee") : DefaultOfflineBaseFee;
        if (url is not null)
        {
            // The node's head replaces these: refuse them rather than ignore them.
            foreach (var offlineOnly in new Option<string?>[] { _timestamp, _excess, _baseFee, _blobGasUsed })
                if (parse.GetResult(offlineOnly) is { Implicit: false })
                    throw new CliException($"{offlineOnly.Name} is for offline use; with --rpc-url the node's head block is used", ExitCodes.InvalidInput);
            using var source = CreateSource(url);
            try
            {
                return await source.ReadStateAsync(20, offlineForks, ct);
            }
            catch (FeeSourceException e)
            {
                throw new CliException(CliErrors.OneLine(e), ExitCodes.Failed, e);
            }
        }
        if (offlineForks is null) throw new CliException("give --rpc-url, or --fork / --chain for offline use", ExitCodes.InvalidInput);
        ulong ts = timestamp ?? (chainName is not null ? (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() : 0);
        var fork = offlineForks.TryAt(ts) ?? throw new CliException($"{offlineForks.Name}: timestamp {ts} is before Cancun; blobs are not active", ExitCodes.InvalidInput);
        if (used % BlobGasConstants.GasPerBlob != 0) throw new CliException($"--blob-gas-used {used} is not a multiple of {BlobGasConstants.GasPerBlob} (blob gas per blob)", ExitCodes.InvalidInput);
        if (used > fork.Schedule.MaxBlobGas) throw new CliException($"--blob-gas-used {used} exceeds the {fork.Name} maximum {fork.Schedule.MaxBlobGas} ({fork.Schedule.Max} blobs)", ExitCodes.InvalidInput);
        var head = new BlockFeeHeader(0, ts, excess, used, baseFee);
        return new ChainFeeState(offlineForks, forkName is not null ? "--fork " + forkName : "preset " + offlineForks.Name, head)
        {
            RecentBlobsUsed = [(int)(used / BlobGasConstants.GasPerBlob)],
        };
    }

    private static FeeDataSource CreateSource(string url)
    {
        try { return new FeeDataSource(url); }
        catch (ArgumentException e) { throw new CliException(CliErrors.OneLine(e), ExitCodes.InvalidInput, e); }
    }

    private async Task<int> RunFeeAsync(ParseResult parse, CancellationToken ct)
    {
        int blocks = Int(parse.GetValue(_blocks), "--blocks", 10, 1, 1000);
        int within = Int(parse.GetValue(_within), "--within", 3, 1, 1000);
        var state = await ReadStateAsync(parse, ct);
        var report = FeeReport.Create(state, blocks, within, parse.GetValue(_rpcUrl));
        var (output, _, json) = CommandIo.Of(parse);
        if (json) CliJson.Write(output, report.ToJson());
        else report.Render(Terminal.ConsoleFor(output, plainWidth: 100));
        return ExitCodes.Ok;
    }

    private async Task<int> RunCostAsync(ParseResult parse, string bytesText, string? zerosText, string? capacityText, string? tipText, CancellationToken ct)
    {
        long bytes = Long(bytesText, "BYTES", "a payload length in bytes");
        long zeros = zerosText is null ? 0 : Long(zerosText, "--zero-bytes", "a byte count");
        if (zeros > bytes) throw new CliException($"--zero-bytes {zeros}: must be between 0 and BYTES ({bytes})", ExitCodes.InvalidInput);
        int capacity = Int(capacityText, "--capacity", BlobGasConstants.DefaultBlobCapacityBytes, 1, 131072);
        BigInteger? tipOption = Units.ParseWeiOrNull(tipText, "--priority-fee");
        var state = await ReadStateAsync(parse, ct);
        BigInteger tip = tipOption ?? (parse.GetValue(_rpcUrl) is not null ? BlobFeeForecaster.PriorityFee(state).Fee : 0);
        var prices = CostInputs.ForNextBlock(state, tip) with { BlobCapacityBytes = capacity };
        var blobFee = prices.BlobBaseFee;
        var baseFee = prices.BaseFeePerGas;
        var cost = PayloadCostCalculator.Compare(bytes, zeros, prices);
        var (output, _, json) = CommandIo.Of(parse);
        if (json)
        {
            CliJson.Write(output, new JsonObject
            {
                ["fork"] = BlobFeeForecaster.NextFork(state).Name,
                ["blobBaseFee"] = CliJson.Wei(blobFee),
                ["baseFeePerGas"] = CliJson.Wei(baseFee),
                ["priorityFeePerGas"] = CliJson.Wei(tip),
                ["payloadBytes"] = cost.PayloadBytes,
                ["zeroBytes"] = cost.ZeroBytes,
                ["blobCapacityBytes"] = capacity,
                ["blobs"] = cost.Blobs,
                ["blobTransactions"] = cost.BlobTransactions,
                ["blobGas"] = cost.BlobGas,
                ["blobTxGas"] = cost.BlobTxGas,
                ["blobCostWei"] = CliJson.Wei(cost.BlobCostWei),
                ["calldataTokens"] = cost.CalldataTokens,
                ["calldataGas"] = cost.CalldataGas,
                ["calldataStandardGas"] = cost.CalldataStandardGas,
                ["calldataCostWei"] = CliJson.Wei(cost.CalldataCostWei),
                ["calldataExceedsTransactionGasCap"] = cost.CalldataExceedsTransactionGasCap,
                ["cheaper"] = cost.CalldataCheaper ? "calldata" : "blobs",
                ["breakEvenBytes"] = cost.BreakEvenBytes,
            });
            return ExitCodes.Ok;
        }
        var console = Terminal.ConsoleFor(output, plainWidth: 100);
        var table = new Table().AddColumn("").AddColumn(new TableColumn("blobs").RightAligned()).AddColumn(new TableColumn("calldata (EIP-7623)").RightAligned());
        table.AddRow("units", $"{cost.Blobs} blob(s) in {cost.BlobTransactions} tx", $"{cost.CalldataTokens} tokens");
        table.AddRow("gas", $"{cost.BlobGas} blob gas + {cost.BlobTxGas} gas", $"{cost.CalldataGas} gas");
        table.AddRow("cost", Units.WeiExact(cost.BlobCostWei), Units.WeiExact(cost.CalldataCostWei));
        console.MarkupLine($"Payload {cost.PayloadBytes} bytes ({cost.ZeroBytes} zero) at blob base fee {Markup.Escape(Units.WeiExact(blobFee))}, base fee {Markup.Escape(Units.WeiExact(baseFee))}, tip {Markup.Escape(Units.WeiExact(tip))}");
        console.Write(table);
        console.MarkupLine(cost.CalldataCheaper ? "[yellow]calldata is cheaper[/]" : "[green]blobs are cheaper[/]");
        if (cost.CalldataExceedsTransactionGasCap) console.MarkupLine($"[yellow]calldata needs {cost.CalldataGas} gas, more than one transaction may use (2^24, EIP-7825)[/]");
        console.MarkupLine(cost.BreakEvenBytes is { } n ? $"break-even: from {n} byte(s) of non-zero data, blobs cost no more than calldata" : "break-even: none up to 6 blobs — calldata stays cheaper at these prices");
        return ExitCodes.Ok;
    }

    private static ulong? OptionalU64(string? text, string option, string what)
    {
        if (text is null) return null;
        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        throw new CliException($"{option} '{text}': expected {what}, a non-negative decimal integer below 2^64", ExitCodes.InvalidInput);
    }

    private static long Long(string text, string option, string what)
    {
        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v)) return v;
        throw new CliException($"{option} '{text}': expected {what}, a non-negative decimal integer", ExitCodes.InvalidInput);
    }

    private static int Int(string? text, string option, int fallback, int min, int max)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max) return v;
        throw new CliException($"{option} '{text}': expected an integer between {min} and {max}", ExitCodes.InvalidInput);
    }

    private static string? Choice(string? text, string option, string[] allowed)
    {
        if (text is null) return null;
        var found = allowed.FirstOrDefault(a => string.Equals(a, text, StringComparison.OrdinalIgnoreCase));
        return found ?? throw new CliException($"{option} '{text}': expected one of {string.Join(", ", allowed)}", ExitCodes.InvalidInput);
    }

    /// <summary>Everything <c>blob fee</c> prints, computed once from the snapshot.</summary>
    private sealed record FeeReport(
        ChainFeeState State, ForkActivation Fork, ForkActivation NextFork, BigInteger BlobBaseFee, ulong NextExcess, BigInteger NextBlobBaseFee,
        bool ReserveActive, IReadOnlyDictionary<UsageScenario, IReadOnlyList<ProjectedBlock>> Projections, FeeRecommendation Recommendation, string? RpcUrl)
    {
        public static FeeReport Create(ChainFeeState state, int blocks, int within, string? url)
        {
            var fork = BlobFeeForecaster.HeadFork(state);
            var next = BlobFeeForecaster.NextFork(state);
            var projections = Enum.GetValues<UsageScenario>().ToDictionary(s => s, s => BlobFeeForecaster.Project(state, blocks, s));
            bool reserve = next.ReservePrice && BlobFeeMath.IsReservePriceActive(state.Head.ExcessBlobGas, state.Head.BaseFeePerGas, next.Schedule);
            return new FeeReport(state, fork, next, BlobFeeForecaster.CurrentBlobBaseFee(state), BlobFeeForecaster.NextExcessBlobGas(state),
                BlobFeeForecaster.NextBlobBaseFee(state), reserve, projections, BlobFeeForecaster.Recommend(state, within), url);
        }

        public JsonObject ToJson()
        {
            var o = new JsonObject { ["source"] = RpcUrl is null ? "offline" : "rpc" };
            if (RpcUrl is not null) o["rpcUrl"] = RpcUrl;
            if (State.ChainId is { } id) o["chainId"] = id;
            o["scheduleSource"] = State.ScheduleSource;
            o["fork"] = Fork.Name;
            o["target"] = Fork.Schedule.Target;
            o["max"] = Fork.Schedule.Max;
            o["updateFraction"] = Fork.Schedule.UpdateFraction;
            o["eip7918"] = Fork.ReservePrice;
            o["headBlock"] = State.Head.Number;
            o["timestamp"] = State.Head.Timestamp;
            o["excessBlobGas"] = State.Head.ExcessBlobGas;
            o["blobGasUsed"] = State.Head.BlobGasUsed;
            o["baseFeePerGas"] = CliJson.Wei(State.Head.BaseFeePerGas);
            o["blobBaseFee"] = CliJson.Wei(BlobBaseFee);
            o["nextFork"] = NextFork.Name;
            o["nextTarget"] = NextFork.Schedule.Target;
            o["nextMax"] = NextFork.Schedule.Max;
            o["nextUpdateFraction"] = NextFork.Schedule.UpdateFraction;
            o["reservePriceActive"] = ReserveActive;
            o["nextExcessBlobGas"] = NextExcess;
            o["nextBlobBaseFee"] = CliJson.Wei(NextBlobBaseFee);
            if (State.NodeBlobBaseFee is { } nb) o["nodeBlobBaseFee"] = CliJson.Wei(nb);
            if (State.NodeNextBlobBaseFee is { } nn) o["nodeNextBlobBaseFee"] = CliJson.Wei(nn);
            // How sure each number is: the next block depends only on the head; "full" bounds every usage from above.
            o["certainty"] = new JsonObject
            {
                ["nextBlock"] = "exact: the next block's excess and fee depend only on the head",
                ["full"] = "upper bound: no usage pattern and no execution base fee gives a higher fee",
                ["otherScenarios"] = $"assume that usage and an execution base fee of {State.NextBaseFeePerGas ?? State.Head.BaseFeePerGas} wei (EIP-7918 compares against it)",
            };
            var projection = new JsonObject();
            foreach (var (scenario, list) in Projections)
                projection[scenario.ToString().ToLowerInvariant()] = new JsonArray(list.Select(b => (JsonNode?)new JsonObject
                {
                    ["offset"] = b.Offset,
                    ["block"] = b.Number,
                    ["fork"] = b.Fork,
                    ["excessBlobGas"] = b.ExcessBlobGas,
                    ["blobBaseFee"] = CliJson.Wei(b.BlobBaseFee),
                    ["blobsUsed"] = b.BlobsUsed,
                }).ToArray());
            o["projection"] = projection;
            o["recommendation"] = new JsonObject
            {
                ["withinBlocks"] = Recommendation.WithinBlocks,
                ["maxFeePerBlobGas"] = CliJson.Wei(Recommendation.MaxFeePerBlobGas),
                ["maxPriorityFeePerGas"] = CliJson.Wei(Recommendation.MaxPriorityFeePerGas),
                ["maxFeePerGas"] = CliJson.Wei(Recommendation.MaxFeePerGas),
                ["priorityFeeSource"] = Recommendation.PriorityFeeSource,
            };
            var peers = new JsonObject();
            foreach (var (name, bid) in Peers())
                peers[name] = new JsonObject { ["maxFeePerBlobGas"] = CliJson.Wei(bid), ["coversWorstCase"] = bid >= Recommendation.MaxFeePerBlobGas };
            o["peers"] = peers;
            return o;
        }

        /// <summary>What other tools would bid (DESIGN.md): geth 2 × head fee, op-batcher max(2 × fee, 1 gwei), alloy the next-block fee as is.</summary>
        private IEnumerable<(string Name, BigInteger Bid)> Peers() =>
        [
            ("geth", 2 * BlobBaseFee),
            ("opBatcher", BigInteger.Max(2 * BlobBaseFee, 1_000_000_000)),
            ("alloy", NextBlobBaseFee),
        ];

        public void Render(IAnsiConsole console)
        {
            string where = RpcUrl is null ? "offline" : Markup.Escape(RpcUrl);
            console.MarkupLine($"[bold]Blob fee market[/] ({where}; schedule from {Markup.Escape(State.ScheduleSource)})");
            console.MarkupLine($"fork [bold]{Fork.Name}[/]: target {Fork.Schedule.Target}, max {Fork.Schedule.Max}, update fraction {Fork.Schedule.UpdateFraction}{(Fork.ReservePrice ? ", EIP-7918 reserve price" : "")}");
            if (NextFork != Fork) console.MarkupLine($"next block is [bold]{NextFork.Name}[/]: target {NextFork.Schedule.Target}, max {NextFork.Schedule.Max}, update fraction {NextFork.Schedule.UpdateFraction}");
            console.MarkupLine($"head block {State.Head.Number}: excess {State.Head.ExcessBlobGas}, blob gas used {State.Head.BlobGasUsed}, base fee {Markup.Escape(Units.WeiExact(State.Head.BaseFeePerGas))}");
            console.MarkupLine($"blob base fee now  [bold]{Markup.Escape(Units.WeiExact(BlobBaseFee))}[/]");
            console.MarkupLine($"blob base fee next [bold]{Markup.Escape(Units.WeiExact(NextBlobBaseFee))}[/] (excess {NextExcess}{(ReserveActive ? "; reserve price binding" : "")})");
            if (State.NodeNextBlobBaseFee is { } nn) console.MarkupLine($"node says next    {Markup.Escape(Units.WeiExact(nn))}{(nn == NextBlobBaseFee ? " (agrees)" : " [yellow](differs)[/]")}");

            var table = new Table().Title("projection: blob base fee per scenario").AddColumn(new TableColumn("block").RightAligned());
            foreach (var s in Projections.Keys) table.AddColumn(new TableColumn(s.ToString().ToLowerInvariant()).RightAligned());
            var rows = SampleOffsets(Projections[UsageScenario.Full].Count, 12);
            foreach (int i in rows)
                table.AddRow(new[] { "+" + (i + 1) }.Concat(Projections.Values.Select(p => Markup.Escape(Units.WeiExact(p[i].BlobBaseFee)))).ToArray());
            console.Write(table);
            console.MarkupLine($"+1 is exact (it depends only on the head); [bold]full[/] is an upper bound for any usage; target, empty and replay assume an execution base fee of {Markup.Escape(Units.WeiExact(State.NextBaseFeePerGas ?? State.Head.BaseFeePerGas))} (EIP-7918)");

            var chart = new BarChart().Width(60).Label("blob base fee if every block is full (wei)");
            foreach (int i in rows)
                chart.AddItem("+" + (i + 1), (double)Projections[UsageScenario.Full][i].BlobBaseFee, Color.Orange1);
            console.Write(chart);

            var r = Recommendation;
            console.MarkupLine($"recommended for inclusion within {r.WithinBlocks} block(s), even if all are full:");
            string exact = r.MaxFeePerBlobGas < 1_000_000 ? "" : $" ({r.MaxFeePerBlobGas} wei)";
            console.MarkupLine($"  maxFeePerBlobGas     [bold]{Markup.Escape(Units.WeiExact(r.MaxFeePerBlobGas))}[/]{exact}");
            console.MarkupLine($"  maxPriorityFeePerGas {Markup.Escape(Units.WeiExact(r.MaxPriorityFeePerGas))} ({Markup.Escape(r.PriorityFeeSource)})");
            console.MarkupLine($"  maxFeePerGas         {Markup.Escape(Units.WeiExact(r.MaxFeePerGas))} (2 × next base fee + tip)");
            var peers = string.Join(", ", Peers().Select(p => $"{p.Name} {Units.WeiExact(p.Bid)}{(p.Bid >= r.MaxFeePerBlobGas ? "" : " (too low if blocks fill)")}"));
            console.MarkupLine($"  others would bid     {Markup.Escape(peers)}");
        }

        private static IReadOnlyList<int> SampleOffsets(int count, int most)
        {
            if (count <= most) return Enumerable.Range(0, count).ToArray();
            var set = new SortedSet<int>();
            for (int k = 0; k < most; k++) set.Add((int)((long)k * (count - 1) / (most - 1)));
            return set.ToArray();
        }
    }
}
