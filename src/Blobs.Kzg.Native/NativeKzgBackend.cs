using System.Buffers;
using Blobs.Kzg.Native.Interop;

namespace Blobs.Kzg.Native;

/// <summary>
/// The c-kzg-4844 backend: every spec function is one call into libckzg (c-kzg 4.1.0 with blst,
/// built by <c>scripts/bootstrap.sh</c>), over one KZGSettings loaded from a <see cref="TrustedSetup"/>.
/// Thread-safe: the settings are read-only after load, and <see cref="Dispose"/> waits for calls in
/// flight (the settings are reference counted). C_KZG_BADARGS becomes a <see cref="KzgInputException"/>
/// naming the offending commitment or proof; c-kzg's internal and allocation errors become
/// <see cref="InvalidOperationException"/> and <see cref="OutOfMemoryException"/>. Inputs arrive checked
/// by <see cref="KzgContext"/> (lengths, counts, canonical elements, cell indices); this class still
/// sizes every native buffer itself and never passes c-kzg a short one.
/// </summary>
public sealed unsafe partial class NativeKzgBackend : IKzgBackend
{
    private readonly CkzgLibrary _lib;
    private readonly KzgSettingsHandle _settings;

    private NativeKzgBackend(CkzgLibrary lib, KzgSettingsHandle settings, int precompute)
    {
        _lib = lib;
        _settings = settings;
        Precompute = precompute;
    }

    /// <inheritdoc />
    public string Name => "native";

    /// <summary>The precompute window the settings were loaded with.</summary>
    public int Precompute { get; }

    /// <summary>The libckzg.so file in use.</summary>
    public string LibraryPath => _lib.Path;

    /// <summary>
    /// Loads libckzg and the setup with <see cref="NativeKzgOptions.FromEnvironment"/> (precompute 8 unless
    /// <c>BLOBS_CKZG_PRECOMPUTE</c> says otherwise). The signature <see cref="KzgBackends"/> looks up by reflection.
    /// </summary>
    public static bool TryCreate(TrustedSetup setup, out IKzgBackend? backend, out string why)
    {
        bool ok = TryCreateWith(setup, NativeKzgOptions.FromEnvironment(), out var native, out why);
        backend = native;
        return ok;
    }

    /// <summary>Loads libckzg and the setup with explicit options; false with the reason when the library is missing or refuses the setup.</summary>
    public static bool TryCreateWith(TrustedSetup setup, NativeKzgOptions options, out NativeKzgBackend? backend, out string why)
    {
        ArgumentNullException.ThrowIfNull(setup);
        ArgumentNullException.ThrowIfNull(options);
        backend = null;
        if (options.Precompute is < 0 or > 15)
        {
            why = $"precompute {options.Precompute} is out of range (c-kzg accepts 0–15)";
            return false;
        }
        if (!LibraryLocator.TryLocate(options.LibraryPath, out var path, out why)) return false;
        if (!CkzgLibrary.TryLoad(path, out var lib, out why)) return false;
        var ret = KzgSettingsHandle.TryLoad(lib!, setup, options.Precompute, out var settings);
        if (ret != CkzgResult.Ok)
        {
            why = $"c-kzg load_trusted_setup failed ({Describe(ret)})";
            return false;
        }
        backend = new NativeKzgBackend(lib!, settings!, options.Precompute);
        why = "";
        return true;
    }

    /// <summary>Loads the backend or throws <see cref="InvalidOperationException"/> with the reason.</summary>
    public static NativeKzgBackend Create(TrustedSetup setup, NativeKzgOptions? options = null) =>
        TryCreateWith(setup, options ?? NativeKzgOptions.FromEnvironment(), out var backend, out var why)
            ? backend!
            : throw new InvalidOperationException("native KZG backend unavailable: " + why);

    /// <summary>Frees the native settings once no call is using them.</summary>
    public void Dispose() => _settings.Dispose();

    /// <summary>Keeps the settings alive for the duration of one native call.</summary>
    private readonly ref struct Lease
    {
        private readonly KzgSettingsHandle _handle;
        public readonly void* Settings;

        public Lease(KzgSettingsHandle handle)
        {
            bool added = false;
            handle.DangerousAddRef(ref added); // throws ObjectDisposedException after Dispose
            _handle = handle;
            Settings = (void*)handle.DangerousGetHandle();
        }

        public void Dispose() => _handle.DangerousRelease();
    }

    private Lease Acquire() => new(_settings);

    /// <summary>Turns a C_KZG_RET other than OK into the exception to throw.</summary>
    private static Exception Failure(int ret, string function, string? badPoint) => (CkzgResult)ret switch
    {
        CkzgResult.BadArgs => new KzgInputException(badPoint ?? $"{function}: c-kzg rejected the input (C_KZG_BADARGS)"),
        CkzgResult.Malloc => new OutOfMemoryException($"{function}: c-kzg could not allocate memory (C_KZG_MALLOC)"),
        _ => new InvalidOperationException($"{function}: c-kzg failed ({Describe((CkzgResult)ret)})"),
    };

    private static string Describe(CkzgResult ret) => ret switch
    {
        CkzgResult.Ok => "C_KZG_OK",
        CkzgResult.BadArgs => "C_KZG_BADARGS",
        CkzgResult.Error => "C_KZG_ERROR, internal error",
        CkzgResult.Malloc => "C_KZG_MALLOC, out of memory",
        _ => $"unknown C_KZG_RET {(int)ret}",
    };

    /// <summary>
    /// After C_KZG_BADARGS: the first of <paramref name="points"/> (48 bytes each) that c-kzg would
    /// refuse, as "commitment 3: not a valid G1 point (…)", or null when all decode.
    /// </summary>
    private string? FindBadPoint(ReadOnlySpan<byte> points, string what, bool indexed)
    {
        int n = points.Length / KzgCommitment.Size;
        fixed (byte* p = points)
        {
            for (int i = 0; i < n; i++)
            {
                int verdict = _lib.CheckG1(p + i * KzgCommitment.Size);
                if (verdict == 0) continue;
                string label = indexed ? $"{what} {i}" : what;
                return verdict switch
                {
                    1 => $"{label}: not a valid G1 point (invalid compressed encoding)",
                    2 => $"{label}: not a valid G1 point (off curve)",
                    _ => $"{label}: not a valid G1 point (not in subgroup)",
                };
            }
        }
        return null;
    }

    /// <summary>A scratch buffer on the stack when small, rented otherwise.</summary>
    private const int StackLimit = 4096;

    private static void Return(byte[]? rented)
    {
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
    }

    private static void Pack(ReadOnlySpan<KzgCommitment> items, Span<byte> into)
    {
        for (int i = 0; i < items.Length; i++) items[i].Bytes.CopyTo(into.Slice(i * KzgCommitment.Size, KzgCommitment.Size));
    }

    private static void Pack(ReadOnlySpan<KzgProof> items, Span<byte> into)
    {
        for (int i = 0; i < items.Length; i++) items[i].Bytes.CopyTo(into.Slice(i * KzgProof.Size, KzgProof.Size));
    }

    private static void RequireLength(int actual, int expected, string what)
    {
        if (actual != expected) throw new KzgInputException($"{what}: expected {expected} bytes, got {actual}");
    }
}
