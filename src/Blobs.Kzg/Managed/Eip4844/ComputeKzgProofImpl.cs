using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    [ThreadStatic] private static DomainInverses? t_inverses;

    /// <summary>
    /// compute_kzg_proof_impl: y = p(z) and the proof g1_lincomb(Lagrange basis, q) for the quotient
    /// q(x) = (p(x) − y)/(x − z) in evaluation form (polynomial as canonical limbs, four per value).
    /// One batch inversion serves both the evaluation and the quotient.
    /// </summary>
    public static (G1Jacobian Proof, Fr Y) ComputeKzgProofImpl(ManagedKzgSettings settings, ReadOnlySpan<ulong> polynomialLimbs, in Fr z)
    {
        var quotient = new ulong[4 * Domain.Size];
        var inverses = t_inverses ??= new DomainInverses();
        Fr y;
        if (Domain.Barycentric.TryWeightedSum(polynomialLimbs, z, out var sum, inverses))
        {
            // 1. y = p(z), outside the domain.
            y = BarycentricFactor(sum, z);
            // 2. q_i = (p_i − y)/(ω_i − z) = (y − p_i)/(z − ω_i).
            Domain.Barycentric.Quotients(polynomialLimbs, y, inverses, quotient);
        }
        else
        {
            // z = ω_m: y = p_m, and q_m by compute_quotient_eval_within_domain.
            y = ComputeQuotientInDomain(polynomialLimbs, z, quotient);
        }
        // 3. The proof commits to the quotient.
        return (settings.LagrangeTable.Multiply(quotient), y);
    }

    /// <summary>The quotient when z is the domain point ω_m (scalar arithmetic, as the spec writes it); returns y = p_m.</summary>
    private static Fr ComputeQuotientInDomain(ReadOnlySpan<ulong> polynomialLimbs, in Fr z, Span<ulong> quotient)
    {
        var polynomial = new Fr[Domain.Size];
        for (int i = 0; i < Domain.Size; i++) polynomial[i] = ElementAt(polynomialLimbs, i);
        var inverses = new Fr[Domain.Size];
        int m = InvertDomainDifferences(z, inverses);
        Fr y = polynomial[m];
        var roots = Domain.RootsBrp;
        for (int i = 0; i < Domain.Size; i++)
        {
            Fr q = i == m
                ? ComputeQuotientEvalWithinDomain(roots[m], m, polynomial, y, inverses)
                : (y - polynomial[i]) * inverses[i];
            q.ToCanonicalLimbs(quotient.Slice(4 * i, 4));
        }
        return y;
    }
}
