using JasperFx.Events;
using Logistics.Canonical.Events;
using Marten;
using Marten.Events.Projections;
using NodaTime;
using static Logistics.Host.Infrastructure.SqlValues;

namespace Logistics.Host.Shipments;

/// <summary>
/// Inline projection of milestones, associations, alarms and retractions into <c>timeline_entries</c>, once per reference
/// each event names (so an event is found under its container, its bill of lading and its booking alike), in one
/// multi-row statement per batch. Which shipment an entry belongs to is decided when it is read, through the identifier
/// index (<see cref="ShipmentTimeline"/>): an event that arrived before its shipment was registered is already here.
/// </summary>
public sealed class TimelineProjection(string schema) : IProjection
{
    public Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var rows = new TimelineRows();
        foreach (var e in events)
        {
            if (e.Data is not CanonicalEvent c || Describe(c) is not { } d) continue;
            foreach (var r in c.Refs.Select(r => r.ToString()).Distinct(StringComparer.Ordinal))
                rows.Add(e.TenantId, r, c, d);
        }
        if (rows.Count > 0) rows.Queue(operations, schema);
        return Task.CompletedTask;
    }

    /// <summary>kind, code, classifier, source event id and a detail line of an event that belongs on a timeline.</summary>
    internal sealed record Description(string Kind, string? Code, string? Classifier, string? SourceEventId, string? Detail);

    static Description? Describe(CanonicalEvent c) => c switch
    {
        MilestoneEvent m => new("milestone", m.Milestone.Code, m.Milestone.Classifier.ToString(), m.Source.SourceEventId, null),
        AssociationEvent a => new("association", a.Association.Action, null, a.Source.SourceEventId,
            $"{a.Association.Child} {(a.Association.Action == "DELETE" ? "out of" : "into")} {a.Association.Parent}"),
        AlarmEvent a => new("alarm", a.Alarm.Type, null, a.Source.SourceEventId, a.Alarm.Description),
        RetractionEvent r => new("retraction", "RETRACTED", null, r.Retraction.RetractedSourceEventId, r.Retraction.Reason),
        _ => null,
    };

    /// <summary>Column arrays for one <c>unnest</c> insert; shared with the shipment stream's own entries.</summary>
    internal sealed class TimelineRows
    {
        readonly List<string> _tenant = [], _ref = [], _eventId = [], _kind = [];
        readonly List<string?> _code = [], _classifier = [], _carrier = [], _adapter = [], _unlocode = [], _name = [], _source = [], _detail = [];
        readonly List<double?> _lat = [], _lon = [];
        readonly List<DateTimeOffset> _occurred = [], _received = [];

        public int Count => _tenant.Count;

        public void Add(string tenant, string reference, CanonicalEvent c, Description d) =>
            Add(tenant, reference, c.OccurredAt, c.EventId, d, c.Source.Carrier, c.Source.Adapter, c.Location, c.ReceivedAt);

        public void Add(string tenant, string reference, Instant occurredAt, string eventId, Description d, string? carrier, string? adapter,
            Location? location, Instant receivedAt)
        {
            _tenant.Add(tenant);
            _ref.Add(reference);
            _occurred.Add(Utc(occurredAt));
            _eventId.Add(eventId);
            _kind.Add(d.Kind);
            _code.Add(d.Code);
            _classifier.Add(d.Classifier);
            _carrier.Add(carrier);
            _adapter.Add(adapter);
            _unlocode.Add(location?.Unlocode);
            _name.Add(location?.Name);
            _lat.Add(location?.Lat);
            _lon.Add(location?.Lon);
            _source.Add(d.SourceEventId);
            _detail.Add(d.Detail);
            _received.Add(Utc(receivedAt));
        }

        public void Queue(IDocumentOperations operations, string schema) =>
            operations.QueueSqlCommand($"""
                insert into {schema}.timeline_entries (tenant_id, ref, occurred_at, event_id, kind, code, classifier, carrier, adapter,
                                                       unlocode, location_name, lat, lon, source_event_id, detail, received_at)
                select * from unnest(?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                     ?::text[], ?::text[], ?::float8[], ?::float8[], ?::text[], ?::text[], ?::timestamptz[])
                on conflict do nothing
                """,
                _tenant.ToArray(), _ref.ToArray(), _occurred.ToArray(), _eventId.ToArray(), _kind.ToArray(), _code.ToArray(), _classifier.ToArray(),
                _carrier.ToArray(), _adapter.ToArray(), _unlocode.ToArray(), _name.ToArray(), _lat.ToArray(), _lon.ToArray(), _source.ToArray(),
                _detail.ToArray(), _received.ToArray());
    }
}
