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
/// JSON output: every integer (counts, gas, wei, <c>updateFraction</c>, block numbers) is an exact decimal JSON number,
/// never a hex or formatted string; wei amounts can exceed 2^53, so read them with a parser that keeps big integers
/// (Python's json, jq 1.7, System.Text.Json as decimal/BigInteger), not as doubles.
/// Every invalid value is reported on one line naming the option and what was expected (exit code 2).
/// </summary>
public sealed class FeeCommand : ICliCommand
{
    private static readonly BigInteger DefaultOfflineBaseFee = 1_000_000_000;
    private static readonly BigInteger MaxWei = BigInteger.One << 256;

    private static readonly string[] ForkNames = ["cancun", "prague", "osaka", "bpo1", "bpo2"];
    private static readonly string[] ChainNames = ["mainnet", "sepolia", "hoodi"];

    private readonly Option<string?> _rpcUrl = new("--rpc-url") { Description = "Execution node JSON-RPC URL; without it the command works offline." };
    private readonly Option<string?> _blocks = new("--blocks") { Description = "Blocks to project (1–1000, default 10)." };
    private readonly Option<string?> _within = new("--within") { Description = "Recommend a maxFeePerBlobGas valid for inclusion within this many blocks, even if all are full (1–1000, default 3)." };
    private readonly Option<string?> _fork = new("--fork") { Description = "Offline: the fork in force (cancun, prague, osaka, bpo1, bpo2)." };
    private readonly Option<string?> _chain = new("--chain") { Description = "Offline: a built-in chain schedule (mainnet, sepolia, hoodi); with --timestamp." };
    private readonly Option<string?> _timestamp = new("--timestamp") { Description = "Offline: the head block's timestamp (unix seconds; default now with --chain, 0 with --fork)." };
    private readonly Option<string?> _excess = new("--excess-blob-gas") { Description = "Offline: the head block's excessBlobGas (default 0)." };
    private readonly Option<string?> _baseFee = new("--base-fee") { Description = "Offline: the head block's baseFeePerGas in wei, decimal or 0x-hex (default 1000000000; EIP-7918 compares against it)." };
    private readonly Option<string?> _blobGasUsed = new("--blob-gas-used") { Description = "Offline: the head block's blobGasUsed, a multiple of 131072 (default 0)." };

    /// <inheritdoc />
    public Command Build()
    {
        _fork.CompletionSources.Add(ForkNames);
        _chain.CompletionSources.Add(ChainNames);
        var fee = new Command("fee", "Blob fee market: schedule in force, current and next blob base fee, projection, recommended fees. "
            + "In --json every integer (gas, wei, counts) is an exact decimal JSON number.");
        foreach (var o in StateOptions()) fee.Options.Add(o);
        fee.Options.Add(_blocks);
        fee.Options.Add(_within);
        fee.SetAction((parse, ct) => Guard(() => RunFeeAsync(parse, ct)));

        var bytes = new Argument<string>("BYTES") { Description = "Payload length in bytes." };
        var zeros = new Option<string?>("--zero-bytes") { Description = "How many of the payload bytes are zero (calldata prices them lower; default 0, right for compressed data)." };
        var capacity = new Option<string?>("--capacity") { Description = $"Usable bytes per blob, 1–131072 (depends on the codec; default {BlobGasConstants.DefaultBlobCapacityBytes})." };
        var tip = new Option<string?>("--priority-fee") { Description = "Priority fee in wei per gas (default: from recent blocks online, 0 offline)." };
        var cost = new Command("cost", "Cost of a payload as blobs against calldata (EIP-7623), in gas and wei, and the break-even size.");
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
            throw new CliException(OneLine(e), ExitCodes.InvalidInput, e);
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
        var baseFee = parse.GetValue(_baseFee) is { } baseFeeText ? ParseWei(baseFeeText, "--base-fee") : DefaultOfflineBaseFee;
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
                throw new CliException(OneLine(e), ExitCodes.Failed, e);
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
        catch (ArgumentException e) { throw new CliException("--rpc-url: " + OneLine(e), ExitCodes.InvalidInput, e); }
    }

