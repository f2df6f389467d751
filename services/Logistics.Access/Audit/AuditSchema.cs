using Npgsql;

namespace Logistics.Access.Audit;

/// <summary>
/// The audit tables: plain tables, one chain per tenant. <c>before</c>/<c>after</c> are kept as the exact JSON text that was
/// hashed (jsonb would reorder keys and break the hash). Applied by the host at start and by the CLI before it writes.
/// </summary>
public static class AuditSchema
{
    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create schema if not exists {schema};
            create table if not exists {schema}.audit_entries (
                tenant_id        text not null,
                seq              bigint not null,
                at               timestamptz not null,
                actor            text not null,
                action           text not null,
                target           text not null,
                before           text,
                after            text,
                reason           text,
                idempotency_key  text,
                prev_hash        text not null,
                hash             text not null,
                mac              text not null,
                primary key (tenant_id, seq)
            );
            create unique index if not exists audit_entries_idempotency on {schema}.audit_entries (tenant_id, idempotency_key) where idempotency_key is not null;
            create index if not exists audit_entries_target on {schema}.audit_entries (tenant_id, target, seq);
            create index if not exists audit_entries_at on {schema}.audit_entries (tenant_id, at);
            create table if not exists {schema}.audit_heads (
                tenant_id  text primary key,
                seq        bigint not null,
                hash       text not null,
                at         timestamptz not null,
                mac        text not null
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
