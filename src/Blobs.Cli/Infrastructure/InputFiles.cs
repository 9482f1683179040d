using System.Text;
using Blobs.Kzg;

namespace Blobs.Cli.Infrastructure;

/// <summary>Reads binary inputs that may be given raw or as 0x-hex text (in a file, or on the command line).</summary>
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
        if (HexText(raw) is { } text)
        {
            var bytes = Hex.Decode(text, path);
            if (bytes.Length == expectedLength) return bytes;
            throw new KzgInputException($"{path}: hex text holds {bytes.Length} bytes, a {what} is {expectedLength}");
        }
        throw new KzgInputException($"{path}: {raw.Length} bytes, a {what} is {expectedLength} bytes (raw) or their 0x-hex text");
    }

    /// <summary>
    /// Bytes given as 0x-hex on the command line, or as a file holding their hex text or the raw bytes. Anything else is a
    /// <see cref="CliException"/> (invalid input) naming the input and the problem.
    /// </summary>
    public static byte[] ReadHexOrFile(string input, string what)
    {
        string? text;
        string source;
        byte[]? raw = null;
        if (File.Exists(input))
        {
            raw = File.ReadAllBytes(input);
            text = HexText(raw);
            source = input + ": ";
        }
        else if (input.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            text = input;
            source = "";
        }
        else throw new CliException($"'{(input.Length > 40 ? input[..40] + "…" : input)}' is neither a file nor 0x-hex", ExitCodes.InvalidInput);
        if (text is null) return raw!;
        try { return Hex.Decode(text, what); }
        catch (KzgInputException e) { throw new CliException(source + e.Message, ExitCodes.InvalidInput, e); }
    }

    /// <summary>
    /// The trimmed text of <paramref name="raw"/> when it is meant as hex — it starts with 0x (then a bad digit is an
    /// error to report, not raw bytes), or holds only hex digits — else null (raw bytes).
    /// </summary>
    private static string? HexText(byte[] raw)
    {
        var s = Encoding.ASCII.GetString(raw).Trim();
        return s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) || (s.Length > 0 && s.All(Uri.IsHexDigit)) ? s : null;
    }
}
