using Blobs.Fuzz;
using SharpFuzz;

// Usage:
//   Blobs.Fuzz TARGET                 run under afl-fuzz (SharpFuzz fork server; input on stdin), or once on stdin
//   Blobs.Fuzz TARGET --replay PATH…  run files or folders of inputs, print one line per failing input, exit 1 on any
//   Blobs.Fuzz --list                 list the targets
//   Blobs.Fuzz --seeds DIR            write the seed inputs of every target under DIR/TARGET/
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("usage: Blobs.Fuzz TARGET [--replay PATH...] | --list | --seeds DIR");
    return 2;
}
if (args[0] == "--list")
{
    foreach (var t in FuzzTargets.All) Console.WriteLine($"{t.Name}\t{t.Description}");
    return 0;
}
if (args[0] == "--seeds")
{
    int n = FuzzSeeds.WriteAll(args.Length > 1 ? args[1] : "fuzz/corpus");
    Console.Error.WriteLine($"wrote {n} seed inputs");
    return 0;
}
var target = FuzzTargets.Get(args[0]);
if (args.Length > 1 && args[1] == "--replay")
{
    var files = args.Skip(2).SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p]).ToArray();
    int failed = 0;
    foreach (var file in files)
    {
        try { target.Run(File.ReadAllBytes(file)); }
        catch (Exception e)
        {
            failed++;
            Console.WriteLine($"{file}: {e.GetType().FullName}: {e.Message}");
            Console.WriteLine(e.StackTrace);
        }
    }
    Console.Error.WriteLine($"{target.Name}: {files.Length} inputs, {failed} failing");
    return failed == 0 ? 0 : 1;
}
// No warm-up here: instrumented code may only run inside Fuzzer.Run (its coverage map is set up there).
Fuzzer.Run(stream =>
{
    using var ms = new MemoryStream();
    stream.CopyTo(ms);
    target.Run(ms.ToArray());
});
return 0;
