using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// compute_quotient_eval_within_domain: the quotient's value at the domain point z = ω_m (where
    /// (p(x) − y)/(x − z) is 0/0), Σ_{i≠m} (p_i − y)·ω_i / (z·(z − ω_i)). <paramref name="inverses"/> are
    /// 1/(z − ω_i) from <see cref="DomainInverses"/> (entry m unused).
    /// </summary>
    public static Fr ComputeQuotientEvalWithinDomain(in Fr z, int m, ReadOnlySpan<Fr> polynomial, in Fr y, ReadOnlySpan<Fr> inverses)
    {
        var roots = Domain.RootsBrp;
        Fr sum = Fr.Zero;
        for (int i = 0; i < Domain.Size; i++)
        {
            if (i == m) continue;
            sum += (polynomial[i] - y) * roots[i] * inverses[i];
        }
        // The common factor 1/z is taken out of the sum.
        return sum * z.Invert();
    }
}
