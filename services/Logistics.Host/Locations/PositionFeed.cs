using System.Collections.Concurrent;
using System.Globalization;
using System.Threading.Channels;
using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Locations;

/// <summary>A position of the feed: where one asset was, and the feed's cursor after it (the SSE <c>id:</c>).</summary>
public sealed record FeedFix(string TenantId, string Asset, double Lat, double Lon, double? AccuracyM, string Method, Instant OccurredAt,
    Instant ReceivedAt, string EventId, IReadOnlyList<string> Flags, FeedCursor Cursor);

/// <summary>
/// A position in the feed: (transaction id, sequence) of the <c>positions</c> row. Rows are read in that order and only
/// below the oldest transaction still running (<c>pg_snapshot_xmin</c>), so a row that commits later always sorts after
/// every row already read: a cursor never skips a committed fix, whichever host or transaction wrote it.
/// </summary>
public readonly record struct FeedCursor(ulong Xid, long Seq) : IComparable<FeedCursor>
{
    public override string ToString() => $"{Xid.ToString(CultureInfo.InvariantCulture)}-{Seq.ToString(CultureInfo.InvariantCulture)}";

    public static bool TryParse(string? text, out FeedCursor cursor)
    {
        cursor = default;
        var dash = text?.IndexOf('-') ?? -1;
        if (text is null || dash <= 0) return false;
        if (!ulong.TryParse(text.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var xid)
            || !long.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var seq)) return false;
        cursor = new FeedCursor(xid, seq);
        return true;
    }

    public int CompareTo(FeedCursor other) => Xid != other.Xid ? Xid.CompareTo(other.Xid) : Seq.CompareTo(other.Seq);

    public static bool operator >(FeedCursor a, FeedCursor b) => a.CompareTo(b) > 0;
    public static bool operator <(FeedCursor a, FeedCursor b) => a.CompareTo(b) < 0;
    public static bool operator >=(FeedCursor a, FeedCursor b) => a.CompareTo(b) >= 0;
    public static bool operator <=(FeedCursor a, FeedCursor b) => a.CompareTo(b) <= 0;
}

/// <summary>
/// Each host's one reader of newly committed positions (every <see cref="LocationSettings.StreamPollInterval"/>), fanned out
/// in memory to that host's SSE clients; every host reads the shared table, so any number of hosts serve the stream. A
/// client that falls too far behind is dropped (its stream ends) and resumes with <c>Last-Event-ID</c> from the table.
/// </summary>
public sealed class PositionFeed(NpgsqlDataSource db, HostSettings settings, ILogger<PositionFeed> log) : BackgroundService
{
    const int Page = 5000;
    const int ClientBuffer = 20_000;
    readonly ConcurrentDictionary<Guid, Channel<FeedFix>> _clients = new();
    readonly Lock _gate = new();
    readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    FeedCursor _cursor;

    /// <summary>Everything up to here has been broadcast (or was committed before the host started).</summary>
    public FeedCursor Cursor => _cursor;

    public int Clients => _clients.Count;

    /// <summary>Subscribes before the caller replays from the table, so nothing falls between replay and live.</summary>
    public async Task<(Guid Id, ChannelReader<FeedFix> Reader, FeedCursor Horizon)> SubscribeAsync(CancellationToken ct)
    {
        await _started.Task.WaitAsync(ct);
        var channel = Channel.CreateBounded<FeedFix>(new BoundedChannelOptions(ClientBuffer) { SingleReader = true, SingleWriter = true });
        var id = Guid.NewGuid();
        // Under the gate: a page is broadcast and the cursor moved past it as one step, so the horizon a client gets is
        // exactly where its live feed starts.
        lock (_gate)
        {
            _clients[id] = channel;
            return (id, channel.Reader, _cursor);
        }
    }

    public void Unsubscribe(Guid id) => _clients.TryRemove(id, out _);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!_started.Task.IsCompleted)
                {
                    _cursor = await HeadAsync(stoppingToken);
                    _started.TrySetResult();
                }
                var page = await ReadAsync(null, _cursor, null, Page, stoppingToken);
                lock (_gate)
                {
                    foreach (var fix in page) Broadcast(fix);
                    if (page.Count > 0) _cursor = page[^1].Cursor;
                }
                if (page.Count == Page) continue;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException && !stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "position feed: read failed; retrying");
            }
            try { await Task.Delay(settings.Location.StreamPollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    void Broadcast(FeedFix fix)
    {
        foreach (var (id, channel) in _clients)
            if (!channel.Writer.TryWrite(fix))
            {
                channel.Writer.TryComplete(new ChannelClosedException("client too far behind; reconnect with Last-Event-ID"));
                _clients.TryRemove(id, out _);
            }
    }

    async Task<FeedCursor> HeadAsync(CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select xid::text, seq from {settings.Schema}.positions
            where xid < pg_snapshot_xmin(pg_current_snapshot()) order by xid desc, seq desc limit 1
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? new FeedCursor(ulong.Parse(r.GetString(0), CultureInfo.InvariantCulture), r.GetInt64(1)) : default;
    }

    /// <summary>Committed fixes after <paramref name="after"/> (and up to <paramref name="upTo"/>), of one tenant or all.</summary>
    public async Task<IReadOnlyList<FeedFix>> ReadAsync(string? tenantId, FeedCursor after, FeedCursor? upTo, int limit, CancellationToken ct,
        Instant? receivedSince = null)
    {
        await using var cmd = db.CreateCommand($"""
            select tenant_id, device, lat, lon, accuracy_m, method, occurred_at, received_at, event_id, flags, xid::text, seq
            from {settings.Schema}.positions
            where (xid, seq) > ($1::text::xid8, $2) and xid < pg_snapshot_xmin(pg_current_snapshot())
              and ($3::text is null or tenant_id = $3)
              and ($4::text is null or (xid, seq) <= ($4::text::xid8, $5))
              and ($6::timestamptz is null or received_at >= $6)
            order by xid, seq
            limit $7
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.Xid.ToString(CultureInfo.InvariantCulture) });
        cmd.Parameters.Add(new NpgsqlParameter { Value = after.Seq });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)tenantId ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = upTo is { } u ? u.Xid.ToString(CultureInfo.InvariantCulture) : DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = upTo?.Seq ?? 0L });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)receivedSince ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<FeedFix>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new FeedFix(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetDouble(3), r.IsDBNull(4) ? null : r.GetDouble(4), r.GetString(5),
                r.GetFieldValue<Instant>(6), r.GetFieldValue<Instant>(7), r.GetString(8), r.GetFieldValue<string[]>(9),
                new FeedCursor(ulong.Parse(r.GetString(10), CultureInfo.InvariantCulture), r.GetInt64(11))));
        return list;
    }
}
