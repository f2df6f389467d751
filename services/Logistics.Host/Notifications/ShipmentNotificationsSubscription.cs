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
/// per id), so a milestone parked before registration is notified on registration, and never twice. Per leg (per carrier
/// where no leg is the carrier's, <see cref="LegEtas"/>) the newest estimate is compared with the last one notified for
/// that leg: the first estimate, and any that moved more than <see cref="LocationSettings.EtaChangeThreshold"/> from it,
/// are an EtaChanged naming the leg.
/// </summary>
public sealed class ShipmentNotificationsSubscription : SubscriptionBase
{
    readonly NpgsqlDataSource _db;
    readonly HostSettings _settings;
    readonly ShipmentTimeline _timelines;
    readonly NotificationOutbox _outbox;
    readonly IClock _clock;
    // Resolved when the daemon runs: the document store is still being built when the subscription is registered.
    readonly IServiceProvider _services;

    public ShipmentNotificationsSubscription(NpgsqlDataSource db, HostSettings settings, ShipmentTimeline timelines, NotificationOutbox outbox, IClock clock,
        IServiceProvider services)
    {
        _services = services;
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
        var threshold = Duration.FromTimeSpan(_settings.Location.EtaChangeThreshold);
        var store = _services.GetRequiredService<IDocumentStore>();
        var legEtas = _services.GetRequiredService<LegEtas>();
        foreach (var (tenant, shipment) in shipments)
        {
            var timeline = await _timelines.ReadAsync(tenant, shipment, ct);
            var milestones = ShipmentEta.Milestones(timeline);
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

            ShipmentRecord? record;
            await using (var query = store.QuerySession(tenant))
                record = await query.LoadAsync<ShipmentRecord>(ShipmentStreams.Key(shipment), ct);
            if (record is null) continue;
            var notified = await LastNotifiedEtasAsync(tenant, shipment, ct);
            foreach (var eta in legEtas.For(record, timeline).ByLeg)
            {
                var known = notified.TryGetValue(eta.Key, out var last);
                if (known && (last.EventId == eta.EventId || Moved(last.At, eta.At) <= threshold))
                    continue;
                _outbox.Queue(operations, new EtaChanged
                {
                    NotificationId = NotificationKinds.Id("eta", tenant, shipment, eta.EventId),
                    TenantId = tenant,
                    ShipmentId = shipment,
                    OccurredAt = eta.IssuedAt,
                    PreviousEta = known ? last.At : null,
                    Eta = eta.At,
                    Classifier = eta.Classifier,
                    Code = eta.Code,
                    Carrier = eta.Carrier,
                    LegId = eta.LegId,
                }, now);
                operations.QueueSqlCommand($"""
                    insert into {_settings.Schema}.shipment_leg_eta_notified (tenant_id, shipment_id, leg_key, eta, event_id, notified_at) values (?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, shipment_id, leg_key) do update set eta = excluded.eta, event_id = excluded.event_id, notified_at = excluded.notified_at
                    """, tenant, shipment, eta.Key, Utc(eta.At), eta.EventId, Utc(now));
            }
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

    /// <summary>The last estimate notified for each leg key of the shipment.</summary>
    async Task<Dictionary<string, (Instant At, string EventId)>> LastNotifiedEtasAsync(string tenant, string shipment, CancellationToken ct)
    {
        await using var cmd = _db.CreateCommand($"select leg_key, eta, event_id from {_settings.Schema}.shipment_leg_eta_notified where tenant_id = $1 and shipment_id = $2");
        cmd.Parameters.Add(new NpgsqlParameter { Value = tenant });
        cmd.Parameters.Add(new NpgsqlParameter { Value = shipment });
        var notified = new Dictionary<string, (Instant At, string EventId)>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) notified[r.GetString(0)] = (r.GetFieldValue<Instant>(1), r.GetString(2));
        return notified;
    }
}

/// <summary>
/// The last ETA notified per shipment and leg key (<see cref="CarrierEta.Key"/>: the leg id, else <c>carrier:</c> and the
/// carrier), what that leg's next estimate is compared with. It replaces the per-shipment table of before legs were kept
/// apart, which is dropped: its rows named no leg. A shipment notified under it gets each leg's newest estimate once more
/// only when that estimate is not the one notified then (the notification id is derived from the estimate's event).
/// </summary>
public sealed class EtaNotifiedTable : IPlainTables
{
    public async Task ApplyAsync(NpgsqlDataSource db, string schema, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            create table if not exists {schema}.shipment_leg_eta_notified (
                tenant_id    text not null,
                shipment_id  text not null,
                leg_key      text not null,
                eta          timestamptz not null,
                event_id     text not null,
                notified_at  timestamptz not null,
                primary key (tenant_id, shipment_id, leg_key)
            );
            drop table if exists {schema}.shipment_eta_notified;
            """);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
