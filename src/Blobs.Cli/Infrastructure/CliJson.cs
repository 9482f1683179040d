using System.Globalization;
using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Blobs.Cli.Infrastructure;

/// <summary>
/// The one JSON convention of every <c>--json</c> output (README, "JSON output"): amounts in wei are decimal strings
/// (they can exceed 2^53, where JSON numbers stop being exact for many readers); counts, gas, excess blob gas, update
/// fractions, block numbers, nonces and chain ids are JSON numbers; hashes, addresses and other bytes are lowercase
/// 0x-hex strings. One value (object or array) on stdout, indented, nothing else there.
/// </summary>
public static class CliJson
{
    private static readonly JsonSerializerOptions s_indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions s_oneLine = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An amount in wei: a decimal string.</summary>
    public static JsonNode Wei(BigInteger wei) => JsonValue.Create(wei.ToString(CultureInfo.InvariantCulture));

    /// <summary>An amount in wei, or null.</summary>
    public static JsonNode? Wei(BigInteger? wei) => wei is { } w ? Wei(w) : null;

    /// <summary>An array of strings (hashes, file names, notes).</summary>
    public static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>An array of strings from any values formatted by their <c>ToString</c> (hashes, commitments, proofs).</summary>
    public static JsonArray Strings<T>(IEnumerable<T> values) where T : notnull => Strings(values.Select(v => v.ToString()!));

    /// <summary>An array of JSON numbers.</summary>
    public static JsonArray Numbers(IEnumerable<int> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    /// <summary>Writes <paramref name="value"/> to <paramref name="output"/>: indented, or on one line (a value a reader takes line by line).</summary>
    public static void Write(TextWriter output, JsonNode value, bool oneLine = false) =>
        output.WriteLine(value.ToJsonString(oneLine ? s_oneLine : s_indented));
}
