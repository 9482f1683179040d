namespace Blobs.Kzg.Managed;

/// <summary>Tuning of the managed KZG backend. The defaults suit a single-threaded caller.</summary>
public sealed record ManagedKzgOptions
{
    /// <summary>
    /// Threads one call may use: the per-blob work of verify_blob_kzg_proof_batch (challenge and
    /// evaluation of each blob, point decoding) and the table build are shared out over this many threads.
    /// 1 (the default) keeps every call on the calling thread.
    /// </summary>
    public int MaxDegreeOfParallelism { get; init; } = 1;

    /// <summary>
    /// Window width c of the fixed-base tables over the 4096 Lagrange points (table memory:
    /// 4096·⌈257/c⌉·96 bytes, 7.5 MiB at 13). 13 measured best on the machines this was tuned on.
    /// </summary>
    public int FixedBaseWindow { get; init; } = 13;

    /// <summary>
    /// Build the fixed-base tables when the backend is created instead of on the first commitment or
    /// proof (useful to keep the build out of a latency-sensitive first call).
    /// </summary>
    public bool PrecomputeAtLoad { get; init; }

    /// <summary>
    /// Run the eight-lane AVX-512 code (MSM bucket additions, barycentric sums) when the CPU has it (the
    /// default). False selects the portable scalar code, e.g. to test it on a machine with AVX-512.
    /// </summary>
    public bool UseAvx512 { get; init; } = true;
}
