using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Logistics.Canonical.Events;
using Logistics.Contracts.Notifications;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Logistics.Host.Locations;
using Logistics.Host.Notifications;
using Logistics.Host.Shipments;
using Marten;
using Marten.Subscriptions;
using NodaTime;
using Npgsql;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Geofences;

/// <summary>
/// Geofence crossings, on Marten's async daemon over committed events (never inside the translate transaction). For each
/// device whose fixes a page brings, and each of its tenant's geofences, the rule (<see cref="GeofenceEvaluator"/>) runs over
/// the device's stored fixes in event-time order from where it last stood: after the last evaluated fix, or — when a late
/// fix lands before that — from the last crossing before the late fix, whose later crossings are dropped and recomputed.
/// Crossings are keyed by their confirming fix, so a re-evaluation writes the same rows again; the timeline rows (under
/// the shipment's own key, for each shipment whose device window holds the crossing) and the GeofenceCrossed
/// notifications (outbox, deterministic id) commit with the subscription's progress. A notification is held back for
/// <see cref="LocationSettings.GeofenceNotifySettle"/> and withdrawn if a late fix recomputes its crossing away meanwhile.
/// </summary>
public sealed class GeofenceSubscription : SubscriptionBase
{
    readonly NpgsqlDataSource _db;
    readonly string _s;
    readonly GeofenceStore _fences;
    readonly NotificationOutbox _outbox;
    readonly IClock _clock;
    readonly Duration _settle;

    public GeofenceSubscription(NpgsqlDataSource db, HostSettings settings, GeofenceStore fences, NotificationOutbox outbox, IClock clock)
    {
        _db = db;
        _s = settings.Schema;
        _fences = fences;
        _outbox = outbox;
        _clock = clock;
        _settle = Duration.FromTimeSpan(settings.Location.GeofenceNotifySettle);
        Name = "geofence-crossings";
        IncludeType<PositionEvent>();
        IncludeType<DeviceAttached>();
        IncludeType<DeviceWindowEnded>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var devices = new Dictionary<(string Tenant, string Device), List<FenceFix>>();
        foreach (var e in page.Events)
        {
            switch (e.Data)
            {
                case PositionEvent p when !PositionFlags.Disqualifies(p.Flags):
                    var key = (e.TenantId, ReadingsProjection.Subject(e.StreamKey!));
                    if (!devices.TryGetValue(key, out var list)) devices[key] = list = [];
                    list.Add(new FenceFix(p.OccurredAt, p.EventId, p.Position.Lat, p.Position.Lon));
                    break;
                case DeviceAttached a:
                    await AttributeAsync(operations, e.TenantId, a.ShipmentId, a.Device, a.From, a.To, ct);
                    break;
                case DeviceWindowEnded w:
                    foreach (var crossing in await CrossingIdsFromAsync(e.TenantId, w.Device, w.To, ct))
                        _outbox.Cancel(operations, e.TenantId, crossing, w.ShipmentId);
                    operations.QueueSqlCommand($"""
                        delete from {_s}.timeline_entries t using {_s}.geofence_crossings c
                        where t.tenant_id = ? and t.ref = ? and t.kind = 'geofence' and t.event_id = c.crossing_id
                          and c.tenant_id = t.tenant_id and c.device = ? and c.occurred_at >= ?
                        """, e.TenantId, ShipmentIndexProjection.OwnRef(w.ShipmentId), w.Device, Utc(w.To));
                    break;
            }
        }
        foreach (var tenant in devices.GroupBy(d => d.Key.Tenant))
        {
            var fences = await _fences.ActiveAsync(tenant.Key, ct);
            if (fences.Count == 0) continue;
            foreach (var device in tenant)
                foreach (var fence in fences)
                    await EvaluateAsync(operations, tenant.Key, device.Key.Device, fence, device.Value, ct);
        }
        return NullChangeListener.Instance;
    }

