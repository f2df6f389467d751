using Logistics.Host.Infrastructure;
using Npgsql;

namespace Logistics.Host.Devices;

/// <summary>
/// Readings and positions by device and time: flat read-model tables written by <see cref="ReadingsProjection"/>.
/// The primary key (tenant, device, occurred_at, event_id) is the index every query walks, and makes a replayed
/// event a no-op. <c>device</c> is the stream's subject: <c>devEui:70B3D57ED0050001</c> (or <c>container:…</c> for a
/// carrier's own measurements, which live in reference streams).
/// </summary>
public sealed class ReadingsTables : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.readings (
                tenant_id       text not null,
                device          text not null,
                occurred_at     timestamptz not null,
                event_id        text not null,
                type            text not null,
                value           double precision not null,
                unit            text not null,
                original_value  double precision not null,
                original_unit   text not null,
                sensor          text,
                received_at     timestamptz not null,
                flags           text[] not null,
                primary key (tenant_id, device, occurred_at, event_id)
            );
            create table if not exists {schema}.positions (
                tenant_id       text not null,
                device          text not null,
                occurred_at     timestamptz not null,
                event_id        text not null,
                lat             double precision not null,
                lon             double precision not null,
                accuracy_m      double precision,
                method          text not null,
                received_at     timestamptz not null,
                flags           text[] not null,
                primary key (tenant_id, device, occurred_at, event_id)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
