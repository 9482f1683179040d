using System.CommandLine;

namespace Blobs.Cli.Infrastructure;

/// <summary>
/// One top-level sub-command of <c>blob</c> (with its own sub-commands, if any). Every
/// non-abstract implementation in the assembly is found and added to the root command, so a
/// new command is one new file under <c>Commands/</c>.
/// </summary>
public interface ICliCommand
{
    /// <summary>Builds the command with its options, arguments and action.</summary>
    Command Build();
}
