using BenchmarkDotNet.Running;

if (args is ["bls-cputime", ..])
{
    Blobs.Benchmarks.Bls12381.CpuTimeBench.Run();
    return;
}

if (args is ["pairing-cputime", ..])
{
    Blobs.Benchmarks.Bls12381.PairingCpuTimeBench.Run(args);
    return;
}

if (args is ["kzg-cputime", ..])
{
    Blobs.Benchmarks.Kzg.KzgCpuTimeBench.Run(args.Length > 1 ? args[1] : null);
    return;
}

if (args is ["cells-cputime", ..])
{
    Blobs.Benchmarks.Kzg.CellBenchmarks.CpuTime.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
