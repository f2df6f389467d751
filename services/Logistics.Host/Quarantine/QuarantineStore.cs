using Logistics.Access.Audit;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Quarantine;

/// <summary>A rejected raw message, kept with the adapter's reason until it is replayed.</summary>
public sealed record QuarantinedMessage(Guid Id, string AdapterId, Instant ReceivedAt, Instant? QuarantinedAt, string Sha256,
    int Size, string? Codec, string? Reason, int Replays);

/// <summary>Quarantined messages of one tenant: every query filters by the caller's tenant. A replay is an audit entry (same transaction).</summary>
public sealed class QuarantineStore(NpgsqlDataSource db, HostSettings settings, AuditTrail? audit = null)
{
    readonly string _t = $"{settings.Schema}.raw_messages";

    public async Task<IReadOnlyList<QuarantinedMessage>> ListAsync(string tenantId, string? adapterId, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select id, adapter_id, received_at, processed_at, sha256, size, codec, reason, replays from {_t}
            where tenant_id = $3 and status = 'quarantined' and ($1::text is null or adapter_id = $1)
            order by received_at desc, id limit $2
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)adapterId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await ReadAsync(cmd, ct);
    }

    public async Task<QuarantinedMessage?> GetAsync(string tenantId, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, adapter_id, received_at, processed_at, sha256, size, codec, reason, replays from {_t} where id = $1 and tenant_id = $2 and status = 'quarantined'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return (await ReadAsync(cmd, ct)).FirstOrDefault();
    }

    /// <summary>The stored bytes of a quarantined message exactly as they arrived, with their content type (null when none).</summary>
    public async Task<(byte[] Body, string? ContentType)?> BodyAsync(string tenantId, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select body, content_type from {_t} where id = $1 and tenant_id = $2 and status = 'quarantined'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        if (!await r.ReadAsync(ct)) return null;
        return (r.GetFieldValue<byte[]>(0), r.IsDBNull(1) ? null : r.GetString(1));
    }

    /// <summary>Moves a quarantined message back to "received" so translation runs again; the previous reason is kept until then.</summary>
    public async Task<bool> ReleaseForReplayAsync(string tenantId, Guid id, CancellationToken ct) => await ReleaseForReplayAsync(tenantId, id, "system", ct);

    public async Task<bool> ReleaseForReplayAsync(string tenantId, Guid id, string actor, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(ct);
        await using var cmd = new NpgsqlCommand(
            $"update {_t} set status = 'received', published_at = null, replays = replays + 1 where id = $1 and tenant_id = $2 and status = 'quarantined' returning reason, replays, adapter_id",
            conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        AuditRecord? record = null;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
                record = new AuditRecord(tenantId, actor, "quarantine.replayed", $"raw:{id}",
                    AuditRecord.Json(new { status = "quarantined", reason = r.IsDBNull(0) ? null : r.GetString(0), adapter = r.GetString(2) }),
                    AuditRecord.Json(new { status = "received", replays = r.GetInt32(1) }));
        if (record is null) return false;
        if (audit is not null) await audit.AppendAsync(conn, tx, record, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    static async Task<IReadOnlyList<QuarantinedMessage>> ReadAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<QuarantinedMessage>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new QuarantinedMessage(r.GetGuid(0), r.GetString(1), r.GetFieldValue<Instant>(2),
                r.IsDBNull(3) ? null : r.GetFieldValue<Instant>(3), r.GetString(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetInt32(8)));
        return list;
    }
}
