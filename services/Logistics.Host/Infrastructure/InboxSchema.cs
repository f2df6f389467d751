using Npgsql;

namespace Logistics.Host.Infrastructure;

/// <summary>
/// The raw inbox and device profiles: plain tables beside Marten's event store, in the same database and schema,
/// so a translated message's events and its status change commit in one transaction. Every row belongs to the tenant
/// whose key posted it (<c>tenant_id</c>), and every read filters by it.
/// </summary>
public static class InboxSchema
{
    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        var sql = $"""
            create schema if not exists {schema};
            create table if not exists {schema}.raw_messages (
                id            uuid primary key,
                tenant_id     text not null,
                adapter_id    text not null,
                received_at   timestamptz not null,
                sha256        text not null,
                content_type  text,
                headers       jsonb not null,
                body          bytea not null,
                size          integer not null,
                codec         text,
                source_address text,
                status        text not null default 'received',
                published_at  timestamptz,
                processed_at  timestamptz,
                event_count   integer,
                reason        text,
                replays       integer not null default 0
            );
            alter table {schema}.raw_messages add column if not exists source_address text;
            create index if not exists raw_messages_unpublished on {schema}.raw_messages (received_at) where published_at is null;
            create index if not exists raw_messages_pending on {schema}.raw_messages (received_at) where status = 'received';
            create index if not exists raw_messages_quarantined on {schema}.raw_messages (tenant_id, received_at) where status = 'quarantined';
            create table if not exists {schema}.device_profiles (
                tenant_id   text not null,
                device_ref  text not null,
                codec       text not null,
                updated_at  timestamptz not null,
                primary key (tenant_id, device_ref)
            );
            """;
        // Several hosts (tests, run.sh) may start at once: serialise DDL with an advisory lock.
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand("select pg_advisory_lock(7341001)", conn)) await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("select pg_advisory_unlock(7341001)", conn);
            await unlock.ExecuteNonQueryAsync(ct);
        }
    }
}
