namespace Blobs.Kzg;

/// <summary>0x-hex helpers with precise errors.</summary>
public static class Hex
{
    /// <summary>Decodes 0x-prefixed or bare hex (whitespace around it ignored); throws <see cref="KzgInputException"/> naming <paramref name="what"/>.</summary>
    public static byte[] Decode(string hex, string what = "hex")
    {
        ArgumentNullException.ThrowIfNull(hex);
        var s = hex.AsSpan().Trim();
        if (s.StartsWith("0x") || s.StartsWith("0X")) s = s[2..];
        if (s.Length % 2 != 0)
            throw new KzgInputException($"{what}: odd number of hex digits ({s.Length})");
        var result = new byte[s.Length / 2];
        for (int i = 0; i < result.Length; i++)
        {
            int hi = Nibble(s[2 * i]), lo = Nibble(s[2 * i + 1]);
            if ((hi | lo) < 0)
                throw new KzgInputException($"{what}: invalid hex character at position {2 * i + (hi < 0 ? 0 : 1)}");
            result[i] = (byte)((hi << 4) | lo);
        }
        return result;
    }

    /// <summary>Encodes as 0x-prefixed lowercase hex.</summary>
    public static string Encode(ReadOnlySpan<byte> bytes) => "0x" + Convert.ToHexStringLower(bytes);

    private static int Nibble(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
