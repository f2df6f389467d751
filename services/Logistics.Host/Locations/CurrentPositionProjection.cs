using JasperFx.Events;
using Logistics.Canonical.Events;
using Logistics.Host.Devices;
using Marten;
using Marten.Events.Projections;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Locations;

/// <summary>
/// Inline projection of position fixes into <c>current_positions</c>: per batch, the newest usable fix of each device,
/// upserted in ONE statement that only replaces an older fix (G3: a late fix never moves the location backwards; a flagged
/// one never becomes it). Event time decides, the event id breaks ties, so a replay writes the same row.
/// </summary>
public sealed class CurrentPositionProjection(string schema) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var newest = new Dictionary<(string Tenant, string Device), PositionEvent>();
        foreach (var e in events)
        {
            if (e.Data is not PositionEvent p || PositionFlags.Disqualifies(p.Flags)) continue;
            var key = (e.TenantId, ReadingsProjection.Subject(e.StreamKey!));
            if (!newest.TryGetValue(key, out var seen) || Newer(p, seen)) newest[key] = p;
        }
        if (newest.Count == 0) return Task.CompletedTask;
        var rows = newest.ToList();
        operations.QueueSqlCommand($"""
            insert into {schema}.current_positions as c (tenant_id, device, lat, lon, accuracy_m, method, occurred_at, received_at, event_id)
            select * from unnest(?::text[], ?::text[], ?::float8[], ?::float8[], ?::float8[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[])
            on conflict (tenant_id, device) do update set
                lat = excluded.lat, lon = excluded.lon, accuracy_m = excluded.accuracy_m, method = excluded.method,
                occurred_at = excluded.occurred_at, received_at = excluded.received_at, event_id = excluded.event_id
            where (excluded.occurred_at, excluded.event_id) > (c.occurred_at, c.event_id)
            """,
            rows.Select(r => r.Key.Tenant).ToArray(), rows.Select(r => r.Key.Device).ToArray(),
            rows.Select(r => r.Value.Position.Lat).ToArray(), rows.Select(r => r.Value.Position.Lon).ToArray(),
            rows.Select(r => r.Value.Position.AccuracyM).ToArray(), rows.Select(r => r.Value.Position.Method).ToArray(),
            rows.Select(r => Utc(r.Value.OccurredAt)).ToArray(), rows.Select(r => Utc(r.Value.ReceivedAt)).ToArray(),
            rows.Select(r => r.Value.EventId).ToArray());
        return Task.CompletedTask;
    }

    static bool Newer(PositionEvent a, PositionEvent b) =>
        a.OccurredAt > b.OccurredAt || (a.OccurredAt == b.OccurredAt && string.CompareOrdinal(a.EventId, b.EventId) > 0);
}
