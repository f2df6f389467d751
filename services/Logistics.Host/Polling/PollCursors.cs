using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Host.Polling;

/// <summary>
/// The cursor of each (tenant, carrier, subscription) in <c>poll_cursors</c>: what was last stored (a JSON document each
/// poller defines), moved by <see cref="AdvanceAsync"/> only after the response it follows is in the raw inbox. A host
/// polls a subscription under a lease (<see cref="TryLeaseAsync"/>), so two hosts never poll the same one at once.
/// </summary>
public sealed class PollCursors(NpgsqlDataSource db, HostSettings settings) : IPlainTables
{
    readonly string _holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    string T => $"{settings.Schema}.poll_cursors";

    public async Task ApplyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            create table if not exists {schema}.poll_cursors (
                tenant_id     text not null,
                carrier       text not null,
                subscription  text not null,
                cursor        jsonb,
                advanced_at   timestamptz,
                advances      bigint not null default 0,
                leased_until  timestamptz,
                leased_by     text,
                primary key (tenant_id, carrier, subscription)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Takes the subscription's lease; returns its cursor (null: never advanced), or <c>Leased: false</c> when another host holds it.</summary>
    public async Task<(bool Leased, string? Cursor)> TryLeaseAsync(PollSubscription s, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            insert into {T} (tenant_id, carrier, subscription, leased_until, leased_by) values ($1, $2, $3, now() + $4, $5)
            on conflict (tenant_id, carrier, subscription) do update set leased_until = excluded.leased_until, leased_by = excluded.leased_by
              where {T}.leased_until is null or {T}.leased_until < now() or {T}.leased_by = excluded.leased_by
            returning cursor::text
            """);
        Add(cmd, s);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Duration.FromTimeSpan(settings.Polling.Lease) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = _holder });
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) return (false, null);
        return (true, reader.IsDBNull(0) ? null : reader.GetString(0));
    }

    public async Task ReleaseAsync(PollSubscription s, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {T} set leased_until = null where tenant_id = $1 and carrier = $2 and subscription = $3 and leased_by = $4");
        Add(cmd, s);
        cmd.Parameters.Add(new NpgsqlParameter { Value = _holder });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Moves the cursor. Call it only once the response it follows is stored.</summary>
    public async Task AdvanceAsync(PollSubscription s, string cursor, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {T} set cursor = $4, advanced_at = now(), advances = advances + 1 where tenant_id = $1 and carrier = $2 and subscription = $3");
        Add(cmd, s);
        cmd.Parameters.Add(new NpgsqlParameter { Value = cursor, NpgsqlDbType = NpgsqlDbType.Jsonb });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public sealed record CursorView(string Carrier, string Subscription, string? Cursor, Instant? AdvancedAt, long Advances);

    /// <summary>The tenant's cursors (only its own rows).</summary>
    public async Task<IReadOnlyList<CursorView>> ForTenantAsync(string tenantId, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"select carrier, subscription, cursor::text, advanced_at, advances from {T} where tenant_id = $1 order by carrier, subscription");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var list = new List<CursorView>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            list.Add(new CursorView(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<Instant>(3), reader.GetInt64(4)));
        return list;
    }

    static void Add(NpgsqlCommand cmd, PollSubscription s)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = s.Tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = s.Carrier });
        cmd.Parameters.Add(new NpgsqlParameter { Value = s.Id });
    }
}
