using System.Buffers.Binary;
using System.Security.Cryptography;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>RANDOM_CHALLENGE_KZG_CELL_BATCH_DOMAIN.</summary>
    public static ReadOnlySpan<byte> CellBatchDomain => "RCKZGCBATCH__V1_"u8;

    /// <summary>
    /// compute_verify_cell_kzg_proof_batch_challenge: hash_to_bls_field(sha256(domain ‖ FIELD_ELEMENTS_PER_BLOB
    /// ‖ FIELD_ELEMENTS_PER_CELL ‖ #commitments ‖ #cells ‖ commitments ‖ for each cell: commitment index ‖
    /// cell index ‖ its 64 elements ‖ proof)), integers as 8-byte big-endian. <paramref name="commitments"/> are
    /// the distinct commitments, <paramref name="cells"/> the cells back to back (canonical, so their bytes
    /// are bls_field_to_bytes of their elements).
    /// </summary>
    public static Fr ComputeVerifyCellKzgProofBatchChallenge(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> commitmentIndices,
        ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs)
    {
        int n = cellIndices.Length;
        if (commitmentIndices.Length != n || proofs.Length != n || cells.Length != n * KzgConstants.BytesPerCell)
            throw new KzgInputException($"cell batch: {commitmentIndices.Length} commitment indices, {n} cell indices, {cells.Length} cell bytes, {proofs.Length} proofs; counts must match");
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> u64 = stackalloc byte[8];
        // 1. Domain separator and the sizes.
        hash.AppendData(CellBatchDomain);
        AppendUInt64(hash, u64, KzgConstants.FieldElementsPerBlob);
        AppendUInt64(hash, u64, KzgConstants.FieldElementsPerCell);
        AppendUInt64(hash, u64, (ulong)commitments.Length);
        AppendUInt64(hash, u64, (ulong)n);
        // 2. The distinct commitments.
        foreach (var c in commitments) hash.AppendData(c.Bytes);
        // 3. Each cell: its commitment index, cell index, evaluations and proof.
        for (int k = 0; k < n; k++)
        {
            AppendUInt64(hash, u64, commitmentIndices[k]);
            AppendUInt64(hash, u64, cellIndices[k]);
            hash.AppendData(cells.Slice(k * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell));
            hash.AppendData(proofs[k].Bytes);
        }
        // 4. hash_to_bls_field: the digest as a big-endian integer modulo r.
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Fr.FromBytesBigEndianReduce(digest);
    }

    private static void AppendUInt64(IncrementalHash hash, Span<byte> buffer, ulong value)
    {
        BinaryPrimitives.WriteUInt64BigEndian(buffer, value);
        hash.AppendData(buffer);
    }
}
