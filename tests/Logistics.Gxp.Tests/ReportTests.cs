using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Reports;
using Logistics.Gxp.Reports.Csv;
using NodaTime;
using UglyToad.PdfPig;

namespace Logistics.Gxp.Tests;

public class ReportTests
{
    static readonly ReportMetadata Metadata = new(Instant.FromUtc(2025, 3, 2, 8, 0));

    static string Sample(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", file));

    static RenderedReport SampleReport(ReportFormat format) =>
        GxpReports.Create(Sample("readings-2-8-excursion.csv"), Sample("profile-2-8.json"), Sample("shipment.json"), format, Metadata).ValueOrThrow();

    [Fact]
    public void sample_has_an_excursion_an_alarm_a_gap_and_a_duplicate()
    {
        var a = SampleReport(ReportFormat.Json).Report.Assessment;
        Assert.Equal(Verdict.Alarm, a.Verdict);
        Assert.Contains(a.Excursions, e => e is { DeviceId: "T-1", ZoneId: "H1", DurationMinutes: 50, PeakCelsius: 10.1 });
        Assert.Equal(Instant.FromUtc(2025, 3, 1, 11, 30), Assert.Single(a.Alarms).TriggeredAt);
        Assert.Equal(("T-2", 50.0), (Assert.Single(a.Gaps).DeviceId, a.Gaps[0].DurationMinutes));
        Assert.Equal(1, a.Loggers.Sum(l => l.DuplicateCount));
    }

    [Fact]
    public void json_carries_the_field_names_of_gxp_md_with_utc_instants()
    {
        using var doc = JsonDocument.Parse(SampleReport(ReportFormat.Json).Content);
        var root = doc.RootElement;
        Assert.Equal("alarm", root.GetProperty("verdict").GetString());
        foreach (var logger in root.GetProperty("loggers").EnumerateArray())
            foreach (var field in new[] { "deviceId", "readingCount", "minCelsius", "maxCelsius", "meanCelsius", "mktCelsius" })
                Assert.True(logger.TryGetProperty(field, out _), field);
        var excursion = root.GetProperty("excursions")[0];
        foreach (var field in new[] { "deviceId", "zoneId", "start", "end", "durationMinutes", "peakCelsius" })
            Assert.True(excursion.TryGetProperty(field, out _), field);
        Assert.EndsWith("Z", root.GetProperty("alarms")[0].GetProperty("triggeredAt").GetString());
        Assert.Equal("H1", root.GetProperty("alarms")[0].GetProperty("zoneId").GetString());
        var gap = root.GetProperty("gaps")[0];
        Assert.Equal(("T-2", "2025-03-01T14:00:00Z", "2025-03-01T14:50:00Z"),
            (gap.GetProperty("deviceId").GetString(), gap.GetProperty("start").GetString(), gap.GetProperty("end").GetString()));
    }

    [Fact]
    public void content_hash_is_the_sha256_of_the_canonical_json_without_the_header()
    {
        var rendered = SampleReport(ReportFormat.Json);
        var node = JsonNode.Parse(rendered.Content)!.AsObject();
        foreach (var header in new[] { "reportId", "reportVersion", "status", "generatedAt", "software", "contentSha256", "contentSha256Covers" })
            Assert.True(node.Remove(header), header);
        var canonical = node.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(rendered.Report.ContentSha256, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical))));
    }

    [Fact]
    public void csv_flags_zones_per_reading_and_its_readings_table_reads_back_to_the_same_series()
    {
        var rendered = SampleReport(ReportFormat.Csv);
        var text = Encoding.UTF8.GetString(rendered.Content);
        Assert.Contains("deviceId,time,celsius,copies,heldMinutes,assessed,gapAfter,H1,H2,H3,L1", text);
        Assert.Contains("T-1,2025-03-01T11:20:00Z,10.1,1,10.00,1,0,1,1,0,0", text);
        Assert.Contains("T-2,2025-03-01T13:50:00Z,", text);
        var again = GxpAssessor.Assess(ReadingsCsv.Parse(text), rendered.Report.Assessment.Profile, rendered.Report.Assessment.Shipment);
        Assert.Equal(rendered.Report.Assessment.SeriesSha256, again.SeriesSha256);
    }

    [Fact]
    public void pdf_text_carries_the_same_figures_as_the_json()
    {
        var pdf = SampleReport(ReportFormat.Pdf);
        using var json = JsonDocument.Parse(GxpReports.Render(pdf.Report, ReportFormat.Json).Content);
        using var document = PdfDocument.Open(pdf.Content);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        var root = json.RootElement;

        var expected = new List<string> { "VERDICT: ALARM", root.GetProperty("contentSha256").GetString()!, root.GetProperty("reportId").GetString()!,
            root.GetProperty("dataIntegrity").GetProperty("seriesSha256").GetString()! };
        foreach (var l in root.GetProperty("loggers").EnumerateArray())
            foreach (var field in new[] { "minCelsius", "maxCelsius", "meanCelsius", "mktCelsius", "completenessPercent", "gapMinutes", "assessedMinutes" })
                expected.Add(l.GetProperty(field).GetRawText());
        foreach (var e in root.GetProperty("excursions").EnumerateArray())
            foreach (var field in new[] { "start", "end", "durationMinutes", "peakCelsius", "degreeMinutes" })
                expected.Add(e.GetProperty(field).ValueKind == JsonValueKind.String ? e.GetProperty(field).GetString()! : e.GetProperty(field).GetRawText());
        foreach (var a in root.GetProperty("alarms").EnumerateArray()) expected.Add(a.GetProperty("triggeredAt").GetString()!);
        foreach (var g in root.GetProperty("gaps").EnumerateArray()) { expected.Add(g.GetProperty("start").GetString()!); expected.Add(g.GetProperty("end").GetString()!); }

        Assert.All(expected, figure => Assert.Contains(figure, text));
    }

    [Fact]
    public void pdf_renders_many_loggers_and_a_frozen_profile()
    {
        var readings = DeterminismProperties.RandomShipment(3).Select(r => r with { Celsius = r.Celsius - 30 })
            .Concat(DeterminismProperties.RandomShipment(4).Select(r => r with { DeviceId = "X" + r.DeviceId, Celsius = r.Celsius - 30 }));
        var assessment = GxpAssessor.Assess(readings, Profiles.StandardProfiles.Get(Profiles.StandardProfiles.Frozen));
        var pdf = GxpReports.Render(GxpReport.Create(assessment, Metadata), ReportFormat.Pdf);
        using var document = PdfDocument.Open(pdf.Content);
        var text = string.Join("\n", document.GetPages().Select(p => p.Text));
        Assert.Contains("not applicable", text);
        Assert.All(assessment.Loggers, l => Assert.Contains(l.DeviceId, text));
    }

    [Fact]
    public void the_pdf_lists_each_version_s_late_data_in_full_with_the_version_it_reopened()
    {
        var t = Instant.FromUtc(2025, 3, 1, 11, 0);
        var history = new RecordHistory(42, new string('a', 64),
        [
            new VersionNote(1, t, "first", new string('1', 64), []),
            new VersionNote(2, t + Duration.FromHours(2), "late-data", new string('2', 64),
                [new LateData("devEui:70B3D57ED0001234", 6, t - Duration.FromHours(3), t - Duration.FromHours(2), t + Duration.FromHours(1), t + Duration.FromMinutes(90), 1)]),
        ]);
        var metadata = Metadata with { Version = 2, History = history };
        var pdf = GxpReports.Create(Sample("readings-2-8-excursion.csv"), Sample("profile-2-8.json"), Sample("shipment.json"), ReportFormat.Pdf, metadata).ValueOrThrow();

        using var document = PdfDocument.Open(pdf.Content);
        // Lines wrap: compare without whitespace.
        var text = string.Concat(string.Concat(document.GetPages().Select(p => p.Text)).Where(c => !char.IsWhiteSpace(c)));
        Assert.Contains("Version2:devEui:70B3D57ED0001234:6latereading(s)of2025-03-01T08:00:00Z–2025-03-01T09:00:00Z," +
                        "received2025-03-01T12:00:00Z–2025-03-01T12:30:00Z,reopenedversion1.", text);
    }
}
