using System.Text.Json;
using Logistics.Contracts.Notifications;
using Logistics.Host.Infrastructure;
using Marten;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using Npgsql;

namespace Logistics.Host.Notifications;

/// <summary>
/// Notifications are written to <c>notification_outbox</c> in the same transaction as the facts behind them (a Marten
/// subscription's writes commit with its progress), then published on RabbitMQ by <see cref="OutboxRelay"/>: none is lost
/// between commit and publish, and the primary key on the deterministic <c>notification_id</c> means the same notification
/// is never queued twice — a re-evaluation queues nothing new.
/// </summary>
public sealed class NotificationOutbox(HostSettings settings) : IPlainTables
{
    public static readonly JsonSerializerOptions Json = new JsonSerializerOptions(JsonSerializerDefaults.Web).ConfigureForNodaTime(DateTimeZoneProviders.Tzdb);

    /// <summary>
    /// Queues a notification (nothing if its id is already queued). <paramref name="notBefore"/> holds it back;
    /// <paramref name="subject"/> names the fact it reports, so <see cref="Cancel"/> can withdraw it while unpublished;
    /// queuing a cancelled one again restores it.
    /// </summary>
    public void Queue(IDocumentOperations operations, IShipmentNotification n, Instant now, Instant? notBefore = null, string? subject = null) =>
        operations.QueueSqlCommand($"""
            insert into {settings.Schema}.notification_outbox (notification_id, tenant_id, shipment_id, type, payload, occurred_at, created_at, not_before, subject)
            values (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
            on conflict (notification_id) do update set cancelled_at = null
            where notification_outbox.cancelled_at is not null and notification_outbox.published_at is null
            """,
            n.NotificationId, n.TenantId, n.ShipmentId, n.GetType().Name, JsonSerializer.Serialize(n, n.GetType(), Json),
            SqlValues.Utc(n.OccurredAt), SqlValues.Utc(now), SqlValues.Nullable(notBefore), (object?)subject ?? DBNull.Value);

    /// <summary>Withdraws the unpublished notifications about <paramref name="subject"/> (of one shipment, or all).</summary>
    public void Cancel(IDocumentOperations operations, string tenantId, string subject, string? shipmentId = null) =>
        operations.QueueSqlCommand($"""
            update {settings.Schema}.notification_outbox set cancelled_at = now()
            where tenant_id = ? and subject = ? and (?::text is null or shipment_id = ?) and published_at is null and cancelled_at is null
            """, tenantId, subject, (object?)shipmentId ?? DBNull.Value, (object?)shipmentId ?? DBNull.Value);

    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.notification_outbox (
                notification_id  text primary key,
                tenant_id        text not null,
                shipment_id      text not null,
                type             text not null,
                payload          jsonb not null,
                occurred_at      timestamptz not null,
                created_at       timestamptz not null,
                claimed_until    timestamptz,
                published_at     timestamptz,
                not_before       timestamptz,
                subject          text,
                cancelled_at     timestamptz
            );
            create index if not exists notification_outbox_unpublished on {schema}.notification_outbox (created_at) where published_at is null;
            alter table {schema}.notification_outbox add column if not exists not_before timestamptz,
                add column if not exists subject text, add column if not exists cancelled_at timestamptz;
            create index if not exists notification_outbox_subject on {schema}.notification_outbox (tenant_id, subject) where subject is not null;
            create index if not exists notification_outbox_shipment on {schema}.notification_outbox (tenant_id, shipment_id, type);
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
