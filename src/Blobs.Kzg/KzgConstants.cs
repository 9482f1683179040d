namespace Blobs.Kzg;

/// <summary>Sizes and constants of the deneb and fulu polynomial-commitment specs.</summary>
public static class KzgConstants
{
    /// <summary>BYTES_PER_FIELD_ELEMENT.</summary>
    public const int BytesPerFieldElement = 32;
    /// <summary>FIELD_ELEMENTS_PER_BLOB.</summary>
    public const int FieldElementsPerBlob = 4096;
    /// <summary>BYTES_PER_BLOB = 131072.</summary>
    public const int BytesPerBlob = BytesPerFieldElement * FieldElementsPerBlob;
    /// <summary>BYTES_PER_COMMITMENT (compressed G1).</summary>
    public const int BytesPerCommitment = 48;
    /// <summary>BYTES_PER_PROOF (compressed G1).</summary>
    public const int BytesPerProof = 48;
    /// <summary>Compressed G2 point size.</summary>
    public const int BytesPerG2 = 96;
    /// <summary>FIELD_ELEMENTS_PER_EXT_BLOB.</summary>
    public const int FieldElementsPerExtBlob = 2 * FieldElementsPerBlob;
    /// <summary>FIELD_ELEMENTS_PER_CELL.</summary>
    public const int FieldElementsPerCell = 64;
    /// <summary>BYTES_PER_CELL = 2048.</summary>
    public const int BytesPerCell = BytesPerFieldElement * FieldElementsPerCell;
    /// <summary>CELLS_PER_EXT_BLOB = 128.</summary>
    public const int CellsPerExtBlob = FieldElementsPerExtBlob / FieldElementsPerCell;
    /// <summary>Number of G2 monomial points in the trusted setup (FIELD_ELEMENTS_PER_CELL + 1).</summary>
    public const int G2PointsInSetup = 65;
    /// <summary>VERSIONED_HASH_VERSION_KZG.</summary>
    public const byte VersionedHashVersionKzg = 0x01;

    /// <summary>BLS_MODULUS, big-endian: 0x73eda753…00000001.</summary>
    public static ReadOnlySpan<byte> BlsModulusBigEndian =>
    [
        0x73, 0xed, 0xa7, 0x53, 0x29, 0x9d, 0x7d, 0x48, 0x33, 0x39, 0xd8, 0x08, 0x09, 0xa1, 0xd8, 0x05,
        0x53, 0xbd, 0xa4, 0x02, 0xff, 0xfe, 0x5b, 0xfe, 0xff, 0xff, 0xff, 0xff, 0x00, 0x00, 0x00, 0x01,
    ];
}
