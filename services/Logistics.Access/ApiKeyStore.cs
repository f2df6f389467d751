using Logistics.Access.Audit;
using NodaTime;
using Npgsql;

namespace Logistics.Access;

/// <summary>A key as the database knows it: never the key itself.</summary>
public sealed record ApiKeyInfo(string Id, string TenantId, string Name, Role Role, string? User, Instant CreatedAt, Instant? RevokedAt);

/// <summary>A key just made: the only moment its secret exists outside the caller's hands.</summary>
public sealed record IssuedKey(ApiKeyInfo Info, string Key);

/// <summary>
/// Tenants and their API keys, stored as SHA-256 hashes (AccessIds). With an <see cref="AuditTrail"/>, every change is an
/// audit entry committed in the same transaction as the change (<paramref name="audit"/> null: tests of the store alone).
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource db, string schema, IClock clock, AuditTrail? audit = null)
{
    public async Task<(string TenantId, IssuedKey AdminKey)> CreateTenantAsync(string name, CancellationToken ct) =>
        await CreateTenantAsync(name, "system", ct);

    /// <summary>Creates a tenant and its first admin key; <paramref name="actor"/> is who did it (the CLI names its user).</summary>
    public async Task<(string TenantId, IssuedKey AdminKey)> CreateTenantAsync(string name, string actor, CancellationToken ct)
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
        if (audit is not null)
        {
            await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "tenant.created", $"tenant:{tenantId}", After: AuditRecord.Json(new { name })), ct);
            await audit.AppendAsync(conn, tx, KeyIssued(admin, actor), ct);
        }
        await tx.CommitAsync(ct);
        return (tenantId, admin);
    }

    public async Task<bool> TenantExistsAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select 1 from {schema}.tenants where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await cmd.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>The tenant's display name as it was created (null for an unknown tenant).</summary>
    public async Task<string?> TenantNameAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select name from {schema}.tenants where id = $1");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    public async Task<IssuedKey> IssueAsync(string tenantId, string name, Role role, string? user, CancellationToken ct) =>
        await IssueAsync(tenantId, name, role, user, "system", ct);

    public async Task<IssuedKey> IssueAsync(string tenantId, string name, Role role, string? user, string actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        var issued = await InsertKeyAsync(conn, tx, tenantId, name, role, user, ct);
        if (audit is not null) await audit.AppendAsync(conn, tx, KeyIssued(issued, actor), ct);
        await tx.CommitAsync(ct);
        return issued;
    }

    static AuditRecord KeyIssued(IssuedKey key, string actor) =>
        new(key.Info.TenantId, actor, "key.issued", $"key:{key.Info.Id}",
            After: AuditRecord.Json(new { key.Info.Name, role = key.Info.Role.Name(), key.Info.User })); // never the key itself

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
    public async Task<bool> RevokeAsync(string tenantId, string keyId, CancellationToken ct) => await RevokeAsync(tenantId, keyId, "system", ct);

    public async Task<bool> RevokeAsync(string tenantId, string keyId, string actor, CancellationToken ct)
    {
        var now = clock.GetCurrentInstant();
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            $"update {schema}.api_keys set revoked_at = $3 where tenant_id = $1 and id = $2 and revoked_at is null returning name, role, user_email", conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = keyId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = now });
        string? before = null;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                before = AuditRecord.Json(new { name = r.GetString(0), role = r.GetString(1), user = r.IsDBNull(2) ? null : r.GetString(2), revokedAt = (string?)null });
        if (before is null) return false;
        if (audit is not null)
            await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "key.revoked", $"key:{keyId}", before,
                AuditRecord.Json(new { revokedAt = NodaTime.Text.InstantPattern.ExtendedIso.Format(now) })), ct);
        await tx.CommitAsync(ct);
        return true;
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
