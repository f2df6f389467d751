using Logistics.Gxp.Reports;
using Logistics.Host.Access;
using Logistics.Host.Audit;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// <c>GET /shipments/{id}/report?format=json|csv|pdf[&amp;version=N]</c> and <c>GET /shipments/{id}/reports</c>: the GxP report of
/// a shipment from its stored streams, by version. Without <c>version</c>: the newest version of the data as it is now (made
/// when the content changed since the newest one). Shares are honoured: a consignee reads the report too.
/// </summary>
public static class ReportEndpoints
{
    public sealed record SignatureView(string Id, string Signer, string Meaning, Instant SignedAt, string ContentSha256, string? Comment, bool Verified);

    public sealed record VersionView(int Version, string ContentSha256, string Status, string Verdict, Instant MadeAt, string Trigger,
        IReadOnlyList<LateReadings> LateData, IReadOnlyList<SignatureView> Signatures);

    public sealed record VersionList(string ShipmentId, int Count, IReadOnlyList<VersionView> Versions);

    internal static async Task<IResult> Get(string id, string? format, string? version, HttpContext http, ShipmentAccess access, ReportVersions versions,
        SignatureBinding binding, CancellationToken ct)
    {
        if (GxpReports.ParseFormat(format) is not { } reportFormat) return Problems.BadRequest($"unknown format '{format}'", "format", "json, csv or pdf");
        int? number = null;
        if (version is not null)
        {
            if (!int.TryParse(version, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 1)
                return Problems.BadRequest($"version '{version}' is not a version number", "version", "an integer from 1");
            number = n;
        }
        var caller = Caller.Of(http);
        if (await access.FindAsync(caller, id, ct) is not { } s) return NotFound(id);

        VersionedReport report;
        try
        {
            if (number is { } wanted)
            {
                if ((await versions.LogAsync(s.OwnerTenantId, id, ct)).Find(wanted) is not { } stored)
                    return Problems.NotFound($"shipment {id} has no report version {wanted}", "version");
                report = await versions.VersionAsync(s.OwnerTenantId, id, stored, ct);
            }
            else
            {
                var (current, _) = await versions.CurrentAsync(s.OwnerTenantId, s.Record, "data", $"report read by {AuditActors.Of(caller)}", ct,
                    forReading: true);
                if (current is null)
                    return Problems.NotFound($"shipment {id} has no temperature reading inside a device window yet", "id",
                        "attach a logger (POST /shipments/{id}/devices) whose readings fall inside its window");
                report = current;
            }
        }
        catch (ReportIntegrityException ex)
        {
            return TypedResults.Problem(detail: ex.Message, statusCode: StatusCodes.Status500InternalServerError, title: "report version does not recompute to its hash",
                extensions: new Dictionary<string, object?> { ["where"] = "version" });
        }

        var log = await versions.LogAsync(s.OwnerTenantId, id, ct);
        var rendered = Render(s.OwnerTenantId, id, report, log, await report.Readings.RawMessagesAsync(), reportFormat, binding);
        http.Response.Headers.ETag = $"\"{report.Version.ContentSha256}\"";
        http.Response.Headers["X-Report-Version"] = report.Version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return reportFormat == ReportFormat.Json
            ? TypedResults.Bytes(rendered.Content, rendered.ContentType)
            : TypedResults.File(rendered.Content, rendered.ContentType, rendered.FileName);
    }

    internal static async Task<Results<Ok<VersionList>, ProblemHttpResult>> List(string id, HttpContext http, ShipmentAccess access, ReportVersions versions,
        SignatureBinding binding, CancellationToken ct)
    {
        if (await access.FindAsync(Caller.Of(http), id, ct) is not { } s) return NotFound(id);
        var log = await versions.LogAsync(s.OwnerTenantId, id, ct);
        var views = log.Versions.Select(v => new VersionView(v.Version, v.ContentSha256, log.StatusOf(v.Version), v.Verdict, v.MadeAt, v.Trigger, v.LateData,
            Signatures(s.OwnerTenantId, id, v, log, binding))).ToList();
        return TypedResults.Ok(new VersionList(id, views.Count, views));
    }

    internal static IReadOnlyList<SignatureView> Signatures(string tenantId, string shipmentId, ReportVersionRecord version, ShipmentReportLog log,
        SignatureBinding binding) =>
        log.SignaturesOf(version.Version)
            .Select(x => new SignatureView(x.Id, x.Signer, x.Meaning, x.SignedAt, x.ContentSha256, x.Comment,
                binding.Verifies(tenantId, shipmentId, version.Version, version.ContentSha256, x)))
            .ToList();

    /// <summary>One version in one format, with its status, signatures and history (none of which enter the content hash).</summary>
    static RenderedReport Render(string tenantId, string shipmentId, VersionedReport report, ShipmentReportLog log, (int Count, string Sha256) raw,
        ReportFormat format, SignatureBinding binding)
    {
        var v = report.Version;
        var signatures = Signatures(tenantId, shipmentId, v, log, binding)
            .Select(x => new ReportSignature(x.Id, x.Signer, x.Meaning, x.SignedAt, x.ContentSha256, x.Comment, x.Verified)).ToList();
        var metadata = ReportBuilder.Metadata(shipmentId, v, log.StatusOf(v.Version), signatures, ReportBuilder.History(log, v.Version, raw));
        return GxpReports.Render(GxpReport.Create(report.Assessment, metadata), format);
    }

    static ProblemHttpResult NotFound(string id) => Problems.NotFound($"no shipment {id}", "id");
}
