using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// compute_kzg_proof_impl: y = p(z) and the proof g1_lincomb(Lagrange basis, q) for the quotient
    /// q(x) = (p(x) − y)/(x − z) in evaluation form. One batch inversion serves both the evaluation and the quotient.
    /// </summary>
    public static (G1Jacobian Proof, Fr Y) ComputeKzgProofImpl(ManagedKzgSettings settings, ReadOnlySpan<Fr> polynomial, in Fr z)
    {
        var roots = Domain.RootsBrp;
        // 1. 1/(z − ω_i) for every i, and whether z is a domain point.
        var inverses = new Fr[Domain.Size];
        int m = DomainInverses(z, inverses);
        // 2. y = p(z).
        Fr y = EvaluateWithInverses(polynomial, z, inverses, m);
        // 3. q_i = (p_i − y)/(ω_i − z) = (y − p_i)/(z − ω_i); the 0/0 entry by compute_quotient_eval_within_domain.
        var limbs = new ulong[4 * Domain.Size];
        for (int i = 0; i < Domain.Size; i++)
        {
            Fr q = i == m
                ? ComputeQuotientEvalWithinDomain(roots[m], m, polynomial, y, inverses)
                : (y - polynomial[i]) * inverses[i];
            q.ToCanonicalLimbs(limbs.AsSpan(4 * i, 4));
        }
        // 4. The proof commits to the quotient.
        return (settings.LagrangeTable.Multiply(limbs), y);
    }
}