    private async Task<int> RunFeeAsync(ParseResult parse, CancellationToken ct)
    {
        int blocks = Int(parse.GetValue(_blocks), "--blocks", 10, 1, 1000);
        int within = Int(parse.GetValue(_within), "--within", 3, 1, 1000);
        var state = await ReadStateAsync(parse, ct);
        var report = FeeReport.Create(state, blocks, within, parse.GetValue(_rpcUrl));
        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(GlobalOptions.Json)) output.WriteLine(report.ToJson());
        else report.Render(CreateConsole(output));
        return ExitCodes.Ok;
    }

    private async Task<int> RunCostAsync(ParseResult parse, string bytesText, string? zerosText, string? capacityText, string? tipText, CancellationToken ct)
    {
        long bytes = Long(bytesText, "BYTES", "a payload length in bytes");
        long zeros = zerosText is null ? 0 : Long(zerosText, "--zero-bytes", "a byte count");
        if (zeros > bytes) throw new CliException($"--zero-bytes {zeros}: must be between 0 and BYTES ({bytes})", ExitCodes.InvalidInput);
        int capacity = Int(capacityText, "--capacity", BlobGasConstants.DefaultBlobCapacityBytes, 1, 131072);
        BigInteger? tipOption = tipText is null ? null : ParseWei(tipText, "--priority-fee");
        var state = await ReadStateAsync(parse, ct);
        BigInteger tip = tipOption ?? (parse.GetValue(_rpcUrl) is not null ? BlobFeeForecaster.PriorityFee(state).Fee : 0);
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
                Num(w, "blobBaseFee", blobFee);
                Num(w, "baseFeePerGas", baseFee);
                Num(w, "priorityFeePerGas", tip);
                Num(w, "payloadBytes", cost.PayloadBytes);
                Num(w, "zeroBytes", cost.ZeroBytes);
                Num(w, "blobCapacityBytes", capacity);
                Num(w, "blobs", cost.Blobs);
                Num(w, "blobTransactions", cost.BlobTransactions);
                Num(w, "blobGas", cost.BlobGas);
                Num(w, "blobTxGas", cost.BlobTxGas);
                Num(w, "blobCostWei", cost.BlobCostWei);
                Num(w, "calldataTokens", cost.CalldataTokens);
                Num(w, "calldataGas", cost.CalldataGas);
                Num(w, "calldataStandardGas", cost.CalldataStandardGas);
                Num(w, "calldataCostWei", cost.CalldataCostWei);
                w.WriteBoolean("calldataExceedsTransactionGasCap", cost.CalldataExceedsTransactionGasCap);
                w.WriteString("cheaper", cost.CalldataCheaper ? "calldata" : "blobs");
                if (cost.BreakEvenBytes is { } be) Num(w, "breakEvenBytes", be); else w.WriteNull("breakEvenBytes");
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
        console.MarkupLine(cost.BreakEvenBytes is { } n ? $"break-even: from {n} byte(s) of non-zero data, blobs cost no more than calldata" : "break-even: none up to 6 blobs — calldata stays cheaper at these prices");
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

    /// <summary>A wei amount: a non-negative decimal or 0x-hex integer.</summary>
    private static BigInteger ParseWei(string text, string option)
    {
        if ((text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
                ? text.Length is > 2 and <= 66 && BigInteger.TryParse("0" + text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var v)
                : text.Length is > 0 and <= 78 && BigInteger.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out v))
            && v < MaxWei)
            return v;
        throw new CliException($"{option} '{text}': expected a non-negative integer in wei (decimal or 0x-hex, at most 256 bits)", ExitCodes.InvalidInput);
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

    /// <summary>The first line of an exception's message, without .NET's " (Parameter 'x')" suffix.</summary>
    private static string OneLine(Exception e)
    {
        var line = e.Message.ReplaceLineEndings(" ").Trim();
        int p = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return p > 0 ? line[..p] : line;
    }

    /// <summary>Writes an integer property as an exact JSON number of any size.</summary>
    internal static void Num(Utf8JsonWriter w, string name, BigInteger value)
    {
        w.WritePropertyName(name);
        w.WriteRawValue(D(value));
    }

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
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
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
            if (State.ChainId is { } id) Num(w, "chainId", id);
            w.WriteString("scheduleSource", State.ScheduleSource);
            w.WriteString("fork", Fork.Name);
            w.WriteNumber("target", Fork.Schedule.Target);
            w.WriteNumber("max", Fork.Schedule.Max);
            Num(w, "updateFraction", Fork.Schedule.UpdateFraction);
            w.WriteBoolean("eip7918", Fork.ReservePrice);
            Num(w, "headBlock", State.Head.Number);
            Num(w, "timestamp", State.Head.Timestamp);
            Num(w, "excessBlobGas", State.Head.ExcessBlobGas);
            Num(w, "blobGasUsed", State.Head.BlobGasUsed);
            Num(w, "baseFeePerGas", State.Head.BaseFeePerGas);
            Num(w, "blobBaseFee", BlobBaseFee);
            w.WriteString("nextFork", NextFork.Name);
            w.WriteNumber("nextTarget", NextFork.Schedule.Target);
            w.WriteNumber("nextMax", NextFork.Schedule.Max);
            Num(w, "nextUpdateFraction", NextFork.Schedule.UpdateFraction);
            w.WriteBoolean("reservePriceActive", ReserveActive);
            Num(w, "nextExcessBlobGas", NextExcess);
            Num(w, "nextBlobBaseFee", NextBlobBaseFee);
            if (State.NodeBlobBaseFee is { } nb) Num(w, "nodeBlobBaseFee", nb);
            if (State.NodeNextBlobBaseFee is { } nn) Num(w, "nodeNextBlobBaseFee", nn);
            // How sure each number is: the next block depends only on the head; "full" bounds every usage from above.
            w.WriteStartObject("certainty");
            w.WriteString("nextBlock", "exact: the next block's excess and fee depend only on the head");
            w.WriteString("full", "upper bound: no usage pattern and no execution base fee gives a higher fee");
            w.WriteString("otherScenarios", "assume that usage and an execution base fee of " + D(State.NextBaseFeePerGas ?? State.Head.BaseFeePerGas) + " wei (EIP-7918 compares against it)");
            w.WriteEndObject();
            w.WriteStartObject("projection");
            foreach (var (scenario, list) in Projections)
            {
                w.WriteStartArray(scenario.ToString().ToLowerInvariant());
                foreach (var b in list)
                {
                    w.WriteStartObject();
                    w.WriteNumber("offset", b.Offset);
                    Num(w, "block", b.Number);
                    w.WriteString("fork", b.Fork);
                    Num(w, "excessBlobGas", b.ExcessBlobGas);
                    Num(w, "blobBaseFee", b.BlobBaseFee);
                    w.WriteNumber("blobsUsed", b.BlobsUsed);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
            w.WriteStartObject("recommendation");
            w.WriteNumber("withinBlocks", Recommendation.WithinBlocks);
            Num(w, "maxFeePerBlobGas", Recommendation.MaxFeePerBlobGas);
            Num(w, "maxPriorityFeePerGas", Recommendation.MaxPriorityFeePerGas);
            Num(w, "maxFeePerGas", Recommendation.MaxFeePerGas);
            w.WriteString("priorityFeeSource", Recommendation.PriorityFeeSource);
            w.WriteEndObject();
            w.WriteStartObject("peers");
            foreach (var (name, bid) in Peers())
            {
                w.WriteStartObject(name);
                Num(w, "maxFeePerBlobGas", bid);
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
            console.MarkupLine($"+1 is exact (it depends only on the head); [bold]full[/] is an upper bound for any usage; target, empty and replay assume an execution base fee of {Markup.Escape(FormatWei(State.NextBaseFeePerGas ?? State.Head.BaseFeePerGas))} (EIP-7918)");

            var chart = new BarChart().Width(60).Label("blob base fee if every block is full (wei)");
            foreach (int i in rows)
                chart.AddItem("+" + (i + 1), (double)Projections[UsageScenario.Full][i].BlobBaseFee, Color.Orange1);
            console.Write(chart);

            var r = Recommendation;
            console.MarkupLine($"recommended for inclusion within {r.WithinBlocks} block(s), even if all are full:");
            string exact = r.MaxFeePerBlobGas < 1_000_000 ? "" : $" ({D(r.MaxFeePerBlobGas)} wei)";
            console.MarkupLine($"  maxFeePerBlobGas     [bold]{Markup.Escape(FormatWei(r.MaxFeePerBlobGas))}[/]{exact}");
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
