using Logistics.Gxp.Assessment;
using Logistics.Gxp.Reports;
using Logistics.Host.Shipments;
using Marten;
using NodaTime;

namespace Logistics.Host.ShipmentReports;

/// <summary>A version with its assessment, recomputed from the streams, and the readings it was computed from.</summary>
public sealed record VersionedReport(ReportVersionRecord Version, ShipmentAssessment Assessment, StreamReadingSet Readings);

/// <summary>A stored version no longer recomputes to its content hash: the record under it changed (docs/gxp-on-shipments.md).</summary>
public sealed class ReportIntegrityException(string message) : Exception(message);

/// <summary>
/// Report versions of a shipment (docs/gxp-on-shipments.md): a version stores its inputs and content hash, never its
/// rendering; reading it recomputes it from the device streams up to the stream versions it recorded and checks the hash.
/// <see cref="CurrentAsync"/> makes version N+1 when, and only when, the current data gives a different content hash than
/// version N — called by the report route and by the live processing when late data, a window or a leg changes.
/// </summary>
public sealed class ReportVersions(IDocumentStore store, StreamReadings streams, ShipmentLegs legs, IClock clock, ILogger<ReportVersions> log)
{
    public async Task<ShipmentReportLog> LogAsync(string tenantId, string shipmentId, CancellationToken ct)
    {
        await using var session = store.QuerySession(tenantId);
        return await session.LoadAsync<ShipmentReportLog>(ShipmentStreams.Key(shipmentId), ct)
               ?? new ShipmentReportLog { Id = ShipmentStreams.Key(shipmentId), ShipmentId = shipmentId };
    }

    /// <summary>
    /// The newest version of the data as it is now, making it when the content changed since the newest version; null when
    /// the shipment has no temperature reading inside a device window. <paramref name="made"/> says whether a version was made.
    /// </summary>
    /// <param name="forReading">The report is rendered next: its record history is computed beside the assessment.</param>
    public async Task<(VersionedReport? Report, bool Made)> CurrentAsync(string tenantId, ShipmentRecord record, string trigger, string by, CancellationToken ct,
        bool forReading = false)
    {
        for (var attempt = 1; ; attempt++)
        {
            var derived = await legs.DeriveAsync(tenantId, record, ct);
            var (windows, readings) = await streams.CurrentAsync(tenantId, record, ct);
            if (forReading) _ = readings.RawMessagesAsync();
            var inputs = ReportBuilder.Inputs(record, derived, windows);
            var now = clock.GetCurrentInstant();
            if (ReportBuilder.Assess(inputs, readings, ReportBuilder.Draft(now)) is not { } report) return (null, false);
            var newest = (await LogAsync(tenantId, record.ShipmentId, ct)).Newest;
            if (newest?.ContentSha256 == report.ContentSha256) return (new VersionedReport(newest, report.Assessment, readings), false);

            var late = newest is null ? [] : ReportBuilder.Late(newest.Inputs, readings);
            var number = (newest?.Version ?? 0) + 1;
            var why = number == 1 ? "first" : late.Count > 0 ? "late-data" : trigger;
            var made = new ReportVersionMade(record.ShipmentId, number, report.ContentSha256, GxpFormat.Name(report.Assessment.Verdict), inputs, now, why, by, late);
            if (await TryAppendAsync(tenantId, record.ShipmentId, made, ct))
            {
                log.LogInformation("Report version {Version} of shipment {Shipment} made ({Trigger}): {Hash}", number, record.ShipmentId, why, report.ContentSha256);
                var version = new ReportVersionRecord(number, made.ContentSha256, made.Verdict, inputs, now, why, by, late);
                return (new VersionedReport(version, report.Assessment, readings), true);
            }
            if (attempt == 5) throw new InvalidOperationException($"shipment {record.ShipmentId}: version {number} kept colliding with concurrent changes");
        }
    }

    /// <summary>A stored version recomputed from its inputs; throws <see cref="ReportIntegrityException"/> when the hash differs.</summary>
    public async Task<VersionedReport> VersionAsync(string tenantId, string shipmentId, ReportVersionRecord version, CancellationToken ct)
    {
        var readings = await streams.ReadAsync(tenantId, version.Inputs.Windows, ct);
        _ = readings.RawMessagesAsync(); // the record history, beside the assessment: read versions are rendered
        var report = ReportBuilder.Assess(version.Inputs, readings, ReportBuilder.Draft(version.MadeAt));
        if (report?.ContentSha256 != version.ContentSha256)
            throw new ReportIntegrityException(
                $"version {version.Version} of shipment {shipmentId} recomputes to {report?.ContentSha256 ?? "nothing"}, not its recorded {version.ContentSha256}");
        return new VersionedReport(version, report!.Assessment, readings);
    }

    /// <summary>Appends at the stream version just read; false when another change got there first (then the caller recomputes).</summary>
    async Task<bool> TryAppendAsync(string tenantId, string shipmentId, ReportVersionMade made, CancellationToken ct)
    {
        await using var session = store.LightweightSession(tenantId);
        var key = ShipmentStreams.Key(shipmentId);
        var state = await session.Events.FetchStreamStateAsync(key, ct)
                    ?? throw new InvalidOperationException($"shipment {shipmentId} has no stream");
        var e = session.Events.BuildEvent(made);
        e.Id = ReportEventIds.Version(tenantId, shipmentId, made.Version);
        session.Events.Append(key, state.Version + 1, e);
        try
        {
            await session.SaveChangesAsync(ct);
            return true;
        }
        catch (Exception ex) when (StreamConflicts.IsConflict(ex))
        {
            return false;
        }
    }
}

/// <summary>Whether an append lost a race: a concurrent append to the stream, or an event id already stored.</summary>
public static class StreamConflicts
{
    public static bool IsConflict(Exception ex)
    {
        for (var e = ex; e is not null; e = e.InnerException)
            if (e is JasperFx.ConcurrencyException || e is Npgsql.PostgresException { SqlState: "23505" }) return true;
        return false;
    }
}
