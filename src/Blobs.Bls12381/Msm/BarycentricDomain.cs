namespace Blobs.Bls12381;

/// <summary>
/// Sums over a fixed set of distinct scalar-field points x_0 … x_(n−1) at a point z outside the set —
/// the barycentric evaluation Σ v_i·x_i/(z − x_i) and the quotients (y − v_i)/(z − x_i) of KZG
/// openings — with one field inversion per call (Montgomery's trick). On AVX-512 the work runs eight
/// elements at a time (<see cref="Fr29x8"/>); elsewhere it falls back to <see cref="Fr"/> arithmetic.
/// Values come as canonical little-endian limbs, four per value. Instances are immutable and thread-safe.
/// </summary>
public sealed class BarycentricDomain
{
    [ThreadStatic] private static ulong[]? t_prefix;

    private readonly Fr[] _points;
    private readonly ulong[]? _packedPoints; // [group][limb][lane], R''-Montgomery form

    /// <summary>Precomputes the points (n must be a positive multiple of 8).</summary>
    public BarycentricDomain(ReadOnlySpan<Fr> points, bool? vectorized = null)
    {
        if (points.Length == 0 || points.Length % 8 != 0)
            throw new ArgumentException("the number of points must be a positive multiple of 8", nameof(points));
        bool vector = vectorized ?? Fp29x8.IsSupported;
        if (vector && !Fp29x8.IsSupported) throw new PlatformNotSupportedException("the vectorized path needs AVX-512");
        _points = points.ToArray();
        if (vector)
        {
            _packedPoints = new ulong[points.Length * Fr29x8.Limbs];
            Span<ulong> limbs = stackalloc ulong[Fr29x8.Limbs];
            for (int i = 0; i < points.Length; i++)
            {
                Fr29x8.Pack(points[i], limbs);
                int g = i >> 3, lane = i & 7;
                for (int j = 0; j < Fr29x8.Limbs; j++) _packedPoints[(g * Fr29x8.Limbs + j) * 8 + lane] = limbs[j];
            }
        }
    }

    /// <summary>Number of points.</summary>
    public int Count => _points.Length;

    /// <summary>True when this instance runs the eight-lane AVX-512 path.</summary>
    public bool IsVectorized => _packedPoints is not null;

    /// <summary>The points.</summary>
    public ReadOnlySpan<Fr> Points => _points;

    /// <summary>
    /// Σ v_i·x_i/(z − x_i) for the values v (canonical limbs, four per value). Returns false, computing
    /// nothing, when z is one of the points. When <paramref name="inverses"/> is given it keeps
    /// 1/(z − x_i) for <see cref="Quotients"/>.
    /// </summary>
    public unsafe bool TryWeightedSum(ReadOnlySpan<ulong> valueLimbs, in Fr z, out Fr sum, DomainInverses? inverses = null)
    {
        int n = Count;
        if (valueLimbs.Length != 4 * n) throw new ArgumentException($"expected {4 * n} limbs ({n} values)", nameof(valueLimbs));
        if (inverses is not null) inverses.Prepare(this);
        sum = Fr.Zero;
        if (_packedPoints is null) return TryWeightedSumScalar(valueLimbs, z, out sum, inverses);

        int groups = n / 8;
        var prefix = t_prefix is { } cached && cached.Length >= n * Fr29x8.Limbs ? cached : (t_prefix = new ulong[n * Fr29x8.Limbs]);
        Span<ulong> zl = stackalloc ulong[Fr29x8.Limbs];
        Fr29x8.Pack(z, zl);
        V9 zv = default, x = default, d = default, acc = default, inv = default, w = default, v = default, t = default, total = default;
        Fr29x8.Broadcast(ref zv, zl);
        Span<ulong> one = stackalloc ulong[Fr29x8.Limbs];
        Fr29x8.Pack(Fr.One, one);
        fixed (ulong* pts = _packedPoints)
        fixed (ulong* pre = prefix)
        fixed (ulong* vals = valueLimbs)
        {
            // 1. Prefix products of z − x_i, eight chains side by side.
            Fr29x8.Broadcast(ref acc, one);
            for (int g = 0; g < groups; g++)
            {
                Fr29x8.Load(ref x, pts + g * Fr29x8.Limbs * 8);
                Fr29x8.SubAdd4R(ref d, zv, x);
                Fr29x8.Store(acc, pre + g * Fr29x8.Limbs * 8);
                Fr29x8.Mul(ref acc, acc, d);
            }
            // 2. One inversion for the eight chain products; a zero one means z is a point.
            if (Fr29x8.InvertLanes(ref acc) != 0) return false;
            // 3. Backward: 1/(z − x_i), then v_i·x_i/(z − x_i) (plain values: v_i enters as it is).
            ulong* keep = null;
            fixed (ulong* kept = inverses?.Packed)
            {
                keep = kept;
                for (int g = groups - 1; g >= 0; g--)
                {
                    Fr29x8.Load(ref x, pts + g * Fr29x8.Limbs * 8);
                    Fr29x8.SubAdd4R(ref d, zv, x);
                    Fr29x8.Load(ref t, pre + g * Fr29x8.Limbs * 8);
                    Fr29x8.Mul(ref inv, acc, t);
                    Fr29x8.Mul(ref acc, acc, d);
                    if (keep != null) Fr29x8.Store(inv, keep + g * Fr29x8.Limbs * 8);
                    Fr29x8.Mul(ref w, x, inv);
                    Fr29x8.LoadWords(ref v, vals + g * 32);
                    Fr29x8.Mul(ref t, v, w);
                    Fr29x8.Accumulate(ref total, t);
                }
            }
        }
        sum = Fr29x8.SumLanesPlain(total);
        return true;
    }

