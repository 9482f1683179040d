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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
