namespace Blobs.Kzg.Native;

/// <summary>How <see cref="NativeKzgBackend"/> loads c-kzg.</summary>
public sealed record NativeKzgOptions
{
    /// <summary>The environment variable that overrides the default <see cref="Precompute"/> (0–15).</summary>
    public const string PrecomputeVariable = "BLOBS_CKZG_PRECOMPUTE";

    /// <summary>c-kzg's recommended precompute window (fixed-base tables for FK20 cell proofs, ~100 MB more memory).</summary>
    public const int DefaultPrecompute = 8;

    /// <summary>
    /// The <c>precompute</c> argument of load_trusted_setup, 0–15: the window size in bits of the
    /// fixed-base MSM tables used by compute_cells_and_kzg_proofs and recover_cells_and_kzg_proofs
    /// (0 = no tables: less memory and a faster load, slower cell proofs). Other functions are unaffected.
    /// </summary>
    public int Precompute { get; init; } = DefaultPrecompute;

    /// <summary>The library file; null means <c>BLOBS_CKZG_PATH</c>, else <c>.tools/native/libckzg.so</c> above the application.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>
    /// The options used by <see cref="NativeKzgBackend.TryCreate"/>: precompute from
    /// <c>BLOBS_CKZG_PRECOMPUTE</c> when it holds 0–15, else <see cref="DefaultPrecompute"/>.
    /// </summary>
    public static NativeKzgOptions FromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(PrecomputeVariable);
        return int.TryParse(text, out int p) && p is >= 0 and <= 15 ? new NativeKzgOptions { Precompute = p } : new NativeKzgOptions();
    }
}
