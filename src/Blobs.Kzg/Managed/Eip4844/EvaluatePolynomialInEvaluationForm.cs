using Blobs.Bls12381;

namespace Blobs.Kzg.Managed.Eip4844;

internal static partial class BlobKzg
{
    /// <summary>
    /// The inverses 1/(z − ω_i) over the bit-reversed domain with one field inversion (Montgomery's
    /// trick). Returns the index i with ω_i = z when z is in the domain (its entry is left zero), −1 otherwise.
    /// </summary>
    public static int DomainInverses(in Fr z, Span<Fr> inverses)
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

    /// <summary>
    /// evaluate_polynomial_in_evaluation_form: p(z) by the barycentric formula
    /// (z^4096 − 1)/4096 · Σ p_i·ω_i/(z − ω_i); when z is the domain point ω_i, p(z) is p_i.
    /// </summary>
    public static Fr EvaluatePolynomialInEvaluationForm(ReadOnlySpan<Fr> polynomial, in Fr z)
    {
        var inverses = new Fr[Domain.Size];
        int inDomain = DomainInverses(z, inverses);
        return EvaluateWithInverses(polynomial, z, inverses, inDomain);
    }

    /// <summary>The barycentric evaluation given the inverses from <see cref="DomainInverses"/>.</summary>
    public static Fr EvaluateWithInverses(ReadOnlySpan<Fr> polynomial, in Fr z, ReadOnlySpan<Fr> inverses, int inDomain)
    {
        // 1. Inside the domain the answer is already known.
        if (inDomain >= 0) return polynomial[inDomain];
        // 2. Σ p_i·ω_i/(z − ω_i).
        var roots = Domain.RootsBrp;
        Fr sum = Fr.Zero;
        for (int i = 0; i < Domain.Size; i++) sum += polynomial[i] * roots[i] * inverses[i];
        // 3. Times (z^width − 1)/width.
        Fr zPow = z;
        for (int k = 0; k < Domain.Log2Size; k++) zPow = zPow.Square();
        return sum * (zPow - Fr.One) * Domain.InverseSize;
    }
}
