using BenchmarkDotNet.Attributes;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports;
using NodaTime;

namespace Logistics.Benchmarks;

/// <summary>
/// PERFORMANCE.md target: a 60-day shipment, 4 loggers at 1-minute readings (~345,000 readings): JSON &lt; 1 s,
/// PDF &lt; 3 s. Each report benchmark starts from the CSV text (parse + assess + render), as the CLI and the host do.
/// Run: dotnet run -c Release --project tests/Logistics.Benchmarks -- --filter '*Gxp*'
/// </summary>
[MemoryDiagnoser]
public class GxpReportBenchmarks
{
    static readonly ReportMetadata Metadata = new(Instant.FromUtc(2025, 5, 1, 0, 0));
    string csv = "";
    string profileJson = "";
    List<Reading> readings = [];
    TemperatureProfile profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        csv = GxpShipmentGenerator.Csv();
        profileJson = GxpShipmentGenerator.Profile();
        readings = ReadingsCsv.Parse(csv);
        profile = ProfileParser.Parse(profileJson);
        Logistics.Gxp.Fonts.EmbeddedFonts.Register();
    }

    [Benchmark(Description = "parse CSV (345k readings)")]
    public int ParseCsv() => ReadingsCsv.Parse(csv).Count;

    [Benchmark(Description = "assess (parsed readings)")]
    public Verdict Assess() => GxpAssessor.Assess(readings, profile).Verdict;

    [Benchmark(Description = "JSON report from CSV")]
    public int Json() => GxpReports.Create(csv, profileJson, null, ReportFormat.Json, Metadata).ValueOrThrow().Content.Length;

    [Benchmark(Description = "CSV report from CSV")]
    public int Csv() => GxpReports.Create(csv, profileJson, null, ReportFormat.Csv, Metadata).ValueOrThrow().Content.Length;

    [Benchmark(Description = "PDF report from CSV")]
    public int Pdf() => GxpReports.Create(csv, profileJson, null, ReportFormat.Pdf, Metadata).ValueOrThrow().Content.Length;
}
