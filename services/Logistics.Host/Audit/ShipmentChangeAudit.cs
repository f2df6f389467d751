using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Logistics.Access.Audit;
using Logistics.Host.Excursions;
using Logistics.Host.ShipmentReports;
using Logistics.Host.Shipments;
using Marten;
using Marten.Subscriptions;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Host.Audit;

/// <summary>
/// Audit entries for the changes recorded as shipment-stream events — registration, device windows, shares, report versions,
/// signatures, alarms raised and withdrawn — read back from the committed event log on the async daemon. Each entry's
/// idempotency key is the event's id, so a page processed again adds nothing; the subscription's progress commits only
/// after the entries, so none is ever lost (docs/audit-trail.md). The entry's time is the event's commit time.
/// </summary>
public sealed class ShipmentChangeAudit : SubscriptionBase
{
    readonly AuditTrail _trail;
    readonly AuditActors _actors;

    public ShipmentChangeAudit(AuditTrail trail, AuditActors actors)
    {
        _trail = trail;
        _actors = actors;
        Name = "shipment-audit";
        IncludeType<ShipmentRegistered>();
        IncludeType<DeviceAttached>();
        IncludeType<DeviceWindowEnded>();
        IncludeType<ShipmentShared>();
        IncludeType<ReportVersionMade>();
        IncludeType<ReportSigned>();
        IncludeType<ExcursionAlarmRaised>();
        IncludeType<ExcursionAlarmWithdrawn>();
        Options.BatchSize = 200;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        foreach (var e in page.Events)
            if (await DescribeAsync(e, cancellationToken) is { } record)
                await _trail.AppendAsync(record with { IdempotencyKey = e.Id.ToString(), At = Instant.FromDateTimeOffset(e.Timestamp) }, cancellationToken);
        return NullChangeListener.Instance;
    }

    async Task<AuditRecord?> DescribeAsync(IEvent e, CancellationToken ct)
    {
        var t = e.TenantId;
        return e.Data switch
        {
            ShipmentRegistered r => new AuditRecord(t, await _actors.OfKeyAsync(r.RegisteredBy, ct), "shipment.registered", $"shipment:{r.ShipmentId}",
                After: AuditRecord.Json(new { r.Reference, refs = r.Refs.Select(x => x.ToString()), profile = r.Profile.Id ?? "inline", r.Profile.Json, r.Product,
                    r.Consignee, r.Legs, from = Time(r.From), to = Time(r.To) })),
            DeviceAttached d => new AuditRecord(t, await _actors.OfKeyAsync(d.By, ct), "device-window.attached", $"shipment:{d.ShipmentId}/device:{d.Device}",
                After: AuditRecord.Json(new { d.Device, from = Time(d.From), to = Time(d.To), d.Position })),
            DeviceWindowEnded w => new AuditRecord(t, await _actors.OfKeyAsync(w.By, ct), "device-window.ended", $"shipment:{w.ShipmentId}/device:{w.Device}",
                AuditRecord.Json(new { w.Device, from = Time(w.WindowFrom), to = (string?)null }), AuditRecord.Json(new { w.Device, from = Time(w.WindowFrom), to = Time(w.To) })),
            ShipmentShared s => new AuditRecord(t, await _actors.OfKeyAsync(s.By, ct), "shipment.shared", $"shipment:{s.ShipmentId}",
                After: AuditRecord.Json(new { sharedWith = s.GranteeTenantId })),
            ReportVersionMade v => new AuditRecord(t, v.By, "report.version-made", $"shipment:{v.ShipmentId}/report:{v.Version}",
                v.Version > 1 ? AuditRecord.Json(new { version = v.Version - 1 }) : null,
                AuditRecord.Json(new { v.Version, v.ContentSha256, v.Verdict, v.Trigger, lateData = v.LateData.Sum(l => l.Count) }), Reason: v.Trigger),
            ReportSigned s => new AuditRecord(t, await _actors.OfKeyAsync(s.KeyId, ct), "report.signed", $"shipment:{s.ShipmentId}/report:{s.Version}",
                After: AuditRecord.Json(new { s.SignatureId, s.Signer, s.Meaning, s.ContentSha256, signedAt = Time(s.SignedAt) }), Reason: s.Comment),
            ExcursionAlarmRaised a => new AuditRecord(t, "system:live-excursions", "alarm.raised", $"shipment:{a.ShipmentId}/alarm:{a.AlarmId}",
                After: AuditRecord.Json(new { a.DeviceId, a.ZoneId, a.Type, triggeredAt = Time(a.TriggeredAt), a.LegId, a.Custodian })),
            ExcursionAlarmWithdrawn w => new AuditRecord(t, "system:live-excursions", "alarm.withdrawn", $"shipment:{w.ShipmentId}/alarm:{w.AlarmId}",
                AuditRecord.Json(new { w.DeviceId, w.ZoneId, triggeredAt = Time(w.TriggeredAt) }), null, w.Reason),
            _ => null,
        };
    }

    static string? Time(Instant? at) => at is { } i ? InstantPattern.ExtendedIso.Format(i) : null;
}
