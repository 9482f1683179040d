using System.Runtime.CompilerServices;
using Blobs.Bls12381;
using static Blobs.Kzg.Managed.Fft.FpLanes;

namespace Blobs.Kzg.Managed.Fft;

/// <summary>
/// Eight G1 points in Jacobian coordinates, one per AVX-512 lane (<see cref="FpV"/>), with the same formulas as
/// <see cref="G1Jacobian"/> (EFD dbl-2009-l and madd-2007-bl) evaluated on all lanes at once. Coordinates are kept
/// below 2.2p between operations. The formulas are incomplete: a lane where P = ±Q in an addition, or that holds the
/// point at infinity, ends with Z ≡ 0 — callers check Z at the end and redo such lanes with scalar code.
/// </summary>
internal struct G1Lanes
{
    /// <summary>X, Y, Z of the eight points.</summary>
    public FpV X, Y, Z;

    /// <summary>P ← 2P: 2M + 5S (seven lane products).</summary>
    public static void Double(ref G1Lanes p)
    {
        Unsafe.SkipInit(out FpV a);
        Unsafe.SkipInit(out FpV b);
        Unsafe.SkipInit(out FpV c);
        Unsafe.SkipInit(out FpV d);
        Unsafe.SkipInit(out FpV e);
        Unsafe.SkipInit(out FpV t);
        Square(ref a, p.X);                 // A = X²               < 1.1p
        Square(ref b, p.Y);                 // B = Y²               < 1.1p
        Square(ref c, b);                   // C = B²               < 1.1p
        Add(ref t, p.X, b);                 // X + B                < 3.3p
        Square(ref t, t);                   // (X + B)²             < 1.1p
        Sub(ref t, t, a, 4);                //                      < 5.1p
        Sub(ref t, t, c, 4);                //                      < 9.1p
        Times(ref d, t, 2);                 // D                    < 18.2p
        FpVector.ReduceWeak(ref d);         //                      < 2.1p
        Times(ref e, a, 3);                 // E = 3A               < 3.3p
        Mul(ref p.Z, p.Y, p.Z);             // Y·Z                  < 1.1p
        Times(ref p.Z, p.Z, 2);             // Z₃ = 2YZ             < 2.2p
        Square(ref t, e);                   // F = E²               < 1.1p
        Times(ref b, d, 2);                 // 2D                   < 4.2p
        Sub(ref p.X, t, b, 8);              // X₃ = F − 2D          < 9.1p
        FpVector.ReduceWeak(ref p.X);       //                      < 2.1p
        Sub(ref t, d, p.X, 4);              // D − X₃               < 6.2p
        Mul(ref t, e, t);                   // E(D − X₃)            < 1.1p
        Times(ref c, c, 8);                 // 8C                   < 8.8p
        Sub(ref p.Y, t, c, 16);             // Y₃                   < 17.1p
        FpVector.ReduceWeak(ref p.Y);       //                      < 2.1p
    }

    /// <summary>P ← P + Q for affine Q (coordinates below 2.2p): 7M + 4S (eleven lane products).</summary>
    public static void AddAffine(ref G1Lanes p, in FpV qx, in FpV qy)
    {
        Unsafe.SkipInit(out FpV z1z1);
        Unsafe.SkipInit(out FpV h);
        Unsafe.SkipInit(out FpV hh);
        Unsafe.SkipInit(out FpV i);
        Unsafe.SkipInit(out FpV j);
        Unsafe.SkipInit(out FpV r);
        Unsafe.SkipInit(out FpV v);
        Unsafe.SkipInit(out FpV t);
        Square(ref z1z1, p.Z);              // Z1Z1                 < 1.1p
        Mul(ref t, qx, z1z1);               // U2                   < 1.1p
        Sub(ref h, t, p.X, 4);              // H = U2 − X1          < 5.1p
        Mul(ref t, p.Z, z1z1);              // Z1·Z1Z1              < 1.1p
        Mul(ref t, qy, t);                  // S2                   < 1.1p
        Sub(ref r, t, p.Y, 4);              // S2 − Y1              < 5.1p
        Times(ref r, r, 2);                 // r                    < 10.2p
        Square(ref hh, h);                  // HH                   < 1.1p
        Times(ref i, hh, 4);                // I = 4HH              < 4.4p
        Mul(ref j, h, i);                   // J = H·I              < 1.1p
        Mul(ref v, p.X, i);                 // V = X1·I             < 1.1p
        // Z3 = (Z1 + H)² − Z1Z1 − HH (before Z1 is overwritten).
        Add(ref t, p.Z, h);                 //                      < 7.3p
        Square(ref t, t);                   //                      < 1.1p
        Sub(ref t, t, z1z1, 4);             //                      < 5.1p
        Sub(ref p.Z, t, hh, 4);             //                      < 9.1p
        FpVector.ReduceWeak(ref p.Z);       //                      < 2.1p
        // Y1·J before Y1 is overwritten.
        Mul(ref h, p.Y, j);                 // Y1·J                 < 1.1p
        Times(ref h, h, 2);                 // 2·Y1·J               < 2.2p
        // X3 = r² − J − 2V.
        Square(ref t, r);                   //                      < 1.1p
        Sub(ref t, t, j, 4);                //                      < 5.1p
        Times(ref i, v, 2);                 // 2V                   < 2.2p
        Sub(ref p.X, t, i, 4);              //                      < 9.1p
        FpVector.ReduceWeak(ref p.X);       //                      < 2.1p
        // Y3 = r(V − X3) − 2·Y1·J.
        Sub(ref t, v, p.X, 4);              //                      < 5.1p
        Mul(ref t, r, t);                   //                      < 1.1p
        Sub(ref p.Y, t, h, 4);              //                      < 5.1p
        FpVector.ReduceWeak(ref p.Y);       //                      < 2.1p
    }
}
