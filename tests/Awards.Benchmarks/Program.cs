using Awards.Benchmarks;
using BenchmarkDotNet.Running;

// "peak-memory" writes the 2,000-essay anthology once in this fresh process and prints the peak
// working set, which BenchmarkDotNet does not measure (its MemoryDiagnoser counts allocations).
if (args is ["peak-memory", ..])
{
    PeakMemory.Run(Console.Out);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(DomainBenchmarks).Assembly).Run(args);
