using System.CommandLine;
using System.Text.Json.Nodes;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;

namespace Blobs.Cli.Commands;

/// <summary>
/// <c>blob cells FILE</c>: the EIP-7594 cells of a blob and their KZG proofs (compute_cells_and_kzg_proofs).
/// Text output: the 128 cell proofs, one 0x-hex line each, in cell order. <c>--json</c>: one object with
/// <c>cells</c> (128 × 0x-hex of 2048 bytes) and <c>proofs</c> (128 × 0x-hex of 48 bytes). <c>--cells-dir DIR</c>
/// also writes the cells as <c>cell-000.bin</c> … <c>cell-127.bin</c> (2048 raw bytes each), the input of
/// <c>blob recover --dir</c>.
/// </summary>
public sealed class CellsCommand : ICliCommand
{
    private readonly Argument<FileInfo> _file = new("FILE") { Description = "The blob: 131072 raw bytes, or their 0x-hex text." };
    private readonly Option<DirectoryInfo?> _cellsDir = new("--cells-dir") { HelpName = "DIR", Description = "Also write the 128 cells into this directory as cell-000.bin … cell-127.bin." };

    /// <inheritdoc />
    public Command Build()
    {
        var command = new Command("cells", "Compute the 128 cells of a blob's extension and their KZG cell proofs (EIP-7594); prints the proofs in cell order.");
        command.Arguments.Add(_file);
        command.Options.Add(_cellsDir);
        command.SetAction(Run);
        return command;
    }

    private int Run(ParseResult parse)
    {
        var (output, _, json) = CommandIo.Of(parse);
        var file = parse.GetValue(_file)!;
        var blob = InputFiles.ReadExact(file.FullName, KzgConstants.BytesPerBlob, "blob");
        var firstBad = KzgValidation.FindBlobError(blob, file.Name);
        if (firstBad is not null) throw new KzgInputException(firstBad);

        var cells = new byte[KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        using (var kzg = GlobalOptions.CreateKzg(parse)) kzg.ComputeCellsAndKzgProofs(blob, cells, proofs);

        var dir = parse.GetValue(_cellsDir);
        if (dir is not null) CellFiles.WriteAll(dir, cells);

        if (json)
        {
            var o = new JsonObject
            {
                ["cells"] = CliJson.Strings(Enumerable.Range(0, KzgConstants.CellsPerExtBlob).Select(i => Hex.Encode(CellFiles.Cell(cells, i)))),
                ["proofs"] = CliJson.Strings(proofs),
            };
            if (dir is not null) o["cellsDir"] = dir.FullName;
            CliJson.Write(output, o);
        }
        else
        {
            foreach (var proof in proofs) output.WriteLine(proof.ToString());
        }
        return ExitCodes.Ok;
    }
}

/// <summary>Cell files: <c>cell-NNN.bin</c> (2048 raw bytes) or <c>cell-NNN.hex</c> (0x-hex text).</summary>
internal static class CellFiles
{
    /// <summary>The name of cell <paramref name="index"/>'s file.</summary>
    public static string Name(int index) => $"cell-{index:D3}.bin";

    /// <summary>Cell <paramref name="index"/> of 128 cells back to back.</summary>
    public static ReadOnlySpan<byte> Cell(byte[] cells, int index) => cells.AsSpan(index * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell);

    /// <summary>Writes the 128 cells into <paramref name="dir"/> (created if missing).</summary>
    public static void WriteAll(DirectoryInfo dir, byte[] cells)
    {
        Directory.CreateDirectory(dir.FullName);
        for (int i = 0; i < KzgConstants.CellsPerExtBlob; i++)
            File.WriteAllBytes(Path.Combine(dir.FullName, Name(i)), Cell(cells, i).ToArray());
    }

    /// <summary>
    /// The cell index a file name stands for (<c>cell-5.bin</c>, <c>cell-005.hex</c>), or null when the name
    /// does not have that shape.
    /// </summary>
    public static int? IndexOf(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName);
        var ext = Path.GetExtension(fileName);
        if (!stem.StartsWith("cell-", StringComparison.Ordinal) || ext is not (".bin" or ".hex")) return null;
        var digits = stem["cell-".Length..];
        if (digits.Length is 0 or > 3 || !digits.All(char.IsAsciiDigit)) return null;
        return int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
    }
}
