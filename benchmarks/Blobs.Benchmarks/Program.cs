using BenchmarkDotNet.Running;

if (args is ["bls-cputime", ..])
{
    Blobs.Benchmarks.Bls12381.CpuTimeBench.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
