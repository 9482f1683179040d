using Blobs.Kzg.Tests.Infrastructure;

namespace Blobs.Kzg.Tests.Cells;

/// <summary>The c-kzg backend as the differential oracle: skips without libckzg, fails under CI=true.</summary>
internal static class NativeOracle
{
    public static KzgContext Get()
    {
        var native = TestBackends.TryNative(out var why);
        if (native is null) TestEnvironment.SkipOrFailUnderCI(why);
        return native!;
    }

    public const int CellsBytes = KzgConstants.CellsPerExtBlob * KzgConstants.BytesPerCell;

    /// <summary>A seeded random subset of <paramref name="count"/> cell indices, ascending.</summary>
    public static ulong[] Subset(Random rng, int count) =>
        Enumerable.Range(0, KzgConstants.CellsPerExtBlob).OrderBy(_ => rng.Next()).Take(count).Order().Select(i => (ulong)i).ToArray();

    /// <summary>The cells at <paramref name="indices"/>, back to back.</summary>
    public static byte[] Gather(ReadOnlySpan<byte> cells, ReadOnlySpan<ulong> indices)
    {
        var result = new byte[indices.Length * KzgConstants.BytesPerCell];
        for (int i = 0; i < indices.Length; i++)
            cells.Slice((int)indices[i] * KzgConstants.BytesPerCell, KzgConstants.BytesPerCell).CopyTo(result.AsSpan(i * KzgConstants.BytesPerCell));
        return result;
    }
}
