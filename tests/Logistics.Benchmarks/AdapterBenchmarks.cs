using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Logistics.Adapters.Sdk;

namespace Logistics.Benchmarks;

/// <summary>
/// PERFORMANCE.md: every adapter translates ≥ 20,000 messages/s on one core. One benchmark per adapter of the registry
/// (new adapters are picked up without touching this file); each invocation translates the next of the adapter's
/// samples, so Mean is the time per message, "Msg/s" its inverse and "Allocated" the bytes allocated per message.
/// The raw hash is computed once in setup, as the host does at intake, not per translation.
/// Run: dotnet run -c Release --project tests/Logistics.Benchmarks -- --filter '*AdapterTranslate*' --job short
/// (BENCH_ADAPTERS=iata-fsu,ups … measures only those adapters).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(AdapterBenchmarkConfig))]
public class AdapterTranslateBenchmarks
{
    IAdapter _adapter = null!;
    (byte[] Raw, TranslationContext Context)[] _samples = [];
    int _next;

    /// <summary>Every registered adapter, or those named in <c>BENCH_ADAPTERS</c> (comma-separated ids) to measure a few.</summary>
    public static IEnumerable<string> AdapterIds()
    {
        var only = Environment.GetEnvironmentVariable("BENCH_ADAPTERS")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = AdapterRegistry.Default.Adapters.Select(a => a.Info.Id);
        return only is { Length: > 0 } ? ids.Where(only.Contains) : ids;
    }

    [ParamsSource(nameof(AdapterIds))]
    public string Adapter { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        if (!AdapterRegistry.Default.TryGetAdapter(Adapter, out _adapter))
            throw new InvalidOperationException($"unknown adapter {Adapter}");
        _samples = [.. AdapterSamples.Load(_adapter)];
        if (_samples.Length == 0)
            throw new InvalidOperationException($"{Adapter} has no translation samples to benchmark");
        // A benchmark of rejections would flatter the adapter: every sample must translate.
        foreach (var (raw, context) in _samples)
        {
            if (_adapter.Translate(raw, context) is Rejected r)
                throw new InvalidOperationException($"{Adapter}: a sample is rejected: {r.Rejection.Message}");
        }
    }

    [Benchmark(Description = "translate one message")]
    public TranslationResult Translate()
    {
        var (raw, context) = _samples[_next];
        _next = _next + 1 == _samples.Length ? 0 : _next + 1;
        return _adapter.Translate(raw, context);
    }
}

/// <summary>Adds the messages-per-second column to the adapter benchmarks.</summary>
public sealed class AdapterBenchmarkConfig : ManualConfig
{
    public AdapterBenchmarkConfig() => AddColumn(new MessagesPerSecondColumn());
}

/// <summary>1 / Mean: messages translated per second on one core, the figure PERFORMANCE.md states its target in.</summary>
public sealed class MessagesPerSecondColumn : IColumn
{
    public string Id => nameof(MessagesPerSecondColumn);
    public string ColumnName => "Msg/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => "messages translated per second on one core (1 s / Mean)";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        summary[benchmarkCase]?.ResultStatistics?.Mean is > 0 and var mean
            ? (1e9 / mean).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
            : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public override string ToString() => ColumnName;
}
