using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Logistics.Canonical.Units;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Decoded sensor readings → canonical events, one event per reading (CANONICAL.md), for every sensor-network adapter
/// (tts-v3, iridium-sbd; chirpstack-v4 and sigfox next).
/// Readings whose type is outside the canonical measurement vocabulary (digital/analog I/O, presence, acceleration
/// axes, angular rate, voltage, …) are decoded by the codecs but not emitted: adding one is a vocabulary decision.
/// </summary>
public static class ReadingEvents
{
    /// <summary>The frame-level facts every event of one message shares.</summary>
    public sealed record Frame(ResolvedTime Time, TranslationContext Context, EventSource Source, IReadOnlyList<Reference> Refs, string PositionMethod);

    /// <summary>Appends the events for <paramref name="values"/>; duplicates of the same fact (same event id) are kept once.</summary>
    public static void AddAll(IEnumerable<DecodedValue> values, Frame frame, List<CanonicalEvent> events)
    {
        foreach (var value in values)
        {
            if (From(value, frame) is not { } e) continue;
            if (!events.Exists(x => x.EventId == e.EventId))
                events.Add(e);
        }
    }

    /// <summary>The event for one reading, or null when its type has no canonical event.</summary>
    public static CanonicalEvent? From(DecodedValue value, Frame frame)
    {
        var time = frame.Time;
        var invalid = false;
        if (value is DecodedAt stamped)
        {
            time = ResolvedTime.ExplicitUtc(stamped.At);
            invalid = stamped.SourceInvalid;
            value = stamped.Value;
        }
        var flags = ClockChecks.Flags(time.Utc, frame.Context.ReceivedAt);
        if (invalid) flags = [.. flags, EventFlags.SourceInvalid];

        CanonicalEvent? e = value switch
        {
            DecodedMeasurement m when MeasurementTypes.All.Contains(m.Type) => new MeasurementEvent
            {
                OccurredAt = time.Utc, OccurredAtOffset = time.Offset, OffsetSource = time.Source,
                ReceivedAt = frame.Context.ReceivedAt, Source = frame.Source, Refs = frame.Refs, Flags = flags,
                Measurement = Measurement(m),
            },
            DecodedPosition p => new PositionEvent
            {
                OccurredAt = time.Utc, OccurredAtOffset = time.Offset, OffsetSource = time.Source,
                ReceivedAt = frame.Context.ReceivedAt, Source = frame.Source, Refs = frame.Refs, Flags = flags,
                Position = new PositionDetail(p.Lat, p.Lon, null, frame.PositionMethod) { AltitudeM = p.AltitudeM },
            },
            DecodedAlarm a => new AlarmEvent
            {
                OccurredAt = time.Utc, OccurredAtOffset = time.Offset, OffsetSource = time.Source,
                ReceivedAt = frame.Context.ReceivedAt, Source = frame.Source, Refs = frame.Refs, Flags = flags,
                Alarm = new AlarmDetail(a.Type, a.Channel, a.Value, a.Unit, a.Description),
            },
            _ => null,
        };
        return e?.WithDerivedId();
    }

    static MeasurementDetail Measurement(DecodedMeasurement m)
    {
        // Codecs report Rec 20 codes; only temperatures change unit (to CEL), the original is always kept.
        // A temperature in a non-temperature unit would throw in ToCanonical: kept as given, for the kit to flag.
        var convertible = m.Type != MeasurementTypes.Temperature || UnitConversion.IsTemperatureUnit(m.Unit);
        var canonical = convertible ? UnitConversion.ToCanonical(m.Type, m.Value, m.Unit) : new Quantity(m.Value, m.Unit);
        return new MeasurementDetail(m.Type, canonical.Value, canonical.Unit, m.Value, m.Unit, m.Channel);
    }
}
