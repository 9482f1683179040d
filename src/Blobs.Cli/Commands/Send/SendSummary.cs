using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Codecs;
using Blobs.Pipeline;
using Blobs.Sidecars;
using Spectre.Console;

namespace Blobs.Cli.Commands.Send;

/// <summary>
/// The result of <c>blob send</c>: a summary table on stdout (blobs, bytes, fill ratio, versioned hashes, transaction,
/// block, blob gas, fees paid, the calldata comparison, the verdict), or one JSON object with --json.
/// </summary>
internal sealed record SendSummary(PipelineResult Result, int InputBytes, IBlobCodec Codec, int Blobs, string RpcUrl, string? BeaconUrl, string? Devnet, SendCost? Cost)
{
    /// <summary>Bytes the blobs hold on chain: blobs × 131072.</summary>
    public long BlobBytes => (long)Blobs * BlobSidecar.BytesPerBlob;

    /// <summary>Payload bytes the blobs can carry with the codec.</summary>
    public long UsableBytes => Codec.Capacity(Blobs);

    /// <summary>Input bytes ÷ usable bytes.</summary>
    public double FillRatio => UsableBytes == 0 ? 0 : (double)InputBytes / UsableBytes;

    /// <summary>The JSON object (field names documented in the README and on <see cref="SendCommand"/>).</summary>
    public JsonObject ToJson()
    {
        var submission = Result.Submission;
        var tx = submission.Sent.Transaction;
        var receipt = submission.Receipt;
        return new JsonObject
        {
            ["txHash"] = submission.Hash.ToString(),
            ["blockNumber"] = receipt?.BlockNumber,
            ["blockHash"] = receipt?.BlockHash.ToString(),
            ["status"] = receipt?.Status,
            ["blobVersionedHashes"] = CliJson.Strings(tx.BlobVersionedHashes),
            ["blobGasUsed"] = receipt?.BlobGasUsed,
            ["blobGasPrice"] = CliJson.Wei(receipt?.BlobGasPrice),
            ["blobFeePaid"] = CliJson.Wei(receipt?.BlobFeePaid),
            ["gasUsed"] = receipt?.GasUsed,
            ["effectiveGasPrice"] = CliJson.Wei(receipt?.EffectiveGasPrice),
            ["executionFeePaid"] = CliJson.Wei(Cost?.ExecutionFeeWei),
            ["calldataGas"] = Cost?.CalldataGas,
            ["calldataCost"] = CliJson.Wei(Cost?.CalldataCostWei),
            ["calldataExceedsTxGasCap"] = Cost?.CalldataExceedsTransactionGasCap,
            ["verified"] = Result.Verified,
            ["problem"] = Result.Problem,
            ["from"] = tx.Sender().ToString(),
            ["to"] = tx.To.ToString(),
            ["nonce"] = tx.Nonce,
            ["chainId"] = tx.ChainId,
            ["maxFeePerBlobGas"] = CliJson.Wei(tx.MaxFeePerBlobGas),
            ["sidecar"] = submission.Form == SidecarVersion.V1 ? "v1" : "v0",
            ["blobs"] = Blobs,
            ["inputBytes"] = InputBytes,
            ["blobBytes"] = BlobBytes,
            ["usableBytes"] = UsableBytes,
            ["fillRatio"] = Math.Round(FillRatio, 6),
            ["codec"] = Codec.Name,
            ["rpcUrl"] = RpcUrl,
            ["beaconUrl"] = BeaconUrl,
            ["fetchedFrom"] = Result.Fetched?.Endpoint,
            ["devnet"] = Devnet is not null,
            ["notes"] = CliJson.Strings(submission.Notes),
        };
    }

    /// <summary>Writes the JSON object, indented.</summary>
    public void WriteJson(TextWriter output) => CliJson.Write(output, ToJson());

    /// <summary>Writes the summary table.</summary>
    public void WriteTable(IAnsiConsole console)
    {
        var submission = Result.Submission;
        var tx = submission.Sent.Transaction;
        var receipt = submission.Receipt;
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        table.Title = new TableTitle(Result.Verified ? "blob send: sent, included, fetched back and verified" : "blob send");
        void Row(string name, string value) => table.AddRow(new Markup("[bold]" + Markup.Escape(name) + "[/]"), new Markup(value));
        string E(string s) => Markup.Escape(s);

        Row("tx hash", E(submission.Hash.ToString()));
        if (receipt is not null)
            Row("block", E($"{receipt.BlockNumber} ({receipt.BlockHash})") + (receipt.Status == 1 ? "" : $" [red]status {receipt.Status}[/]"));
        Row("blobs", E($"{Blobs} ({(submission.Form == SidecarVersion.V1 ? "v1 sidecar: 128 cell proofs per blob" : "v0 sidecar: one blob proof per blob")})"));
        Row("bytes", E($"{Units.Count(InputBytes)} in, {Units.Count(BlobBytes)} on chain ({Codec.Name} codec)"));
        Row("fill ratio", E($"{Units.Percent(FillRatio)} of {Units.Count(UsableBytes)} usable bytes"));
        Row("versioned hashes", E(string.Join("\n", tx.BlobVersionedHashes.Select((h, i) => $"[{i}] {h}"))));
        if (receipt is not null && Cost is { } cost)
        {
            Row("blob gas", E($"{Units.Count(cost.BlobGasUsed)} × {Units.Wei(cost.BlobGasPrice)}"));
            Row("blob fee paid", E(Units.Wei(cost.BlobFeeWei)));
            Row("execution fee", E($"{Units.Count(cost.GasUsed)} gas × {Units.Wei(cost.EffectiveGasPrice)} = {Units.Wei(cost.ExecutionFeeWei)}"));
            var ratio = cost.CalldataRatio >= 1
                ? $"{cost.CalldataRatio:0.#}× the blob transaction's {Units.Wei(cost.TotalWei)}"
                : $"less than the blob transaction's {Units.Wei(cost.TotalWei)}: calldata would have been cheaper here";
            Row("as calldata", E($"{Units.Count(cost.CalldataGas)} gas × {Units.Wei(cost.EffectiveGasPrice)} = {Units.Wei(cost.CalldataCostWei)} (EIP-7623), {ratio}")
                + (cost.CalldataExceedsTransactionGasCap ? " [yellow](over the 2^24 gas cap of one transaction)[/]" : ""));
        }
        foreach (var note in submission.Notes) Row("note", E(note));
        if (Devnet is not null) Row("devnet", E(Devnet));
        Row("verified", Result.Verified
            ? $"[green]yes[/]: {E($"fetched back ({Result.Fetched!.Endpoint}, block {Result.Fetched.BlockId}), re-committed to the versioned hashes, decoded to the {Units.Count(InputBytes)} input bytes")}"
            : $"[red]no[/]: {E(Result.Problem ?? "unknown")}");
        console.Write(table);
    }
}
