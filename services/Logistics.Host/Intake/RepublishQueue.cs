using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Intake;

/// <summary>
/// The re-publisher's view of the raw inbox: which stored messages are due to be sent (again), and each one's back-off.
/// A message's n-th re-send waits <see cref="HostSettings.RepublishAfter"/> × 2ⁿ (capped at
/// <see cref="HostSettings.RepublishMaxBackoff"/>), so a message the broker keeps losing is retried ever less often,
/// never every pass.
/// </summary>
public sealed class RepublishQueue(NpgsqlDataSource db, HostSettings settings)
{
    readonly string _t = $"{settings.Schema}.raw_messages";

    public sealed record Due(Guid Id, string AdapterId, bool WasPublished);

    /// <summary>
    /// Never confirmed as published (after <see cref="HostSettings.RepublishAfter"/>), and — only when
    /// <paramref name="includeStuck"/> — published long ago and still untranslated (after <see cref="HostSettings.RedriveAfter"/>);
    /// in both cases only once the message's back-off has passed. Oldest first, at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<Due>> DueAsync(bool includeStuck, int limit, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select id, adapter_id, published_at is not null from {_t}
            where status = 'received'
              and ((published_at is null and received_at < now() - $1) or ($4 and published_at < now() - $2))
              and (next_publish_at is null or next_publish_at <= now())
            order by received_at limit $3
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RepublishAfter) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RedriveAfter) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = includeStuck });
        var list = new List<Due>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) list.Add(new Due(reader.GetGuid(0), reader.GetString(1), reader.GetBoolean(2)));
        return list;
    }

    /// <summary>Counts one more send attempt for each message and pushes its next one out by its back-off.</summary>
    public async Task RecordAttemptsAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return;
        await using var cmd = db.CreateCommand($"""
            update {_t} set publish_attempts = publish_attempts + 1,
                next_publish_at = now() + least($2 * power(2, least(publish_attempts, 20)), $3)
            where id = any($1)
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids.ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RepublishAfter) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.RepublishMaxBackoff) });
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
