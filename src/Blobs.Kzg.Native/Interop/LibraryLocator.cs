namespace Blobs.Kzg.Native.Interop;

/// <summary>
/// Finds libckzg.so: an explicit path, else <c>BLOBS_CKZG_PATH</c>, else <c>.tools/native/libckzg.so</c>
/// in the application's base directory or the nearest parent that has one (a source checkout after
/// <c>scripts/bootstrap.sh</c>).
/// </summary>
internal static class LibraryLocator
{
    /// <summary>The environment variable that names the library file.</summary>
    public const string PathVariable = "BLOBS_CKZG_PATH";

    /// <summary>The library's place relative to the repository root.</summary>
    public static readonly string RelativePath = Path.Combine(".tools", "native", "libckzg.so");

    /// <summary>Resolves the library path; on failure <paramref name="why"/> says where it looked and what to do.</summary>
    public static bool TryLocate(string? explicitPath, out string path, out string why)
    {
        why = "";
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            path = Path.GetFullPath(explicitPath);
            if (File.Exists(path)) return true;
            why = $"libckzg.so not found at {path} (NativeKzgOptions.LibraryPath); run scripts/bootstrap.sh";
            return false;
        }
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            path = Path.GetFullPath(fromEnvironment);
            if (File.Exists(path)) return true;
            why = $"libckzg.so not found at {path} ({PathVariable}); run scripts/bootstrap.sh";
            return false;
        }
        var start = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            path = Path.Combine(dir.FullName, RelativePath);
            if (File.Exists(path)) return true;
        }
        path = "";
        why = $"libckzg.so not found at {RelativePath} in {start} or any parent directory, and {PathVariable} is not set; run scripts/bootstrap.sh";
        return false;
    }
}
