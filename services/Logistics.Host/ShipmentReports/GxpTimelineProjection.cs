using JasperFx.Events;
using Logistics.Host.Excursions;
using Logistics.Host.Shipments;
using Marten;
using Marten.Events.Projections;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// Inline projection of the shipment stream's GxP events onto its own timeline (<c>timeline_entries</c> under
/// <see cref="ShipmentIndexProjection.OwnRef"/>): alarms raised and withdrawn at their triggeredAt (carrier = custodian),
/// report versions when made, signatures when signed.
/// </summary>
public sealed class GxpTimelineProjection(string schema) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var rows = new TimelineProjection.TimelineRows();
        foreach (var e in events)
        {
            var id = e.Id.ToString();
            switch (e.Data)
            {
                case ExcursionAlarmRaised a:
                    rows.Add(e.TenantId, ShipmentIndexProjection.OwnRef(a.ShipmentId), a.TriggeredAt, id,
                        new("alarm", "EXCURSION_ALARM", null, null, $"{a.ZoneId} {a.Type}: {a.Detail} ({a.DeviceId}{Leg(a.LegId)})"), a.Custodian, null, null, a.RaisedAt);
                    break;
                case ExcursionAlarmWithdrawn w:
                    rows.Add(e.TenantId, ShipmentIndexProjection.OwnRef(w.ShipmentId), w.TriggeredAt, id,
                        new("alarm", "EXCURSION_ALARM_WITHDRAWN", null, null, $"{w.ZoneId} ({w.DeviceId}): {w.Reason}"), null, null, null, w.WithdrawnAt);
                    break;
                case ReportVersionMade v:
                    rows.Add(e.TenantId, ShipmentIndexProjection.OwnRef(v.ShipmentId), v.MadeAt, id,
                        new("report", "REPORT_VERSION", null, null, $"version {v.Version} ({v.Trigger}), verdict {v.Verdict}, {v.ContentSha256}"), null, null, null, v.MadeAt);
                    break;
                case ReportSigned s:
                    rows.Add(e.TenantId, ShipmentIndexProjection.OwnRef(s.ShipmentId), s.SignedAt, id,
                        new("signature", s.Meaning.ToUpperInvariant(), null, null, $"version {s.Version} {s.Meaning} by {s.Signer}"), null, null, null, s.SignedAt);
                    break;
            }
        }
        if (rows.Count > 0) rows.Queue(operations, schema);
        return Task.CompletedTask;
    }

    static string Leg(string? legId) => legId is null ? "" : $", leg {legId}";
}