    private bool TryWeightedSumScalar(ReadOnlySpan<ulong> valueLimbs, in Fr z, out Fr sum, DomainInverses? inverses)
    {
        int n = Count;
        var inv = inverses?.Scalar ?? new Fr[n];
        for (int i = 0; i < n; i++)
        {
            inv[i] = z - _points[i];
            if (inv[i].IsZero)
            {
                sum = Fr.Zero;
                return false;
            }
        }
        Fr.BatchInvert(inv);
        sum = Fr.Zero;
        for (int i = 0; i < n; i++)
        {
            Fr.TryFromCanonicalLimbs(valueLimbs.Slice(4 * i, 4), out var v);
            sum += v * _points[i] * inv[i];
        }
        return true;
    }

    /// <summary>
    /// q_i = (y − v_i)/(z − x_i) for every i, as canonical limbs (four per value), from the inverses a
    /// successful <see cref="TryWeightedSum"/> kept for the same z.
    /// </summary>
    public unsafe void Quotients(ReadOnlySpan<ulong> valueLimbs, in Fr y, DomainInverses inverses, Span<ulong> quotientLimbs)
    {
        int n = Count;
        if (valueLimbs.Length != 4 * n || quotientLimbs.Length != 4 * n)
            throw new ArgumentException($"expected {4 * n} limbs ({n} values)");
        if (inverses.Domain != this) throw new ArgumentException("the inverses belong to another domain", nameof(inverses));
        if (_packedPoints is null)
        {
            for (int i = 0; i < n; i++)
            {
                Fr.TryFromCanonicalLimbs(valueLimbs.Slice(4 * i, 4), out var value);
                ((y - value) * inverses.Scalar![i]).ToCanonicalLimbs(quotientLimbs.Slice(4 * i, 4));
            }
            return;
        }
        int groups = n / 8;
        Span<ulong> yl = stackalloc ulong[Fr29x8.Limbs];
        Fr29x8.SplitCanonical(y, yl); // plain y
        V9 yv = default, v = default, diff = default, inv = default, q = default;
        Fr29x8.Broadcast(ref yv, yl);
        fixed (ulong* kept = inverses.Packed)
        fixed (ulong* vals = valueLimbs)
        fixed (ulong* outWords = quotientLimbs)
        {
            for (int g = 0; g < groups; g++)
            {
                Fr29x8.LoadWords(ref v, vals + g * 32);
                Fr29x8.SubAdd4R(ref diff, yv, v);                      // y − v_i (plain, below 5r)
                Fr29x8.Load(ref inv, kept + g * Fr29x8.Limbs * 8);     // 1/(z − x_i), Montgomery form
                Fr29x8.Mul(ref q, diff, inv);                          // plain quotient, below 2r
                Fr29x8.StoreWordsReduced(q, outWords + g * 32);
            }
        }
    }
}

/// <summary>Scratch that keeps 1/(z − x_i) between <see cref="BarycentricDomain.TryWeightedSum"/> and <see cref="BarycentricDomain.Quotients"/>.</summary>
public sealed class DomainInverses
{
    internal BarycentricDomain? Domain;
    internal ulong[]? Packed;
    internal Fr[]? Scalar;

    internal void Prepare(BarycentricDomain domain)
    {
        if (Domain == domain) return;
        Domain = domain;
        if (domain.IsVectorized) Packed = new ulong[domain.Count * Fr29x8.Limbs];
        else Scalar = new Fr[domain.Count];
    }
}