    async Task EvaluateAsync(IDocumentOperations operations, string tenant, string device, Geofence fence, List<FenceFix> pageFixes,
        CancellationToken ct)
    {
        var stored = await StateAsync(tenant, device, fence.Id, ct);
        var state = stored ?? GeofenceEvaluator.Initial(fence.From - Duration.FromTicks(1));
        var ordered = pageFixes.Where(f => f.At >= fence.From).OrderBy(f => f.At).ThenBy(f => f.EventId, StringComparer.Ordinal).ToList();
        if (ordered.Count == 0) return;
        IReadOnlyList<FenceFix> fixes = ordered;
        var earliestNew = (ordered[0].At, ordered[0].EventId);
        // First look at this device for this fence (its stored fixes since the fence's start count), or a late fix.
        if (stored is null || earliestNew.CompareTo((state.LastAt, state.LastEventId)) <= 0)
        {
            // A late fix: start again from the last crossing before it; its later crossings are recomputed.
            var previous = state;
            var from = await LastCrossingBeforeAsync(tenant, device, fence.Id, earliestNew, ct);
            state = from ?? GeofenceEvaluator.Initial(fence.From - Duration.FromTicks(1));
            foreach (var stale in await CrossingsAfterAsync(tenant, device, fence.Id, state, ct))
            {
                operations.QueueSqlCommand($"delete from {_s}.timeline_entries where tenant_id = ? and kind = 'geofence' and event_id = ?", tenant, stale);
                operations.QueueSqlCommand($"delete from {_s}.geofence_crossings where tenant_id = ? and crossing_id = ?", tenant, stale);
                _outbox.Cancel(operations, tenant, stale);
            }
            // The stored fixes from there on, up to the newest this device had been evaluated to (or this page brings, when newer):
            // compared with the state before the restart, so fixes evaluated earlier beyond this page's newest are evaluated again.
            var upTo = (ordered[^1].At, ordered[^1].EventId).CompareTo((previous.LastAt, previous.LastEventId)) > 0 ? ordered[^1] : null;
            fixes = await FixesAfterAsync(tenant, device, state, fence.From, upTo?.At ?? previous.LastAt, upTo?.EventId ?? previous.LastEventId, ct);
        }
        if (fixes.Count == 0) return;
        var (next, crossings) = GeofenceEvaluator.Run(state, fixes, fence.Shape(), fence.HysteresisM, fence.ConfirmFixes);
        operations.QueueSqlCommand($"""
            insert into {_s}.geofence_state (tenant_id, device, geofence_id, inside, pending, last_at, last_event_id) values (?, ?, ?, ?, ?, ?, ?)
            on conflict (tenant_id, device, geofence_id) do update set inside = excluded.inside, pending = excluded.pending,
                last_at = excluded.last_at, last_event_id = excluded.last_event_id
            """, tenant, device, fence.Id, next.Inside, next.Pending, Utc(next.LastAt), next.LastEventId);
        if (crossings.Count == 0) return;
        var windows = await WindowsAsync(tenant, device, ct);
        foreach (var c in crossings)
        {
            var crossingId = CrossingId(tenant, device, fence.Id, c);
            operations.QueueSqlCommand($"""
                insert into {_s}.geofence_crossings (tenant_id, device, geofence_id, occurred_at, fix_event_id, crossing_id, code, lat, lon)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing
                """, tenant, device, fence.Id, Utc(c.Fix.At), c.Fix.EventId, crossingId, c.Code, c.Fix.Lat, c.Fix.Lon);
            foreach (var shipment in windows.Where(w => c.Fix.At >= w.From && (w.To is null || c.Fix.At < w.To)).Select(w => w.ShipmentId).Distinct())
                Record(operations, tenant, shipment, device, fence.Id, fence.Name, crossingId, c.Code, c.Fix.At, c.Fix.Lat, c.Fix.Lon);
        }
    }

