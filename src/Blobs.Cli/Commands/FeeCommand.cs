using System.CommandLine;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using Blobs.Cli.Infrastructure;
using Blobs.Fees;
using Spectre.Console;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob fee</c>: the blob fee market — fork and schedule in force, current and next blob base fee, a projection over
/// the next blocks (table and chart), recommended fees; <c>blob fee cost BYTES</c>: blobs against calldata.
/// Online with <c>--rpc-url</c>, offline from <c>--fork</c> or <c>--chain</c>/<c>--timestamp</c> and the head's fields.
/// JSON output: <c>target</c>, <c>max</c> and block counts are JSON numbers (they fit in 32 bits); every gas amount, wei
/// amount and <c>updateFraction</c> is a decimal string, because they can exceed 2^53 and lose precision in JSON numbers.
/// </summary>
public sealed class FeeCommand : ICliCommand
{
    private static readonly BigInteger DefaultOfflineBaseFee = 1_000_000_000;

    private readonly Option<string?> _rpcUrl = new("--rpc-url") { Description = "Execution node JSON-RPC URL; without it the command works offline." };
    private readonly Option<int> _blocks = new("--blocks") { Description = "Blocks to project (1–1000).", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _within = new("--within") { Description = "Recommend a maxFeePerBlobGas valid for inclusion within this many blocks, even if all are full.", DefaultValueFactory = _ => 3 };
    private readonly Option<string?> _fork = new("--fork") { Description = "Offline: the fork in force (cancun, prague, osaka, bpo1, bpo2)." };
    private readonly Option<string?> _chain = new("--chain") { Description = "Offline: a built-in chain schedule (mainnet, sepolia, hoodi); with --timestamp." };
    private readonly Option<ulong?> _timestamp = new("--timestamp") { Description = "Offline with --chain: the head block's timestamp (unix seconds; default now)." };
    private readonly Option<ulong> _excess = new("--excess-blob-gas") { Description = "Offline: the head block's excessBlobGas." };
    private readonly Option<string> _baseFee = new("--base-fee") { Description = "Offline: the head block's baseFeePerGas in wei (EIP-7918 compares against it).", DefaultValueFactory = _ => "1000000000" };
    private readonly Option<ulong> _blobGasUsed = new("--blob-gas-used") { Description = "Offline: the head block's blobGasUsed (a multiple of 131072)." };

    /// <inheritdoc />
    public Command Build()
    {
        _fork.AcceptOnlyFromAmong("cancun", "prague", "osaka", "bpo1", "bpo2");
        _chain.AcceptOnlyFromAmong("mainnet", "sepolia", "hoodi");
        var fee = new Command("fee", "Blob fee market: schedule in force, current and next blob base fee, projection, recommended fees. "
            + "In --json, target/max are numbers; gas, wei and updateFraction are decimal strings (they can exceed 2^53).");
        foreach (var o in StateOptions()) fee.Options.Add(o);
        fee.Options.Add(_blocks);
        fee.Options.Add(_within);
        fee.SetAction((parse, ct) => Guard(() => RunFeeAsync(parse, ct)));

        var bytes = new Argument<long>("BYTES") { Description = "Payload length in bytes." };
        var zeros = new Option<long>("--zero-bytes") { Description = "How many of the payload bytes are zero (calldata prices them lower; 0 for compressed data)." };
        var capacity = new Option<int>("--capacity") { Description = "Usable bytes per blob (depends on the codec).", DefaultValueFactory = _ => BlobGasConstants.DefaultBlobCapacityBytes };
        var tip = new Option<string?>("--priority-fee") { Description = "Priority fee in wei per gas (default: from recent blocks online, 0 offline)." };
        var cost = new Command("cost", "Cost of a payload as blobs against calldata (EIP-7623), in gas and wei, and the break-even size.");
        cost.Arguments.Add(bytes);
        foreach (var o in StateOptions()) cost.Options.Add(o);
        cost.Options.Add(zeros);
        cost.Options.Add(capacity);
        cost.Options.Add(tip);
        cost.SetAction((parse, ct) => Guard(() => RunCostAsync(parse, parse.GetValue(bytes), parse.GetValue(zeros), parse.GetValue(capacity), parse.GetValue(tip), ct)));
        fee.Subcommands.Add(cost);
        return fee;
    }

    /// <summary>Turns the fee library's argument and overflow errors into one-line invalid-input errors.</summary>
    private static async Task<int> Guard(Func<Task<int>> action)
    {
        try { return await action(); }
        catch (Exception e) when (e is ArgumentException or OverflowException)
        {
            var line = e.Message.Split('\n')[0].Trim();
            int p = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
            if (p > 0) line = line[..p];
            throw new CliException(line, ExitCodes.InvalidInput, e);
        }
    }

    private IEnumerable<Option> StateOptions() => [_rpcUrl, _fork, _chain, _timestamp, _excess, _baseFee, _blobGasUsed];

    private async Task<ChainFeeState> ReadStateAsync(ParseResult parse, CancellationToken ct)
    {
        string? url = parse.GetValue(_rpcUrl);
        string? forkName = parse.GetValue(_fork);
        string? chainName = parse.GetValue(_chain);
        if (forkName is not null && chainName is not null) throw new CliException("give either --fork or --chain, not both", ExitCodes.InvalidInput);
        ForkSchedule? offlineForks = forkName is not null ? ForkSchedule.Single(ForkActivation.Named(forkName))
            : chainName is not null ? ForkSchedule.ForChain(chainName) : null;
        if (url is not null)
        {
            using var source = CreateSource(url);
            try
            {
                return await source.ReadStateAsync(20, offlineForks, ct);
            }
            catch (FeeSourceException e)
            {
                throw new CliException(OneLine(e.Message), ExitCodes.Failed, e);
            }
        }
        if (offlineForks is null) throw new CliException("give --rpc-url, or --fork / --chain for offline use", ExitCodes.InvalidInput);
        ulong timestamp = chainName is not null ? parse.GetValue(_timestamp) ?? (ulong)DateTimeOffset.UtcNow.ToUnixTimeSeconds() : parse.GetValue(_timestamp) ?? 0;
        var fork = offlineForks.TryAt(timestamp) ?? throw new CliException($"{offlineForks.Name}: timestamp {timestamp} is before Cancun; blobs are not active", ExitCodes.InvalidInput);
        ulong used = parse.GetValue(_blobGasUsed);
        if (used % BlobGasConstants.GasPerBlob != 0) throw new CliException($"--blob-gas-used {used} is not a multiple of {BlobGasConstants.GasPerBlob} (blob gas per blob)", ExitCodes.InvalidInput);
        if (used > fork.Schedule.MaxBlobGas) throw new CliException($"--blob-gas-used {used} exceeds the {fork.Name} maximum {fork.Schedule.MaxBlobGas} ({fork.Schedule.Max} blobs)", ExitCodes.InvalidInput);
        var baseFee = ParseWei(parse.GetValue(_baseFee)!, "--base-fee");
        var head = new BlockFeeHeader(0, timestamp, parse.GetValue(_excess), used, baseFee);
        return new ChainFeeState(offlineForks, forkName is not null ? "--fork " + forkName : "preset " + offlineForks.Name, head)
        {
            RecentBlobsUsed = [(int)(used / BlobGasConstants.GasPerBlob)],
        };
    }

    private static FeeDataSource CreateSource(string url)
    {
        try { return new FeeDataSource(url); }
        catch (ArgumentException e) { throw new CliException(e.Message, ExitCodes.InvalidInput, e); }
    }

    private async Task<int> RunFeeAsync(ParseResult parse, CancellationToken ct)
    {
        int blocks = parse.GetValue(_blocks), within = parse.GetValue(_within);
        if (blocks < 1 || blocks > 1000) throw new CliException($"--blocks {blocks}: must be between 1 and 1000", ExitCodes.InvalidInput);
        if (within < 1 || within > 1000) throw new CliException($"--within {within}: must be between 1 and 1000", ExitCodes.InvalidInput);
        var state = await ReadStateAsync(parse, ct);
        var report = FeeReport.Create(state, blocks, within, parse.GetValue(_rpcUrl));
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(GlobalOptions.Json)) output.WriteLine(report.ToJson());
        else report.Render(CreateConsole(output));
        return ExitCodes.Ok;
    }

