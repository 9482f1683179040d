using System.Buffers;

namespace Blobs.Kzg.Native;

/// <summary>The EIP-4844 functions (deneb polynomial-commitments.md) through c-kzg.</summary>
public sealed unsafe partial class NativeKzgBackend
{
    /// <summary>blob_to_kzg_commitment.</summary>
    public KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        Span<byte> commitment = stackalloc byte[KzgCommitment.Size];
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* c = commitment)
        {
            ret = _lib.BlobToKzgCommitment(c, b, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "blob_to_kzg_commitment", null);
        return KzgCommitment.FromBytes(commitment);
    }

    /// <summary>compute_kzg_proof: the proof for p(z) and y = p(z).</summary>
    public (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        Span<byte> proof = stackalloc byte[KzgProof.Size];
        Span<byte> y = stackalloc byte[KzgConstants.BytesPerFieldElement];
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* zp = z.Bytes)
        fixed (byte* p = proof)
        fixed (byte* yp = y)
        {
            ret = _lib.ComputeKzgProof(p, yp, b, zp, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "compute_kzg_proof", null);
        return (KzgProof.FromBytes(proof), FieldElement.FromBytes(y, "y"));
    }

    /// <summary>compute_blob_kzg_proof.</summary>
    public KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        Span<byte> proof = stackalloc byte[KzgProof.Size];
        var c = commitment.Bytes;
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* cp = c)
        fixed (byte* p = proof)
        {
            ret = _lib.ComputeBlobKzgProof(p, b, cp, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "compute_blob_kzg_proof", FindBadPoint(c, "commitment", indexed: false));
        return KzgProof.FromBytes(proof);
    }

    /// <summary>verify_kzg_proof.</summary>
    public bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof)
    {
        var c = commitment.Bytes;
        var p = proof.Bytes;
        byte ok = 0;
        int ret;
        using (var lease = Acquire())
        fixed (byte* cp = c)
        fixed (byte* zp = z.Bytes)
        fixed (byte* yp = y.Bytes)
        fixed (byte* pp = p)
        {
            ret = _lib.VerifyKzgProof(&ok, cp, zp, yp, pp, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "verify_kzg_proof", FindBadPoint(c, "commitment", false) ?? FindBadPoint(p, "proof", false));
        return ok != 0;
    }

    /// <summary>verify_blob_kzg_proof.</summary>
    public bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        var c = commitment.Bytes;
        var p = proof.Bytes;
        byte ok = 0;
        int ret;
        using (var lease = Acquire())
        fixed (byte* b = blob)
        fixed (byte* cp = c)
        fixed (byte* pp = p)
        {
            ret = _lib.VerifyBlobKzgProof(&ok, b, cp, pp, lease.Settings);
        }
        if (ret != 0) throw Failure(ret, "verify_blob_kzg_proof", FindBadPoint(c, "commitment", false) ?? FindBadPoint(p, "proof", false));
        return ok != 0;
    }

    /// <summary>verify_blob_kzg_proof_batch; <paramref name="blobs"/> is n blobs back to back.</summary>
    public bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs)
    {
        int n = commitments.Length;
        if (proofs.Length != n || blobs.Length != n * KzgConstants.BytesPerBlob)
            throw new KzgInputException($"batch: {blobs.Length} blob bytes, {commitments.Length} commitments, {proofs.Length} proofs; counts must match");
        if (n == 0) return true;
        int size = n * KzgCommitment.Size;
        byte[]? rented = null;
        Span<byte> points = size * 2 <= StackLimit ? stackalloc byte[size * 2] : (rented = ArrayPool<byte>.Shared.Rent(size * 2)).AsSpan(0, size * 2);
        try
        {
            var c = points[..size];
            var p = points[size..];
            Pack(commitments, c);
            Pack(proofs, p);
            byte ok = 0;
            int ret;
            using (var lease = Acquire())
            fixed (byte* b = blobs)
            fixed (byte* cp = c)
            fixed (byte* pp = p)
            {
                ret = _lib.VerifyBlobKzgProofBatch(&ok, b, cp, pp, (ulong)n, lease.Settings);
            }
            if (ret != 0) throw Failure(ret, "verify_blob_kzg_proof_batch", FindBadPoint(c, "commitment", true) ?? FindBadPoint(p, "proof", true));
            return ok != 0;
        }
        finally
        {
            Return(rented);
        }
    }

    /// <summary>compute_challenge (deneb), through c-kzg's internal function via the Blobs shim.</summary>
    public FieldElement ComputeChallenge(ReadOnlySpan<byte> blob, in KzgCommitment commitment)
    {
        RequireLength(blob.Length, KzgConstants.BytesPerBlob, "blob");
        Span<byte> challenge = stackalloc byte[KzgConstants.BytesPerFieldElement];
        var c = commitment.Bytes;
        int ret;
        fixed (byte* b = blob)
        fixed (byte* cp = c)
        fixed (byte* r = challenge)
        {
            ret = _lib.ComputeChallenge(r, b, cp);
        }
        if (ret != 0) throw Failure(ret, "compute_challenge", FindBadPoint(c, "commitment", false));
        return FieldElement.FromBytes(challenge, "challenge");
    }
}
