using System.CommandLine;
using System.Numerics;
using Blobs.Cli.Commands.Send;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Devnet;
using Blobs.Journal;
using Blobs.Kzg;
using Blobs.Pipeline;
using Blobs.Rpc;
using Blobs.Sidecars;
using Blobs.Transactions;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob send FILE</c>: the main job. Encodes the file into blobs, computes commitments and proofs, builds and signs a
/// type-3 transaction, checks the blob fee cap and the sender's funds, sends it, waits for the receipt, fetches the blobs
/// back through the beacon API, re-commits them, matches the versioned hashes, decodes and compares with the file.
/// Without --rpc-url it starts a local anvil devnet itself (and stops it afterwards) and uses its dev key.
/// Progress goes to stderr (live on a terminal, plain lines otherwise), the summary table to stdout.
/// JSON output (--json), one object: <c>txHash</c>, <c>blockNumber</c> (number), <c>blockHash</c>, <c>status</c>,
/// <c>blobVersionedHashes</c>, <c>blobGasUsed</c> (number), <c>blobGasPrice</c>, <c>blobFeePaid</c>, <c>gasUsed</c> (number),
/// <c>effectiveGasPrice</c>, <c>executionFeePaid</c>, <c>calldataGas</c> (number), <c>calldataCost</c>,
/// <c>calldataExceedsTxGasCap</c>, <c>verified</c>, <c>problem</c>, <c>from</c>, <c>to</c>, <c>nonce</c>, <c>chainId</c>,
/// <c>maxFeePerBlobGas</c>, <c>sidecar</c> ("v0"/"v1"), <c>blobs</c>, <c>inputBytes</c>, <c>blobBytes</c>, <c>usableBytes</c>,
/// <c>fillRatio</c>, <c>codec</c>, <c>rpcUrl</c>, <c>beaconUrl</c>, <c>fetchedFrom</c>, <c>devnet</c>, <c>notes</c>;
/// amounts in wei as decimal strings.
/// </summary>
public sealed class SendCommand : ICliCommand
{
    /// <summary>Where blobs go by default: the conventional burn address (the transaction carries no value).</summary>
    public const string DefaultTo = "0x000000000000000000000000000000000000dEaD";

    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The batch to send (any bytes; packed into blobs by --codec)." };
    private readonly Option<string?> _to = new("--to") { HelpName = "ADDRESS", Description = $"Recipient address (default {DefaultTo}; the transaction carries no value)." };
    private readonly Option<string?> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL of a devnet or testnet; without it, a local anvil devnet is started for the run and stopped afterwards." };
    private readonly Option<string?> _beaconUrl = new("--beacon-url") { HelpName = "URL", Description = "Beacon API URL to fetch the blobs back from (default: the local devnet's; with --rpc-url none, and nothing is verified)." };
    private readonly Option<string?> _chain = new("--chain") { HelpName = "CHAIN", Description = "With --rpc-url: the chain the node must be on (mainnet, sepolia, hoodi or a chain id); checked before anything is signed." };
    private readonly Option<string> _hardfork = new("--hardfork") { Description = "Hardfork of the local devnet: osaka (v1 cell proofs), prague or cancun (v0 blob proofs).", DefaultValueFactory = _ => "osaka" };
    private readonly Option<int> _maxBlobs = new("--max-blobs") { HelpName = "N", Description = "The most blobs the file may take (1–6; a transaction carries at most 6 since Fusaka).", DefaultValueFactory = _ => BlobPipeline.MaxBlobsPerTransaction };
    private readonly Option<int> _timeout = new("--timeout") { HelpName = "SECONDS", Description = "Seconds to wait for inclusion.", DefaultValueFactory = _ => 120 };

