namespace Blobs.Cli.Infrastructure;

/// <summary>
/// Where the installed tool finds its helpers outside a repository checkout: BLOBS_TOOLS_DIR (bin/anvil, native/libckzg.so)
/// stands in for BLOBS_CKZG_PATH when that is not set; anvil is also looked up on PATH (see <c>AnvilDevnet.FindAnvil</c>).
/// </summary>
public static class ToolLocations
{
    /// <summary>The variable naming a directory with bin/anvil and native/libckzg.so (what scripts/bootstrap.sh fills as .tools).</summary>
    public const string ToolsDirVariable = "BLOBS_TOOLS_DIR";

    /// <summary>The variable naming libckzg.so for the native KZG backend.</summary>
    public const string CkzgPathVariable = "BLOBS_CKZG_PATH";

    /// <summary>Sets BLOBS_CKZG_PATH to BLOBS_TOOLS_DIR/native/libckzg.so when the first is unset and the file exists.</summary>
    public static void Apply()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(CkzgPathVariable))) return;
        var tools = Environment.GetEnvironmentVariable(ToolsDirVariable);
        if (string.IsNullOrEmpty(tools)) return;
        var lib = Path.Combine(tools, "native", "libckzg.so");
        if (File.Exists(lib)) Environment.SetEnvironmentVariable(CkzgPathVariable, Path.GetFullPath(lib));
    }
}
