using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Journal;
using Blobs.Rpc;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob tx resume [REF|--all] --rpc-url URL [--bump] [--stuck-after S] [--wait S]</c>: picks up journaled batches that
/// are not included: re-broadcasts the latest signed bytes (same nonce), or — with --bump, or when the latest attempt
/// is older than --stuck-after — signs a replacement with every fee doubled (needs the key), journals it and sends it.
/// Included entries are reported, dropped ones (nonce taken by another transaction) are never sent again.
/// Exit 0 when every entry named is sent or included, 1 otherwise. JSON: an array of {id, action (included, rebroadcast,
/// replaced, dropped or failed), txHash, nonce, status, blockNumber, notes, error}.
/// </summary>
public sealed class TxResumeCommand
{
    private readonly Argument<string?> _ref = new("REF") { Description = "The entry: its id, content hash or a transaction hash (prefix of 6+ hex digits).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<bool> _all = new("--all") { Description = "Every entry of the node's chain that is not included or dropped." };
    private readonly Option<string> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL of the node to send to (on the entry's chain).", Required = true };
    private readonly Option<bool> _bump = new("--bump") { Description = "Replace with every fee doubled (tip, fee cap, blob fee cap) instead of re-broadcasting; needs the key." };
    private readonly Option<int> _stuckAfter = new("--stuck-after") { HelpName = "SECONDS", Description = "Replace with doubled fees when the latest attempt has waited at least this many seconds and the key is given (0: never; without the key it is re-broadcast).", DefaultValueFactory = _ => 300 };
    private readonly Option<int> _wait = new("--wait") { HelpName = "SECONDS", Description = "Seconds to wait for inclusion afterwards (0: do not wait).", DefaultValueFactory = _ => 0 };

    /// <summary>Builds <c>tx resume</c>.</summary>
    public Command Build()
    {
        var command = new Command("resume", "Re-broadcast a journaled batch that is not included (same bytes, same nonce), or replace it with doubled fees when --bump or stuck.");
        command.Arguments.Add(_ref);
        command.Options.Add(_all);
        command.Options.Add(JournalCli.JournalDir);
        command.Options.Add(_rpcUrl);
        command.Options.Add(_bump);
        command.Options.Add(_stuckAfter);
        command.Options.Add(_wait);
        command.Options.Add(TxCli.PrivateKey);
        command.Options.Add(TxCli.Keystore);
        command.Options.Add(TxCli.PasswordFile);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var reference = parse.GetValue(_ref);
        bool all = parse.GetValue(_all);
        if ((reference is null) == !all) throw new CliException("name one entry (REF) or pass --all", ExitCodes.InvalidInput);
        int stuck = parse.GetValue(_stuckAfter), wait = parse.GetValue(_wait);
        if (stuck < 0 || wait < 0) throw new CliException("--stuck-after and --wait take a number of seconds (0 or more)", ExitCodes.InvalidInput);
        var journal = JournalCli.Open(parse);
        var key = TxCli.TryKey(parse, err);
        using var client = new ExecutionClient(parse.GetValue(_rpcUrl)!);
        var submitter = new JournaledSubmitter(journal, client, null);
        var options = new ResumeOptions
        {
            Bump = parse.GetValue(_bump),
            StuckAfter = stuck == 0 ? null : TimeSpan.FromSeconds(stuck),
            WaitForReceipt = wait > 0,
            ReceiptTimeout = TimeSpan.FromSeconds(Math.Max(wait, 1)),
            Status = new Progress<string>(line => { if (!json) err.WriteLine("· " + line); }),
        };

        var results = new List<(JournalEntry Entry, ResumeOutcome? Outcome, string? Error)>();
        try
        {
            IReadOnlyList<JournalEntry> entries;
            if (reference is not null) entries = JournalCli.Resolve(journal, reference);
            else
            {
                var (chainId, genesis) = await submitter.ChainAsync(ct);
                entries = journal.List().Where(e => e.ChainId == chainId && (e.GenesisHash is null || genesis is null || e.GenesisHash == genesis)
                    && e.Status is not (JournalStatus.Included or JournalStatus.Dropped)).ToArray();
            }
            if (reference is not null && entries.Count > 1)
                throw new CliException($"'{reference}' matches {entries.Count} entries ({string.Join(", ", entries.Select(e => e.Id))}); give more digits", ExitCodes.InvalidInput);
            foreach (var entry in entries)
            {
                try { results.Add((entry, await submitter.ResumeAsync(entry, key, options, ct), null)); }
                catch (Exception e) when (e is RpcException or InvalidOperationException or TimeoutException or JournalFormatException)
                {
                    results.Add((entry, null, e.Message));
                }
            }
        }
        catch (RpcException e) { throw new CliException(e.Message, ExitCodes.Failed, e); }

        if (json)
        {
            CliJson.Write(output, new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Entry.Id,
                ["action"] = ActionName(r.Outcome?.Action),
                ["txHash"] = r.Outcome?.Hash?.ToString(),
                ["nonce"] = r.Entry.Nonce,
                ["status"] = JournalEntry.Name(r.Outcome?.Entry.Status ?? r.Entry.Status),
                ["blockNumber"] = r.Outcome?.Receipt?.BlockNumber ?? r.Outcome?.Entry.BlockNumber,
                ["notes"] = CliJson.Strings(r.Outcome?.Notes ?? []),
                ["error"] = r.Error,
            }).ToArray()));
        }
        else
        {
            if (results.Count == 0) output.WriteLine("nothing to resume");
            foreach (var (entry, outcome, error) in results)
            {
                output.WriteLine($"entry {entry.Id}  nonce {entry.Nonce}: " + (outcome is null ? $"FAILED: {error}"
                    : outcome.Action switch
                    {
                        ResumeAction.AlreadyIncluded => $"included in block {outcome.Entry.BlockNumber} ({outcome.Hash})",
                        ResumeAction.Rebroadcast => $"re-broadcast {outcome.Hash}",
                        ResumeAction.Replaced => $"replaced by {outcome.Hash}",
                        _ => "dropped (nonce taken by another transaction); not sent",
                    }));
                foreach (var n in outcome?.Notes ?? []) output.WriteLine("  note " + n);
                if (outcome?.Receipt is { } r && outcome.Action != ResumeAction.AlreadyIncluded) output.WriteLine($"  included in block {r.BlockNumber}");
            }
        }
        return results.All(r => r.Outcome is { Action: not ResumeAction.Dropped }) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>The action in --json: included (nothing to send), rebroadcast, replaced, dropped (never sent again), or failed.</summary>
    private static string ActionName(ResumeAction? action) => action switch
    {
        ResumeAction.AlreadyIncluded => "included",
        ResumeAction.Rebroadcast => "rebroadcast",
        ResumeAction.Replaced => "replaced",
        ResumeAction.Dropped => "dropped",
        _ => "failed",
    };
}
