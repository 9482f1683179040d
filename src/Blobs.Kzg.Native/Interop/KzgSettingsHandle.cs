using System.Runtime.InteropServices;

namespace Blobs.Kzg.Native.Interop;

/// <summary>
/// Owns one native KZGSettings (allocated here at the size the library reports, filled by
/// load_trusted_setup, emptied by free_trusted_setup). As a <see cref="SafeHandle"/> it is reference
/// counted: a call in flight keeps the settings alive, and Dispose frees them only after the last
/// call returns. After load the settings are only read, so any number of threads may share them.
/// </summary>
internal sealed unsafe class KzgSettingsHandle : SafeHandle
{
    private readonly CkzgLibrary _library;
    private bool _loaded;

    private KzgSettingsHandle(CkzgLibrary library) : base(IntPtr.Zero, ownsHandle: true) => _library = library;

    /// <inheritdoc />
    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>Loads a trusted setup; returns the C_KZG_RET of load_trusted_setup (the handle is closed on failure).</summary>
    public static CkzgResult TryLoad(CkzgLibrary library, TrustedSetup setup, int precompute, out KzgSettingsHandle? settings)
    {
        settings = new KzgSettingsHandle(library);
        void* memory = NativeMemory.AllocZeroed(library.SettingsSize);
        settings.SetHandle((IntPtr)memory);
        var g1Monomial = setup.G1MonomialBytes.Span;
        var g1Lagrange = setup.G1LagrangeBytes.Span;
        var g2Monomial = setup.G2MonomialBytes.Span;
        int ret;
        fixed (byte* m = g1Monomial)
        fixed (byte* l = g1Lagrange)
        fixed (byte* g2 = g2Monomial)
        {
            ret = library.LoadTrustedSetup(memory, m, (ulong)g1Monomial.Length, l, (ulong)g1Lagrange.Length, g2, (ulong)g2Monomial.Length, (ulong)precompute);
        }
        if (ret != (int)CkzgResult.Ok)
        {
            settings.Dispose();
            settings = null;
            return (CkzgResult)ret;
        }
        settings._loaded = true;
        return CkzgResult.Ok;
    }

    /// <inheritdoc />
    protected override bool ReleaseHandle()
    {
        // c-kzg frees what load_trusted_setup allocated (also after a failed load, which leaves NULLs).
        if (_loaded) _library.FreeTrustedSetup((void*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