    private async Task<int> RunCostAsync(ParseResult parse, long bytes, long zeros, int capacity, string? tipText, CancellationToken ct)
    {
        if (bytes < 0) throw new CliException($"BYTES {bytes}: must not be negative", ExitCodes.InvalidInput);
        if (zeros < 0 || zeros > bytes) throw new CliException($"--zero-bytes {zeros}: must be between 0 and BYTES ({bytes})", ExitCodes.InvalidInput);
        if (capacity < 1 || capacity > 131072) throw new CliException($"--capacity {capacity}: must be between 1 and 131072", ExitCodes.InvalidInput);
        var state = await ReadStateAsync(parse, ct);
        BigInteger tip = tipText is not null ? ParseWei(tipText, "--priority-fee")
            : parse.GetValue(_rpcUrl) is not null ? BlobFeeForecaster.PriorityFee(state).Fee : 0;
        var prices = CostInputs.ForNextBlock(state, tip) with { BlobCapacityBytes = capacity };
        var blobFee = prices.BlobBaseFee;
        var baseFee = prices.BaseFeePerGas;
        var cost = PayloadCostCalculator.Compare(bytes, zeros, prices);
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(GlobalOptions.Json))
        {
            output.WriteLine(Json(w =>
            {
                w.WriteString("fork", BlobFeeForecaster.NextFork(state).Name);
                w.WriteString("blobBaseFee", D(blobFee));
                w.WriteString("baseFeePerGas", D(baseFee));
                w.WriteString("priorityFeePerGas", D(tip));
                w.WriteString("payloadBytes", D(cost.PayloadBytes));
                w.WriteString("zeroBytes", D(cost.ZeroBytes));
                w.WriteNumber("blobs", cost.Blobs);
                w.WriteNumber("blobTransactions", cost.BlobTransactions);
                w.WriteString("blobGas", D(cost.BlobGas));
                w.WriteString("blobTxGas", D(cost.BlobTxGas));
                w.WriteString("blobCostWei", D(cost.BlobCostWei));
                w.WriteString("calldataTokens", D(cost.CalldataTokens));
                w.WriteString("calldataGas", D(cost.CalldataGas));
                w.WriteString("calldataCostWei", D(cost.CalldataCostWei));
                w.WriteBoolean("calldataExceedsTransactionGasCap", cost.CalldataExceedsTransactionGasCap);
                w.WriteString("cheaper", cost.CalldataCheaper ? "calldata" : "blobs");
                if (cost.BreakEvenBytes is { } be) w.WriteString("breakEvenBytes", D(be)); else w.WriteNull("breakEvenBytes");
            }));
            return ExitCodes.Ok;
        }
        var console = CreateConsole(output);
        var table = new Table().AddColumn("").AddColumn(new TableColumn("blobs").RightAligned()).AddColumn(new TableColumn("calldata (EIP-7623)").RightAligned());
        table.AddRow("units", $"{cost.Blobs} blob(s) in {cost.BlobTransactions} tx", $"{cost.CalldataTokens} tokens");
        table.AddRow("gas", $"{cost.BlobGas} blob gas + {cost.BlobTxGas} gas", $"{cost.CalldataGas} gas");
        table.AddRow("cost", FormatWei(cost.BlobCostWei), FormatWei(cost.CalldataCostWei));
        console.MarkupLine($"Payload {cost.PayloadBytes} bytes ({cost.ZeroBytes} zero) at blob base fee {Markup.Escape(FormatWei(blobFee))}, base fee {Markup.Escape(FormatWei(baseFee))}, tip {Markup.Escape(FormatWei(tip))}");
        console.Write(table);
        console.MarkupLine(cost.CalldataCheaper ? "[yellow]calldata is cheaper[/]" : "[green]blobs are cheaper[/]");
        if (cost.CalldataExceedsTransactionGasCap) console.MarkupLine($"[yellow]calldata needs {cost.CalldataGas} gas, more than one transaction may use (2^24, EIP-7825)[/]");
        console.MarkupLine(cost.BreakEvenBytes is { } n ? $"break-even: blobs cost no more than calldata from {n} bytes (non-zero data)" : "break-even: none up to 6 blobs — calldata stays cheaper at these prices");
        return ExitCodes.Ok;
    }

    /// <summary>Creates a Spectre console on <paramref name="output"/>; colours only on a real terminal and when NO_COLOR is not set.</summary>
    internal static IAnsiConsole CreateConsole(TextWriter output)
    {
        bool terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        bool color = terminal && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = color ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = 100;
        return console;
    }

    private static BigInteger ParseWei(string text, string option)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v) && text.Length > 2
            : BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out v))
            return v;
        throw new CliException($"{option} '{text}': expected a non-negative integer in wei", ExitCodes.InvalidInput);
    }

    private static string OneLine(string s) => s.ReplaceLineEndings(" ");

    internal static string D(BigInteger v) => v.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats wei for people: "23 wei" below 10^6, else gwei with up to 9 decimals.</summary>
    internal static string FormatWei(BigInteger wei)
    {
        if (wei < 1_000_000) return $"{D(wei)} wei";
        var gwei = BigInteger.DivRem(wei, 1_000_000_000, out var rem);
        var frac = rem.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0');
        return frac.Length == 0 ? $"{D(gwei)} gwei" : $"{D(gwei)}.{frac} gwei";
    }

    internal static string Json(Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(ms.ToArray());
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

        public string ToJson() => Json(w =>
        {
            w.WriteString("source", RpcUrl is null ? "offline" : "rpc");
            if (RpcUrl is not null) w.WriteString("rpcUrl", RpcUrl);
            if (State.ChainId is { } id) w.WriteString("chainId", D(id));
            w.WriteString("scheduleSource", State.ScheduleSource);
            w.WriteString("fork", Fork.Name);
            w.WriteNumber("target", Fork.Schedule.Target);
            w.WriteNumber("max", Fork.Schedule.Max);
            w.WriteString("updateFraction", D(Fork.Schedule.UpdateFraction));
            w.WriteBoolean("eip7918", Fork.ReservePrice);
            w.WriteString("headBlock", D(State.Head.Number));
            w.WriteString("timestamp", D(State.Head.Timestamp));
            w.WriteString("excessBlobGas", D(State.Head.ExcessBlobGas));
            w.WriteString("blobGasUsed", D(State.Head.BlobGasUsed));
            w.WriteString("baseFeePerGas", D(State.Head.BaseFeePerGas));
            w.WriteString("blobBaseFee", D(BlobBaseFee));
            w.WriteString("nextFork", NextFork.Name);
            w.WriteNumber("nextTarget", NextFork.Schedule.Target);
            w.WriteNumber("nextMax", NextFork.Schedule.Max);
            w.WriteString("nextUpdateFraction", D(NextFork.Schedule.UpdateFraction));
            w.WriteBoolean("reservePriceActive", ReserveActive);
            w.WriteString("nextExcessBlobGas", D(NextExcess));
            w.WriteString("nextBlobBaseFee", D(NextBlobBaseFee));
            if (State.NodeBlobBaseFee is { } nb) w.WriteString("nodeBlobBaseFee", D(nb));
            if (State.NodeNextBlobBaseFee is { } nn) w.WriteString("nodeNextBlobBaseFee", D(nn));
            w.WriteStartObject("projection");
            foreach (var (scenario, list) in Projections)
            {
                w.WriteStartArray(scenario.ToString().ToLowerInvariant());
                foreach (var b in list)
                {
                    w.WriteStartObject();
                    w.WriteNumber("offset", b.Offset);
                    w.WriteString("block", D(b.Number));
                    w.WriteString("fork", b.Fork);
                    w.WriteString("excessBlobGas", D(b.ExcessBlobGas));
                    w.WriteString("blobBaseFee", D(b.BlobBaseFee));
                    w.WriteNumber("blobsUsed", b.BlobsUsed);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteStartObject("recommendation");
            w.WriteNumber("withinBlocks", Recommendation.WithinBlocks);
            w.WriteString("maxFeePerBlobGas", D(Recommendation.MaxFeePerBlobGas));
            w.WriteString("maxPriorityFeePerGas", D(Recommendation.MaxPriorityFeePerGas));
            w.WriteString("maxFeePerGas", D(Recommendation.MaxFeePerGas));
            w.WriteString("priorityFeeSource", Recommendation.PriorityFeeSource);
            w.WriteEndObject();
            w.WriteStartObject("peers");
            foreach (var (name, bid) in Peers())
            {
                w.WriteStartObject(name);
                w.WriteString("maxFeePerBlobGas", D(bid));
                w.WriteBoolean("coversWorstCase", bid >= Recommendation.MaxFeePerBlobGas);
                w.WriteEndObject();
            }
            w.WriteEndObject();
        });

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
            console.MarkupLine($"head block {State.Head.Number}: excess {State.Head.ExcessBlobGas}, blob gas used {State.Head.BlobGasUsed}, base fee {Markup.Escape(FormatWei(State.Head.BaseFeePerGas))}");
            console.MarkupLine($"blob base fee now  [bold]{Markup.Escape(FormatWei(BlobBaseFee))}[/]");
            console.MarkupLine($"blob base fee next [bold]{Markup.Escape(FormatWei(NextBlobBaseFee))}[/] (excess {NextExcess}{(ReserveActive ? "; reserve price binding" : "")})");
            if (State.NodeNextBlobBaseFee is { } nn) console.MarkupLine($"node says next    {Markup.Escape(FormatWei(nn))}{(nn == NextBlobBaseFee ? " (agrees)" : " [yellow](differs)[/]")}");

            var table = new Table().Title("projection: blob base fee per scenario").AddColumn(new TableColumn("block").RightAligned());
            foreach (var s in Projections.Keys) table.AddColumn(new TableColumn(s.ToString().ToLowerInvariant()).RightAligned());
            var rows = SampleOffsets(Projections[UsageScenario.Full].Count, 12);
            foreach (int i in rows)
                table.AddRow(new[] { "+" + (i + 1) }.Concat(Projections.Values.Select(p => Markup.Escape(FormatWei(p[i].BlobBaseFee)))).ToArray());
            console.Write(table);

            var chart = new BarChart().Width(60).Label("blob base fee if every block is full (wei)");
            foreach (int i in rows)
                chart.AddItem("+" + (i + 1), (double)Projections[UsageScenario.Full][i].BlobBaseFee, Color.Orange1);
            console.Write(chart);

            var r = Recommendation;
            console.MarkupLine($"recommended for inclusion within {r.WithinBlocks} block(s), even if all are full:");
            console.MarkupLine($"  maxFeePerBlobGas     [bold]{Markup.Escape(FormatWei(r.MaxFeePerBlobGas))}[/] ({D(r.MaxFeePerBlobGas)} wei)");
            console.MarkupLine($"  maxPriorityFeePerGas {Markup.Escape(FormatWei(r.MaxPriorityFeePerGas))} ({Markup.Escape(r.PriorityFeeSource)})");
            console.MarkupLine($"  maxFeePerGas         {Markup.Escape(FormatWei(r.MaxFeePerGas))} (2 × next base fee + tip)");
            var peers = string.Join(", ", Peers().Select(p => $"{p.Name} {FormatWei(p.Bid)}{(p.Bid >= r.MaxFeePerBlobGas ? "" : " (too low if blocks fill)")}"));
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
