using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Blobs.Codecs;

/// <summary>
/// The OP Stack blob encoding "version 0" (<c>op-service/eth/blob.go</c>, <c>Blob.FromData</c> /
/// <c>Blob.ToData</c>), name <c>op</c>.
/// <para>Rules, per blob:</para>
/// <list type="number">
/// <item>The blob is 1024 rounds of 4 field elements (128 bytes). A round carries 127 bytes of a
/// logical stream <c>S = version ‖ length ‖ data</c>, where version is the byte 0 and length is the
/// data length as a 3-byte big-endian integer (so round 0 carries 123 data bytes, every later
/// round 127).</item>
/// <item>Of the 127 bytes of a round, bytes 0..30, 32..62, 64..94 and 96..126 go to bytes 1..31 of
/// the round's four elements; the three bytes x = S[31], y = S[63], z = S[95] are cut into four
/// 6-bit pieces that fill byte 0 of the four elements:
/// e0 = x &amp; 0x3f, e1 = (y &amp; 0x0f) | (x &amp; 0xc0) &gt;&gt; 2, e2 = z &amp; 0x3f,
/// e3 = (z &amp; 0xc0) &gt;&gt; 2 | (y &amp; 0xf0) &gt;&gt; 4. The two high bits of every byte 0 stay zero, so every
/// element is canonical.</item>
/// <item>Rounds are written only while data remains (<c>ceil((length + 4) / 127)</c> rounds; none for
/// empty data, whose blob is all zero, which is also version 0, length 0); everything after is zero.</item>
/// <item>At most <see cref="MaxBlobDataSize"/> = 130044 bytes per blob.</item>
/// </list>
/// <para>Several blobs: the payload is cut into 130044-byte frames, one per blob, in order, the last
/// one shorter (empty data is one all-zero blob). Decoding decodes each blob on its own and
/// concatenates, so a blob of any length may stand anywhere (as op-batcher's frames do).</para>
/// <para>Decoding checks what op's <c>ToData</c> checks and a little more: the version byte is 0;
/// the length is at most 130044; the two high bits of byte 0 of every element in the decoded rounds
/// are zero (op skips element 0; we check it too); every bit that the encoding of that length leaves
/// zero is zero (bytes of the last round past the length, and everything after the last round).
/// Errors name the blob and element.</para>
/// </summary>
public sealed class OpStackV0Codec : ChunkedBlobCodec
{
    /// <summary>The shared instance (the codec is stateless).</summary>
    public static OpStackV0Codec Instance { get; } = new();

    /// <summary>The most data bytes one blob carries: (4·31 + 3)·1024 − 4 = 130044.</summary>
    public const int MaxBlobDataSize = (4 * 31 + 3) * 1024 - 4;

    /// <summary>The encoding version written at byte 1 of element 0.</summary>
    public const byte EncodingVersion = 0;

    private const int RoundBytes = 127;        // stream bytes per round
    private const int RoundSpan = 128;         // blob bytes per round (4 elements)
    private const int Rounds = 1024;           // rounds per blob
    private const int HeaderBytes = 4;         // version + 3-byte length
    private const int Round0Data = RoundBytes - HeaderBytes; // 123

    /// <inheritdoc />
    public override string Name => "op";

    /// <inheritdoc />
    public override int ChunkSize => MaxBlobDataSize;

    /// <inheritdoc />
    public override long Capacity(int blobCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(blobCount);
        return (long)blobCount * MaxBlobDataSize;
    }

    /// <inheritdoc />
    protected override bool NeedsTailBlob(int tailLength, long totalLength) => tailLength > 0 || totalLength == 0;

    /// <inheritdoc />
    protected override void EncodeFull(ReadOnlySpan<byte> chunk, Span<byte> blob, int blobIndex) => EncodeZeroed(chunk, blob);

    /// <inheritdoc />
    protected override void EncodeTail(ReadOnlySpan<byte> tail, Span<byte> blob, int blobIndex) => EncodeZeroed(tail, blob);

