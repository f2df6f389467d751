using BenchmarkDotNet.Running;
using Logistics.Benchmarks;

if (args is ["--cpu-time", .. var ids])
    return CpuTimeRun.Run(ids);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
