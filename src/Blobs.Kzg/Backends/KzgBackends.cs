using System.Reflection;
using Blobs.Kzg.Managed;

namespace Blobs.Kzg;

/// <summary>Which KZG implementation a context uses.</summary>
public enum KzgBackendKind
{
    /// <summary>
    /// The best available: managed once it implements every function (EIP-4844 and EIP-7594 cells);
    /// until then native when libckzg loads (so cell proofs keep working), managed otherwise.
    /// </summary>
    Auto,
    /// <summary>Pure managed C#.</summary>
    Managed,
    /// <summary>c-kzg-4844 through P/Invoke (assembly Blobs.Kzg.Native and libckzg must be present).</summary>
    Native,
}

/// <summary>Creates backends without a compile-time reference to the optional native assembly.</summary>
public static class KzgBackends
{
    private const string NativeTypeName = "Blobs.Kzg.Native.NativeKzgBackend, Blobs.Kzg.Native";

    /// <summary>Creates a context over the mainnet setup with the chosen backend.</summary>
    public static KzgContext CreateContext(KzgBackendKind kind) => new(Create(kind));

    /// <summary>Creates a backend over the mainnet trusted setup.</summary>
    public static IKzgBackend Create(KzgBackendKind kind) => kind switch
    {
        KzgBackendKind.Managed => CreateManaged(TrustedSetup.Mainnet),
        KzgBackendKind.Native => CreateNative(TrustedSetup.Mainnet),
        _ => CreateDefault(),
    };

    /// <summary>
    /// The default backend: the managed one when it is complete (<see cref="ManagedKzgBackend.IsComplete"/>:
    /// every EIP-4844 and EIP-7594 function in managed code); otherwise native when libckzg loads, and
    /// the managed one (EIP-4844 functions only) when it does not.
    /// </summary>
    public static IKzgBackend CreateDefault()
    {
        if (ManagedKzgBackend.IsComplete) return CreateManaged(TrustedSetup.Mainnet);
        if (TryCreateNative(TrustedSetup.Mainnet, out var native, out _)) return native!;
        return CreateManaged(TrustedSetup.Mainnet);
    }

    /// <summary>The managed backend over a setup, with default options (one thread per call, tables built on first use).</summary>
    public static IKzgBackend CreateManaged(TrustedSetup setup) => new ManagedKzgBackend(setup);

    /// <summary>The managed backend over a setup with the given options.</summary>
    public static IKzgBackend CreateManaged(TrustedSetup setup, ManagedKzgOptions options) => new ManagedKzgBackend(setup, options);

    /// <summary>The native backend over a setup; throws with the reason when it cannot load.</summary>
    public static IKzgBackend CreateNative(TrustedSetup setup)
    {
        if (TryCreateNative(setup, out var backend, out var why)) return backend!;
        throw new InvalidOperationException("native KZG backend unavailable: " + why);
    }

    /// <summary>Tries to load the native backend; <paramref name="why"/> says what is missing when it fails.</summary>
    public static bool TryCreateNative(TrustedSetup setup, out IKzgBackend? backend, out string why)
    {
        backend = null;
        Type? type;
        try { type = Type.GetType(NativeTypeName, throwOnError: false); }
        catch (Exception e) { why = e.Message; return false; }
        if (type is null) { why = "assembly Blobs.Kzg.Native is not deployed"; return false; }
        var create = type.GetMethod("TryCreate", BindingFlags.Public | BindingFlags.Static);
        if (create is null) { why = "Blobs.Kzg.Native has no TryCreate"; return false; }
        var args = new object?[] { setup, null, null };
        if ((bool)create.Invoke(null, args)!)
        {
            backend = (IKzgBackend)args[1]!;
            why = "";
            return true;
        }
        why = (string?)args[2] ?? "unknown";
        return false;
    }
}
