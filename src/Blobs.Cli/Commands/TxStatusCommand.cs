using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Journal;
using Blobs.Rpc;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob tx status [REF] [--journal DIR] [--rpc-url URL]</c>: the batches in the send journal, each with its nonce,
/// attempts (the replacement chain) and journal status; with --rpc-url also where it stands on that chain (included in
/// block N, in the node's pool, unknown to the node, or dropped because its nonce went to another transaction), and
/// the journal is updated accordingly. JSON (--json): an array of entries with <c>id</c>, <c>status</c>,
/// <c>chainId</c>, <c>sender</c>, <c>nonce</c>, <c>contentHash</c>, <c>txHash</c> (latest attempt), <c>attempts</c>,
/// <c>blockNumber</c>, <c>onChain</c>.
/// </summary>
public sealed class TxStatusCommand
{
    private readonly Argument<string?> _ref = new("REF") { Description = "Only this entry: its id, content hash or a transaction hash (prefix of 6+ hex digits).", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _rpcUrl = new("--rpc-url") { HelpName = "URL", Description = "Execution JSON-RPC URL: ask this node where each entry of its chain stands (and record what it says)." };

    /// <summary>Builds <c>tx status</c>.</summary>
    public Command Build()
    {
        var command = new Command("status", "List the journaled batches (blob send records each signed transaction before sending it) and, with --rpc-url, where each stands on chain.");
        command.Arguments.Add(_ref);
        command.Options.Add(JournalCli.JournalDir);
        command.Options.Add(_rpcUrl);
        command.SetAction((parse, ct) => RunAsync(parse, ct));
        return command;
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken ct)
    {
        var (output, err, json) = CommandIo.Of(parse);
        var journal = JournalCli.Open(parse);
        var problems = new List<string>();
        var entries = parse.GetValue(_ref) is { } reference ? JournalCli.Resolve(journal, reference) : journal.List(problems);
        foreach (var p in problems) err.WriteLine("warning: unreadable journal entry: " + p);

        var rows = new List<(JournalEntry Entry, string OnChain)>();
        var rpcUrl = parse.GetValue(_rpcUrl);
        if (rpcUrl is null)
            rows.AddRange(entries.Select(e => (e, "(not asked: no --rpc-url)")));
        else
        {
            using var client = new ExecutionClient(rpcUrl);
            var submitter = new JournaledSubmitter(journal, client, null);
            try
            {
                var (chainId, genesis) = await submitter.ChainAsync(ct);
                foreach (var e in entries)
                {
                    if (e.ChainId != chainId || (e.GenesisHash is { } g && genesis is { } ng && g != ng))
                    {
                        rows.Add((e, $"(chain {e.ChainId}{(e.ChainId == chainId ? ", another genesis" : "")}: not this node's)"));
                        continue;
                    }
                    var (updated, state) = await submitter.RefreshAsync(e, ct);
                    rows.Add((updated, OnChain(updated, state)));
                }
            }
            catch (RpcException ex) { throw new CliException(ex.Message, ExitCodes.Failed, ex); }
        }

        if (json)
        {
            var array = new JsonArray(rows.Select(r => (JsonNode)new JsonObject
            {
                ["id"] = r.Entry.Id,
                ["status"] = JournalEntry.Name(r.Entry.Status),
                ["onChain"] = r.OnChain,
                ["chainId"] = r.Entry.ChainId,
                ["sender"] = r.Entry.Sender.ToString(),
                ["to"] = r.Entry.To.ToString(),
                ["nonce"] = r.Entry.Nonce,
                ["contentHash"] = r.Entry.ContentHash.ToString(),
                ["txHash"] = r.Entry.Latest.TxHash.ToString(),
                ["blockNumber"] = r.Entry.BlockNumber,
                ["includedTx"] = r.Entry.IncludedTx?.ToString(),
                ["blobs"] = r.Entry.Blobs,
                ["bytes"] = r.Entry.Bytes,
                ["createdAt"] = r.Entry.CreatedAt.ToString("O"),
                ["attempts"] = new JsonArray(r.Entry.Attempts.Select(a => (JsonNode)new JsonObject
                {
                    ["txHash"] = a.TxHash.ToString(),
                    ["status"] = JournalEntry.Name(a.Status),
                    ["form"] = a.Form == Sidecars.SidecarVersion.V1 ? "v1" : "v0",
                    ["maxPriorityFeePerGas"] = CliJson.Wei(a.MaxPriorityFeePerGas),
                    ["maxFeePerGas"] = CliJson.Wei(a.MaxFeePerGas),
                    ["maxFeePerBlobGas"] = CliJson.Wei(a.MaxFeePerBlobGas),
                    ["error"] = a.Error,
                }).ToArray()),
            }).ToArray());
            CliJson.Write(output, array);
            return ExitCodes.Ok;
        }
        if (rows.Count == 0)
        {
            output.WriteLine($"no journaled batches in {journal.Directory}");
            return ExitCodes.Ok;
        }
        foreach (var (e, onChain) in rows)
        {
            output.WriteLine($"entry {e.Id}  {JournalEntry.Name(e.Status)}  chain {e.ChainId}  nonce {e.Nonce}  from {e.Sender}");
            output.WriteLine($"  batch    {e.ContentHash} ({e.Bytes} bytes, {e.Blobs} blob(s){(e.Codec is null ? "" : ", " + e.Codec + " codec")}), created {e.CreatedAt:u}");
            foreach (var a in e.Attempts)
                output.WriteLine($"  tx       {a.TxHash}  {JournalEntry.Name(a.Status)}  v{(int)a.Form}  tip {Units.WeiExact(a.MaxPriorityFeePerGas)}  fee cap {Units.WeiExact(a.MaxFeePerGas)}  blob fee cap {Units.WeiExact(a.MaxFeePerBlobGas)}"
                    + (a.Error is null ? "" : $"  last error: {a.Error}"));
            output.WriteLine($"  on chain {onChain}");
        }
        return ExitCodes.Ok;
    }

    private static string OnChain(JournalEntry e, ChainState s) =>
        s.Receipt is { } r ? $"included in block {r.BlockNumber} ({r.TransactionHash}, status {r.Status})"
        : s.Dropped(e) ? $"dropped: the sender's nonce is {s.AccountNonce}, past {e.Nonce}, and no attempt was included"
        : s.Pooled.Count > 0 ? $"pending: in the node's pool ({string.Join(", ", s.Pooled)})"
        : "not known to the node: `blob tx resume` re-broadcasts it";
}

/// <summary>The journal options shared by send, tx status and tx resume.</summary>
internal static class JournalCli
{
    public static readonly Option<string?> JournalDir = new("--journal")
    {
        HelpName = "DIR",
        Description = "The send journal's folder (default: $BLOBS_JOURNAL, else $XDG_STATE_HOME/blobs, else ~/.local/state/blobs).",
    };

    public static BatchJournal Open(ParseResult parse)
    {
        var dir = parse.GetValue(JournalDir) ?? BatchJournal.DefaultDirectory();
        try { return new BatchJournal(dir); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new CliException($"cannot open the send journal at {dir}: {e.Message}", ExitCodes.Failed, e);
        }
    }

    /// <summary>The journal for <c>blob send</c>: none for a devnet the command starts itself (it is gone afterwards) unless --journal is given.</summary>
    public static BatchJournal? ForSend(ParseResult parse, bool selfStartedDevnet) =>
        selfStartedDevnet && parse.GetValue(JournalDir) is null ? null : Open(parse);

    public static IReadOnlyList<JournalEntry> Resolve(BatchJournal journal, string reference)
    {
        IReadOnlyList<JournalEntry> found;
        try { found = journal.Resolve(reference); }
        catch (ArgumentException e) { throw new CliException(e.Message, ExitCodes.InvalidInput, e); }
        if (found.Count == 0) throw new CliException($"no journal entry matches '{reference}' in {journal.Directory}", ExitCodes.InvalidInput);
        return found;
    }
}
