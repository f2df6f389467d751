using Logistics.Host.Infrastructure;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Webhooks;

public sealed record WebhookSubscription(string Id, string Url, IReadOnlyList<string> Events, bool Enabled, Instant CreatedAt, Instant? DisabledAt,
    string? DisabledReason, int ConsecutiveFailures);

public sealed record DeliveryAttempt(int Attempt, Instant At, int? Status, string? Error, int DurationMs);

public sealed record WebhookDelivery(string Id, string NotificationId, string Event, string Status, int Attempts, Instant? NextAttemptAt, int? LastStatus,
    string? LastError, Instant CreatedAt, Instant? DeliveredAt, IReadOnlyList<DeliveryAttempt> AttemptLog);

/// <summary>
/// Subscriptions, deliveries and their attempts (plain tables, <c>tenant_id</c> on every row and in every query). A delivery is
/// one notification for one subscription — unique, so a redelivered notification makes none twice — with its own
/// due time: the table is the retry schedule the workers poll (MassTransit's delayed redelivery is not used).
/// </summary>
public sealed class WebhookStore(NpgsqlDataSource db, HostSettings settings) : IPlainTables
{
    string S => settings.Schema;

    public async Task ApplyAsync(NpgsqlDataSource database, string schema, CancellationToken ct)
    {
        await using var cmd = database.CreateCommand($"""
            create table if not exists {schema}.webhook_subscriptions (
                tenant_id             text not null,
                id                    text not null,
                url                   text not null,
                events                text[] not null,
                secret                bytea not null,
                created_at            timestamptz not null,
                created_by            text not null,
                enabled               boolean not null default true,
                disabled_at           timestamptz,
                disabled_reason       text,
                consecutive_failures  integer not null default 0,
                deleted_at            timestamptz,
                primary key (tenant_id, id)
            );
            create table if not exists {schema}.webhook_deliveries (
                id               text primary key,
                tenant_id        text not null,
                subscription_id  text not null,
                notification_id  text not null,
                event            text not null,
                body             bytea not null,
                status           text not null,
                attempts         integer not null default 0,
                next_attempt_at  timestamptz,
                claimed_until    timestamptz,
                last_status      integer,
                last_error       text,
                created_at       timestamptz not null,
                delivered_at     timestamptz,
                unique (tenant_id, subscription_id, notification_id)
            );
            create index if not exists webhook_deliveries_due on {schema}.webhook_deliveries (next_attempt_at) where status = 'pending';
            create index if not exists webhook_deliveries_log on {schema}.webhook_deliveries (tenant_id, subscription_id, created_at desc);
            create table if not exists {schema}.webhook_attempts (
                delivery_id   text not null,
                attempt       integer not null,
                at            timestamptz not null,
                status        integer,
                error         text,
                duration_ms   integer not null,
                primary key (delivery_id, attempt)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    const string SubscriptionColumns = "id, url, events, enabled, created_at, disabled_at, disabled_reason, consecutive_failures";

    static WebhookSubscription ReadSubscription(NpgsqlDataReader r) => new(r.GetString(0), r.GetString(1), r.GetFieldValue<string[]>(2), r.GetBoolean(3),
        r.GetFieldValue<Instant>(4), r.IsDBNull(5) ? null : r.GetFieldValue<Instant>(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetInt32(7));

    public async Task AddAsync(string tenant, string id, Uri url, IReadOnlyList<string> events, byte[] sealedSecret, Instant at, string by, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"insert into {S}.webhook_subscriptions (tenant_id, id, url, events, secret, created_at, created_by) values ($1, $2, $3, $4, $5, $6, $7)");
        foreach (var v in new object[] { tenant, id, url.ToString(), events.ToArray(), sealedSecret, at, by }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookSubscription>> ListAsync(string tenant, CancellationToken ct, string? id = null)
    {
        await using var cmd = db.CreateCommand($"""
            select {SubscriptionColumns} from {S}.webhook_subscriptions
            where tenant_id = $1 and deleted_at is null and ($2::text is null or id = $2) order by created_at, id
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        var list = new List<WebhookSubscription>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(ReadSubscription(r));
        return list;
    }

    public async Task<bool> DeleteAsync(string tenant, string id, Instant at, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"update {S}.webhook_subscriptions set deleted_at = $3, enabled = false where tenant_id = $1 and id = $2 and deleted_at is null");
        foreach (var v in new object[] { tenant, id, at }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public async Task<bool> EnableAsync(string tenant, string id, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            update {S}.webhook_subscriptions set enabled = true, disabled_at = null, disabled_reason = null, consecutive_failures = 0
            where tenant_id = $1 and id = $2 and deleted_at is null
            """);
        foreach (var v in new object[] { tenant, id }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    /// <summary>One delivery per live subscription of this tenant that wants the event; a repeat of the same notification adds none.</summary>
    public async Task<int> EnqueueAsync(string tenant, string notificationId, string eventName, byte[] body, Instant now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            insert into {S}.webhook_deliveries (id, tenant_id, subscription_id, notification_id, event, body, status, next_attempt_at, created_at)
            select 'whd_' || substr(md5(random()::text || clock_timestamp()::text || s.id), 1, 16), s.tenant_id, s.id, $2, $3, $4, 'pending', $5, $5
            from {S}.webhook_subscriptions s
            where s.tenant_id = $1 and s.deleted_at is null and $3 = any(s.events)
            on conflict (tenant_id, subscription_id, notification_id) do nothing
            """);
        foreach (var v in new object[] { tenant, notificationId, eventName, body, now }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string tenant, string subscription, int limit, CancellationToken ct, string? id = null)
    {
        await using var cmd = db.CreateCommand($"""
            select d.id, d.notification_id, d.event, d.status, d.attempts, d.next_attempt_at, d.last_status, d.last_error, d.created_at, d.delivered_at,
                   coalesce((select json_agg(json_build_object('attempt', a.attempt, 'at', a.at, 'status', a.status, 'error', a.error, 'durationMs', a.duration_ms)
                                       order by a.attempt)::text from {S}.webhook_attempts a where a.delivery_id = d.id), '[]')
            from {S}.webhook_deliveries d
            where d.tenant_id = $1 and d.subscription_id = $2 and ($3::text is null or d.id = $3)
            order by d.created_at desc, d.id limit $4
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = subscription });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)id ?? DBNull.Value, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        var list = new List<WebhookDelivery>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var attempts = System.Text.Json.JsonDocument.Parse(r.GetString(10)).RootElement.EnumerateArray().Select(a => new DeliveryAttempt(
                a.GetProperty("attempt").GetInt32(), InstantFromPg(a.GetProperty("at").GetString()!),
                a.GetProperty("status").ValueKind == System.Text.Json.JsonValueKind.Null ? null : a.GetProperty("status").GetInt32(),
                a.GetProperty("error").GetString(), a.GetProperty("durationMs").GetInt32())).ToList();
            list.Add(new WebhookDelivery(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4),
                r.IsDBNull(5) ? null : r.GetFieldValue<Instant>(5), r.IsDBNull(6) ? null : r.GetInt32(6), r.IsDBNull(7) ? null : r.GetString(7),
                r.GetFieldValue<Instant>(8), r.IsDBNull(9) ? null : r.GetFieldValue<Instant>(9), attempts));
        }
        return list;
    }

    static Instant InstantFromPg(string text) => Instant.FromDateTimeOffset(DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Due again now (a replay): the same notification, the same webhook-id, a new attempt.</summary>
    public async Task<bool> ReplayAsync(string tenant, string subscription, string delivery, Instant now, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            update {S}.webhook_deliveries set status = 'pending', next_attempt_at = $4, claimed_until = null
            where tenant_id = $1 and subscription_id = $2 and id = $3
            """);
        foreach (var v in new object[] { tenant, subscription, delivery, now }) cmd.Parameters.Add(new NpgsqlParameter { Value = v });
        return await cmd.ExecuteNonQueryAsync(ct) == 1;
    }

    public sealed record Due(string Id, string TenantId, string SubscriptionId, string NotificationId, byte[] Body, int Attempts, string Url, byte[] Secret);

    /// <summary>Claims due deliveries of enabled subscriptions (several hosts share them: skip locked, a claim expires).</summary>
    public async Task<IReadOnlyList<Due>> ClaimDueAsync(int limit, TimeSpan claim, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            with due as (
                select d.id from {S}.webhook_deliveries d
                join {S}.webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id
                where d.status = 'pending' and d.next_attempt_at <= now() and (d.claimed_until is null or d.claimed_until < now())
                  and s.enabled and s.deleted_at is null
                order by d.next_attempt_at limit $1 for update of d skip locked)
            update {S}.webhook_deliveries d set claimed_until = now() + $2
            from due, {S}.webhook_subscriptions s
            where d.id = due.id and s.tenant_id = d.tenant_id and s.id = d.subscription_id
            returning d.id, d.tenant_id, d.subscription_id, d.notification_id, d.body, d.attempts, s.url, s.secret
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = limit });
        cmd.Parameters.Add(new NpgsqlParameter { Value = claim });
        var list = new List<Due>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add(new Due(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetFieldValue<byte[]>(4), r.GetInt32(5), r.GetString(6),
                r.GetFieldValue<byte[]>(7)));
        return list;
    }

