using System.Text.Json;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Intake;

/// <summary>
/// The durable raw inbox (PostgreSQL): every accepted message is here before we answer 2xx (written by
/// <see cref="RawInboxWriter"/>); this class reads it and records what happened to each message.
/// </summary>
public sealed class RawInbox(NpgsqlDataSource db, HostSettings settings)
{
    readonly string _t = $"{settings.Schema}.raw_messages";

    public async Task MarkPublishedAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var cmd = db.CreateCommand($"update {_t} set published_at = now() where id = any($1) and published_at is null");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The messages among <paramref name="ids"/> still awaiting translation; a redelivery of a done one is skipped here.</summary>
    public async Task<IReadOnlyList<RawMessage>> LoadPendingAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand(
            $"select id, adapter_id, received_at, sha256, content_type, headers::text, body, codec, tenant_id from {_t} where id = any($1) and status = 'received' order by received_at, id");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        var list = new List<RawMessage>(ids.Count);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RawMessage(
                reader.GetGuid(0), reader.GetString(1), reader.GetFieldValue<Instant>(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(5)) ?? [],
                reader.GetFieldValue<byte[]>(6),
                reader.IsDBNull(7) ? null : reader.GetString(7)) { TenantId = reader.GetString(8) });
        }
        return list;
    }

    /// <summary>Messages to send (again): never confirmed as published, or published long ago and still not translated.</summary>
    public async Task<IReadOnlyList<(Guid Id, string AdapterId)>> DueForPublishAsync(int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select id, adapter_id from {_t}
            where status = 'received'
              and ((published_at is null and received_at < now() - $1) or published_at < now() - $2)
            order by received_at limit $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RepublishAfter) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RedriveAfter) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<(Guid, string)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add((reader.GetGuid(0), reader.GetString(1)));
        return list;
    }

    /// <summary>Consumer lag: messages stored but not yet translated or quarantined, and the age of the oldest.</summary>
    public async Task<(long Pending, Duration? OldestAge)> LagAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select count(*), now() - min(received_at) from {_t} where status = 'received'");
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<Period>(1).ToDuration());
    }
}
