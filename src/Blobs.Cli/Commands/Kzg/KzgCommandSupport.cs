using System.CommandLine;
using Blobs.Cli.Infrastructure;
using Blobs.Kzg;
using Blobs.Kzg.Native;

namespace Blobs.Cli.Commands.Kzg;

/// <summary>What the KZG commands share: reading blob files and hex arguments, choosing the backend, running per blob.</summary>
internal static class KzgCommandSupport
{
    /// <summary>
    /// The EIP-4844 commands never compute cells, so with the native backend they load c-kzg without
    /// the precompute tables (about a second faster and 100 MB smaller) unless BLOBS_CKZG_PRECOMPUTE
    /// asks for them. Loaded once per process.
    /// </summary>
    private static readonly Lazy<KzgContext?> s_nativeNoPrecompute = new(() =>
        Environment.GetEnvironmentVariable(NativeKzgOptions.PrecomputeVariable) is null &&
        NativeKzgBackend.TryCreateWith(TrustedSetup.Mainnet, new NativeKzgOptions { Precompute = 0 }, out var backend, out _)
            ? new KzgContext(backend!)
            : null);

    /// <summary>FILE arguments: raw 131072-byte blobs or their 0x-hex text.</summary>
    public static Argument<string[]> FilesArgument(string description) => new("FILE")
    {
        Description = description,
        Arity = ArgumentArity.OneOrMore,
    };

    /// <summary>
    /// The context for <c>--kzg</c>: auto and native use c-kzg without precompute tables when it loads;
    /// otherwise (managed, or native missing) the global option decides and reports what is missing.
    /// The returned context is shared: do not dispose it.
    /// </summary>
    public static KzgContext Context(ParseResult parse)
    {
        var kind = parse.GetValue(GlobalOptions.Kzg);
        if (kind is "auto" or "native" && s_nativeNoPrecompute.Value is { } native) return native;
        return GlobalOptions.CreateKzg(parse);
    }

    /// <summary>
    /// Reads and validates every file before any KZG work, so a bad file stops the command with exit 2
    /// and no partial output. Errors name the file and the problem (length, element index).
    /// </summary>
    public static Blob[] ReadBlobs(IReadOnlyList<string> paths)
    {
        var blobs = new Blob[paths.Count];
        for (int i = 0; i < paths.Count; i++)
        {
            var bytes = InputFiles.ReadExact(paths[i], KzgConstants.BytesPerBlob, "blob");
            blobs[i] = Blob.FromBytes(bytes, paths[i]);
        }
        return blobs;
    }

    /// <summary>Parses a 48-byte hex commitment given to <paramref name="option"/>.</summary>
    public static KzgCommitment ParseCommitment(string text, string option) =>
        KzgCommitment.FromBytes(DecodeHex(text, option, KzgCommitment.Size));

    /// <summary>Parses a 48-byte hex proof given to <paramref name="option"/>.</summary>
    public static KzgProof ParseProof(string text, string option) =>
        KzgProof.FromBytes(DecodeHex(text, option, KzgProof.Size));

    private static byte[] DecodeHex(string text, string option, int size)
    {
        var bytes = Hex.Decode(text, option);
        if (bytes.Length != size) throw new KzgInputException($"{option}: expected {size} bytes, got {bytes.Length}");
        return bytes;
    }

    /// <summary>Runs <paramref name="work"/> for every index on all cores; results keep their order.</summary>
    public static T[] Map<T>(int count, Func<int, T> work)
    {
        var results = new T[count];
        if (count == 1) results[0] = work(0);
        else Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i => results[i] = work(i));
        return results;
    }
}