    /// <summary>Records one attempt; on failure schedules the next (or gives up) and counts it against the subscription, which is
    /// disabled with a reason after too many failures in a row.</summary>
    public async Task RecordAsync(Due d, Instant at, int? status, string? error, int durationMs, Instant? retryAt, CancellationToken ct)
    {
        var success = status is >= 200 and < 300;
        var attempt = d.Attempts + 1;
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(Command($"insert into {S}.webhook_attempts (delivery_id, attempt, at, status, error, duration_ms) values ($1, $2, $3, $4, $5, $6) on conflict do nothing",
            d.Id, attempt, at, (object?)status ?? DBNull.Value, (object?)error ?? DBNull.Value, durationMs));
        batch.BatchCommands.Add(Command($"""
            update {S}.webhook_deliveries set attempts = $2, last_status = $3, last_error = $4, claimed_until = null,
                status = case when $5 then 'delivered' when $6::timestamptz is null then 'failed' else 'pending' end,
                next_attempt_at = case when $5 then null else $6::timestamptz end,
                delivered_at = case when $5 then $7 else delivered_at end
            where id = $1
            """, d.Id, attempt, (object?)status ?? DBNull.Value, (object?)error ?? DBNull.Value, success, (object?)retryAt ?? DBNull.Value, at));
        batch.BatchCommands.Add(success
            ? Command($"update {S}.webhook_subscriptions set consecutive_failures = 0 where tenant_id = $1 and id = $2", d.TenantId, d.SubscriptionId)
            : Command($"""
                update {S}.webhook_subscriptions set consecutive_failures = consecutive_failures + 1,
                    enabled = enabled and consecutive_failures + 1 < $3,
                    disabled_at = case when enabled and consecutive_failures + 1 >= $3 then $4 else disabled_at end,
                    disabled_reason = case when enabled and consecutive_failures + 1 >= $3
                        then (consecutive_failures + 1) || ' failed attempts in a row; the last: ' || $5 else disabled_reason end
                where tenant_id = $1 and id = $2
                """, d.TenantId, d.SubscriptionId, settings.Webhooks.DisableAfterConsecutiveFailures, at, error ?? $"HTTP {status}"));
        batch.BatchCommands[1].Parameters[2].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer;
        batch.BatchCommands[1].Parameters[3].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        batch.BatchCommands[1].Parameters[5].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.TimestampTz;
        batch.BatchCommands[0].Parameters[3].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Integer;
        batch.BatchCommands[0].Parameters[4].NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text;
        await batch.ExecuteNonQueryAsync(ct);
    }

    static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var c = new NpgsqlBatchCommand(sql);
        foreach (var v in values) c.Parameters.Add(new NpgsqlParameter { Value = v });
        return c;
    }
}
