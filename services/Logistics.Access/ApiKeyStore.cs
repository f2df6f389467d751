using NodaTime;
using Npgsql;

namespace Logistics.Access;

/// <summary>A key as the database knows it: never the key itself.</summary>
public sealed record ApiKeyInfo(string Id, string TenantId, string Name, Role Role, string? User, Instant CreatedAt, Instant? RevokedAt);

/// <summary>A key just made: the only moment its secret exists outside the caller's hands.</summary>
public sealed record IssuedKey(ApiKeyInfo Info, string Key);

/// <summary>Tenants and their API keys, stored as SHA-256 hashes (AccessIds).</summary>
public sealed class ApiKeyStore(NpgsqlDataSource db, string schema, IClock clock)
{
    public async Task<(string TenantId, IssuedKey AdminKey)> CreateTenantAsync(string name, CancellationToken ct)
    {
        var tenantId = AccessIds.NewTenantId();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand($"insert into {schema}.tenants (id, name, created_at) values ($1, $2, $3)", conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = name });
            cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant() });
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var admin = await InsertKeyAsync(conn, tx, tenantId, "admin", Role.Admin, null, ct);
        await tx.CommitAsync(ct);
        return (tenantId, admin);
    }

    public async Task<bool> TenantExistsAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select 1 from {schema}.tenants where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    public async Task<IssuedKey> IssueAsync(string tenantId, string name, Role role, string? user, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await InsertKeyAsync(conn, null, tenantId, name, role, user, ct);
    }

    /// <summary>The live (not revoked) key with this secret, or null.</summary>
    public async Task<ApiKeyInfo?> FindAsync(string key, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, tenant_id, name, role, user_email, created_at, revoked_at from {schema}.api_keys where key_sha256 = $1 and revoked_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = AccessIds.HashKey(key) });
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    public async Task<IReadOnlyList<ApiKeyInfo>> ListAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, tenant_id, name, role, user_email, created_at, revoked_at from {schema}.api_keys where tenant_id = $1 order by created_at, id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await ReadAsync(cmd, ct);
    }

    /// <summary>Revokes one of the tenant's keys; false when the tenant has no such live key.</summary>
    public async Task<bool> RevokeAsync(string tenantId, string keyId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"update {schema}.api_keys set revoked_at = $3 where tenant_id = $1 and id = $2 and revoked_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = keyId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = clock.GetCurrentInstant() });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    async Task<IssuedKey> InsertKeyAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string tenantId, string name, Role role, string? user,
        CancellationToken ct)
    {
        var key = AccessIds.NewApiKey();
        var info = new ApiKeyInfo(AccessIds.NewKeyId(), tenantId, name, role, user, clock.GetCurrentInstant(), null);
        await using var cmd = new NpgsqlCommand(
            $"insert into {schema}.api_keys (id, tenant_id, key_sha256, name, role, user_email, created_at) values ($1, $2, $3, $4, $5, $6, $7)", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = info.Id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = AccessIds.HashKey(key) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = name });
        cmd.Parameters.Add(new NpgsqlParameter { Value = role.Name() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)user ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = info.CreatedAt });
        await cmd.ExecuteNonQueryAsync(ct);
        return new IssuedKey(info, key);
    }

    static async Task<IReadOnlyList<ApiKeyInfo>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<ApiKeyInfo>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (!Roles.TryParse(r.GetString(3), out var role)) continue; // a role this build does not know grants nothing
            list.Add(new ApiKeyInfo(r.GetString(0), r.GetString(1), r.GetString(2), role, r.IsDBNull(4) ? null : r.GetString(4),
                r.GetFieldValue<Instant>(5), r.IsDBNull(6) ? null : r.GetFieldValue<Instant>(6)));
        }
        return list;
    }
}
