using JasperFx.Events;
using Logistics.Canonical.Events;
using Logistics.Gxp.Assessment;
using Logistics.Gxp.Profiles;
using Logistics.Host.Devices;
using Logistics.Host.Infrastructure;
using Logistics.Host.ShipmentReports;
using Logistics.Host.Shipments;
using Marten;
using NodaTime;
using Npgsql;

namespace Logistics.Host.Excursions;

/// <summary>
/// Live excursion processing over a page of committed events (docs/gxp-on-shipments.md, "Live excursions"):
/// <list type="number">
/// <item>temperature readings are mapped to shipments through the device windows; device-window changes and milestones or
/// retractions of a shipment's references mark the shipment too;</item>
/// <item>each logger's tracker (<see cref="LiveExcursionTracker"/>, the report's rules) takes readings later than its last one
/// incrementally — a 60-day shipment is never re-assessed per reading; an earlier or duplicate reading, a window change or
/// a profile change rebuilds that logger from its device streams up to the page's last event;</item>
/// <item>excursion starts, alarms raised and alarms no longer true are appended to the shipment stream (ids derived from
/// what they state: never twice), with the state document, in one transaction;</item>
/// <item>when the change reopens the newest report version (late data inside it, a window or leg change), a new version is
/// made if the content changed (<see cref="ReportVersions.CurrentAsync"/>).</item>
/// </list>
/// Services that need the document store are resolved when a page is processed: the subscription is built with the store.
/// </summary>
public sealed class ExcursionMonitor(IServiceProvider services, NpgsqlDataSource db, HostSettings settings, IClock clock, ILogger<ExcursionMonitor> log)
{
    const string Actor = "system:live-excursions";
    static readonly HashSet<string> CustodyCodes = new(StringComparer.Ordinal)
        { MilestoneCodes.Loaded, MilestoneCodes.Departed, MilestoneCodes.Arrived, MilestoneCodes.Unloaded, MilestoneCodes.Delivered };

    sealed record NewReading(string Device, Instant At, double Celsius);

    sealed class Work(string tenant, string shipmentId, long throughSequence)
    {
        public string Tenant { get; } = tenant;
        public string ShipmentId { get; } = shipmentId;
        /// <summary>The page's last event sequence: a rebuild reads the streams up to it, never past what the page has seen.</summary>
        public long ThroughSequence { get; } = throughSequence;
        public List<NewReading> Readings { get; } = [];
        public bool WindowsChanged { get; set; }
        public bool LegsChanged { get; set; }
    }

    public async Task ProcessAsync(IReadOnlyList<IEvent> events, CancellationToken ct)
    {
        var readings = new List<(string Tenant, NewReading Reading)>();
        var work = new Dictionary<(string, string), Work>();
        var references = new HashSet<(string Tenant, string Ref)>();
        var through = events.Count == 0 ? 0 : events.Max(e => e.Sequence);
        Work For(string tenant, string shipment) =>
            work.TryGetValue((tenant, shipment), out var w) ? w : work[(tenant, shipment)] = new Work(tenant, shipment, through);

        foreach (var e in events)
        {
            switch (e.Data)
            {
                case MeasurementEvent m when m.Measurement.Type == MeasurementTypes.Temperature && e.StreamKey is { } key
                                             && (key.StartsWith("device:", StringComparison.Ordinal) || key.StartsWith("ref:", StringComparison.Ordinal)):
                    readings.Add((e.TenantId, new NewReading(ReadingsProjection.Subject(key), m.OccurredAt, m.Measurement.Value)));
                    break;
                case DeviceAttached d: For(e.TenantId, d.ShipmentId).WindowsChanged = true; break;
                case DeviceWindowEnded w: For(e.TenantId, w.ShipmentId).WindowsChanged = true; break;
                case MilestoneEvent ms when ms.Milestone.Classifier == TimeClassifier.ACT && CustodyCodes.Contains(ms.Milestone.Code):
                    foreach (var r in ms.Refs) references.Add((e.TenantId, r.ToString()));
                    break;
                case RetractionEvent rt:
                    foreach (var r in rt.Refs) references.Add((e.TenantId, r.ToString()));
                    break;
            }
        }
        if (readings.Count > 0)
            foreach (var (tenant, shipment, from, to, device) in await WindowsAsync(readings.Select(r => (r.Tenant, r.Reading.Device)).Distinct().ToList(), ct))
                foreach (var (_, r) in readings.Where(r => r.Tenant == tenant && r.Reading.Device == device && r.Reading.At >= from && (to is null || r.Reading.At < to)))
                    For(tenant, shipment).Readings.Add(r);
        if (references.Count > 0)
            foreach (var (tenant, shipment) in await ShipmentsWithRefsAsync(references.ToList(), ct))
                For(tenant, shipment).LegsChanged = true;

        foreach (var tenant in work.Values.GroupBy(w => w.Tenant))
            await ProcessTenantAsync(tenant.Key, tenant.ToList(), ct);
    }

