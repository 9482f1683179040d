using YamlDotNet.RepresentationModel;

namespace Blobs.Kzg.Tests.Vectors;

/// <summary>
/// One official test case: <c>input</c> (a mapping of named values) and <c>output</c> (a value, or null
/// when the inputs are invalid and the function must reject them). Values are read as the vectors
/// write them: 0x-hex strings, lists of them, integer lists, booleans.
/// </summary>
internal sealed class VectorCase
{
    private readonly YamlMappingNode _input;

    private VectorCase(string handler, string name, YamlMappingNode input, YamlNode? output)
    {
        Handler = handler;
        Name = name;
        _input = input;
        Output = output;
    }

    /// <summary>The handler (spec function) name.</summary>
    public string Handler { get; }

    /// <summary>The case directory name.</summary>
    public string Name { get; }

    /// <summary>The expected output; null when the call must be rejected as invalid input.</summary>
    public YamlNode? Output { get; }

    /// <summary>True when <c>output: null</c>.</summary>
    public bool ExpectsInvalidInput => Output is null;

    /// <summary>Reads a case's data.yaml.</summary>
    public static VectorCase Load(string handler, string name)
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(VectorFiles.DataFile(handler, name)))
            yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var input = (YamlMappingNode)root.Children[new YamlScalarNode("input")];
        var output = root.Children[new YamlScalarNode("output")];
        return new VectorCase(handler, name, input, IsNull(output) ? null : output);
    }

    /// <summary>An input value as bytes (0x-hex); throws <see cref="KzgInputException"/> for malformed hex, as the API would.</summary>
    public byte[] Bytes(string key) => Hex.Decode(Scalar(_input.Children[new YamlScalarNode(key)]), key);

    /// <summary>An input list of 0x-hex values as byte arrays.</summary>
    public byte[][] BytesList(string key) =>
        Sequence(key).Select((n, i) => Hex.Decode(Scalar(n), $"{key}[{i}]")).ToArray();

    /// <summary>An input list of lists of 0x-hex values, each inner list concatenated (cosets_evals: one cell per entry).</summary>
    public byte[][] ConcatenatedLists(string key) =>
        Sequence(key).Select((n, i) => ((YamlSequenceNode)n).Children
            .SelectMany((e, j) => Hex.Decode(Scalar(e), $"{key}[{i}][{j}]")).ToArray()).ToArray();

    /// <summary>An input list of unsigned integers.</summary>
    public ulong[] UInt64List(string key) =>
        Sequence(key).Select(n => ulong.Parse(Scalar(n), System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>
    /// The expected output flattened into strings (lower-case hex, "true"/"false") in document order;
    /// handlers return their results flattened the same way.
    /// </summary>
    public IReadOnlyList<string> ExpectedFlat()
    {
        var result = new List<string>();
        Flatten(Output ?? throw new InvalidOperationException("case expects invalid input"), result);
        return result;
    }

    private IEnumerable<YamlNode> Sequence(string key) => ((YamlSequenceNode)_input.Children[new YamlScalarNode(key)]).Children;

    private static void Flatten(YamlNode node, List<string> into)
    {
        switch (node)
        {
            case YamlSequenceNode seq:
                foreach (var child in seq.Children) Flatten(child, into);
                break;
            case YamlScalarNode scalar:
                into.Add(Scalar(scalar).ToLowerInvariant());
                break;
            default:
                throw new InvalidDataException($"unexpected YAML node {node.NodeType}");
        }
    }

    private static string Scalar(YamlNode node) => ((YamlScalarNode)node).Value ?? "";

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" or null };
}