    /// <summary>A device attached for a window (possibly in the past): its crossings inside the window now belong to the shipment.</summary>
    async Task AttributeAsync(IDocumentOperations operations, string tenant, string shipment, string device, Instant from, Instant? to, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"""
            select c.crossing_id, c.code, c.occurred_at, c.lat, c.lon, c.geofence_id, f.name
            from {_s}.geofence_crossings c join {_s}.geofences f on f.tenant_id = c.tenant_id and f.id = c.geofence_id
            where c.tenant_id = $1 and c.device = $2 and c.occurred_at >= $3 and ($4::timestamptz is null or c.occurred_at < $4)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = device });
        cmd.Parameters.Add(new NpgsqlParameter { Value = from });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)to ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            Record(operations, tenant, shipment, device, r.GetString(5), r.GetString(6), r.GetString(0), r.GetString(1), r.GetFieldValue<Instant>(2),
                r.GetDouble(3), r.GetDouble(4));
    }

    void Record(IDocumentOperations operations, string tenant, string shipment, string device, string fenceId, string fenceName, string crossingId,
        string code, Instant at, double lat, double lon)
    {
        var rows = new TimelineProjection.TimelineRows();
        var verb = code == GeofenceEvaluator.Entered ? "entered" : "left";
        rows.Add(tenant, ShipmentIndexProjection.OwnRef(shipment), at, crossingId,
            new TimelineProjection.Description("geofence", code, null, null, $"{device} {verb} {fenceName} ({fenceId})"),
            null, "geofence", new Location(null, fenceName, lat, lon), _clock.GetCurrentInstant());
        rows.Queue(operations, _s);
        _outbox.Queue(operations, new GeofenceCrossed
        {
            NotificationId = NotificationKinds.Id("geofence", tenant, shipment, crossingId),
            TenantId = tenant,
            ShipmentId = shipment,
            OccurredAt = at,
            GeofenceId = fenceId,
            GeofenceName = fenceName,
            Code = code,
            DeviceId = device,
            Location = new NotificationPlace(null, fenceName, lat, lon),
        }, _clock.GetCurrentInstant(), _clock.GetCurrentInstant() + _settle, subject: crossingId);
    }

    static string CrossingId(string tenant, string device, string fence, Crossing c) =>
        EventIds.DeriveGuid($"geofence-crossing|{tenant}|{device}|{fence}|{c.Code}|{c.Fix.EventId}").ToString();

    async Task<FenceState?> StateAsync(string tenant, string device, string fence, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select inside, pending, last_at, last_event_id from {_s}.geofence_state where tenant_id = $1 and device = $2 and geofence_id = $3");
        foreach (var v in new[] { tenant, device, fence }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new FenceState(r.GetBoolean(0), r.GetInt32(1), r.GetFieldValue<Instant>(2), r.GetString(3)) : null;
    }

    async Task<FenceState?> LastCrossingBeforeAsync(string tenant, string device, string fence, (Instant At, string EventId) before, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"""
            select code, occurred_at, fix_event_id from {_s}.geofence_crossings
            where tenant_id = $1 and device = $2 and geofence_id = $3 and (occurred_at, fix_event_id) < ($4, $5)
            order by occurred_at desc, fix_event_id desc limit 1
            """);
        foreach (var v in new object[] { tenant, device, fence, before.At, before.EventId }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new FenceState(r.GetString(0) == GeofenceEvaluator.Entered, 0, r.GetFieldValue<Instant>(1), r.GetString(2)) : null;
    }

    async Task<IReadOnlyList<string>> CrossingsAfterAsync(string tenant, string device, string fence, FenceState from, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"""
            select crossing_id from {_s}.geofence_crossings
            where tenant_id = $1 and device = $2 and geofence_id = $3 and (occurred_at, fix_event_id) > ($4, $5)
            """);
        foreach (var v in new object[] { tenant, device, fence, from.LastAt, from.LastEventId }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    async Task<IReadOnlyList<FenceFix>> FixesAfterAsync(string tenant, string device, FenceState from, Instant fenceCreated, Instant upToAt,
        string upToEventId, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"""
            select occurred_at, event_id, lat, lon from {_s}.positions
            where tenant_id = $1 and device = $2 and (occurred_at, event_id) > ($3, $4) and (occurred_at, event_id) <= ($6, $7)
              and occurred_at >= $5 and {PositionFlags.UsableSql("flags")}
            order by occurred_at, event_id
            """);
        foreach (var v in new object[] { tenant, device, from.LastAt, from.LastEventId, fenceCreated, upToAt, upToEventId })
            cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        var list = new List<FenceFix>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new FenceFix(r.GetFieldValue<Instant>(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3)));
        return list;
    }

    async Task<IReadOnlyList<string>> CrossingIdsFromAsync(string tenant, string device, Instant from, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select crossing_id from {_s}.geofence_crossings where tenant_id = $1 and device = $2 and occurred_at >= $3");
        foreach (var v in new object[] { tenant, device, from }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    sealed record Window(string ShipmentId, Instant From, Instant? To);

    async Task<IReadOnlyList<Window>> WindowsAsync(string tenant, string device, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select shipment_id, window_from, window_to from {_s}.shipment_devices where tenant_id = $1 and device = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = device });
        var list = new List<Window>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(new Window(r.GetString(0), r.GetFieldValue<Instant>(1), r.IsDBNull(2) ? null : r.GetFieldValue<Instant>(2)));
        return list;
    }
}
