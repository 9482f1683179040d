using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Blobs.Bls12381;

/// <summary>
/// Eight G1 points at once in Jacobian coordinates on <see cref="Fp29x8"/> lanes, for building the
/// fixed-base tables: lane-parallel doubling, and conversion of many points to packed affine form with
/// one scalar inversion per eight chains. Coordinates stay below 2.1p between operations.
/// </summary>
internal static unsafe class G1TableLanes
{
    private const int L = Fp29x8.Limbs;

    /// <summary>(X, Y, Z) ← 2·(X, Y, Z), EFD dbl-2009-l (a = 0), in every lane (no lane may be infinity).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Double(ref V14 x, ref V14 y, ref V14 z)
    {
        V14 a = default, b = default, c = default, d = default, e = default, f = default, t = default, u = default;
        Fp29x8.Square(ref a, x);                 // A = X²
        Fp29x8.Square(ref b, y);                 // B = Y²
        Fp29x8.Square(ref c, b);                 // C = B²
        Fp29x8.Add(ref t, x, b);
        Fp29x8.Square(ref u, t);                 // (X + B)²
        Fp29x8.SubAdd4P(ref t, u, a);
        Fp29x8.Reduce(ref t);
        Fp29x8.SubAdd4P(ref u, t, c);            // (X + B)² − A − C, below 6.1p
        Fp29x8.Add(ref d, u, u);                 // D = 2((X + B)² − A − C)
        Fp29x8.Reduce(ref d);
        Fp29x8.Add(ref t, a, a);
        Fp29x8.Add(ref e, t, a);                 // E = 3A, below 6p
        Fp29x8.Square(ref f, e);                 // F = E²
        Fp29x8.Mul(ref u, y, z);
        Fp29x8.Add(ref z, u, u);                 // Z3 = 2·Y·Z
        Fp29x8.Reduce(ref z);
        Fp29x8.Add(ref t, d, d);
        Fp29x8.SubAdd8P(ref x, f, t);            // X3 = F − 2D
        Fp29x8.Reduce(ref x);
        Fp29x8.SubAdd4P(ref t, d, x);
        Fp29x8.Mul(ref u, e, t);                 // E(D − X3)
        Fp29x8.Add(ref t, c, c);
        Fp29x8.Add(ref c, t, t);                 // 4C, below 8p
        Fp29x8.Reduce(ref c);
        Fp29x8.Add(ref t, c, c);                 // 8C, below 4.2p
        Fp29x8.SubAdd8P(ref y, u, t);            // Y3 = E(D − X3) − 8C
        Fp29x8.Reduce(ref y);
    }

    /// <summary>
    /// Writes the canonical packed affine forms of <paramref name="groups"/> groups of eight Jacobian
    /// points (X, Y, Z blocks of [limb][lane] per group) to <paramref name="dest"/>: point 8g + l goes to
    /// dest[(firstIndex + 8g + l)·28 …]. One scalar inversion for all of them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ToAffinePacked(ulong* xs, ulong* ys, ulong* zs, int groups, uint[] dest, long firstIndex)
    {
        const int Block = L * 8;
        var prefix = new ulong[groups * Block];
        V14 acc = default, z = default, t = default, inv = default, inv2 = default, inv3 = default, x = default, y = default;
        Fp29x8.Broadcast(ref acc, Fp29x8.OnePacked);
        fixed (ulong* pre = prefix)
        {
            for (int g = 0; g < groups; g++)
            {
                LoadBlock(ref z, zs + g * Block);
                StoreBlock(acc, pre + g * Block);
                Fp29x8.Mul(ref acc, acc, z);
            }
            if (Fp29x8.InvertLanes(ref acc) != 0) throw new InvalidOperationException("a table point is the point at infinity");
            uint* outBlock = stackalloc uint[2 * Block];
            for (int g = groups - 1; g >= 0; g--)
            {
                LoadBlock(ref z, zs + g * Block);
                LoadBlock(ref t, pre + g * Block);
                Fp29x8.Mul(ref inv, acc, t);     // 1/Z
                Fp29x8.Mul(ref acc, acc, z);
                Fp29x8.Square(ref inv2, inv);
                Fp29x8.Mul(ref inv3, inv2, inv);
                LoadBlock(ref t, xs + g * Block);
                Fp29x8.Mul(ref x, t, inv2);      // x = X/Z²
                LoadBlock(ref t, ys + g * Block);
                Fp29x8.Mul(ref y, t, inv3);      // y = Y/Z³
                Fp29x8.Canonicalize(ref x);
                Fp29x8.Canonicalize(ref y);
                Fp29x8.Store(x, outBlock);
                Fp29x8.Store(y, outBlock + Block);
                for (int l = 0; l < 8; l++)
                {
                    long at = (firstIndex + 8 * g + l) * (2 * L);
                    for (int j = 0; j < L; j++)
                    {
                        dest[at + j] = outBlock[8 * j + l];
                        dest[at + L + j] = outBlock[Block + 8 * j + l];
                    }
                }
            }
        }
    }

    /// <summary>Loads a [limb][lane] block of 64-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void LoadBlock(ref V14 v, ulong* block)
    {
        for (int j = 0; j < L; j++) v[j] = System.Runtime.Intrinsics.Vector512.Load(block + 8 * j);
    }

    /// <summary>Stores into a [limb][lane] block of 64-bit limbs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void StoreBlock(in V14 v, ulong* block)
    {
        for (int j = 0; j < L; j++) v[j].Store(block + 8 * j);
    }
}
