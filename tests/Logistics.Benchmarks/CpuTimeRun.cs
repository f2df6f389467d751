using System.Diagnostics;
using System.Globalization;
using Logistics.Adapters.Sdk;

namespace Logistics.Benchmarks;

/// <summary>
/// A second opinion for a shared machine: messages per second of the process's CPU time rather than of wall time.
/// BenchmarkDotNet's wall-clock Mean counts the time the benchmark thread waits for a core while other work runs; CPU
/// time does not (it still pays for cache and core sharing, so it errs slow, never fast). Same samples and loop as
/// <see cref="AdapterTranslateBenchmarks"/> (every adapter's translation samples) and <see cref="CodecDecodeBenchmarks"/>
/// (every codec's published vectors it decodes); GC threads' CPU time counts, as it should.
/// Run: dotnet run -c Release --project tests/Logistics.Benchmarks -- --cpu-time [adapter-or-codec-id …]
/// (CPU_ROUND_SECONDS=0.3 for shorter rounds).
/// </summary>
static class CpuTimeRun
{
    const int Rounds = 5;
    /// <summary>CPU time per round: 1 s, or <c>CPU_ROUND_SECONDS</c> (a shorter round for many ids on a busy machine).</summary>
    static readonly TimeSpan RoundCpu = TimeSpan.FromSeconds(
        double.TryParse(Environment.GetEnvironmentVariable("CPU_ROUND_SECONDS"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s : 1);

    public static int Run(IReadOnlyList<string> ids)
    {
        var registry = AdapterRegistry.Default;
        var unknown = ids.Where(id => !registry.TryGetAdapter(id, out _) && !registry.TryGetCodec(id, out _)).ToList();
        if (unknown.Count > 0)
        {
            Console.Error.WriteLine($"unknown adapter or codec: {string.Join(", ", unknown)}");
            return 2;
        }
        bool Wanted(string id) => ids.Count == 0 || ids.Contains(id);

        Console.WriteLine($"load average at start: {LoadAverage()}");
        Console.WriteLine("| adapter or codec | inputs | Msg/s of CPU time (median of 5) | min–max | Msg/s of wall time (median) |");
        Console.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var adapter in registry.Adapters.Where(a => Wanted(a.Info.Id)).OrderBy(a => a.Info.Id, StringComparer.Ordinal))
        {
            var samples = AdapterSamples.Load(adapter).ToArray();
            if (samples.Length == 0) throw new InvalidOperationException($"{adapter.Info.Id} has no translation samples to measure");
            foreach (var (raw, context) in samples)
                if (adapter.Translate(raw, context) is Rejected r) throw new InvalidOperationException($"{adapter.Info.Id}: a sample is rejected: {r.Rejection.Message}");
            Measure(adapter.Info.Id, samples.Length, i => adapter.Translate(samples[i % samples.Length].Raw, samples[i % samples.Length].Context));
        }
        foreach (var codec in registry.Codecs.Where(c => Wanted(c.Id)).OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var payloads = CodecDecodeBenchmarks.VectorPayloads(AdapterFolders.FolderOf(codec)).Where(p => codec.Decode(p, 85) is CodecDecoded).ToArray();
            if (payloads.Length == 0) throw new InvalidOperationException($"{codec.Id} has no vector it decodes to measure");
            Measure($"codec {codec.Id}", payloads.Length, i => codec.Decode(payloads[i % payloads.Length], 85));
        }
        Console.WriteLine($"load average at end: {LoadAverage()}");
        return 0;
    }

    static void Measure(string name, int inputs, Func<long, object> one)
    {
        Loop(one, TimeSpan.FromSeconds(0.5)); // warm-up: tiered JIT to its optimised code
        var rounds = Enumerable.Range(0, Rounds).Select(_ => Loop(one, RoundCpu)).ToList();
        var cpu = rounds.Select(r => r.CpuRate).Order().ToList();
        var wall = rounds.Select(r => r.WallRate).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {inputs} | **{cpu[Rounds / 2]:N0}** | {cpu[0]:N0}–{cpu[^1]:N0} | {wall[Rounds / 2]:N0} |"));
    }

    static (double CpuRate, double WallRate) Loop(Func<long, object> one, TimeSpan cpuBudget)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        long n = 0;
        TimeSpan cpu;
        do
        {
            for (var i = 0; i < 1000; i++, n++) one(n);
            process.Refresh();
            cpu = process.TotalProcessorTime - cpu0;
        } while (cpu < cpuBudget);
        return (n / cpu.TotalSeconds, n / wall.Elapsed.TotalSeconds);
    }

    static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
