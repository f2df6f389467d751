using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Host.ShipmentReports;

/// <summary>A temperature reading read from a device stream, with where it sits in that stream and when it arrived.</summary>
public readonly record struct StreamReading(string Device, Instant OccurredAt, double Celsius, long StreamVersion, Instant ReceivedAt, string RawSha256);

/// <summary>
/// The temperature readings of a shipment's loggers read from the event streams themselves (<c>mt_events</c>), each device
/// stream up to a stream version: the fingerprint that makes a report version reproducible. A stream version counts every
/// event appended to that stream up to it (appends to one stream are serialised and commit in order), so the readings up to
/// version V never change, whatever arrives later. Only the fields the report needs cross the wire (extracted in SQL).
/// </summary>
public sealed class StreamReadings(NpgsqlDataSource db, HostSettings settings)
{
    /// <summary>
    /// The windows of <paramref name="record"/> with each device's current stream and stream version, and the readings up to
    /// them — read in one snapshot, so the versions and the readings agree.
    /// </summary>
    public async Task<(IReadOnlyList<WindowInput> Windows, IReadOnlyList<StreamReading> Readings)> CurrentAsync(string tenantId, ShipmentRecord record,
        CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        await using var tx = await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct);
        var devices = record.Devices.Select(d => d.Device).Distinct(StringComparer.Ordinal).ToArray();
        var streams = new Dictionary<string, (string Key, long Version)>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand($"""
            select d.device, s.id, s.version
            from unnest($2::text[]) as d(device)
            join {settings.Schema}.mt_streams s on s.tenant_id = $1 and s.id in ('device:' || d.device, 'ref:' || d.device)
            order by s.id
            """, conn, tx))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
            cmd.Parameters.Add(new NpgsqlParameter { Value = devices });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) streams.TryAdd(r.GetString(0), (r.GetString(1), r.GetInt64(2)));
        }
        var windows = record.Devices
            .OrderBy(w => w.Device, StringComparer.Ordinal).ThenBy(w => w.From)
            .Select(w => streams.TryGetValue(w.Device, out var s)
                ? new WindowInput(w.Device, w.From, w.To, w.Position, s.Key, s.Version, null)
                : new WindowInput(w.Device, w.From, w.To, w.Position, "device:" + w.Device, 0, null))
            .ToList();
        var readings = await ReadAsync(conn, tx, tenantId, windows, ct);
        await tx.CommitAsync(ct);
        var last = readings.GroupBy(r => r.Device).ToDictionary(g => g.Key, g => g.Max(r => r.OccurredAt), StringComparer.Ordinal);
        return (windows.Select(w => w with { LastReadingAt = last.TryGetValue(w.Device, out var at) ? at : null }).ToList(), readings);
    }

    /// <summary>The readings a version's windows hold: each window's device stream up to its recorded stream version.</summary>
    public async Task<IReadOnlyList<StreamReading>> ReadAsync(string tenantId, IReadOnlyList<WindowInput> windows, CancellationToken ct)
    {
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, null, tenantId, windows, ct);
    }

    /// <summary>
    /// The readings inside <paramref name="record"/>'s windows from its devices' streams (<c>device:</c> and <c>ref:</c>), only
    /// events up to <paramref name="throughSequence"/>: what the async daemon has seen when it processes a page ending there.
    /// </summary>
    public async Task<IReadOnlyList<StreamReading>> ThroughSequenceAsync(string tenantId, ShipmentRecord record, long throughSequence, CancellationToken ct)
    {
        var windows = record.Devices
            .SelectMany(w => new[] { "device:", "ref:" }.Select(prefix => new WindowInput(w.Device, w.From, w.To, w.Position, prefix + w.Device, long.MaxValue, null)))
            .ToList();
        await using var conn = await db.OpenConnectionAsync(ct);
        return await ReadAsync(conn, null, tenantId, windows, ct, throughSequence);
    }

    async Task<IReadOnlyList<StreamReading>> ReadAsync(NpgsqlConnection conn, NpgsqlTransaction? tx, string tenantId, IReadOnlyList<WindowInput> windows,
        CancellationToken ct, long throughSequence = long.MaxValue)
    {
        var list = new List<StreamReading>();
        if (windows.Count == 0) return list;
        // Events are stored with .NET member names (Marten's default casing); NodaTime instants as ISO-8601 text.
        await using var cmd = new NpgsqlCommand($"""
            select w.device, (e.data ->> 'OccurredAt')::timestamptz, (e.data -> 'Measurement' ->> 'Value')::float8, e.version,
                   (e.data ->> 'ReceivedAt')::timestamptz, e.data -> 'Source' ->> 'RawSha256'
            from unnest($2::text[], $3::text[], $4::bigint[], $5::timestamptz[], $6::timestamptz[]) as w(device, stream, ceiling, wfrom, wto)
            join {settings.Schema}.mt_events e on e.tenant_id = $1 and e.stream_id = w.stream and e.version <= w.ceiling
            where e.type = $7 and e.data -> 'Measurement' ->> 'Type' = $8 and e.seq_id <= $9
              and (e.data ->> 'OccurredAt')::timestamptz >= w.wfrom
              and (w.wto is null or (e.data ->> 'OccurredAt')::timestamptz < w.wto)
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = windows.Select(w => w.Device).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = windows.Select(w => w.StreamKey).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = windows.Select(w => w.StreamVersion).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = windows.Select(w => SqlValues.Utc(w.From)).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter
        {
            Value = windows.Select(w => w.To is { } to ? (DateTimeOffset?)SqlValues.Utc(to) : null).ToArray(),
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        cmd.Parameters.Add(new NpgsqlParameter { Value = MeasurementEventType });
        cmd.Parameters.Add(new NpgsqlParameter { Value = MeasurementTypes.Temperature });
        cmd.Parameters.Add(new NpgsqlParameter { Value = throughSequence });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new StreamReading(r.GetString(0), r.GetFieldValue<Instant>(1), r.GetDouble(2), r.GetInt64(3), r.GetFieldValue<Instant>(4),
                r.IsDBNull(5) ? "" : r.GetString(5)));
        return list;
    }

    /// <summary>Marten's type name for <see cref="MeasurementEvent"/> in <c>mt_events.type</c>.</summary>
    const string MeasurementEventType = "measurement_event";
}
