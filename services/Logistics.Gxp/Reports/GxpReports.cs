using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Gxp.Reports.Csv;
using Logistics.Gxp.Reports.Json;
using Logistics.Gxp.Reports.Pdf;

namespace Logistics.Gxp.Reports;

/// <summary>The formats a report renders to.</summary>
public enum ReportFormat
{
    /// <summary>application/json, the record of the assessment.</summary>
    Json,
    /// <summary>text/csv: summary and readings with zone flags.</summary>
    Csv,
    /// <summary>application/pdf: the document QA signs.</summary>
    Pdf,
}

/// <summary>A rendered report: bytes, content type and a file name, plus the report they render.</summary>
public sealed record RenderedReport(GxpReport Report, ReportFormat Format, byte[] Content, string ContentType, string FileName);

/// <summary>One entry point for the CLI and the host: text inputs → assessment → one rendering.</summary>
public static class GxpReports
{
    /// <summary>Parses <c>json</c>, <c>csv</c> or <c>pdf</c> (case-insensitive); null when unknown.</summary>
    public static ReportFormat? ParseFormat(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "json" => ReportFormat.Json,
        "csv" => ReportFormat.Csv,
        "pdf" => ReportFormat.Pdf,
        _ => null,
    };

    /// <summary>
    /// Reads the inputs, assesses and renders: the report, or the first input error naming the input and the place.
    /// <paramref name="profileJson"/> may be <c>builtin:ID</c>.
    /// </summary>
    public static GxpResult<RenderedReport> Create(string readingsCsv, string profileJson, string? shipmentJson, ReportFormat format, ReportMetadata metadata)
    {
        var profile = profileJson.TrimStart().StartsWith("builtin:", StringComparison.Ordinal)
            ? StandardProfiles.Find(profileJson.Trim()["builtin:".Length..])
            : ProfileParser.Read(profileJson);
        if (!profile.Succeeded) return profile.As<RenderedReport>();
        ShipmentInfo? shipment = null;
        if (!string.IsNullOrWhiteSpace(shipmentJson))
        {
            var read = ShipmentParser.Read(shipmentJson);
            if (!read.Succeeded) return read.As<RenderedReport>();
            shipment = read.Value;
        }
        var readings = ReadingsCsv.Read(readingsCsv);
        if (!readings.Succeeded) return readings.As<RenderedReport>();
        var report = GxpReport.Create(GxpAssessor.Assess(readings.Value!, profile.Value!, shipment), metadata);
        return Render(report, format);
    }

    /// <summary>Renders one report in one format.</summary>
    public static RenderedReport Render(GxpReport report, ReportFormat format) => format switch
    {
        ReportFormat.Csv => new(report, format, GxpCsvReport.Render(report), "text/csv; charset=utf-8", report.ReportId + ".csv"),
        ReportFormat.Pdf => new(report, format, GxpPdfReport.Render(report), "application/pdf", report.ReportId + ".pdf"),
        _ => new(report, format, GxpJsonReport.Render(report), "application/json; charset=utf-8", report.ReportId + ".json"),
    };
}
