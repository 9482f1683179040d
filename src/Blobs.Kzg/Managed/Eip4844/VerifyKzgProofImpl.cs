using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// verify_kzg_proof_impl: checks e(C − [y]G1, −G2)·e(π, [τ − z]G2) = 1, rearranged so that both G2
    /// points are the setup's fixed (prepared) ones: e(C − [y]G1 + [z]π, −G2)·e(π, [τ]G2) = 1.
    /// </summary>
    public static bool VerifyKzgProofImpl(ManagedKzgSettings settings, in G1Affine commitment, in Fr z, in Fr y, in G1Affine proof)
    {
        // 1. C − [y]G1 + [z]π: a two-point GLV multiplication (both points are in G1: the proof passed the
        //    subgroup check), then C.
        var lhs = G1Jacobian.AddMixed(G1Msm.MultiplySubgroup([G1Affine.Generator, proof], [-y, z]), commitment).ToAffine();
        // 2. One two-pair pairing check.
        return Pairing.PairingProductIsOne([(lhs, settings.NegG2Prepared), (proof, settings.TauG2Prepared)]);
    }
}
