using System.Text.Json;
using Logistics.Gxp;
using Logistics.Host.Access;
using Logistics.Gxp.Reports;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.Reports;

/// <summary>
/// <c>POST /reports/logger-file[?format=json|csv|pdf]</c>: the GxP temperature report of an uploaded logger file,
/// the same as <c>./logistics report</c>. Body: multipart form with a <c>readings</c> CSV file, a <c>profile</c> JSON
/// file (or the text <c>builtin:col-2-8</c>, …) and an optional <c>shipment</c> JSON file; or a JSON body
/// <c>{"readingsCsv": "...", "profile": {...} | "builtin:ID", "shipment": {...}}</c>. Bad input answers 400
/// problem+json whose title says what is wrong and whose <c>where</c> names the input and the place in it.
/// </summary>
public static class LoggerFileReportEndpoints
{
    public static IEndpointRouteBuilder MapLoggerFileReports(this IEndpointRouteBuilder app)
    {
        app.MapPost("/reports/logger-file", CreateReport)
            .WithName("LoggerFileReport")
            .WithSummary("GxP temperature report (JSON, CSV or PDF) of a logger readings file judged by a profile.")
            .WithTags("Reports")
            .RequireRoles(AccessEndpointExtensions.Readers)
            .DisableAntiforgery();
        return app;
    }

    sealed record Inputs(string ReadingsCsv, string Profile, string? Shipment);

    static async Task<IResult> CreateReport(HttpRequest request, string? format, CancellationToken ct)
    {
        if (GxpReports.ParseFormat(format) is not { } reportFormat)
            return Problem($"unknown format '{format}'", "format", "expected json, csv or pdf");

        var (inputs, problem) = request.HasFormContentType ? await FromFormAsync(request, ct)
            : request.HasJsonContentType() ? await FromJsonAsync(request, ct)
            : (null, Problem($"unsupported content type '{request.ContentType}'", "Content-Type",
                "expected multipart/form-data (readings, profile, shipment files) or application/json {readingsCsv, profile, shipment}"));
        if (problem is not null) return problem;

        var clock = request.HttpContext.RequestServices.GetService<IClock>() ?? SystemClock.Instance;
        var result = GxpReports.Create(inputs!.ReadingsCsv, inputs.Profile, inputs.Shipment, reportFormat, new ReportMetadata(clock.GetCurrentInstant()));
        if (result.Error is { } error) return Problem($"invalid {error.Input}", $"{error.Input} {error.Location}", error.Message);
        var rendered = result.Value!;
        return reportFormat == ReportFormat.Json
            ? TypedResults.Bytes(rendered.Content, rendered.ContentType)
            : TypedResults.File(rendered.Content, rendered.ContentType, rendered.FileName);
    }

    static async Task<(Inputs?, ProblemHttpResult?)> FromFormAsync(HttpRequest request, CancellationToken ct)
    {
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            return (null, Problem("unreadable form", "body", ex.Message));
        }
        var readings = await PartAsync(form, "readings", ct);
        if (readings is null) return (null, Problem("missing readings", "readings", "a CSV file part 'readings' with the header time,celsius[,deviceId]"));
        var profile = await PartAsync(form, "profile", ct);
        if (profile is null) return (null, Problem("missing profile", "profile", "a JSON file part 'profile' (GXP.md format) or the text builtin:ID"));
        return (new Inputs(readings, profile, await PartAsync(form, "shipment", ct)), null);
    }

    /// <summary>A form part sent as a file or as a plain field; null when absent or blank.</summary>
    static async Task<string?> PartAsync(IFormCollection form, string name, CancellationToken ct)
    {
        if (form.Files.GetFile(name) is { } file)
        {
            using var reader = new StreamReader(file.OpenReadStream());
            var text = await reader.ReadToEndAsync(ct);
            return string.IsNullOrWhiteSpace(text) ? null : text;
        }
        return form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;
    }

    static async Task<(Inputs?, ProblemHttpResult?)> FromJsonAsync(HttpRequest request, CancellationToken ct)
    {
        JsonDocument doc;
        try { doc = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct); }
        catch (JsonException ex)
        {
            return (null, Problem("invalid JSON body", $"body line {ex.LineNumber + 1}", "an object {readingsCsv, profile, shipment}"));
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, Problem("invalid JSON body", "body", "an object {readingsCsv, profile, shipment}"));
            if (!root.TryGetProperty("readingsCsv", out var readings) || readings.ValueKind != JsonValueKind.String)
                return (null, Problem("missing readingsCsv", "readingsCsv", "a string with the readings CSV (header time,celsius[,deviceId])"));
            if (!root.TryGetProperty("profile", out var profile) || profile.ValueKind is not (JsonValueKind.Object or JsonValueKind.String))
                return (null, Problem("missing profile", "profile", "the profile object (GXP.md format) or the string builtin:ID"));
            string? shipment = null;
            if (root.TryGetProperty("shipment", out var s) && s.ValueKind != JsonValueKind.Null)
                shipment = s.ValueKind == JsonValueKind.String ? s.GetString() : s.GetRawText();
            return (new Inputs(readings.GetString()!, profile.ValueKind == JsonValueKind.String ? profile.GetString()! : profile.GetRawText(), shipment), null);
        }
    }

    static ProblemHttpResult Problem(string title, string where, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { ["where"] = where });
}
