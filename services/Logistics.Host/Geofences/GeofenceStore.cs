using System.Text.Json;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Geofences;

/// <summary>
/// Geofences and what the crossing subscription keeps (plain tables, <c>tenant_id</c> leading every key):
/// <c>geofences</c> (deleted ones keep their row, with <c>deleted_at</c>), <c>geofence_state</c> (each device's side of each
/// fence after its last evaluated fix) and <c>geofence_crossings</c> (every confirmed crossing, keyed by its fix).
/// </summary>
public sealed class GeofenceStore(NpgsqlDataSource db, HostSettings settings) : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            create table if not exists {schema}.geofences (
                tenant_id      text not null,
                id             text not null,
                name           text not null,
                kind           text not null,
                geometry       jsonb,
                center_lat     double precision,
                center_lon     double precision,
                radius_m       double precision,
                hysteresis_m   double precision not null,
                confirm_fixes  integer not null,
                created_at     timestamptz not null,
                from_at        timestamptz not null,
                created_by     text not null,
                deleted_at     timestamptz,
                primary key (tenant_id, id)
            );
            create table if not exists {schema}.geofence_state (
                tenant_id      text not null,
                device         text not null,
                geofence_id    text not null,
                inside         boolean not null,
                pending        integer not null,
                last_at        timestamptz not null,
                last_event_id  text not null,
                primary key (tenant_id, device, geofence_id)
            );
            create table if not exists {schema}.geofence_crossings (
                tenant_id      text not null,
                device         text not null,
                geofence_id    text not null,
                occurred_at    timestamptz not null,
                fix_event_id   text not null,
                crossing_id    text not null,
                code           text not null,
                lat            double precision not null,
                lon            double precision not null,
                primary key (tenant_id, device, geofence_id, occurred_at, fix_event_id)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task AddAsync(string tenantId, Geofence g, string by, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            insert into {settings.Schema}.geofences (tenant_id, id, name, kind, geometry, center_lat, center_lon, radius_m, hysteresis_m, confirm_fixes, created_at, created_by, from_at)
            values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10, $11, $12, $13)
            """);
        foreach (var v in new object?[] { tenantId, g.Id, g.Name, g.Kind, g.Geometry?.GetRawText(), g.Center?.Lat, g.Center?.Lon, g.RadiusM, g.HysteresisM,
                     g.ConfirmFixes, g.CreatedAt, by, g.From })
            cmd.Parameters.Add(new NpgsqlParameter { Value = v ?? DBNull.Value });
        cmd.Parameters[4].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        for (var i = 5; i <= 7; i++) cmd.Parameters[i].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Double;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The tenant's geofences that are not deleted (or one of them by id).</summary>
    public async Task<IReadOnlyList<Geofence>> ActiveAsync(string tenantId, CancellationToken ct, string? id = null)
    {
        await using var cmd = db.CreateCommand($"""
            select id, name, kind, geometry::text, center_lat, center_lon, radius_m, hysteresis_m, confirm_fixes, created_at, from_at
            from {settings.Schema}.geofences where tenant_id = $1 and deleted_at is null and ($2::text is null or id = $2)
            order by created_at, id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var list = new List<Geofence>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Geofence(r.GetString(0), r.GetString(1), r.GetString(2),
                r.IsDBNull(3) ? null : JsonDocument.Parse(r.GetString(3)).RootElement.Clone(),
                r.IsDBNull(4) ? null : new GeofenceCenter(r.GetDouble(4), r.GetDouble(5)), r.IsDBNull(6) ? null : r.GetDouble(6),
                r.GetDouble(7), r.GetInt32(8), r.GetFieldValue<Instant>(9), r.GetFieldValue<Instant>(10)));
        return list;
    }

    public async Task<bool> DeleteAsync(string tenantId, string id, Instant at, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {settings.Schema}.geofences set deleted_at = $3 where tenant_id = $1 and id = $2 and deleted_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }
}
