using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Devnet;
using Blobs.Kzg;
using Spectre.Console;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob devnet</c>: starts a local anvil devnet on 127.0.0.1 and keeps it running until Ctrl-C (or SIGTERM), printing
/// its RPC URL, beacon URL, chain id, hardfork, dev address and dev key (anvil's well-known public test key).
/// JSON output (--json), one object, printed once the devnet answers: <c>rpcUrl</c>, <c>beaconUrl</c>, <c>chainId</c> (number),
/// <c>hardfork</c>, <c>port</c> (number), <c>devAddress</c>, <c>devPrivateKey</c>, <c>devKeyIsPublic</c> (true), <c>anvil</c> (path),
/// <c>pid</c> (number), <c>blockTime</c> (seconds or null).
/// </summary>
public sealed class DevnetCommand : ICliCommand
{
    private readonly Option<string> _hardfork = new("--hardfork") { Description = "Hardfork: osaka (v1 cell-proof sidecars), prague or cancun (v0 blob-proof sidecars).", DefaultValueFactory = _ => "osaka" };
    private readonly Option<int> _port = new("--port") { HelpName = "PORT", Description = "Port on 127.0.0.1 (default: a free one).", DefaultValueFactory = _ => 0 };
    private readonly Option<int?> _blockTime = new("--block-time") { HelpName = "SECONDS", Description = "Mine a block every S seconds (default: one block per transaction, at once)." };

    /// <inheritdoc />
    public Command Build()
    {
        _hardfork.AcceptOnlyFromAmong("osaka", "prague", "cancun");
        var command = new Command("devnet", "Start a local anvil devnet and keep it running until Ctrl-C: prints its RPC URL, beacon URL (same port), "
            + "chain id and funded dev key.");
        command.Options.Add(_hardfork);
        command.Options.Add(_port);
        command.Options.Add(_blockTime);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        int port = parse.GetValue(_port);
        if (port is < 0 or > 65535) throw new CliException($"--port {port}: expected 1-65535 (or 0 for a free port)", ExitCodes.InvalidInput);
        int? blockTime = parse.GetValue(_blockTime);
        if (blockTime is < 1) throw new CliException($"--block-time {blockTime}: must be at least 1 second", ExitCodes.InvalidInput);
        var options = new AnvilOptions { Hardfork = parse.GetValue(_hardfork)!, Port = port, BlockTimeSeconds = blockTime };

        AnvilDevnet devnet;
        try { devnet = await AnvilDevnet.StartAsync(options, ct); }
        catch (AnvilNotFoundException e) when (e.PortInUse)
        {
            throw new CliException($"port {port} on 127.0.0.1 is already in use: pick another --port, or leave it out for a free one", ExitCodes.Failed, e);
        }
        catch (AnvilNotFoundException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }
        await using (devnet)
        {
            var key = Hex.Encode(devnet.DevPrivateKey.Span);
            if (json)
            {
                var o = new JsonObject
                {
                    ["rpcUrl"] = devnet.RpcUrl,
                    ["beaconUrl"] = devnet.BeaconUrl,
                    ["chainId"] = devnet.ChainId,
                    ["hardfork"] = devnet.Hardfork,
                    ["port"] = devnet.Port,
                    ["devAddress"] = devnet.DevAddress.ToString(),
                    ["devPrivateKey"] = key,
                    ["devKeyIsPublic"] = true,
                    ["anvil"] = devnet.AnvilPath,
                    ["pid"] = devnet.ProcessId,
                    ["blockTime"] = blockTime,
                };
                CliJson.Write(output, o, oneLine: true);
            }
            else
            {
                var console = Terminal.ConsoleFor(output);
                var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
                void Row(string name, string value) => grid.AddRow(new Markup("[bold]" + Markup.Escape(name) + "[/]"), new Markup(value));
                Row("RPC URL", Markup.Escape(devnet.RpcUrl));
                Row("beacon URL", Markup.Escape(devnet.BeaconUrl) + " (anvil serves /eth/v1/beacon/blobs on the same port)");
                Row("chain id", devnet.ChainId.ToString(System.Globalization.CultureInfo.InvariantCulture));
                Row("hardfork", Markup.Escape(devnet.Hardfork) + (blockTime is { } bt ? $", a block every {bt} s" : ", a block per transaction"));
                Row("dev address", Markup.Escape(devnet.DevAddress.ToString()) + " (10000 ETH)");
                Row("dev key", Markup.Escape(key));
                console.MarkupLine($"[green]devnet running[/] (anvil pid {devnet.ProcessId}); Ctrl-C stops it");
                console.Write(grid);
                console.MarkupLine("[yellow]The dev key is anvil's well-known public test key: never use it on a real chain.[/]");
                output.WriteLine("Send to it from another shell:");
                output.WriteLine($"  BLOB_PRIVATE_KEY={key} blob send FILE --rpc-url {devnet.RpcUrl} --beacon-url {devnet.BeaconUrl}");
            }
            output.Flush();
            // Let anvil load its KZG settings now, so that the first blob transaction sent to it is not the slow one.
            var warmUp = devnet.WarmUpKzgAsync(ct);

            // Run until Ctrl-C / SIGTERM (the token), or until anvil dies by itself.
            try { await devnet.WaitForExitAsync(ct); }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                await warmUp.ContinueWith(_ => { }, TaskScheduler.Default);
                if (!json) err.WriteLine("· stopping the devnet");
                return ExitCodes.Ok;
            }
            throw new CliException($"anvil exited by itself (code {devnet.ExitCode?.ToString() ?? "?"}): {devnet.RecentOutput.Split('\n').LastOrDefault(l => l.Trim().Length > 0) ?? "no output"}", ExitCodes.Failed);
        }
    }
}