    /// <inheritdoc />
    public Command Build()
    {
        _hardfork.AcceptOnlyFromAmong("osaka", "prague", "cancun");
        var command = new Command("send", "Send a file as a blob transaction, wait for it, fetch the blobs back and verify them. "
            + "Without --rpc-url it runs on a local anvil devnet of its own (started and stopped for the run, dev key by default); "
            + "otherwise the key comes from BLOB_PRIVATE_KEY, --keystore or --private-key.");
        command.Arguments.Add(_file);
        command.Options.Add(_rpcUrl);
        command.Options.Add(_beaconUrl);
        command.Options.Add(_chain);
        command.Options.Add(_to);
        TxCli.AddSendOptions(command);
        command.Options.Add(_maxBlobs);
        command.Options.Add(_hardfork);
        command.Options.Add(_timeout);
        command.Options.Add(JournalCli.JournalDir);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    /// <summary>Everything the run needs, read and checked before any process is started or any node is called.</summary>
    private sealed record Request(FileInfo File, byte[] Data, IBlobCodec Codec, int Blobs, int MaxBlobs, SidecarVersion? Sidecar, BigInteger? MaxFeePerBlobGas,
        TimeSpan Timeout, string? RpcUrl, string? BeaconUrl, ulong? ChainId, string Hardfork, ReadOnlyMemory<byte>? Key, Address To, BatchJournal? Journal);

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var request = await ReadRequestAsync(parse, err, ct);
        // The KZG setup takes seconds to load: load it while the devnet starts (and while anvil loads its own).
        var kzgLoad = Task.Run(() => (Context: TxCli.TryKzg(parse, out var why), Why: why), ct);

        var progress = SendProgress.For(err, json);
        progress.Blobs = request.Blobs;
        var summary = await progress.RunAsync(() => SendAsync(request, kzgLoad, progress, ct));

        if (json) summary.WriteJson(output);
        else summary.WriteTable(Terminal.ConsoleFor(output, plainWidth: 160));
        bool verifyAttempted = summary.BeaconUrl is not null && summary.Result.Submission.Receipt is not null;
        return !verifyAttempted || summary.Result.Verified ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private async Task<Request> ReadRequestAsync(ParseResult parse, TextWriter err, CancellationToken ct)
    {
        var file = parse.GetValue(_file)!;
        if (!file.Exists) throw new CliException($"file not found: {file.FullName}", ExitCodes.InvalidInput);
        int maxBlobs = parse.GetValue(_maxBlobs);
        if (maxBlobs > BlobPipeline.MaxBlobsPerTransaction)
            throw new CliException($"--max-blobs {maxBlobs}: too many blobs; a transaction carries at most {BlobPipeline.MaxBlobsPerTransaction} since Fusaka (EIP-7594): split the batch over several transactions", ExitCodes.InvalidInput);
        if (maxBlobs < 1) throw new CliException($"--max-blobs {maxBlobs}: must be at least 1", ExitCodes.InvalidInput);
        var codec = TxCli.Codec(parse);
        var data = await File.ReadAllBytesAsync(file.FullName, ct);
        int blobs = codec.BlobsNeeded(data.Length);
        if (blobs > maxBlobs)
            throw new CliException($"{file.Name} is too large for {maxBlobs} blob(s): {data.Length} bytes need {blobs} blobs with the {codec.Name} codec, "
                + $"{maxBlobs} blob(s) hold {codec.Capacity(maxBlobs)} bytes; split the file or compress it"
                + (maxBlobs < BlobPipeline.MaxBlobsPerTransaction ? $", or raise --max-blobs (up to {BlobPipeline.MaxBlobsPerTransaction})" : ""), ExitCodes.InvalidInput);
        int timeout = parse.GetValue(_timeout);
        if (timeout < 1) throw new CliException($"--timeout {timeout}: must be at least 1 second", ExitCodes.InvalidInput);

        var rpcUrl = parse.GetValue(_rpcUrl);
        var chain = parse.GetValue(_chain);
        if (chain is not null && rpcUrl is null)
            throw new CliException($"--chain {chain} needs --rpc-url (a node on that chain); without --rpc-url blob send uses its own local devnet", ExitCodes.InvalidInput);
        // With --rpc-url the key must be given; on its own devnet blob send signs with the dev key unless one is given.
        ReadOnlyMemory<byte>? key = rpcUrl is null ? TxCli.TryKey(parse, err) : TxCli.RequireKey(parse, err);
        return new Request(file, data, codec, blobs, maxBlobs, TxCli.SidecarChoice(parse),
            Units.ParseWeiOrNull(parse.GetValue(TxCli.MaxFeePerBlobGas), "--max-fee-per-blob-gas"), TimeSpan.FromSeconds(timeout),
            rpcUrl, parse.GetValue(_beaconUrl), chain is null ? null : ChainPresets.ChainId(chain), parse.GetValue(_hardfork)!, key,
            TxCli.ParseAddress(parse.GetValue(_to) ?? DefaultTo, "--to"), JournalCli.ForSend(parse, selfStartedDevnet: rpcUrl is null));
    }

    private static async Task<SendSummary> SendAsync(Request request, Task<(KzgContext? Context, string? Why)> kzgLoad, SendProgress progress, CancellationToken ct)
    {
        AnvilDevnet? devnet = null;
        Task<string?>? warmUp = null;
        try
        {
            // 1. The chain: a local devnet started for this run, or the node given.
            string rpcUrl, devnetText;
            string? beaconUrl = request.BeaconUrl;
            ReadOnlyMemory<byte> key;
            if (request.RpcUrl is null)
            {
                progress.Step($"starting a local anvil devnet ({request.Hardfork})");
                try { devnet = await AnvilDevnet.StartAsync(new AnvilOptions { Hardfork = request.Hardfork }, ct); }
                catch (AnvilNotFoundException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
                rpcUrl = devnet.RpcUrl;
                beaconUrl ??= devnet.BeaconUrl;
                key = request.Key ?? devnet.DevPrivateKey;
                devnetText = $"anvil {devnet.Hardfork} at {devnet.RpcUrl}, chain {devnet.ChainId}";
                // anvil loads its KZG settings on the first blob transaction (seconds): let it happen while we compute proofs.
                warmUp = devnet.WarmUpKzgAsync(ct);
                progress.Step($"devnet: {devnetText}", done: true);
            }
            else
            {
                rpcUrl = request.RpcUrl;
                key = request.Key!.Value;
                devnetText = "";
            }

            // 2. The KZG backend (loading since the start).
            if (!kzgLoad.IsCompleted) progress.Step("loading the KZG trusted setup");
            var (kzg, kzgProblem) = await kzgLoad;
            if (kzg is null)
                throw new CliException($"cannot compute commitments and proofs: {kzgProblem}; point {ToolLocations.CkzgPathVariable} at a libckzg.so (scripts/bootstrap.sh builds one)", ExitCodes.Failed);
            progress.Step("KZG trusted setup loaded", done: true);

            // 3. The pipeline.
            using var execution = new ExecutionClient(rpcUrl);
            using var beacon = beaconUrl is null ? null : new BeaconClient(beaconUrl);
            var options = new PipelineOptions
            {
                Submit = new SubmitOptions
                {
                    Sidecar = request.Sidecar,
                    MaxFeePerBlobGas = request.MaxFeePerBlobGas,
                    ExpectedChainId = request.ChainId,
                    ReceiptTimeout = request.Timeout,
                    Status = progress.Status,
                    BlobDone = progress.BlobDone,
                },
                MaxBlobs = request.MaxBlobs,
                Stages = progress.Stages,
                Journal = request.Journal,
            };
            PipelineResult result;
            try
            {
                result = await BlobPipeline.RunAsync(execution, beacon, kzg, request.Data, request.Codec, request.To, key, options, ct);
            }
            catch (Exception e) when (Explain(e, request, rpcUrl) is { } friendly) { throw friendly; }

            var receipt = result.Submission.Receipt;
            var cost = receipt is null ? null : SendCost.Of(request.Data, receipt);
            return new SendSummary(result, request.Data.Length, request.Codec, request.Blobs, rpcUrl, beaconUrl,
                devnet is null ? null : devnetText + " (stopped after the run)", cost);
        }
        finally
        {
            if (devnet is not null)
            {
                if (warmUp is not null) await warmUp.ContinueWith(_ => { }, TaskScheduler.Default);
                await devnet.DisposeAsync();
                progress.Step("devnet stopped", done: true);
            }
        }
    }

    /// <summary>One line that says what went wrong and what to do, for the failures a user can act on; null for the rest.</summary>
    private static CliException? Explain(Exception e, Request request, string rpcUrl) => e switch
    {
        BatchTooLargeException b => new CliException(
            $"{request.File.Name} is too large for {b.MaxBlobs} blob(s): {b.Bytes} bytes need {b.BlobsNeeded} blobs with the {b.Codec} codec; split the file or compress it", ExitCodes.InvalidInput, e),
        BlobFeeCapTooLowException f => new CliException(
            $"--max-fee-per-blob-gas {f.Cap} wei is below the current blob base fee {f.BlobBaseFee} wei at {f.Endpoint}: the transaction could not be included; "
            + $"raise it to at least {f.BlobBaseFee} (--max-fee-per-blob-gas {f.Suggested} leaves room for the fee to rise), or leave it out to use 2 × the current fee", ExitCodes.Failed, e),
        InsufficientFundsException f => new CliException(
            $"insufficient funds: {f.Account} has {f.Balance} wei but the transaction may cost up to {f.Required} wei ({f.Breakdown}); "
            + $"send at least {f.Shortfall} wei to {f.Account}, or lower the fee caps", ExitCodes.Failed, e),
        SidecarRefusedException { Form: SidecarVersion.V0 } s => new CliException(
            $"the node at {s.Endpoint} refused the v0 (blob proof) sidecar ({s.NodeMessage}); since Fusaka (Osaka) nodes take only v1 cell-proof sidecars: "
            + "use --sidecar v1, or --sidecar auto to let blob pick the form", ExitCodes.Failed, e),
        SidecarRefusedException s => new CliException(
            $"the node at {s.Endpoint} refused the v1 (cell proof) sidecar ({s.NodeMessage}); before Fusaka (Osaka) nodes take only v0 blob-proof sidecars: "
            + "use --sidecar v0, or --sidecar auto to let blob pick the form", ExitCodes.Failed, e),
        RpcException r => new CliException(r.Message, ExitCodes.Failed, e),
        TimeoutException t => new CliException(t.Message, ExitCodes.Failed, e),
        InvalidOperationException i when i.Message.Contains("not the expected", StringComparison.Ordinal) => new CliException(
            $"{i.Message}: check --rpc-url and --chain ({ChainPresets.Describe(request.ChainId ?? 0)})", ExitCodes.Failed, e),
        _ => null,
    };
}
