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

    public void Queue(IDocumentOperations operations, IShipmentNotification n, Instant now) =>
        operations.QueueSqlCommand($"""
            insert into {settings.Schema}.notification_outbox (notification_id, tenant_id, shipment_id, type, payload, occurred_at, created_at)
            values (?, ?, ?, ?, ?::jsonb, ?, ?) on conflict do nothing
            """,
            n.NotificationId, n.TenantId, n.ShipmentId, n.GetType().Name, JsonSerializer.Serialize(n, n.GetType(), Json),
            SqlValues.Utc(n.OccurredAt), SqlValues.Utc(now));

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
                published_at     timestamptz
            );
            create index if not exists notification_outbox_unpublished on {schema}.notification_outbox (created_at) where published_at is null;
            create index if not exists notification_outbox_shipment on {schema}.notification_outbox (tenant_id, shipment_id, type);
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
