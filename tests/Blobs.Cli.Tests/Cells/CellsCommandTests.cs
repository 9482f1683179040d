using System.Text.Json;
using Blobs.Cli;
using Blobs.Kzg;
using static Blobs.Cli.Tests.Cli;

namespace Blobs.Cli.Tests.Cells;

/// <summary><c>blob cells</c> and <c>blob recover</c>: output shape, agreement with the KZG library, the round trip, errors.</summary>
public sealed class CellsCommandTests : IDisposable
{
    private const int CellsBytes = KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell;
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("blob-cells-test-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly Lazy<(KzgContext? Context, Exception? Error)> s_native = new(() => Create(KzgBackendKind.Native));
    private static readonly Lazy<(KzgContext? Context, Exception? Error)> s_managed = new(() => Create(KzgBackendKind.Managed));

    private static (KzgContext?, Exception?) Create(KzgBackendKind kind)
    {
        try { return (KzgBackends.CreateContext(kind), null); }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException) { return (null, e); }
    }

    /// <summary>
    /// The library context a test compares the command with (one per backend and process): native skips without
    /// libckzg (fails with CI=true); managed skips until it has cell proofs.
    /// </summary>
    private static KzgContext Backend(string name)
    {
        var (context, error) = name == "native" ? s_native.Value : s_managed.Value;
        if (context is not null) return context;
        bool ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (ci && name == "native") Assert.Fail("CI=true: " + error!.Message);
        throw new SkipException($"{name} backend unavailable: {error!.Message}");
    }

    private static void RequireCells(KzgContext kzg, string name)
    {
        try
        {
            kzg.ComputeCellsAndKzgProofs(new byte[KzgConstants.BytesPerBlob], new byte[CellsBytes], new KzgProof[KzgConstants.CellsPerExtBlob]);
        }
        catch (NotSupportedException e)
        {
            throw new SkipException($"{name} backend has no cell proofs yet: {e.Message}");
        }
    }

    private static byte[] RandomBlob(int seed)
    {
        var blob = new byte[KzgConstants.BytesPerBlob];
        new Random(seed).NextBytes(blob);
        for (int i = 0; i < blob.Length; i += 32) blob[i] &= 0x3f;
        return blob;
    }

    private string WriteBlob(byte[] blob, string name = "blob.bin")
    {
        var path = Path.Combine(_dir.FullName, name);
        File.WriteAllBytes(path, blob);
        return path;
    }

    [SkippableTheory]
    [InlineData("native")]
    [InlineData("managed")]
    public async Task Cells_prints_the_128_proofs_in_cell_order(string backend)
    {
        var kzg = Backend(backend);
        RequireCells(kzg, backend);
        var blob = RandomBlob(1);
        var (code, output, err) = await Run("cells", WriteBlob(blob), "--kzg", backend);
        Assert.True(code == 0, err);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var expected = new KzgProof[KzgConstants.CellsPerExtBlob];
        kzg.ComputeCellsAndKzgProofs(blob, new byte[CellsBytes], expected);
        Assert.Equal(expected.Select(p => p.ToString()), lines);
        Assert.All(lines, l => Assert.Matches("^0x[0-9a-f]{96}$", l));
    }

