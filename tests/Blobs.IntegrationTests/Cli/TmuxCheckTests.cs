using System.Diagnostics;
using Blobs.IntegrationTests.Transactions;

namespace Blobs.IntegrationTests.Cli;

/// <summary>
/// The CLI in a real terminal: scripts/tmux-check.sh runs <c>./blob send samples/batch.jsonl</c> in tmux and checks the
/// live progress display (spinner, proof row, inclusion row), the summary table, colours, and none with NO_COLOR.
/// Skipped where tmux is not installed.
/// </summary>
public class TmuxCheckTests
{
    [SkippableFact]
    public void Send_in_tmux_shows_the_progress_display_and_the_summary()
    {
        TxTools.Bin();
        TxTools.Kzg();
        Skip.If(!File.Exists("/usr/bin/tmux") && !File.Exists("/usr/local/bin/tmux"), "tmux is not installed");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = CliProcess.RepoRoot() };
        psi.ArgumentList.Add(Path.Combine(CliProcess.RepoRoot(), "scripts", "tmux-check.sh"));
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(600_000), "tmux-check did not finish in 10 minutes");
        Assert.True(p.ExitCode == 0, $"{error.Result}\n{output.Result}");
        Assert.Contains("tmux-check: colour ok", output.Result);
        Assert.Contains("tmux-check: no-color ok", output.Result);
    }
}
