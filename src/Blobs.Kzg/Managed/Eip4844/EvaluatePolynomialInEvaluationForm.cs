using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// evaluate_polynomial_in_evaluation_form: p(z) for the polynomial given by its values on the
    /// bit-reversed domain (canonical limbs, four per value). Outside the domain by the barycentric formula
    /// (z^4096 − 1)/4096 · Σ p_i·ω_i/(z − ω_i) (one batch inversion); at a domain point ω_i, p(z) is p_i.
    /// <paramref name="keep"/>, when given, receives 1/(z − ω_i) for the quotient of a proof.
    /// </summary>
    public static Fr EvaluatePolynomialInEvaluationForm(ReadOnlySpan<ulong> polynomialLimbs, in Fr z, DomainInverses? keep = null)
    {
        // 1. Σ p_i·ω_i/(z − ω_i); refused when z is a domain point.
        if (Domain.Barycentric.TryWeightedSum(polynomialLimbs, z, out var sum, keep)) return BarycentricFactor(sum, z);
        // 3. Inside the domain the answer is already known.
        return ElementAt(polynomialLimbs, Domain.IndexOf(z));
    }

    /// <summary>2. The barycentric sum times (z^width − 1)/width.</summary>
    public static Fr BarycentricFactor(in Fr sum, in Fr z)
    {
        Fr zPow = z;
        for (int k = 0; k < Domain.Log2Size; k++) zPow = zPow.Square();
        return sum * (zPow - Fr.One) * Domain.InverseSize;
    }

    /// <summary>Value i of a polynomial given as canonical limbs.</summary>
    public static Fr ElementAt(ReadOnlySpan<ulong> polynomialLimbs, int i)
    {
        if (!Fr.TryFromCanonicalLimbs(polynomialLimbs.Slice(4 * i, 4), out var value))
            throw new KzgInputException($"blob: field element {i} is not canonical (value ≥ BLS_MODULUS)");
        return value;
    }

    /// <summary>
    /// 1/(z − ω_i) over the bit-reversed domain with one field inversion (scalar path, used when z is a
    /// domain point); returns the index i with ω_i = z (its entry left zero), −1 otherwise.
    /// </summary>
    public static int InvertDomainDifferences(in Fr z, Span<Fr> inverses)
    {
        var roots = Domain.RootsBrp;
        int inDomain = -1;
        for (int i = 0; i < Domain.Size; i++)
        {
            inverses[i] = z - roots[i];
            if (inverses[i].IsZero) inDomain = i;
        }
        Fr.BatchInvert(inverses);
        return inDomain;
    }
}
