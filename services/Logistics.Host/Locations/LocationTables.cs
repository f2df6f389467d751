using Logistics.Host.Infrastructure;
using Npgsql;

namespace Logistics.Host.Locations;

/// <summary>
/// The live-location tables:
/// <list type="bullet">
/// <item><c>current_positions</c> — one row per tracked asset, its newest usable fix (written inline by
/// <see cref="CurrentPositionProjection"/>), with a GiST index over (tenant, point(lon, lat)) for bbox and radius
/// search (<see cref="AssetSearch"/>). PostgreSQL's own point type and GiST; btree_gist (a contrib module shipped with
/// the server package) lets the tenant lead the same index.</item>
/// <item>on <c>positions</c> (the Devices slice's table): the committing transaction's id and a sequence, the cursor of
/// the live stream (<see cref="PositionFeed"/>): ordered by (xid, seq) and read only below the oldest running
/// transaction, no committed fix is ever skipped.</item>
/// </list>
/// </summary>
public sealed class LocationTables : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        // Extensions are database-wide: several hosts (tests) may start at once, so serialise like the inbox schema does.
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock(7341001)", conn)) await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand($"""
                create extension if not exists btree_gist;
                create table if not exists {schema}.current_positions (
                    tenant_id    text not null,
                    device       text not null,
                    lat          double precision not null,
                    lon          double precision not null,
                    pos          point generated always as (point(lon, lat)) stored,
                    accuracy_m   double precision,
                    method       text not null,
                    occurred_at  timestamptz not null,
                    received_at  timestamptz not null,
                    event_id     text not null,
                    primary key (tenant_id, device)
                );
                create index if not exists current_positions_pos on {schema}.current_positions using gist (tenant_id, pos);
                alter table {schema}.positions add column if not exists xid xid8 not null default pg_current_xact_id();
                alter table {schema}.positions add column if not exists seq bigint generated always as identity;
                create index if not exists positions_feed on {schema}.positions (xid, seq);
                """, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(7341001)", conn);
            await unlock.ExecuteNonQueryAsync(ct);
        }
    }
}
