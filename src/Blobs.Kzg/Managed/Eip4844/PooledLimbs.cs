using System.Buffers;

namespace Blobs.Kzg.Managed.Eip4844;

/// <summary>
/// A polynomial-sized buffer of canonical limbs (4 × 4096 ulongs, 128 KiB) rented from the shared pool:
/// a fresh array of that size per call would land on the large-object heap and trigger full collections.
/// </summary>
internal readonly struct PooledLimbs : IDisposable
{
    /// <summary>Limbs of a polynomial over the blob domain.</summary>
    public const int Length = 4 * KzgConstants.FieldElementsPerBlob;

    private readonly ulong[] _array;

    private PooledLimbs(ulong[] array) => _array = array;

    /// <summary>Rents a buffer (contents unspecified).</summary>
    public static PooledLimbs Rent() => new(ArrayPool<ulong>.Shared.Rent(Length));

    /// <summary>The <see cref="Length"/> limbs.</summary>
    public Span<ulong> Span => _array.AsSpan(0, Length);

    /// <inheritdoc />
    public void Dispose() => ArrayPool<ulong>.Shared.Return(_array);
}
