using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Shipments;

/// <summary>
/// Which carrier events belong to a shipment, decided at read time through the identifier index, so nothing is copied and
/// nothing is lost: an event that arrived before registration belongs on registration; a re-delivered one is one entry.
/// <para>
/// The window of a reference: from the registration's <c>from</c> (open when absent) to the earlier of its <c>to</c> and
/// the shipment's first ACT <c>DELIVERED</c> milestone (an estimate never closes it). An event belongs to the shipment
/// whose window holds its <c>occurredAt</c>; when several windows of the same reference hold it (a container reused),
/// to the one with the latest start, ties to the earliest registered. Windows are closed intervals.
/// </para>
/// </summary>
public sealed class ShipmentTimeline(NpgsqlDataSource db, HostSettings settings)
{
    /// <summary>
    /// The effective windows ($1 tenant, $2 shipment) of every shipment that claims one of this shipment's references:
    /// <c>windows(shipment_id, ref, window_from, window_end, registered_at)</c>. Shared by the timeline and the summary.
    /// </summary>
    internal string WindowsCte => $"""
        claims as (
            select c.shipment_id, c.ref, c.window_from, c.window_to, c.registered_at
            from {settings.Schema}.shipment_refs c
            where c.tenant_id = $1 and c.ref in (select ref from {settings.Schema}.shipment_refs where tenant_id = $1 and shipment_id = $2)
        ),
        delivered as (
            select w.shipment_id, min(e.occurred_at) as at
            from (select distinct shipment_id, window_from, window_to from claims) w
            join {settings.Schema}.shipment_refs r on r.tenant_id = $1 and r.shipment_id = w.shipment_id
            join {settings.Schema}.timeline_entries e on e.tenant_id = $1 and e.ref = r.ref
            where e.kind = 'milestone' and e.code = 'DELIVERED' and e.classifier = 'ACT'
              and (w.window_from is null or e.occurred_at >= w.window_from)
              and (w.window_to is null or e.occurred_at <= w.window_to)
            group by w.shipment_id
        ),
        windows as (
            select c.shipment_id, c.ref, c.window_from, least(c.window_to, d.at) as window_end, c.registered_at
            from claims c left join delivered d using (shipment_id)
        )
        """;

    /// <summary>The shipment's timeline in event-time order: its references' entries inside its windows, the alarms of its
    /// devices inside their device windows, and its own changes.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> ReadAsync(string tenantId, string shipmentId, CancellationToken ct)
    {
        var s = settings.Schema;
        await using var cmd = db.CreateCommand($"""
            with {WindowsCte},
            mine as (select * from windows where shipment_id = $2),
            entries as (
                select e.* from {s}.timeline_entries e
                join mine m on e.tenant_id = $1 and e.ref = m.ref
                where (m.window_from is null or e.occurred_at >= m.window_from)
                  and (m.window_end is null or e.occurred_at <= m.window_end)
                  and not exists (
                      select 1 from windows o
                      where o.ref = e.ref and o.shipment_id <> $2
                        and (o.window_from is null or e.occurred_at >= o.window_from)
                        and (o.window_end is null or e.occurred_at <= o.window_end)
                        and (coalesce(o.window_from, '-infinity') > coalesce(m.window_from, '-infinity')
                             or (coalesce(o.window_from, '-infinity') = coalesce(m.window_from, '-infinity')
                                 and (o.registered_at, o.shipment_id) < (m.registered_at, m.shipment_id))))
                union all
                select e.* from {s}.timeline_entries e
                join {s}.shipment_devices d on e.tenant_id = d.tenant_id and e.ref = d.device
                where d.tenant_id = $1 and d.shipment_id = $2 and e.kind = 'alarm'
                  and e.occurred_at >= d.window_from and (d.window_to is null or e.occurred_at < d.window_to)
                union all
                select e.* from {s}.timeline_entries e where e.tenant_id = $1 and e.ref = $3
            )
            select occurred_at, kind, code, classifier, carrier, unlocode, location_name, lat, lon, event_id, ref, adapter, detail,
                   source_event_id, received_at
            from (select distinct on (event_id) * from entries order by event_id, ref) one_per_event
            order by occurred_at, event_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipmentId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = ShipmentIndexProjection.OwnRef(shipmentId) });
        var list = new List<TimelineEntry>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
            double? Number(int i) => r.IsDBNull(i) ? null : r.GetDouble(i);
            var location = Text(5) is null && Text(6) is null && Number(7) is null ? null : new TimelineLocation(Text(5), Text(6), Number(7), Number(8));
            list.Add(new TimelineEntry(r.GetFieldValue<Instant>(0), r.GetString(1), Text(2), Text(3), Text(4), location, r.GetString(9),
                r.GetString(10), Text(11), Text(12), Text(13), r.GetFieldValue<Instant>(14)));
        }
        return list;
    }
}
