using System.Runtime.CompilerServices;
using Blobs.Bls12381;
using Blobs.Kzg.Managed.Fft;

namespace Blobs.Kzg.Managed.Eip7594;

internal static partial class CellKzg
{
    /// <summary>(p + 1)/4: a^((p+1)/4) is a square root of a square a (p ≡ 3 mod 4).</summary>
    private static ReadOnlySpan<ulong> SqrtExponent =>
        [0xee7fbfffffffeaabUL, 0x07aaffffac54ffffUL, 0xd9cc34a83dac3d89UL, 0xd91dd2e13ce144afUL, 0x92c6e9ed90d2eb35UL, 0x0680447a8e5ff9a6UL];

    private static readonly Fp s_curveB = Fp.FromUInt64(4);

    /// <summary>
    /// bytes_to_kzg_proof (validate_kzg_g1) for many points at once: the flags and the canonical x are checked one by
    /// one, the square roots (x³ + 4)^((p+1)/4) and the subgroup tests φ(P) = −[z²]P (Scott 2021, the same test as
    /// <see cref="G1Affine.IsInSubgroup"/>) run eight points per AVX-512 lane group. Any point that fails, or whose
    /// lane computation degenerated, is decoded again by <see cref="G1Affine.TryDecompress(ReadOnlySpan{byte}, out G1Affine, out string?)"/>,
    /// which names the problem in the <see cref="KzgInputException"/> ("proof 5: not in the G1 subgroup").
    /// </summary>
    public static void DecodeG1Batch(ReadOnlySpan<KzgProof> encoded, Span<G1Affine> points, string what)
    {
        int n = encoded.Length;
        const int lanes = FpVector.Lanes;
        // 1. Flags and x, one by one; the finite points go on to the lanes.
        var xs = new Fp[n];
        var sign = new bool[n];
        var finite = new List<int>(n);
        Span<byte> xb = stackalloc byte[48];
        for (int k = 0; k < n; k++)
        {
            var bytes = encoded[k].Bytes;
            byte flags = bytes[0];
            bool wellFormed = (flags & 0x80) != 0;
            if (wellFormed && (flags & 0x40) != 0)
            {
                wellFormed = (flags & 0x3f) == 0 && !bytes[1..].ContainsAnyExcept((byte)0);
                if (wellFormed) { points[k] = G1Affine.Infinity; continue; }
            }
            if (wellFormed)
            {
                bytes.CopyTo(xb);
                xb[0] &= 0x1f;
                wellFormed = Fp.TryFromBytes(xb, out xs[k]);
            }
            if (!wellFormed) Fail(encoded[k], what, k);
            sign[k] = (flags & 0x20) != 0;
            finite.Add(k);
        }

        // 2. Eight at a time: y = (x³ + 4)^((p+1)/4), then [z²]P.
        FpV one = FpLanes.Broadcast(Fp.One);
        Span<Fp> lx = stackalloc Fp[lanes], ly = stackalloc Fp[lanes], lz = stackalloc Fp[lanes], rhs = stackalloc Fp[lanes];
        Unsafe.SkipInit(out FpV vx);
        Unsafe.SkipInit(out FpV vy);
        Unsafe.SkipInit(out FpV t);
        for (int g = 0; g < finite.Count; g += lanes)
        {
            int count = Math.Min(lanes, finite.Count - g);
            for (int j = 0; j < lanes; j++)
            {
                var x = xs[finite[g + Math.Min(j, count - 1)]];
                lx[j] = x;
                rhs[j] = Fp.Add(Fp.Mul(Fp.Square(x), x), s_curveB);
            }
            FpVector.Load(rhs, ref t);
            FpLanes.Pow(ref vy, t, SqrtExponent, one);
            FpVector.Store(vy, ly);
            for (int j = 0; j < count; j++)
            {
                int k = finite[g + j];
                if (!Fp.Square(ly[j]).Equals(rhs[j])) Fail(encoded[k], what, k); // not on the curve
                if (ly[j].IsLexicographicallyLargest != sign[k]) ly[j] = Fp.Negate(ly[j]);
                points[k] = new G1Affine(lx[j], ly[j]);
            }
            for (int j = count; j < lanes; j++) ly[j] = ly[count - 1];

            // Subgroup: [|z|]P, normalised, [|z|] again, then compare with (β'x, −y) where β' is the cube root of
            // G1Affine.IsInSubgroup (the eigenvalue z² of the test, not the λ = z² − 1 of the GLV splitting).
            FpVector.Load(lx, ref vx);
            FpVector.Load(ly, ref vy);
            var acc = MulByAbsZ(vx, vy, one);
            FpVector.Store(acc.X, lx);
            FpVector.Store(acc.Y, ly);
            FpVector.Store(acc.Z, lz);
            var zp = new G1Affine[lanes];
            var jac = new G1Jacobian[lanes];
            bool degenerate = false;
            for (int j = 0; j < lanes; j++) { jac[j] = new G1Jacobian(lx[j], ly[j], lz[j]); degenerate |= lz[j].IsZero && j < count; }
            G1Jacobian.BatchToAffine(jac, zp);
            for (int j = 0; j < lanes; j++) { lx[j] = zp[j].IsInfinity ? Fp.One : zp[j].X; ly[j] = zp[j].IsInfinity ? Fp.One : zp[j].Y; }
            FpVector.Load(lx, ref vx);
            FpVector.Load(ly, ref vy);
            var z2p = MulByAbsZ(vx, vy, one);
            FpVector.Store(z2p.X, lx);
            FpVector.Store(z2p.Y, ly);
            FpVector.Store(z2p.Z, lz);
            for (int j = 0; j < count; j++)
            {
                int k = finite[g + j];
                ref readonly G1Affine p = ref points[k];
                bool ok = !degenerate && !lz[j].IsZero && new G1Jacobian(lx[j], ly[j], lz[j]).Equals(new G1Affine(Fp.Mul(G1Affine.Beta, p.X), Fp.Negate(p.Y)));
                if (!ok && !p.IsInSubgroup) Fail(encoded[k], what, k);
            }
        }
    }

    /// <summary>[|z|]P on the lanes for affine P (a chain over the six set bits of |z|, starting at P).</summary>
    private static G1Lanes MulByAbsZ(in FpV x, in FpV y, in FpV one)
    {
        var acc = new G1Lanes { X = x, Y = y, Z = one };
        for (int bit = 62; bit >= 0; bit--)
        {
            G1Lanes.Double(ref acc);
            if (((G1Affine.AbsZ >> bit) & 1) != 0) G1Lanes.AddAffine(ref acc, x, y);
        }
        return acc;
    }

    private static void Fail(in KzgProof encoded, string what, int index)
    {
        G1Affine.TryDecompress(encoded.Bytes, out _, out var error);
        throw new KzgInputException($"{what} {index}: {error ?? "invalid G1 point"}");
    }
}
