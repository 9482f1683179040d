using System.Buffers.Binary;
using System.Security.Cryptography;
using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>FIAT_SHAMIR_PROTOCOL_DOMAIN.</summary>
    public static ReadOnlySpan<byte> FiatShamirProtocolDomain => "FSBLOBVERIFY_V1_"u8;

    /// <summary>RANDOM_CHALLENGE_KZG_BATCH_DOMAIN.</summary>
    public static ReadOnlySpan<byte> RandomChallengeKzgBatchDomain => "RCKZGBATCH___V1_"u8;

    /// <summary>
    /// compute_challenge: hash_to_bls_field(FIAT_SHAMIR_PROTOCOL_DOMAIN ‖ degree as 16 bytes big-endian ‖
    /// blob ‖ commitment).
    /// </summary>
    public static Fr ComputeChallenge(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> commitment48)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // 1. Domain separator and the degree of the polynomial (FIELD_ELEMENTS_PER_BLOB, 16 bytes big-endian).
        Span<byte> degree = stackalloc byte[16];
        degree.Clear();
        BinaryPrimitives.WriteUInt64BigEndian(degree[8..], KzgConstants.FieldElementsPerBlob);
        sha.AppendData(FiatShamirProtocolDomain);
        sha.AppendData(degree);
        // 2. The blob and the commitment.
        sha.AppendData(blob);
        sha.AppendData(commitment48);
        // 3. hash_to_bls_field.
        Span<byte> digest = stackalloc byte[32];
        sha.GetHashAndReset(digest);
        return HashToBlsField(digest);
    }

    /// <summary>hash_to_bls_field applied to a digest already computed: int.from_bytes(digest, "big") % BLS_MODULUS.</summary>
    public static Fr HashToBlsField(ReadOnlySpan<byte> digest32) => Fr.FromBytesBigEndianReduce(digest32);
}
