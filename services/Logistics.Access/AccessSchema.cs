using Npgsql;

namespace Logistics.Access;

/// <summary>
/// Tenants, API keys and signing passwords: plain tables, deliberately not tenanted, because a key is looked up before
/// the tenant is known. Applied by the host at start and by the CLI before it writes (idempotent, serialised by an
/// advisory lock so both may start at once).
/// </summary>
public static class AccessSchema
{
    const long LockId = 7341002;

    public static async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        var sql = $"""
            create schema if not exists {schema};
            create table if not exists {schema}.tenants (
                id          text primary key,
                name        text not null,
                created_at  timestamptz not null
            );
            create table if not exists {schema}.api_keys (
                id          text primary key,
                tenant_id   text not null references {schema}.tenants (id),
                key_sha256  bytea not null unique,
                name        text not null,
                role        text not null,
                user_email  text,
                created_at  timestamptz not null,
                revoked_at  timestamptz
            );
            create index if not exists api_keys_tenant on {schema}.api_keys (tenant_id);
            create table if not exists {schema}.signing_passwords (
                tenant_id   text not null references {schema}.tenants (id),
                user_email  text not null,
                hash        text not null,
                updated_at  timestamptz not null,
                primary key (tenant_id, user_email)
            );
            """;
        await using var conn = await db.OpenConnectionAsync(ct);
        await using (var lockCmd = new NpgsqlCommand($"select pg_advisory_lock({LockId})", conn)) await lockCmd.ExecuteNonQueryAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"select pg_advisory_unlock({LockId})", conn);
            await unlock.ExecuteNonQueryAsync(ct);
        }
    }
}
