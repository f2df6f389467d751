using Logistics.Host.Infrastructure;
using Npgsql;

namespace Logistics.Host.Retention;

/// <summary>Per-tenant retention policies and legal holds on shipments (plain tables, tenant_id on every row).</summary>
public sealed class RetentionTables : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.retention_policies (
                tenant_id          text primary key,
                raw_message_days   integer not null check (raw_message_days >= 0),
                quarantine_days    integer not null check (quarantine_days >= 0),
                read_model_days    integer not null check (read_model_days >= 0),
                updated_at         timestamptz not null,
                updated_by         text not null
            );
            create table if not exists {schema}.legal_holds (
                tenant_id    text not null,
                shipment_id  text not null,
                reason       text not null,
                placed_by    text not null,
                placed_at    timestamptz not null,
                primary key (tenant_id, shipment_id)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