    [SkippableTheory]
    [InlineData("native")]
    [InlineData("managed")]
    public async Task Cells_json_has_cells_and_proofs_and_accepts_hex_input(string backend)
    {
        var kzg = Backend(backend);
        RequireCells(kzg, backend);
        var blob = RandomBlob(2);
        var hexFile = Path.Combine(_dir.FullName, "blob.hex");
        File.WriteAllText(hexFile, Hex.Encode(blob) + "\n");
        var (code, output, err) = await Run("cells", hexFile, "--json", "--kzg", backend);
        Assert.True(code == 0, err);
        var j = JsonConvention.Parse(output);
        var cells = new byte[CellsBytes];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        kzg.ComputeCellsAndKzgProofs(blob, cells, proofs);
        var jsonCells = j.GetProperty("cells").EnumerateArray().Select(c => c.GetString()).ToArray();
        Assert.Equal(KzgConstants.CellsPerExtBlob, jsonCells.Length);
        for (int i = 0; i < jsonCells.Length; i++)
            Assert.Equal(Hex.Encode(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)), jsonCells[i]);
        Assert.Equal(proofs.Select(p => p.ToString()), j.GetProperty("proofs").EnumerateArray().Select(p => p.GetString()));
        // The first 64 cells of the extension are the blob itself.
        Assert.Equal(Hex.Encode(blob), "0x" + string.Concat(jsonCells.Take(64).Select(c => c![2..])));
    }

    /// <summary>The plumbing round trip, on the default backend (the library's own tests compare the backends).</summary>
    [Theory]
    [InlineData(64)]
    [InlineData(97)]
    public async Task Cells_dir_then_recover_dir_gives_the_blob_back(int keep)
    {
        var blob = RandomBlob(keep);
        var cellsDir = Path.Combine(_dir.FullName, "cells");
        var (code, _, err) = await Run("cells", WriteBlob(blob), "--cells-dir", cellsDir);
        Assert.True(code == 0, err);
        Assert.Equal(KzgConstants.CellsPerExtBlob, Directory.GetFiles(cellsDir, "cell-*.bin").Length);
        var rng = new Random(keep);
        foreach (var drop in Enumerable.Range(0, 128).OrderBy(_ => rng.Next()).Take(128 - keep))
            File.Delete(Path.Combine(cellsDir, $"cell-{drop:D3}.bin"));

        var outFile = Path.Combine(_dir.FullName, "recovered.bin");
        (code, var output, err) = await Run("recover", "--dir", cellsDir, "--out", outFile);
        Assert.True(code == 0, err);
        Assert.Contains($"from {keep} of 128 cells", output);
        Assert.Equal(blob, File.ReadAllBytes(outFile));
    }

    [SkippableFact]
    public async Task Recover_takes_index_file_pairs_in_any_order_and_prints_hex_and_json()
    {
        var kzg = Backend("native");
        var blob = RandomBlob(7);
        var cells = new byte[CellsBytes];
        var proofs = new KzgProof[KzgConstants.CellsPerExtBlob];
        kzg.ComputeCellsAndKzgProofs(blob, cells, proofs);
        var rng = new Random(7);
        var chosen = Enumerable.Range(0, 128).OrderBy(_ => rng.Next()).Take(70).ToArray(); // shuffled on purpose
        var args = new List<string> { "recover" };
        foreach (var i in chosen)
        {
            var path = Path.Combine(_dir.FullName, $"c{i}.hex");
            File.WriteAllText(path, Hex.Encode(cells.AsSpan(i * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell)));
            args.Add($"{i}={path}");
        }
        var (code, output, err) = await Run([.. args]);
        Assert.True(code == 0, err);
        Assert.Equal(Hex.Encode(blob), output.Trim());

        (code, output, err) = await Run([.. args, "--json"]);
        Assert.True(code == 0, err);
        var j = JsonConvention.Parse(output);
        Assert.Equal(Hex.Encode(blob), j.GetProperty("blob").GetString());
        Assert.Equal(chosen.Order(), j.GetProperty("cellIndices").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(58, j.GetProperty("missingCellIndices").GetArrayLength());
        Assert.Equal(proofs.Select(p => p.ToString()), j.GetProperty("proofs").EnumerateArray().Select(p => p.GetString()));
    }

    [Fact]
    public async Task Cells_rejects_a_file_that_is_not_a_blob()
    {
        var (code, _, err) = await Run("cells", WriteBlob(new byte[1000]));
        Assert.Equal(2, code);
        Assert.Contains("131072", err);

        var bad = RandomBlob(3);
        bad[5 * 32] = 0xff; // element 5 ≥ BLS_MODULUS
        (code, _, err) = await Run("cells", WriteBlob(bad, "bad.bin"));
        Assert.Equal(2, code);
        Assert.Contains("field element 5", err);

        (code, _, err) = await Run("cells", Path.Combine(_dir.FullName, "missing.bin"));
        Assert.Equal(2, code);
        Assert.Contains("not found", err);
    }

    [Fact]
    public async Task Recover_rejects_bad_cell_lists_with_a_precise_message()
    {
        var cell = Path.Combine(_dir.FullName, "cell.bin");
        File.WriteAllBytes(cell, new byte[KzgConstants.BytesPerCell]);

        var (code, _, err) = await Run("recover");
        Assert.Equal(2, code);
        Assert.Contains("no cells given", err);

        (code, _, err) = await Run("recover", $"128={cell}");
        Assert.Equal(2, code);
        Assert.Contains("0 to 127", err);

        (code, _, err) = await Run("recover", $"3={cell}", $"3={cell}");
        Assert.Equal(2, code);
        Assert.Contains("cell index 3 is given twice", err);

        (code, _, err) = await Run("recover", $"x{cell}");
        Assert.Equal(2, code);
        Assert.Contains("INDEX=FILE", err);

        var few = Enumerable.Range(0, 63).Select(i => $"{i}={cell}").Prepend("recover").ToArray();
        (code, _, err) = await Run(few);
        Assert.Equal(2, code);
        Assert.Contains("63 cells given; recovery needs at least 64", err);

        var shortCell = Path.Combine(_dir.FullName, "short.bin");
        File.WriteAllBytes(shortCell, new byte[100]);
        var withShort = Enumerable.Range(0, 64).Select(i => $"{i}={(i == 9 ? shortCell : cell)}").Prepend("recover").ToArray();
        (code, _, err) = await Run(withShort);
        Assert.Equal(2, code);
        Assert.Contains("short.bin: 100 bytes, a cell is 2048 bytes", err);

        var badCell = Path.Combine(_dir.FullName, "noncanonical.bin");
        var bytes = new byte[KzgConstants.BytesPerCell];
        bytes[63 * 32] = 0x80;
        File.WriteAllBytes(badCell, bytes);
        var withBad = Enumerable.Range(0, 64).Select(i => $"{i}={(i == 20 ? badCell : cell)}").Prepend("recover").ToArray();
        (code, _, err) = await Run(withBad);
        Assert.Equal(2, code);
        Assert.Contains("(cell 20): field element 63 is not canonical", err);
    }
}
