using System.Diagnostics;
using System.Globalization;
using Logistics.Adapters.Sdk;

namespace Logistics.Benchmarks;

/// <summary>
/// A second opinion for a shared machine: messages per second of the process's CPU time rather than of wall time.
/// BenchmarkDotNet's wall-clock Mean counts the time the benchmark thread waits for a core while other work runs; CPU
/// time does not (it still pays for cache and core sharing, so it errs slow, never fast). Same samples and loop as
/// <see cref="AdapterTranslateBenchmarks"/>; GC threads' CPU time counts, as it should.
/// Run: dotnet run -c Release --project tests/Logistics.Benchmarks -- --cpu-time [adapter-id …]
/// </summary>
static class CpuTimeRun
{
    const int Rounds = 5;
    static readonly TimeSpan RoundCpu = TimeSpan.FromSeconds(1);

    public static int Run(IReadOnlyList<string> ids)
    {
        var adapters = ids.Count == 0
            ? AdapterRegistry.Default.Adapters.ToList()
            : ids.Select(id => AdapterRegistry.Default.TryGetAdapter(id, out var a) ? a : throw new ArgumentException($"unknown adapter {id}")).ToList();
        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine("| adapter | samples | Msg/s of CPU time (median of 5) | min–max | Msg/s of wall time (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var adapter in adapters.OrderBy(a => a.Info.Id, StringComparer.Ordinal))
        {
            var samples = AdapterSamples.Load(adapter).ToArray();
            if (samples.Length == 0) continue;
            foreach (var (raw, context) in samples)
                if (adapter.Translate(raw, context) is Rejected r) throw new InvalidOperationException($"{adapter.Info.Id}: a sample is rejected: {r.Rejection.Message}");
            Loop(adapter, samples, TimeSpan.FromSeconds(0.5)); // warm-up: tiered JIT to its optimised code
            var rounds = Enumerable.Range(0, Rounds).Select(_ => Loop(adapter, samples, RoundCpu)).ToList();
            var cpu = rounds.Select(r => r.CpuRate).Order().ToList();
            var wall = rounds.Select(r => r.WallRate).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {adapter.Info.Id} | {samples.Length} | **{cpu[Rounds / 2]:N0}** | {cpu[0]:N0}–{cpu[^1]:N0} | {wall[Rounds / 2]:N0} |"));
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    static (double CpuRate, double WallRate) Loop(IAdapter adapter, (byte[] Raw, TranslationContext Context)[] samples, TimeSpan cpuBudget)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long n = 0;
        TimeSpan cpu;
        do
        {
            for (var i = 0; i < 1000; i++, n++)
            {
                var (raw, context) = samples[n % samples.Length];
                adapter.Translate(raw, context);
            }
            process.Refresh();
            cpu = process.TotalProcessorTime - cpu0;
        } while (cpu < cpuBudget);
        return (n / cpu.TotalSeconds, n / wall.Elapsed.TotalSeconds);
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
