using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Vectors;

/// <summary>
/// Finds the official KZG vectors (consensus-spec-tests layout: <c>&lt;handler&gt;/kzg-mainnet/&lt;case&gt;/data.yaml</c>):
/// <c>BLOBS_KZG_VECTORS</c> when set (scripts/test.sh sets it), else <c>&lt;repo&gt;/../shared/vectors/kzg</c>.
/// The vectors are read in place, never copied into the repository.
/// </summary>
internal static class VectorFiles
{
    /// <summary>The twelve handlers of the deneb and fulu KZG test suites.</summary>
    public static readonly string[] Handlers =
    [
        "blob_to_kzg_commitment", "compute_blob_kzg_proof", "compute_cells", "compute_cells_and_kzg_proofs",
        "compute_challenge", "compute_kzg_proof", "compute_verify_cell_kzg_proof_batch_challenge",
        "recover_cells_and_kzg_proofs", "verify_blob_kzg_proof", "verify_blob_kzg_proof_batch",
        "verify_cell_kzg_proof_batch", "verify_kzg_proof",
    ];

    /// <summary>Cases in the official set (consensus-spec-tests for fulu, mainnet preset): the count CI insists on.</summary>
    public const int ExpectedCaseCount = 344;

    /// <summary>Placeholder case name used when the vector directory is missing, so the test reports why.</summary>
    public const string Missing = "<vectors missing>";

    /// <summary>The vector root directory (may not exist).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>True when <see cref="Root"/> exists.</summary>
    public static bool Available => Directory.Exists(Root);

    /// <summary>Why the vectors cannot be read.</summary>
    public static string MissingReason =>
        $"official KZG vectors not found at {Root} (set BLOBS_KZG_VECTORS or place them in ../shared/vectors/kzg beside the repository)";

    /// <summary>The case directory names of a handler, sorted; empty when the directory is missing.</summary>
    public static IReadOnlyList<string> Cases(string handler)
    {
        var dir = Path.Combine(Root, handler, "kzg-mainnet");
        if (!Directory.Exists(dir)) return [];
        return Directory.GetDirectories(dir)
            .Where(d => File.Exists(Path.Combine(d, "data.yaml")))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The data.yaml of a case.</summary>
    public static string DataFile(string handler, string caseName) => Path.Combine(Root, handler, "kzg-mainnet", caseName, "data.yaml");

    private static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BLOBS_KZG_VECTORS");
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
        var repo = TestEnvironment.RepoRoot ?? Directory.GetCurrentDirectory();
        return Path.GetFullPath(Path.Combine(repo, "..", "shared", "vectors", "kzg"));
    }
}
