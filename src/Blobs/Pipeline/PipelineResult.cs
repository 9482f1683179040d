using Blobs.Rpc;

namespace Blobs.Pipeline;

/// <summary>The outcome of one batch sent and fetched back.</summary>
/// <param name="InputBytes">The batch size in bytes.</param>
/// <param name="Codec">The codec name.</param>
/// <param name="Submission">The transaction as sent, with its receipt.</param>
/// <param name="Fetched">The blobs fetched back through the beacon API, re-committed and matched; null when not fetched.</param>
/// <param name="Verified">True only when the fetched blobs re-commit to the versioned hashes and decode to the input bytes.</param>
/// <param name="Problem">Why verification failed, when it did.</param>
public sealed record PipelineResult(int InputBytes, string Codec, SubmissionResult Submission, RetrievedBlobs? Fetched, bool Verified, string? Problem);