    async Task ProcessTenantAsync(string tenant, IReadOnlyList<Work> work, CancellationToken ct)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var keys = work.Select(w => ShipmentStreams.Key(w.ShipmentId)).ToArray();
        Dictionary<string, ShipmentRecord> records;
        Dictionary<string, ShipmentExcursions> states;
        Dictionary<string, ShipmentReportLog> logs;
        await using (var query = store.QuerySession(tenant))
        {
            records = (await query.LoadManyAsync<ShipmentRecord>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            states = (await query.LoadManyAsync<ShipmentExcursions>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
            logs = (await query.LoadManyAsync<ShipmentReportLog>(ct, keys)).ToDictionary(r => r.Id, StringComparer.Ordinal);
        }

        var plans = new List<(ShipmentExcursions State, List<(Guid Id, object Data)> Events)>();
        var reopened = new List<(ShipmentRecord Record, string Trigger)>();
        foreach (var w in work)
        {
            var key = ShipmentStreams.Key(w.ShipmentId);
            if (!records.TryGetValue(key, out var record)) continue;
            if (w.Readings.Count > 0 || w.WindowsChanged)
            {
                var state = states.GetValueOrDefault(key) ?? new ShipmentExcursions { Id = key, ShipmentId = w.ShipmentId };
                plans.Add((state, await UpdateAsync(tenant, record, state, w, ct)));
            }
            if (logs.GetValueOrDefault(key)?.Newest is { } newest && Reopens(newest, w))
                reopened.Add((record, w.WindowsChanged ? "window-change" : w.LegsChanged ? "legs-change" : "late-data"));
        }
        if (plans.Count > 0) await WriteAsync(store, tenant, plans, ct);

        var versions = services.GetRequiredService<ReportVersions>();
        foreach (var (record, trigger) in reopened)
            await versions.CurrentAsync(tenant, record, trigger, Actor, ct);
    }

    /// <summary>Whether the change touches what the newest version already covered.</summary>
    static bool Reopens(ReportVersionRecord newest, Work w) =>
        w.WindowsChanged || w.LegsChanged
        || w.Readings.Any(r => newest.Inputs.Window(r.Device) is { } window
                               && r.At <= (window.LastReadingAt ?? newest.MadeAt));

    /// <summary>Feeds the trackers, rebuilds those that need it, and returns the events the change gives.</summary>
    async Task<List<(Guid Id, object Data)>> UpdateAsync(string tenant, ShipmentRecord record, ShipmentExcursions state, Work w, CancellationToken ct)
    {
        var profile = ShipmentAssessments.Profile(record.Profile);
        var profileJson = ProfileJson.ToJson(profile);
        var rebuild = new HashSet<string>(StringComparer.Ordinal);
        if (w.WindowsChanged || state.ProfileJson != profileJson)
        {
            rebuild.UnionWith(record.Devices.Select(d => d.Device));
            rebuild.UnionWith(state.Devices.Keys);
        }
        state.ProfileJson = profileJson;

        var signals = new List<LiveSignal>();
        foreach (var device in w.Readings.GroupBy(r => r.Device).Where(g => !rebuild.Contains(g.Key)))
        {
            var sorted = device.OrderBy(r => r.At).ToList();
            var inOrder = state.Devices.TryGetValue(device.Key, out var deviceState) && sorted.Select(r => r.At).Distinct().Count() == sorted.Count;
            if (inOrder)
            {
                var tracker = new LiveExcursionTracker(profile, deviceState!);
                foreach (var r in sorted)
                    if (!tracker.Accept(r.At, r.Celsius, signals)) { inOrder = false; break; }
            }
            if (!inOrder) rebuild.Add(device.Key);
        }
        if (rebuild.Count > 0)
        {
            // From the device streams up to this page's last event, not from the readings read model: that one is written
            // inline and already holds readings of later pages, which would make every later page look late and rebuild
            // again (quadratic while the daemon catches up). Later pages then continue incrementally.
            var all = (await services.GetRequiredService<StreamReadings>().ThroughSequenceAsync(tenant, record, w.ThroughSequence, ct))
                .GroupBy(r => r.Device).ToDictionary(g => g.Key, StringComparer.Ordinal);
            foreach (var device in rebuild)
            {
                if (!all.TryGetValue(device, out var readings)) { state.Devices.Remove(device); continue; }
                var (tracker, rebuilt) = LiveExcursionTracker.Rebuild(profile, device, readings.Select(r => (r.OccurredAt, r.Celsius)));
                state.Devices[device] = tracker.State;
                signals.AddRange(rebuilt);
            }
        }

        var trackers = state.Devices.Values.Select(d => new LiveExcursionTracker(profile, d)).ToList();
        var now = clock.GetCurrentInstant();
        var current = trackers.SelectMany(t => t.Triggered())
            .ToDictionary(t => ExcursionIds.Alarm(tenant, record.ShipmentId, t.DeviceId, t.ZoneId, t.TriggeredAt), StringComparer.Ordinal);
        var began = signals.OfType<ExcursionBegan>()
            .Select(b => (Id: ExcursionIds.Excursion(tenant, record.ShipmentId, b.DeviceId, b.ZoneId, b.Start), Began: b))
            .Where(b => !state.Excursions.Contains(b.Id)).DistinctBy(b => b.Id).ToList();
        var raised = current.Where(c => state.Alarms.All(a => a.AlarmId != c.Key)).ToList();
        var withdrawn = state.Alarms.Where(a => !current.ContainsKey(a.AlarmId)).ToList();

        var events = new List<(Guid, object)>();
        if (began.Count > 0 || raised.Count > 0)
        {
            var legs = await services.GetRequiredService<ShipmentLegs>().DeriveAsync(tenant, record, ct);
            var custody = new ShipmentInfo(Legs: legs.Select(l => new Leg(l.Id, l.Custodian, l.Start, l.End, l.Mode)).ToList());
            foreach (var (id, b) in began)
            {
                var leg = custody.LegAt(b.Start);
                events.Add((ExcursionIds.EventId(id, "observed"),
                    new ExcursionObserved(record.ShipmentId, id, b.DeviceId, b.ZoneId, b.Start, b.Celsius, leg?.Id, leg?.Custodian, now)));
                state.Excursions.Add(id);
            }
            foreach (var (id, t) in raised)
            {
                var leg = custody.LegAt(t.TriggeredAt);
                var times = state.Raised.GetValueOrDefault(id);
                state.Raised[id] = times + 1;
                events.Add((ExcursionIds.EventId(id, $"raised:{times}"), new ExcursionAlarmRaised(record.ShipmentId, id, t.DeviceId, t.ZoneId, t.Type,
                    ProfileJson.Name(t.Severity), t.DelayMinutes, t.TriggeredAt, t.Detail, leg?.Id, leg?.Custodian, now)));
                state.Alarms.Add(new ActiveAlarm(id, t.DeviceId, t.ZoneId, t.Type, ProfileJson.Name(t.Severity), t.TriggeredAt, leg?.Id, leg?.Custodian));
            }
        }
        foreach (var a in withdrawn)
        {
            events.Add((ExcursionIds.EventId(a.AlarmId, $"withdrawn:{state.Raised.GetValueOrDefault(a.AlarmId)}"), new ExcursionAlarmWithdrawn(record.ShipmentId,
                a.AlarmId, a.DeviceId, a.ZoneId, a.TriggeredAt, "the readings as now stored no longer cross the zone's delay at this time", now)));
            state.Alarms.Remove(a);
        }

        state.ExcursionState = trackers.Select(t => t.ExcursionState).OrderBy(s => s switch { "alarm" => 0, "excursion" => 1, _ => 2 }).FirstOrDefault() ?? "none";
        state.Verdict = trackers.Count == 0 ? null : Gxp.Reports.GxpFormat.Name(trackers.Max(t => t.Verdict));
        state.LastReadingAt = trackers.Count == 0 ? null : Instant.FromUnixTimeTicks(trackers.Max(t => t.State.LastTicks));
        state.UpdatedAt = now;
        if (events.Count > 0)
            log.LogInformation("Shipment {Shipment}: {Began} excursion(s) began, {Raised} alarm(s) raised, {Withdrawn} withdrawn",
                record.ShipmentId, began.Count, raised.Count, withdrawn.Count);
        return events;
    }

    /// <summary>
    /// The state documents and the events, in one transaction; each stream appended at the version just read (a concurrent
    /// change to a shipment makes the whole write try again). Events already stored (a page processed again) are skipped.
    /// </summary>
    async Task WriteAsync(IDocumentStore store, string tenant, List<(ShipmentExcursions State, List<(Guid Id, object Data)> Events)> plans, CancellationToken ct)
    {
        var stored = await ExistingAsync(plans.SelectMany(p => p.Events.Select(e => e.Id)).ToArray(), ct);
        for (var attempt = 1; ; attempt++)
        {
            await using var session = store.LightweightSession(tenant);
            foreach (var (state, events) in plans)
            {
                session.Store(state);
                var fresh = events.Where(e => !stored.Contains(e.Id)).ToList();
                if (fresh.Count == 0) continue;
                var streamState = await session.Events.FetchStreamStateAsync(state.Id, ct);
                if (streamState is null) continue;
                session.Events.Append(state.Id, streamState.Version + fresh.Count, fresh.Select(e =>
                {
                    var wrapped = session.Events.BuildEvent(e.Data);
                    wrapped.Id = e.Id;
                    return (object)wrapped;
                }).ToArray());
            }
            try
            {
                await session.SaveChangesAsync(ct);
                return;
            }
            catch (Exception ex) when (StreamConflicts.IsConflict(ex) && attempt < 5)
            {
                log.LogDebug(ex, "live excursion write collided with a concurrent change (attempt {Attempt})", attempt);
            }
        }
    }

    async Task<HashSet<Guid>> ExistingAsync(Guid[] ids, CancellationToken ct)
    {
        var found = new HashSet<Guid>();
        if (ids.Length == 0) return found;
        await using var cmd = db.CreateCommand($"select id from {settings.Schema}.mt_events where id = any($1)");
        cmd.Parameters.Add(new NpgsqlParameter { Value = ids });
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add(r.GetGuid(0));
        return found;
    }

    /// <summary>The device windows of these (tenant, device) pairs: which shipment's readings a device's readings are.</summary>
    async Task<List<(string Tenant, string Shipment, Instant From, Instant? To, string Device)>> WindowsAsync(IReadOnlyList<(string Tenant, string Device)> pairs,
        CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select d.tenant_id, d.shipment_id, d.window_from, d.window_to, d.device
            from unnest($1::text[], $2::text[]) as k(tenant_id, device)
            join {settings.Schema}.shipment_devices d on d.tenant_id = k.tenant_id and d.device = k.device
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Tenant).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = pairs.Select(p => p.Device).ToArray() });
        var list = new List<(string, string, Instant, Instant?, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            list.Add((r.GetString(0), r.GetString(1), r.GetFieldValue<Instant>(2), r.IsDBNull(3) ? null : r.GetFieldValue<Instant>(3), r.GetString(4)));
        return list;
    }

    async Task<List<(string Tenant, string Shipment)>> ShipmentsWithRefsAsync(IReadOnlyList<(string Tenant, string Ref)> refs, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand($"""
            select distinct s.tenant_id, s.shipment_id
            from unnest($1::text[], $2::text[]) as k(tenant_id, ref)
            join {settings.Schema}.shipment_refs s on s.tenant_id = k.tenant_id and s.ref = k.ref
            """);
        cmd.Parameters.Add(new NpgsqlParameter { Value = refs.Select(p => p.Tenant).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter { Value = refs.Select(p => p.Ref).ToArray() });
        var list = new List<(string, string)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }
}
