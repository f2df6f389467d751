using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// The shared invariants every canonical event must hold, whatever adapter made it (traccar's shared decoder test):
/// coordinates in range, temperatures in Celsius, no unflagged future times, known references and codes, and an id
/// derived from the natural key. Each violation is one line naming the field.
/// </summary>
public static class EventInvariants
{
    /// <summary>Violations of a single event; <paramref name="expectedAdapter"/> and <paramref name="expectedReceivedAt"/> when known.</summary>
    public static IReadOnlyList<string> Check(CanonicalEvent e, string? expectedAdapter = null, Instant? expectedReceivedAt = null)
    {
        var v = new List<string>();

        if (string.IsNullOrEmpty(e.EventId))
            v.Add("eventId: empty (use WithDerivedId())");
        else if (e.EventId != EventIds.Derive(e.NaturalKey))
            v.Add($"eventId: {e.EventId} is not derived from the natural key (WithDerivedId() gives {EventIds.Derive(e.NaturalKey)})");

        if (expectedAdapter is not null && e.Source.Adapter != expectedAdapter)
            v.Add($"source.adapter: '{e.Source.Adapter}', expected the adapter's id '{expectedAdapter}'");
        if (expectedReceivedAt is { } received && e.ReceivedAt != received)
            v.Add($"receivedAt: {e.ReceivedAt}, expected the context's {received}");

        // Estimates and plans are about the future by nature (an ETA weeks ahead); only an actual time can be impossible.
        var actual = e is not MilestoneEvent { Milestone.Classifier: not TimeClassifier.ACT };
        if (actual && e.OccurredAt > e.ReceivedAt + ClockChecks.FutureTolerance && !e.Flags.Contains(EventFlags.ClockInFuture))
            v.Add($"occurredAt: {e.OccurredAt} is more than 25 h after receivedAt {e.ReceivedAt} and not flagged {EventFlags.ClockInFuture}");
        if (e.OffsetSource == OffsetSource.AssumedUtc && e.OccurredAtOffset != Offset.Zero)
            v.Add($"occurredAtOffset: {e.OccurredAtOffset} with offsetSource assumed-utc (must be +00:00)");

        if (e.Refs.Count == 0)
            v.Add("refs: empty (an event must be about something)");
        for (var i = 0; i < e.Refs.Count; i++)
        {
            var r = e.Refs[i];
            if (!RefSchemes.All.Contains(r.Scheme)) v.Add($"refs[{i}].scheme: '{r.Scheme}' is not a known scheme ({string.Join(", ", RefSchemes.All)})");
            if (string.IsNullOrWhiteSpace(r.Value)) v.Add($"refs[{i}].value: empty");
        }

        if (e.Location is { } loc) CheckCoordinates(v, "location", loc.Lat, loc.Lon);

        switch (e)
        {
            case MilestoneEvent m when !MilestoneCodes.IsKnown(m.Milestone.Code):
                v.Add($"milestone.code: '{m.Milestone.Code}' is not in the milestone vocabulary");
                break;
            case MeasurementEvent me:
                CheckMeasurement(v, me.Measurement);
                break;
            case PositionEvent p:
                CheckCoordinates(v, "position", p.Position.Lat, p.Position.Lon);
                if (!PositionMethods.All.Contains(p.Position.Method))
                    v.Add($"position.method: '{p.Position.Method}' is not one of {string.Join(", ", PositionMethods.All)}");
                break;
            case AssociationEvent a when a.Association.Action is not ("ADD" or "DELETE"):
                v.Add($"association.action: '{a.Association.Action}' (ADD or DELETE)");
                break;
        }
        return v;
    }

    /// <summary>Violations across the events of one translation: ids must be unique within it.</summary>
    public static IReadOnlyList<string> CheckSet(IReadOnlyList<CanonicalEvent> events)
    {
        var v = new List<string>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < events.Count; i++)
        {
            if (seen.TryGetValue(events[i].EventId, out var first))
                v.Add($"eventId: events {first + 1} and {i + 1} share id {events[i].EventId} (their natural keys collide)");
            else
                seen[events[i].EventId] = i;
        }
        return v;
    }

    static void CheckMeasurement(List<string> v, MeasurementDetail d)
    {
        if (!MeasurementTypes.All.Contains(d.Type))
            v.Add($"measurement.type: '{d.Type}' is not one of {string.Join(", ", MeasurementTypes.All)}");
        if (d.Type == MeasurementTypes.Temperature && d.Unit != "CEL")
            v.Add($"measurement.unit: temperature in '{d.Unit}', must be CEL (keep the source's unit in originalUnit)");
        if (!double.IsFinite(d.Value)) v.Add($"measurement.value: {d.Value} is not a finite number");
        if (!double.IsFinite(d.OriginalValue)) v.Add($"measurement.originalValue: {d.OriginalValue} is not a finite number");
    }

    static void CheckCoordinates(List<string> v, string field, double? lat, double? lon)
    {
        if (lat is { } la && !(la >= -90 && la <= 90)) v.Add($"{field}.lat: {la} outside −90..90");
        if (lon is { } lo && !(lo >= -180 && lo <= 180)) v.Add($"{field}.lon: {lo} outside −180..180");
    }
}
