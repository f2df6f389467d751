using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Quarantine;

/// <summary>A rejected raw message, kept with the adapter's reason until it is replayed.</summary>
public sealed record QuarantinedMessage(Guid Id, string AdapterId, Instant ReceivedAt, Instant? QuarantinedAt, string Sha256,
    int Size, string? Codec, string? Reason, int Replays);

/// <summary>Quarantined messages of one tenant: every query filters by the caller's tenant.</summary>
public sealed class QuarantineStore(NpgsqlDataSource db, HostSettings settings)
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

    /// <summary>Moves a quarantined message back to "received" so translation runs again; the previous reason is kept until then.</summary>
    public async Task<bool> ReleaseForReplayAsync(string tenantId, Guid id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"update {_t} set status = 'received', published_at = null, replays = replays + 1 where id = $1 and tenant_id = $2 and status = 'quarantined'");
        cmd.Parameters.Add(new NpgsqlParameter { Value = id });
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
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
