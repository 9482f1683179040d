using System.Text;
using Blobs.Kzg;

namespace Blobs.Cli.Infrastructure;

/// <summary>Reads binary inputs that may be given raw or as 0x-hex text.</summary>
public static class InputFiles
{
    /// <summary>
    /// Reads a file holding exactly <paramref name="expectedLength"/> raw bytes, or the 0x-hex text of
    /// them (whitespace allowed around it). Throws <see cref="KzgInputException"/> naming the file and the length found.
    /// </summary>
    public static byte[] ReadExact(string path, int expectedLength, string what)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{what} file not found: {path}", path);
        var raw = File.ReadAllBytes(path);
        if (raw.Length == expectedLength) return raw;
        if (LooksLikeHex(raw))
        {
            var bytes = Hex.Decode(Encoding.ASCII.GetString(raw), $"{path}");
            if (bytes.Length == expectedLength) return bytes;
            throw new KzgInputException($"{path}: hex text holds {bytes.Length} bytes, a {what} is {expectedLength}");
        }
        throw new KzgInputException($"{path}: {raw.Length} bytes, a {what} is {expectedLength} bytes (raw) or their 0x-hex text");
    }

    private static bool LooksLikeHex(byte[] raw)
    {
        var s = Encoding.ASCII.GetString(raw).Trim();
        if (s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)) s = s[2..];
        return s.Length > 0 && s.All(Uri.IsHexDigit);
    }
}
