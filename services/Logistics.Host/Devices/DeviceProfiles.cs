using Logistics.Access.Audit;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Devices;

/// <summary>
/// Device profiles: which payload codec a tenant's device uplinks use (e.g. <c>devEui:A81758FFFE0312F6</c> → <c>milesight</c>).
/// Per tenant: two tenants may configure the same device differently. Read through a snapshot per translate batch so
/// adapters stay pure lookups. A change is an audit entry in the same transaction (when the host has an audit trail).
/// </summary>
public sealed class DeviceProfiles(NpgsqlDataSource db, HostSettings settings, AuditTrail? audit = null)
{
    readonly string _t = $"{settings.Schema}.device_profiles";

    public async Task SetCodecAsync(string tenantId, string deviceRef, string codec, Instant at, CancellationToken ct) =>
        await SetCodecAsync(tenantId, deviceRef, codec, at, "system", ct);

    public async Task SetCodecAsync(string tenantId, string deviceRef, string codec, Instant at, string actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        string? before;
        await using (var old = new NpgsqlCommand($"select codec from {_t} where tenant_id = $1 and device_ref = $2 for update", conn, tx))
        {
            old.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            old.Parameters.Add(new NpgsqlParameter { Value = deviceRef });
            before = await old.ExecuteScalarAsync(ct) as string;
        }
        await using var cmd = new NpgsqlCommand(
            $"insert into {_t} (tenant_id, device_ref, codec, updated_at) values ($1, $2, $3, $4) on conflict (tenant_id, device_ref) do update set codec = excluded.codec, updated_at = excluded.updated_at",
            conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = deviceRef });
        cmd.Parameters.Add(new NpgsqlParameter { Value = codec });
        cmd.Parameters.Add(new NpgsqlParameter { Value = at });
        await cmd.ExecuteNonQueryAsync(ct);
        if (audit is not null && before != codec)
            await audit.AppendAsync(conn, tx, new AuditRecord(tenantId, actor, "device-profile.set", $"device:{deviceRef}/profile",
                before is null ? null : AuditRecord.Json(new { codec = before }), AuditRecord.Json(new { codec })) { At = at }, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<string?> GetCodecAsync(string tenantId, string deviceRef, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select codec from {_t} where tenant_id = $1 and device_ref = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = deviceRef });
        return await cmd.ExecuteScalarAsync(ct) as string;
    }

    /// <summary>The profiles of the given tenants, for one translate batch: (tenant, device) → codec.</summary>
    public async Task<Func<string, string, string?>> SnapshotAsync(IReadOnlyCollection<string> tenantIds, CancellationToken ct)
    {
        var map = new Dictionary<(string, string), string>(new TenantDeviceComparer());
        await using var cmd = db.CreateCommand($"select tenant_id, device_ref, codec from {_t} where tenant_id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantIds.ToArray() });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) map[(reader.GetString(0), reader.GetString(1))] = reader.GetString(2);
        return (tenant, device) => map.TryGetValue((tenant, device), out var codec) ? codec : null;
    }

    /// <summary>Tenant ids exactly, device refs ignoring case (a DevEUI in a profile may be written in either case).</summary>
    sealed class TenantDeviceComparer : IEqualityComparer<(string Tenant, string Device)>
    {
        public bool Equals((string Tenant, string Device) x, (string Tenant, string Device) y) =>
            string.Equals(x.Tenant, y.Tenant, StringComparison.Ordinal) && string.Equals(x.Device, y.Device, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Tenant, string Device) obj) =>
            HashCode.Combine(StringComparer.Ordinal.GetHashCode(obj.Tenant), StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Device));
    }
}
