using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob recover</c>: rebuilds a blob from at least 64 of its 128 cells (recover_cells_and_kzg_proofs).
/// Cells come as <c>INDEX=FILE</c> arguments and/or from <c>--dir DIR</c> (files <c>cell-NNN.bin</c> or
/// <c>cell-NNN.hex</c>, as <c>blob cells --cells-dir</c> writes them); each file holds 2048 raw bytes or
/// their 0x-hex text. Any order is accepted (the command sorts by index); a repeated index is an error.
/// The blob (the first 64 recovered cells) goes to <c>--out FILE</c> as 131072 raw bytes, or to standard
/// output as 0x-hex. <c>--json</c>: <c>blob</c>, <c>out</c>, <c>cellIndices</c> (given), <c>missingCellIndices</c>
/// and the 128 recovered <c>proofs</c>.
/// </summary>
public sealed class RecoverCommand : ICliCommand
{
    private readonly Argument<string[]> _cells = new("CELL")
    {
        Description = "A cell as INDEX=FILE (index 0–127; the file holds 2048 raw bytes or their 0x-hex text).",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<DirectoryInfo?> _dir = new("--dir") { HelpName = "DIR", Description = "Read every cell-NNN.bin / cell-NNN.hex file in this directory." };
    private readonly Option<FileInfo?> _out = new("--out", "-o") { HelpName = "FILE", Description = "Write the recovered blob here (131072 raw bytes) instead of printing its hex." };

    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("recover", "Recover a blob (and all 128 cell proofs) from at least half of its cells (EIP-7594).");
        command.Arguments.Add(_cells);
        command.Options.Add(_dir);
        command.Options.Add(_out);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var (output, _, json) = CommandIo.Of(parse);
        var sources = new SortedDictionary<int, string>();
        foreach (var arg in parse.GetValue(_cells) ?? [])
        {
            int eq = arg.IndexOf('=');
            if (eq <= 0 || eq == arg.Length - 1)
                throw new CliException($"cell '{arg}': expected INDEX=FILE", ExitCodes.InvalidInput);
            Add(sources, ParseIndex(arg[..eq], arg), arg[(eq + 1)..]);
        }
        var dir = parse.GetValue(_dir);
        if (dir is not null)
        {
            if (!dir.Exists) throw new CliException($"--dir {dir.FullName}: directory not found", ExitCodes.InvalidInput);
            foreach (var path in Directory.EnumerateFiles(dir.FullName).Order(StringComparer.Ordinal))
            {
                var index = CellFiles.IndexOf(Path.GetFileName(path));
                if (index is null) continue;
                if (index >= KzgConstants.CellsPerExtBlob)
                    throw new CliException($"{path}: cell index {index} is out of range (0–{KzgConstants.CellsPerExtBlob - 1})", ExitCodes.InvalidInput);
                Add(sources, index.Value, path);
            }
        }
        if (sources.Count == 0)
            throw new CliException("no cells given: pass INDEX=FILE arguments or --dir DIR", ExitCodes.InvalidInput);
        if (sources.Count < KzgConstants.CellsPerExtBlob / 2)
            throw new CliException($"{sources.Count} cells given; recovery needs at least {KzgConstants.CellsPerExtBlob / 2} of the {KzgConstants.CellsPerExtBlob}", ExitCodes.InvalidInput);

        var indices = sources.Keys.Select(i => (ulong)i).ToArray();
        var cells = new byte[indices.Length * KzgConstants.BytesPerCell];
        int k = 0;
        foreach (var (index, path) in sources)
        {
            var cell = InputFiles.ReadExact(path, KzgConstants.BytesPerCell, "cell");
            var problem = FindCellError(cell);
            if (problem is not null) throw new KzgInputException($"{path} (cell {index}): {problem}");
            cell.CopyTo(cells, k++ * KzgConstants.BytesPerCell);
        }

        var recovered = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        using (var kzg = GlobalOptions.CreateKzg(parse)) kzg.RecoverCellsAndKzgProofs(indices, cells, recovered, proofs);
        var blob = recovered.AsSpan(0, KzgConstants.BytesPerBlob);
        var outFile = parse.GetValue(_out);
        if (outFile is not null) File.WriteAllBytes(outFile.FullName, blob.ToArray());

        if (json)
        {
            var missing = Enumerable.Range(0, KzgConstants.CellsPerExtBlob).Where(i => !sources.ContainsKey(i));
            var o = new JsonObject
            {
                ["blob"] = Hex.Encode(blob),
                ["out"] = outFile?.FullName,
                ["cellIndices"] = CliJson.Numbers(sources.Keys),
                ["missingCellIndices"] = CliJson.Numbers(missing),
                ["proofs"] = CliJson.Strings(proofs),
            };
            CliJson.Write(output, o);
        }
        else if (outFile is not null)
        {
            output.WriteLine($"recovered blob from {sources.Count} of {KzgConstants.CellsPerExtBlob} cells → {outFile.FullName} ({KzgConstants.BytesPerBlob} bytes)");
        }
        else
        {
            output.WriteLine(Hex.Encode(blob));
        }
        return ExitCodes.Ok;
    }

    private static int ParseIndex(string text, string arg)
    {
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int index) || index >= KzgConstants.CellsPerExtBlob)
            throw new CliException($"cell '{arg}': index '{text}' must be a number from 0 to {KzgConstants.CellsPerExtBlob - 1}", ExitCodes.InvalidInput);
        return index;
    }

    private static void Add(SortedDictionary<int, string> sources, int index, string path)
    {
        if (sources.TryGetValue(index, out var earlier))
            throw new CliException($"cell index {index} is given twice ({earlier} and {path})", ExitCodes.InvalidInput);
        sources.Add(index, path);
    }

    private static string? FindCellError(ReadOnlySpan<byte> cell)
    {
        int bad = KzgValidation.FirstNonCanonical(cell);
        return bad < 0 ? null : $"field element {bad} is not canonical (value ≥ BLS_MODULUS)";
    }
}
