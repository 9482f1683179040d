namespace Blobs.Kzg.Tests.Infrastructure;

/// <summary>Where the tests run: CI or a developer machine, and where the repository is.</summary>
internal static class TestEnvironment
{
    /// <summary>True under CI (CI=true): missing vectors or a missing native library fail instead of skipping.</summary>
    public static bool IsCI { get; } =
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ||
        Environment.GetEnvironmentVariable("CI") == "1";

    /// <summary>The repository root (the directory holding Blobs.sln above the test assembly), or null.</summary>
    public static string? RepoRoot { get; } = FindRepoRoot();

    /// <summary>
    /// Skips the test with <paramref name="reason"/>, except under CI where a missing prerequisite is a
    /// failure (the CI run must really run the official vectors on the native backend).
    /// </summary>
    public static void SkipOrFailUnderCI(string reason)
    {
        if (IsCI) Assert.Fail("CI=true: " + reason);
        throw new Xunit.SkipException(reason);
    }

    private static string? FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Blobs.sln"))) return dir.FullName;
        }
        return null;
    }
}
