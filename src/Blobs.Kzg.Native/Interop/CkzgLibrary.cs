using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Blobs.Kzg.Native.Interop;

/// <summary>
/// One loaded libckzg.so (c-kzg-4844 4.1.0 plus the Blobs shim) and the addresses of the functions
/// the backend calls. Every export is resolved when the library loads, so a stale or foreign library
/// fails once with a reason instead of at the first call. Libraries are loaded once per path and
/// never unloaded (settings created from them may live as long as the process).
/// Pointer arguments follow ckzg.h: Blob* is 131072 bytes, Cell* 2048 bytes per cell, Bytes48* 48
/// bytes, Bytes32* 32 bytes, bool* one byte, C_KZG_RET an int.
/// </summary>
internal sealed unsafe class CkzgLibrary
{
    /// <summary>The shim ABI version this assembly was written against (blobs_ckzg_shim_version).</summary>
    public const uint ExpectedShimVersion = 1;

    private static readonly ConcurrentDictionary<string, CkzgLibrary> s_loaded = new(StringComparer.Ordinal);
    private static readonly object s_loadLock = new();

    private CkzgLibrary(string path) => Path = path;

    /// <summary>The file the library was loaded from.</summary>
    public string Path { get; }

    /// <summary>sizeof(KZGSettings) reported by the library.</summary>
    public nuint SettingsSize { get; private set; }

    // setup/setup.h
    public delegate* unmanaged<void*, byte*, ulong, byte*, ulong, byte*, ulong, ulong, int> LoadTrustedSetup;
    public delegate* unmanaged<void*, void> FreeTrustedSetup;

    // eip4844/eip4844.h
    public delegate* unmanaged<byte*, byte*, void*, int> BlobToKzgCommitment;
    public delegate* unmanaged<byte*, byte*, byte*, byte*, void*, int> ComputeKzgProof;
    public delegate* unmanaged<byte*, byte*, byte*, void*, int> ComputeBlobKzgProof;
    public delegate* unmanaged<byte*, byte*, byte*, byte*, byte*, void*, int> VerifyKzgProof;
    public delegate* unmanaged<byte*, byte*, byte*, byte*, void*, int> VerifyBlobKzgProof;
    public delegate* unmanaged<byte*, byte*, byte*, byte*, ulong, void*, int> VerifyBlobKzgProofBatch;

    // eip7594/eip7594.h
    public delegate* unmanaged<byte*, byte*, byte*, void*, int> ComputeCellsAndKzgProofs;
    public delegate* unmanaged<byte*, byte*, ulong*, byte*, ulong, void*, int> RecoverCellsAndKzgProofs;
    public delegate* unmanaged<byte*, byte*, ulong*, byte*, byte*, ulong, void*, int> VerifyCellKzgProofBatch;

    // native/blobs_ckzg_shim.c
    public delegate* unmanaged<byte*, int> CheckG1;
    public delegate* unmanaged<byte*, byte*, byte*, int> ComputeChallenge;
    public delegate* unmanaged<byte*, byte*, ulong, ulong*, ulong*, byte*, byte*, ulong, int> ComputeVerifyCellKzgProofBatchChallenge;

    /// <summary>Loads (or returns the already loaded) library at <paramref name="path"/>.</summary>
    public static bool TryLoad(string path, out CkzgLibrary? library, out string why)
    {
        why = "";
        if (s_loaded.TryGetValue(path, out library)) return true;
        lock (s_loadLock)
        {
            if (s_loaded.TryGetValue(path, out library)) return true;
            IntPtr handle;
            try
            {
                handle = NativeLibrary.Load(path);
            }
            catch (Exception e) when (e is DllNotFoundException or BadImageFormatException or ArgumentException)
            {
                why = $"cannot load {path}: {e.Message}";
                return false;
            }
            var lib = new CkzgLibrary(path);
            if (!lib.TryBind(handle, out why)) return false;
            s_loaded[path] = library = lib;
            return true;
        }
    }

    private bool TryBind(IntPtr handle, out string why)
    {
        string? missing = null;
        IntPtr Get(string name)
        {
            if (NativeLibrary.TryGetExport(handle, name, out var address)) return address;
            missing ??= name;
            return IntPtr.Zero;
        }

        LoadTrustedSetup = (delegate* unmanaged<void*, byte*, ulong, byte*, ulong, byte*, ulong, ulong, int>)Get("load_trusted_setup");
        FreeTrustedSetup = (delegate* unmanaged<void*, void>)Get("free_trusted_setup");
        BlobToKzgCommitment = (delegate* unmanaged<byte*, byte*, void*, int>)Get("blob_to_kzg_commitment");
        ComputeKzgProof = (delegate* unmanaged<byte*, byte*, byte*, byte*, void*, int>)Get("compute_kzg_proof");
        ComputeBlobKzgProof = (delegate* unmanaged<byte*, byte*, byte*, void*, int>)Get("compute_blob_kzg_proof");
        VerifyKzgProof = (delegate* unmanaged<byte*, byte*, byte*, byte*, byte*, void*, int>)Get("verify_kzg_proof");
        VerifyBlobKzgProof = (delegate* unmanaged<byte*, byte*, byte*, byte*, void*, int>)Get("verify_blob_kzg_proof");
        VerifyBlobKzgProofBatch = (delegate* unmanaged<byte*, byte*, byte*, byte*, ulong, void*, int>)Get("verify_blob_kzg_proof_batch");
        ComputeCellsAndKzgProofs = (delegate* unmanaged<byte*, byte*, byte*, void*, int>)Get("compute_cells_and_kzg_proofs");
        RecoverCellsAndKzgProofs = (delegate* unmanaged<byte*, byte*, ulong*, byte*, ulong, void*, int>)Get("recover_cells_and_kzg_proofs");
        VerifyCellKzgProofBatch = (delegate* unmanaged<byte*, byte*, ulong*, byte*, byte*, ulong, void*, int>)Get("verify_cell_kzg_proof_batch");
        CheckG1 = (delegate* unmanaged<byte*, int>)Get("blobs_ckzg_check_g1");
        ComputeChallenge = (delegate* unmanaged<byte*, byte*, byte*, int>)Get("blobs_ckzg_compute_challenge");
        ComputeVerifyCellKzgProofBatchChallenge =
            (delegate* unmanaged<byte*, byte*, ulong, ulong*, ulong*, byte*, byte*, ulong, int>)Get("blobs_ckzg_compute_verify_cell_kzg_proof_batch_challenge");
        var version = (delegate* unmanaged<uint>)Get("blobs_ckzg_shim_version");
        var settingsSize = (delegate* unmanaged<ulong>)Get("blobs_ckzg_settings_size");

        if (missing is not null)
        {
            why = $"{Path} lacks the export {missing} (not built by this checkout's scripts/bootstrap.sh with the Blobs shim); run scripts/bootstrap.sh";
            return false;
        }
        uint shimVersion = version();
        if (shimVersion != ExpectedShimVersion)
        {
            why = $"{Path} has Blobs shim version {shimVersion}, this assembly needs {ExpectedShimVersion}; run scripts/bootstrap.sh";
            return false;
        }
        SettingsSize = (nuint)settingsSize();
        why = "";
        return true;
    }
}
