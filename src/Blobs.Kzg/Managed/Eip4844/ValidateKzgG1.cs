using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// bytes_to_kzg_commitment / validate_kzg_g1: decodes a commitment (the point at infinity is allowed,
    /// any other point must be on the curve and in the G1 subgroup). <paramref name="what"/> names it in
    /// the <see cref="KzgInputException"/> message (e.g. "commitment 3").
    /// </summary>
    public static G1Affine BytesToKzgCommitment(in KzgCommitment commitment, string what = "commitment") =>
        ValidateKzgG1(commitment.Bytes, what);

    /// <summary>bytes_to_kzg_proof / validate_kzg_g1 for a proof.</summary>
    public static G1Affine BytesToKzgProof(in KzgProof proof, string what = "proof") =>
        ValidateKzgG1(proof.Bytes, what);

    /// <summary>validate_kzg_g1: a compressed G1 point of the subgroup, or infinity; a precise error otherwise.</summary>
    public static G1Affine ValidateKzgG1(ReadOnlySpan<byte> bytes48, string what)
    {
        var e = G1Affine.Decompress(bytes48, out var point);
        if (e != PointDecodeError.None)
            throw new KzgInputException($"{what}: invalid G1 point: {e.Describe("G1", bytes48.Length, G1Affine.CompressedSize)}");
        return point;
    }

    /// <summary>The 48-byte compressed encoding of a point as a commitment.</summary>
    public static KzgCommitment ToCommitment(in G1Jacobian p)
    {
        Span<byte> b = stackalloc byte[48];
        p.ToAffine().Compress(b);
        return KzgCommitment.FromBytes(b);
    }

    /// <summary>The 48-byte compressed encoding of a point as a proof.</summary>
    public static KzgProof ToProof(in G1Jacobian p)
    {
        Span<byte> b = stackalloc byte[48];
        p.ToAffine().Compress(b);
        return KzgProof.FromBytes(b);
    }

    /// <summary>A canonical <see cref="FieldElement"/> as a scalar-field element.</summary>
    public static Fr ToFr(in FieldElement value)
    {
        if (!Fr.TryFromBytesBigEndian(value.Bytes, out var fr))
            throw new KzgInputException("field element: not canonical (value ≥ BLS_MODULUS)");
        return fr;
    }

    /// <summary>A scalar-field element as a <see cref="FieldElement"/>.</summary>
    public static FieldElement ToFieldElement(in Fr value)
    {
        Span<byte> b = stackalloc byte[32];
        value.ToBytesBigEndian(b);
        return FieldElement.FromBytes(b);
    }
}
