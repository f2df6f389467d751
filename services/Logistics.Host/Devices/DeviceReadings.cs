using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Host.Devices;

/// <summary>One stored measurement, as the readings routes serve it.</summary>
public sealed record Reading(string EventId, string Type, double Value, string Unit, double OriginalValue, string OriginalUnit,
    string? Sensor, Instant OccurredAt, Instant ReceivedAt, IReadOnlyList<string> Flags)
{
    /// <summary>The device (stream subject) it came from; set when a query spans several devices.</summary>
    public string? Device { get; init; }
}

/// <summary>Queries of the readings table (<see cref="ReadingsTables"/>) by tenant, device and time, walking its primary key.</summary>
public sealed class DeviceReadings(NpgsqlDataSource db, HostSettings settings)
{
    internal const string Columns = "r.event_id, r.type, r.value, r.unit, r.original_value, r.original_unit, r.sensor, r.occurred_at, r.received_at, r.flags, r.device";

    /// <summary>Readings of any of <paramref name="devices"/> in [from, to), ordered by the time they were taken.</summary>
    public async Task<IReadOnlyList<Reading>> ReadAsync(string tenantId, IReadOnlyList<string> devices, Instant? from, Instant? to, string? type,
        CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select {Columns} from {settings.Schema}.readings r
            where r.tenant_id = $1 and r.device = any($2)
              and ($3::timestamptz is null or r.occurred_at >= $3) and ($4::timestamptz is null or r.occurred_at < $4)
              and ($5::text is null or r.type = $5)
            order by r.occurred_at, r.event_id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = devices.ToArray() });
        AddOptional(cmd, from, NpgsqlDbType.TimestampTz);
        AddOptional(cmd, to, NpgsqlDbType.TimestampTz);
        AddOptional(cmd, type, NpgsqlDbType.Text);
        return await ReadRowsAsync(cmd, ct);
    }

    /// <summary>Whether the tenant holds anything (a reading or a position) from one of these devices.</summary>
    public async Task<bool> KnownAsync(string tenantId, IReadOnlyList<string> devices, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select exists (select 1 from {settings.Schema}.readings where tenant_id = $1 and device = any($2))
                or exists (select 1 from {settings.Schema}.positions where tenant_id = $1 and device = any($2))
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = devices.ToArray() });
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    internal static void AddOptional<T>(NpgsqlCommand cmd, T? value, NpgsqlDbType type) =>
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)value ?? DBNull.Value, NpgsqlDbType = type });

    internal static async Task<IReadOnlyList<Reading>> ReadRowsAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var list = new List<Reading>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Reading(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetString(3), r.GetDouble(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<Instant>(7), r.GetFieldValue<Instant>(8), r.GetFieldValue<string[]>(9))
            { Device = r.GetString(10) });
        return list;
    }
}