    /// <summary>Encodes at most 130044 bytes into one blob (op's <c>FromData</c>); the whole blob is overwritten.</summary>
    public static void EncodeBlob(ReadOnlySpan<byte> data, Span<byte> blob)
    {
        if (blob.Length != BlobFormat.BytesPerBlob) throw new ArgumentException($"a blob is {BlobFormat.BytesPerBlob} bytes, got {blob.Length}", nameof(blob));
        if (data.Length > MaxBlobDataSize) throw new BlobCapacityException($"{data.Length} bytes do not fit one blob under the op codec (at most {MaxBlobDataSize})");
        blob.Clear();
        EncodeZeroed(data, blob);
    }

    private static void EncodeZeroed(ReadOnlySpan<byte> data, Span<byte> blob)
    {
        if (data.IsEmpty) return;
        Span<byte> round = stackalloc byte[RoundBytes];
        // 1. Round 0: version, 3-byte big-endian length, then the first 123 data bytes (zero-padded).
        round.Clear();
        round[0] = EncodingVersion;
        round[1] = (byte)(data.Length >> 16);
        round[2] = (byte)(data.Length >> 8);
        round[3] = (byte)data.Length;
        int n0 = Math.Min(Round0Data, data.Length);
        data[..n0].CopyTo(round[HeaderBytes..]);
        EncodeRound(round, blob[..RoundSpan]);
        // 2. Full rounds straight from the input: 32-byte moves while a byte past the round exists on
        //    both sides (it is rewritten by the next round), byte-wise otherwise.
        int off = n0, r = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte src = ref MemoryMarshal.GetReference(data);
            ref byte dst = ref MemoryMarshal.GetReference(blob);
            for (; off + RoundSpan <= data.Length && r < Rounds - 1; off += RoundBytes, r++)
                EncodeRoundWide(ref Unsafe.Add(ref src, off), ref Unsafe.Add(ref dst, r * RoundSpan));
        }
        for (; off + RoundBytes <= data.Length; off += RoundBytes, r++)
            EncodeRound(data.Slice(off, RoundBytes), blob.Slice(r * RoundSpan, RoundSpan));
        // 3. The last, partial round, zero-padded.
        if (off < data.Length)
        {
            round.Clear();
            data[off..].CopyTo(round);
            EncodeRound(round, blob.Slice(r * RoundSpan, RoundSpan));
        }
    }

    /// <summary>127 stream bytes → 4 field elements (128 bytes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EncodeRound(ReadOnlySpan<byte> s, Span<byte> fe)
    {
        s = s[..RoundBytes];
        fe = fe[..RoundSpan];
        s[..31].CopyTo(fe[1..]);
        s.Slice(32, 31).CopyTo(fe[33..]);
        s.Slice(64, 31).CopyTo(fe[65..]);
        s.Slice(96, 31).CopyTo(fe[97..]);
        byte x = s[31], y = s[63], z = s[95];
        fe[0] = (byte)(x & 0x3f);
        fe[32] = (byte)((y & 0x0f) | ((x & 0xc0) >> 2));
        fe[64] = (byte)(z & 0x3f);
        fe[96] = (byte)(((z & 0xc0) >> 2) | ((y & 0xf0) >> 4));
    }

    /// <summary><see cref="EncodeRound"/> with four 32-byte moves; reads s[127] and writes fe[128] (the next round's, rewritten by it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void EncodeRoundWide(ref byte s, ref byte fe)
    {
        byte x = Unsafe.Add(ref s, 31), y = Unsafe.Add(ref s, 63), z = Unsafe.Add(ref s, 95);
        Vector256.LoadUnsafe(ref s).StoreUnsafe(ref fe, 1);
        Vector256.LoadUnsafe(ref s, 32).StoreUnsafe(ref fe, 33);
        Vector256.LoadUnsafe(ref s, 64).StoreUnsafe(ref fe, 65);
        Vector256.LoadUnsafe(ref s, 96).StoreUnsafe(ref fe, 97);
        fe = (byte)(x & 0x3f);
        Unsafe.Add(ref fe, 32) = (byte)((y & 0x0f) | ((x & 0xc0) >> 2));
        Unsafe.Add(ref fe, 64) = (byte)(z & 0x3f);
        Unsafe.Add(ref fe, 96) = (byte)(((z & 0xc0) >> 2) | ((y & 0xf0) >> 4));
    }

    /// <summary><see cref="DecodeRound"/> with four 32-byte moves; reads fe[128] and writes s[127] (the next round's, rewritten by it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DecodeRoundWide(ref byte fe, ref byte s)
    {
        byte b0 = fe, b1 = Unsafe.Add(ref fe, 32), b2 = Unsafe.Add(ref fe, 64), b3 = Unsafe.Add(ref fe, 96);
        Vector256.LoadUnsafe(ref fe, 1).StoreUnsafe(ref s);
        Vector256.LoadUnsafe(ref fe, 33).StoreUnsafe(ref s, 32);
        Vector256.LoadUnsafe(ref fe, 65).StoreUnsafe(ref s, 64);
        Vector256.LoadUnsafe(ref fe, 97).StoreUnsafe(ref s, 96);
        Unsafe.Add(ref s, 31) = (byte)((b0 & 0x3f) | ((b1 & 0x30) << 2));
        Unsafe.Add(ref s, 63) = (byte)((b1 & 0x0f) | ((b3 & 0x0f) << 4));
        Unsafe.Add(ref s, 95) = (byte)((b2 & 0x3f) | ((b3 & 0x30) << 2));
    }

    /// <summary>4 field elements (128 bytes) → 127 stream bytes (high bits of byte 0 checked elsewhere).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void DecodeRound(ReadOnlySpan<byte> fe, Span<byte> s)
    {
        fe = fe[..RoundSpan];
        s = s[..RoundBytes];
        fe.Slice(1, 31).CopyTo(s);
        fe.Slice(33, 31).CopyTo(s[32..]);
        fe.Slice(65, 31).CopyTo(s[64..]);
        fe.Slice(97, 31).CopyTo(s[96..]);
        byte b0 = fe[0], b1 = fe[32], b2 = fe[64], b3 = fe[96];
        s[31] = (byte)((b0 & 0x3f) | ((b1 & 0x30) << 2));
        s[63] = (byte)((b1 & 0x0f) | ((b3 & 0x0f) << 4));
        s[95] = (byte)((b2 & 0x3f) | ((b3 & 0x30) << 2));
    }

    /// <summary>Reads and checks the version and length of one blob; returns the length.</summary>
    public static int ReadLength(ReadOnlySpan<byte> blob, int blobIndex = 0)
    {
        if (blob.Length != BlobFormat.BytesPerBlob) throw new BlobDecodingException(blobIndex, $"{blob.Length} bytes, a blob is {BlobFormat.BytesPerBlob} bytes");
        if (blob[1] != EncodingVersion)
            throw new BlobDecodingException(blobIndex, 0, $"byte 1 (encoding version) is {blob[1]}; the op codec reads version {EncodingVersion} only");
        int length = (blob[2] << 16) | (blob[3] << 8) | blob[4];
        if (length > MaxBlobDataSize)
            throw new BlobDecodingException(blobIndex, 0, $"bytes 2..4 give a length of {length}, beyond the {MaxBlobDataSize} bytes a blob holds");
        return length;
    }

    /// <summary>Decodes one blob (op's <c>ToData</c>, with the checks listed on the class).</summary>
    public static byte[] DecodeBlob(ReadOnlySpan<byte> blob, int blobIndex = 0)
    {
        var output = new byte[ReadLength(blob, blobIndex)];
        DecodeInto(blob, blobIndex, output);
        return output;
    }

    /// <inheritdoc />
    public override byte[] Decode(IReadOnlyList<ReadOnlyMemory<byte>> blobs)
    {
        BlobFormat.CheckBlobs(blobs);
        long total = 0;
        var lengths = new int[blobs.Count];
        for (int i = 0; i < blobs.Count; i++) total += lengths[i] = ReadLength(blobs[i].Span, i);
        var output = new byte[total];
        int off = 0;
        for (int i = 0; i < blobs.Count; i++)
        {
            DecodeInto(blobs[i].Span, i, output.AsSpan(off, lengths[i]));
            off += lengths[i];
        }
        return output;
    }

    /// <summary>Decodes a blob whose checked length is <c>output.Length</c>.</summary>
    private static void DecodeInto(ReadOnlySpan<byte> blob, int blobIndex, Span<byte> output)
    {
        int length = output.Length;
        int rounds = Math.Max(1, (length + HeaderBytes + RoundBytes - 1) / RoundBytes);

        // 1. The two high bits of byte 0 of every element in the decoded rounds are zero.
        int acc = 0;
        for (int off = 0, end = rounds * RoundSpan; off < end; off += BlobFormat.BytesPerFieldElement) acc |= blob[off];
        if ((acc & 0xc0) != 0)
        {
            for (int e = 0; e < rounds * 4; e++)
            {
                byte top = blob[e * BlobFormat.BytesPerFieldElement];
                if ((top & 0xc0) != 0)
                    throw new BlobDecodingException(blobIndex, e, $"byte 0 is 0x{top:x2}{BlobFormat.NonCanonicalNote(blob.Slice(e * 32, 32))}; the op codec needs its two high bits zero");
            }
        }

        // 2. Round 0 through a buffer (its first 4 bytes are the header), full rounds straight into
        //    the output, the last partial round through the buffer.
        Span<byte> round = stackalloc byte[RoundBytes];
        DecodeRound(blob, round);
        int n0 = Math.Min(Round0Data, length);
        round.Slice(HeaderBytes, n0).CopyTo(output);
        bool clean = round[(HeaderBytes + n0)..].IndexOfAnyExcept((byte)0) < 0;
        int o = n0, r = 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref byte src = ref MemoryMarshal.GetReference(blob);
            ref byte dst = ref MemoryMarshal.GetReference(output);
            for (; o + RoundSpan <= length && r < Rounds - 1; o += RoundBytes, r++)
                DecodeRoundWide(ref Unsafe.Add(ref src, r * RoundSpan), ref Unsafe.Add(ref dst, o));
        }
        for (; o + RoundBytes <= length; o += RoundBytes, r++)
            DecodeRound(blob.Slice(r * RoundSpan, RoundSpan), output.Slice(o, RoundBytes));
        if (o < length)
        {
            DecodeRound(blob.Slice(r * RoundSpan, RoundSpan), round);
            round[..(length - o)].CopyTo(output[o..]);
            clean &= round[(length - o)..].IndexOfAnyExcept((byte)0) < 0;
            r++;
        }

        // 3. Nothing after the data: the rest of the last round and every later byte are zero.
        clean &= blob[(rounds * RoundSpan)..].IndexOfAnyExcept((byte)0) < 0;
        if (!clean) ThrowExtraneous(blob, blobIndex, output);
    }

    /// <summary>Locates the first bit the encoding of <paramref name="data"/> leaves zero but <paramref name="blob"/> sets.</summary>
    private static void ThrowExtraneous(ReadOnlySpan<byte> blob, int blobIndex, ReadOnlySpan<byte> data)
    {
        var expected = new byte[BlobFormat.BytesPerBlob];
        EncodeZeroed(data, expected);
        int p = blob.CommonPrefixLength(expected);
        throw new BlobDecodingException(blobIndex, p / BlobFormat.BytesPerFieldElement,
            $"byte {p % BlobFormat.BytesPerFieldElement} is 0x{blob[p]:x2} where the encoding of the {data.Length}-byte payload has 0x{expected[p]:x2}: non-zero data after the end of the payload");
    }
}
