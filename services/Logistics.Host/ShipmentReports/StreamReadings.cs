using Logistics.Canonical.Events;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using NodaTime;
using Npgsql;
using NpgsqlTypes;

namespace Logistics.Host.ShipmentReports;

/// <summary>
/// The temperature readings of a shipment's loggers read from the event streams themselves (<c>mt_events</c>), each device
/// stream up to a stream version: the fingerprint that makes a report version reproducible. A stream version counts every
/// event appended to that stream up to it (appends to one stream are serialised and commit in order), so the readings up to
/// version V never change, whatever arrives later. Only the fields the report needs cross the wire (extracted in SQL, each
/// once), into columns (<see cref="StreamReadingSet"/>); the windows are read on up to one connection per core at once,
/// because extracting the fields from the events' JSON is most of the cost and one query uses one core.
/// </summary>
public sealed class StreamReadings(NpgsqlDataSource db, HostSettings settings)
{
    /// <summary>
    /// The windows of <paramref name="record"/> with each device's current stream and stream version, and the readings up to
    /// them — read in one snapshot (exported to the other connections), so the versions and the readings agree.
    /// </summary>
    public async Task<(IReadOnlyList<WindowInput> Windows, StreamReadingSet Readings)> CurrentAsync(string tenantId, ShipmentRecord record,
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
        string? snapshot = null;
        if (windows.Count > 1)
            await using (var export = new NpgsqlCommand("select pg_export_snapshot()", conn, tx))
                snapshot = (string)(await export.ExecuteScalarAsync(ct))!;
        var readings = await ReadAsync(tenantId, windows, long.MaxValue, (conn, tx), snapshot, ct);
        await tx.CommitAsync(ct);
        var last = readings.LastOccurredAt();
        return (windows.Select(w => w with { LastReadingAt = last.TryGetValue(w.Device, out var at) ? at : null }).ToList(), readings);
    }

    /// <summary>The readings a version's windows hold: each window's device stream up to its recorded stream version.</summary>
    public Task<StreamReadingSet> ReadAsync(string tenantId, IReadOnlyList<WindowInput> windows, CancellationToken ct) =>
        ReadAsync(tenantId, windows, long.MaxValue, null, null, ct);

    /// <summary>
    /// The readings inside <paramref name="record"/>'s windows from its devices' streams (<c>device:</c> and <c>ref:</c>), only
    /// events up to <paramref name="throughSequence"/>: what the async daemon has seen when it processes a page ending there.
    /// </summary>
    public Task<StreamReadingSet> ThroughSequenceAsync(string tenantId, ShipmentRecord record, long throughSequence, CancellationToken ct)
    {
        var windows = record.Devices
            .SelectMany(w => new[] { "device:", "ref:" }.Select(prefix => new WindowInput(w.Device, w.From, w.To, w.Position, prefix + w.Device, long.MaxValue, null)))
            .ToList();
        return ReadAsync(tenantId, windows, throughSequence, null, null, ct);
    }

    /// <summary>
    /// Reads every window, several at once: the first worker on <paramref name="open"/> when given (its transaction's snapshot
    /// exported as <paramref name="snapshot"/>, which the other workers import), else each worker on a connection of its own.
    /// </summary>
    async Task<StreamReadingSet> ReadAsync(string tenantId, IReadOnlyList<WindowInput> windows, long throughSequence,
        (NpgsqlConnection Connection, NpgsqlTransaction Transaction)? open, string? snapshot, CancellationToken ct)
    {
        if (windows.Count == 0) return StreamReadingSet.Empty;
        var columns = windows.Select(w => new WindowColumns(w.Device, Capacity(w.StreamVersion))).ToArray();
        var next = -1;
        async Task WorkAsync(int worker)
        {
            var own = worker > 0 || open is null;
            var conn = own ? await db.OpenConnectionAsync(ct) : open!.Value.Connection;
            try
            {
                var tx = own ? await conn.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct) : open!.Value.Transaction;
                if (own && snapshot is not null)
                    await using (var import = new NpgsqlCommand($"set transaction snapshot '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'", conn, tx))
                        await import.ExecuteNonQueryAsync(ct);
                for (int w; (w = Interlocked.Increment(ref next)) < windows.Count;)
                    await ReadWindowAsync(conn, tx, tenantId, windows[w], throughSequence, columns[w], ct);
                if (own) await tx.CommitAsync(ct);
            }
            finally
            {
                if (own) await conn.DisposeAsync();
            }
        }
        var workers = Math.Min(windows.Count, Math.Max(2, Environment.ProcessorCount));
        await Task.WhenAll(Enumerable.Range(0, workers).Select(WorkAsync));
        return new StreamReadingSet(columns);
    }

    async Task ReadWindowAsync(NpgsqlConnection conn, NpgsqlTransaction tx, string tenantId, WindowInput window, long throughSequence,
        WindowColumns into, CancellationToken ct)
    {
        // Events are stored with .NET member names (Marten's default casing); NodaTime instants as ISO-8601 text. The inner query
        // (kept apart by OFFSET 0) parses OccurredAt once for the window filters and the result; the raw hash comes as bytes.
        await using var cmd = new NpgsqlCommand($"""
            select x.at, (x.m ->> 'Value')::float8, x.version, (x.data ->> 'ReceivedAt')::timestamptz,
                   convert_to(x.data -> 'Source' ->> 'RawSha256', 'UTF8')
            from (
                select e.version, e.data, e.data -> 'Measurement' as m, (e.data ->> 'OccurredAt')::timestamptz as at
                from {settings.Schema}.mt_events e
                where e.tenant_id = $1 and e.stream_id = $2 and e.version <= $3 and e.type = $6 and e.seq_id <= $7
                offset 0
            ) x
            where x.m ->> 'Type' = $8 and x.at >= $4 and ($5::timestamptz is null or x.at < $5)
            """, conn, tx);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.StreamKey });
        cmd.Parameters.Add(new NpgsqlParameter { Value = window.StreamVersion });
        cmd.Parameters.Add(new NpgsqlParameter { Value = SqlValues.Utc(window.From) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = SqlValues.Nullable(window.To), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = MeasurementEventType });
        cmd.Parameters.Add(new NpgsqlParameter { Value = throughSequence });
        cmd.Parameters.Add(new NpgsqlParameter { Value = MeasurementTypes.Temperature });
        var raw = new byte[256];
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var digest = RawDigest.None;
            if (!r.IsDBNull(4))
            {
                var length = (int)r.GetBytes(4, 0, null, 0, 0);
                if (length > raw.Length) raw = new byte[length];
                r.GetBytes(4, 0, raw, 0, length);
                digest = RawDigest.From(raw.AsSpan(0, length));
            }
            into.Add(r.GetFieldValue<Instant>(0).ToUnixTimeTicks(), r.GetDouble(1), r.GetInt64(2), r.GetFieldValue<Instant>(3).ToUnixTimeTicks(), digest);
        }
    }

    /// <summary>
    /// Columns start at the window's stream version (an upper bound of its readings), at most 131,072 rows; without a known
    /// version (<see cref="ThroughSequenceAsync"/>, where most <c>ref:</c> streams do not exist) at 1,024. They grow as needed.
    /// </summary>
    static int Capacity(long streamVersion) => streamVersion == long.MaxValue ? 1024 : (int)Math.Clamp(streamVersion, 16, 1 << 17);

    /// <summary>Marten's type name for <see cref="MeasurementEvent"/> in <c>mt_events.type</c>.</summary>
    const string MeasurementEventType = "measurement_event";
}
