using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Logistics.Canonical.Events;
using Logistics.Contracts.Notifications;
using Logistics.Host.Infrastructure;
using Logistics.Host.Shipments;
using Marten;
using Marten.Subscriptions;
using NodaTime;
using Npgsql;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Notifications;

/// <summary>
/// Milestone and ETA notifications, on Marten's async daemon over committed events. A page's milestones and registrations
/// name the shipments to look at (those that claim one of the milestone's references, and every newly registered one);
/// for each, the shipment's timeline — the one membership rule, <see cref="ShipmentTimeline"/> — says which milestones belong
/// to it now: each gets a MilestoneRecorded once (its id is derived from shipment and event, and the outbox keeps one row
/// per id), so a milestone parked before registration is notified on registration, and never twice. The newest estimate
/// (<see cref="ShipmentEta"/>) is compared with the last one notified: the first estimate, and any that moved more than
/// <see cref="LocationSettings.EtaChangeThreshold"/> from it, are an EtaChanged.
/// </summary>
public sealed class ShipmentNotificationsSubscription : SubscriptionBase
{
    readonly NpgsqlDataSource _db;
    readonly HostSettings _settings;
    readonly ShipmentTimeline _timelines;
    readonly NotificationOutbox _outbox;
    readonly IClock _clock;

    public ShipmentNotificationsSubscription(NpgsqlDataSource db, HostSettings settings, ShipmentTimeline timelines, NotificationOutbox outbox, IClock clock)
    {
        _db = db;
        _settings = settings;
        _timelines = timelines;
        _outbox = outbox;
        _clock = clock;
        Name = "shipment-notifications";
        IncludeType<MilestoneEvent>();
        IncludeType<ShipmentRegistered>();
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller, IDocumentOperations operations,
        CancellationToken cancellationToken)
    {
        var ct = cancellationToken;
        var shipments = new HashSet<(string Tenant, string Shipment)>();
        var refs = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var e in page.Events)
        {
            if (e.Data is ShipmentRegistered r) shipments.Add((e.TenantId, r.ShipmentId));
            else if (e.Data is MilestoneEvent m)
            {
                if (!refs.TryGetValue(e.TenantId, out var set)) refs[e.TenantId] = set = new HashSet<string>(StringComparer.Ordinal);
                foreach (var x in m.Refs) set.Add(x.ToString());
            }
        }
        foreach (var (tenant, set) in refs)
            foreach (var shipment in await ClaimingAsync(tenant, set, ct))
                shipments.Add((tenant, shipment));

        var now = _clock.GetCurrentInstant();
        foreach (var (tenant, shipment) in shipments)
        {
            var milestones = ShipmentEta.Milestones(await _timelines.ReadAsync(tenant, shipment, ct));
            foreach (var m in milestones)
                _outbox.Queue(operations, new MilestoneRecorded
                {
                    NotificationId = NotificationKinds.Id("milestone", tenant, shipment, m.EventId),
                    TenantId = tenant,
                    ShipmentId = shipment,
                    OccurredAt = m.At,
                    EventId = m.EventId,
                    Code = m.Code!,
                    Classifier = m.Classifier ?? "ACT",
                    Carrier = m.Carrier,
                    Location = m.Location is { } l ? new NotificationPlace(l.Unlocode, l.Name, l.Lat, l.Lon) : null,
                }, now);

            if (ShipmentEta.Newest(milestones) is not { } eta) continue;
            var previous = await LastNotifiedEtaAsync(tenant, shipment, ct);
            if (previous is { } p && (p.EventId == eta.EventId || Moved(p.At, eta.At) <= Duration.FromTimeSpan(_settings.Location.EtaChangeThreshold)))
                continue;
            _outbox.Queue(operations, new EtaChanged
            {
                NotificationId = NotificationKinds.Id("eta", tenant, shipment, eta.EventId),
                TenantId = tenant,
                ShipmentId = shipment,
                OccurredAt = eta.ReceivedAt,
                PreviousEta = previous?.At,
                Eta = eta.At,
                Classifier = eta.Classifier!,
                Code = eta.Code!,
                Carrier = ShipmentEta.Source(eta),
            }, now);
            operations.QueueSqlCommand($"""
                insert into {_settings.Schema}.shipment_eta_notified (tenant_id, shipment_id, eta, event_id, notified_at) values (?, ?, ?, ?, ?)
                on conflict (tenant_id, shipment_id) do update set eta = excluded.eta, event_id = excluded.event_id, notified_at = excluded.notified_at
                """, tenant, shipment, Utc(eta.At), eta.EventId, Utc(now));
        }
        return NullChangeListener.Instance;
    }

    static Duration Moved(Instant a, Instant b) => a > b ? a - b : b - a;

    async Task<IReadOnlyList<string>> ClaimingAsync(string tenant, IReadOnlyCollection<string> refs, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select distinct shipment_id from {_settings.Schema}.shipment_refs where tenant_id = $1 and ref = any($2)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = refs.ToArray() });
        var list = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add(r.GetString(0));
        return list;
    }

    async Task<(Instant At, string EventId)?> LastNotifiedEtaAsync(string tenant, string shipment, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select eta, event_id from {_settings.Schema}.shipment_eta_notified where tenant_id = $1 and shipment_id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipment });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        return await r.ReadAsync(ct) ? (r.GetFieldValue<Instant>(0), r.GetString(1)) : null;
    }
}

/// <summary>The last ETA notified per shipment (what the next estimate is compared with).</summary>
public sealed class EtaNotifiedTable : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.shipment_eta_notified (
                tenant_id    text not null,
                shipment_id  text not null,
                eta          timestamptz not null,
                event_id     text not null,
                notified_at  timestamptz not null,
                primary key (tenant_id, shipment_id)
            );
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
