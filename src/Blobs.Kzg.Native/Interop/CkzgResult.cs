namespace Blobs.Kzg.Native.Interop;

/// <summary>C_KZG_RET: the return code of every c-kzg function that can fail.</summary>
internal enum CkzgResult
{
    /// <summary>C_KZG_OK.</summary>
    Ok = 0,
    /// <summary>C_KZG_BADARGS: the supplied data is invalid in some way.</summary>
    BadArgs = 1,
    /// <summary>C_KZG_ERROR: internal error, should never occur.</summary>
    Error = 2,
    /// <summary>C_KZG_MALLOC: could not allocate memory.</summary>
    Malloc = 3,
}
