using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Host.Shipments;

/// <summary>A position fix of one of the shipment's devices.</summary>
public sealed record ShipmentPosition(string Device, Instant OccurredAt, double Lat, double Lon, double? AccuracyM, string Method, string EventId);

/// <summary>
/// "The readings of a shipment": the readings of its devices inside their device windows ([from, to), a window may start
/// in the past), from the readings read model. Reports, live excursion state and the readings route all read this one query.
/// </summary>
public sealed class ShipmentReadings(NpgsqlDataSource db, HostSettings settings)
{
    public async Task<IReadOnlyList<Reading>> ReadAsync(string tenantId, string shipmentId, Instant? from, Instant? to, string? type, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select distinct on (r.occurred_at, r.event_id, r.device) {DeviceReadings.Columns}
            from {settings.Schema}.shipment_devices d
            join {settings.Schema}.readings r on r.tenant_id = d.tenant_id and r.device = d.device
            where d.tenant_id = $1 and d.shipment_id = $2
              and r.occurred_at >= d.window_from and (d.window_to is null or r.occurred_at < d.window_to)
              and ($3::timestamptz is null or r.occurred_at >= $3) and ($4::timestamptz is null or r.occurred_at < $4)
              and ($5::text is null or r.type = $5)
            order by r.occurred_at, r.event_id, r.device
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipmentId });
        DeviceReadings.AddOptional(cmd, from, NpgsqlDbType.TimestampTz);
        DeviceReadings.AddOptional(cmd, to, NpgsqlDbType.TimestampTz);
        DeviceReadings.AddOptional(cmd, type, NpgsqlDbType.Text);
        return await DeviceReadings.ReadRowsAsync(cmd, ct);
    }

    /// <summary>The newest position of any of the shipment's devices inside its window, or null.</summary>
    public async Task<ShipmentPosition?> LatestPositionAsync(string tenantId, string shipmentId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select p.device, p.occurred_at, p.lat, p.lon, p.accuracy_m, p.method, p.event_id
            from {settings.Schema}.shipment_devices d
            join {settings.Schema}.positions p on p.tenant_id = d.tenant_id and p.device = d.device
            where d.tenant_id = $1 and d.shipment_id = $2
              and p.occurred_at >= d.window_from and (d.window_to is null or p.occurred_at < d.window_to)
              and {Locations.PositionFlags.UsableSql("p.flags")}
            order by p.occurred_at desc, p.event_id desc
            limit 1
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipmentId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return new ShipmentPosition(r.GetString(0), r.GetFieldValue<Instant>(1), r.GetDouble(2), r.GetDouble(3),
            r.IsDBNull(4) ? null : r.GetDouble(4), r.GetString(5), r.GetString(6));
    }
}
