namespace Blobs.Kzg.Tests.Types;

public sealed class BlobAndCellTests
{
    private static byte[] CanonicalBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        for (int off = 0; off < length; off += 32) bytes[off] &= 0x3f;
        return bytes;
    }

    [Fact]
    public void Blob_checks_the_length()
    {
        var e = Assert.Throws<KzgInputException>(() => Blob.FromBytes(new byte[131071]));
        Assert.Equal("blob: expected 131072 bytes, got 131071", e.Message);
        Assert.False(Blob.TryFromBytes(new byte[5], out _, out var why));
        Assert.Equal("blob: expected 131072 bytes, got 5", why);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1234)]
    [InlineData(4095)]
    public void Blob_names_the_first_non_canonical_element(int index)
    {
        var bytes = CanonicalBytes(Blob.Size, index);
        KzgConstants.BlsModulusBigEndian.CopyTo(bytes.AsSpan(index * 32));
        var e = Assert.Throws<KzgInputException>(() => Blob.FromBytes(bytes));
        Assert.Equal($"blob: field element {index} is not canonical (value ≥ BLS_MODULUS)", e.Message);
        Assert.False(Blob.TryFromBytes(bytes, out _, out var why));
        Assert.Equal(e.Message, why);
        // BLS_MODULUS − 1 is the largest canonical value.
        bytes[index * 32 + 31] = 0;
        Assert.True(Blob.TryFromBytes(bytes, out var blob, out _));
        Assert.Equal(bytes, blob.Bytes.ToArray());
    }

    [Fact]
    public void Blob_copies_its_input_and_compares_by_value()
    {
        var bytes = CanonicalBytes(Blob.Size, 9);
        var blob = Blob.FromBytes(bytes);
        bytes[5] ^= 0xff;
        Assert.NotEqual(bytes, blob.Bytes.ToArray());
        Assert.Equal(blob, Blob.FromBytes(blob.Bytes));
        Assert.NotEqual(blob, Blob.FromBytes(bytes));
        Assert.Equal(new byte[Blob.Size], default(Blob).Bytes.ToArray());
        Assert.Equal(blob, Blob.FromHex(blob.ToString()));
        Assert.Equal(blob.Bytes.Slice(64, 32).ToArray(), blob.Element(2).ToArray());
    }

    [Fact]
    public void Cell_checks_length_and_elements_and_names_the_index()
    {
        Assert.Equal("cell 4: expected 2048 bytes, got 2047",
            Assert.Throws<KzgInputException>(() => Cell.FromBytes(new byte[2047], "cell 4")).Message);
        var bytes = CanonicalBytes(Cell.Size, 3);
        bytes[63 * 32] = 0xff;
        Assert.Equal("cell: field element 63 is not canonical (value ≥ BLS_MODULUS)",
            Assert.Throws<KzgInputException>(() => Cell.FromBytes(bytes)).Message);
        bytes[63 * 32] = 0;
        var cell = Cell.FromBytes(bytes);
        Assert.Equal(bytes, cell.Bytes.ToArray());
        Assert.Equal(cell, Cell.FromHex(cell.ToString()));
    }

    [Fact]
    public void Cell_split_names_the_cell_that_is_bad()
    {
        var bytes = CanonicalBytes(3 * Cell.Size, 4);
        Assert.Equal(3, Cell.Split(bytes).Length);
        bytes[2 * Cell.Size + 10 * 32] = 0x80;
        Assert.Equal("cell 2: field element 10 is not canonical (value ≥ BLS_MODULUS)",
            Assert.Throws<KzgInputException>(() => Cell.Split(bytes)).Message);
        Assert.Contains("not a multiple of 2048", Assert.Throws<KzgInputException>(() => Cell.Split(new byte[100])).Message);
    }

    [Fact]
    public void Context_checks_counts_of_value_type_batches_before_the_backend()
    {
        using var kzg = new KzgContext(new NoBackend());
        Assert.Contains("counts must match", Assert.Throws<KzgInputException>(() =>
            kzg.VerifyBlobKzgProofBatch(new Blob[2], new KzgCommitment[1], new KzgProof[2])).Message);
        Assert.Contains("counts must match", Assert.Throws<KzgInputException>(() =>
            kzg.VerifyCellKzgProofBatch(new KzgCommitment[1], [1UL], new Cell[2], new KzgProof[1])).Message);
        Assert.Contains("counts must match", Assert.Throws<KzgInputException>(() =>
            kzg.RecoverCellsAndKzgProofs([1UL, 2UL], new Cell[3])).Message);
        Assert.True(kzg.VerifyBlobKzgProofBatch(ReadOnlySpan<Blob>.Empty, [], []));
    }

    /// <summary>A backend that must never be reached (the checks before it must refuse the input).</summary>
    private sealed class NoBackend : IKzgBackend
    {
        public string Name => "none";
        public KzgCommitment BlobToKzgCommitment(ReadOnlySpan<byte> blob) => throw new InvalidOperationException("reached");
        public (KzgProof Proof, FieldElement Y) ComputeKzgProof(ReadOnlySpan<byte> blob, in FieldElement z) => throw new InvalidOperationException("reached");
        public KzgProof ComputeBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment) => throw new InvalidOperationException("reached");
        public bool VerifyKzgProof(in KzgCommitment commitment, in FieldElement z, in FieldElement y, in KzgProof proof) => throw new InvalidOperationException("reached");
        public bool VerifyBlobKzgProof(ReadOnlySpan<byte> blob, in KzgCommitment commitment, in KzgProof proof) => throw new InvalidOperationException("reached");
        public bool VerifyBlobKzgProofBatch(ReadOnlySpan<byte> blobs, ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<KzgProof> proofs) => throw new InvalidOperationException("reached");
        public void ComputeCells(ReadOnlySpan<byte> blob, Span<byte> cells) => throw new InvalidOperationException("reached");
        public void ComputeCellsAndKzgProofs(ReadOnlySpan<byte> blob, Span<byte> cells, Span<KzgProof> proofs) => throw new InvalidOperationException("reached");
        public void RecoverCellsAndKzgProofs(ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, Span<byte> recoveredCells, Span<KzgProof> recoveredProofs) => throw new InvalidOperationException("reached");
        public bool VerifyCellKzgProofBatch(ReadOnlySpan<KzgCommitment> commitments, ReadOnlySpan<ulong> cellIndices, ReadOnlySpan<byte> cells, ReadOnlySpan<KzgProof> proofs) => throw new InvalidOperationException("reached");
        public void Dispose() { }
    }
}
