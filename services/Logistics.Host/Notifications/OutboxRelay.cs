using System.Text.Json;
using Logistics.Host.Infrastructure;
using MassTransit;
using Npgsql;

namespace Logistics.Host.Notifications;

/// <summary>
/// Publishes committed notifications from the outbox to RabbitMQ (publisher confirms on, each publish with a timeout), then
/// marks them published. Rows are claimed for 30 s with <c>for update skip locked</c>, so several hosts share the work;
/// a host that dies mid-publish leaves its claim to expire and another host publishes again — at least once, same id.
/// A row held back (<c>not_before</c>) waits; a cancelled one is never published.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource db, HostSettings settings, IBus bus, ILogger<OutboxRelay> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var published = 0;
            try { published = await RelayAsync(stoppingToken); }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(ex, "notification outbox: relay failed; retrying");
            }
            if (published == 0)
                try { await Task.Delay(settings.Location.StreamPollInterval, stoppingToken); }
                catch (OperationCanceledException) { return; }
        }
    }

    async Task<int> RelayAsync(CancellationToken ct)
    {
        var s = settings.Schema;
        var claimed = new List<(string Id, string Type, string Payload)>();
        await using (var cmd = db.CreateCommand($"""
            update {s}.notification_outbox set claimed_until = now() + interval '30 seconds'
            where notification_id in (
                select notification_id from {s}.notification_outbox
                where published_at is null and cancelled_at is null and (not_before is null or not_before <= now())
                  and (claimed_until is null or claimed_until < now())
                order by created_at limit 200 for update skip locked)
            returning notification_id, type, payload::text
            """))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) claimed.Add((r.GetString(0), r.GetString(1), r.GetString(2)));
        if (claimed.Count == 0) return 0;

        var done = new List<string>();
        foreach (var (id, typeName, payload) in claimed)
        {
            if (NotificationKinds.TypeOf(typeName) is not { } type)
            {
                log.LogError("notification outbox: unknown type {Type} of {Id}; left unpublished", typeName, id);
                continue;
            }
            var message = JsonSerializer.Deserialize(payload, type, NotificationOutbox.Json)!;
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(settings.PublishTimeout * 5);
            await bus.Publish(message, type, timeout.Token);
            done.Add(id);
        }
        await using var mark = db.CreateCommand($"update {s}.notification_outbox set published_at = now() where notification_id = any($1)");
        mark.Parameters.Add(new NpgsqlParameter { Value = done.ToArray() });
        await mark.ExecuteNonQueryAsync(ct);
        return done.Count;
    }
}
