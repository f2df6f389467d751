using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Logistics.Canonical.Units;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Decoded sensor readings → canonical events, one event per reading (CANONICAL.md), for every sensor-network adapter
/// (tts-v3, chirpstack-v4, sigfox, iridium-sbd, globalstar, orbcomm-idp). The header is the frame's (device refs, network time, source);
/// a reading with its own time (<see cref="DecodedAt"/>) keeps it, and one the device marked invalid (<see cref="DecodedAt.SourceInvalid"/>,
/// <see cref="DecodedInvalid"/>) is flagged.
/// Readings whose type is outside the canonical measurement vocabulary (digital/analog I/O, presence, acceleration
/// axes, angular rate, voltage, …) are decoded by the codecs but not emitted: adding one is a vocabulary decision.
/// </summary>
public static class ReadingEvents
{
    /// <summary>Appends the events for <paramref name="values"/>; duplicates of the same fact (same event id) are kept once.</summary>
    public static void AddAll(IEnumerable<DecodedValue> values, EventHeader header, string positionMethod, List<CanonicalEvent> events)
    {
        foreach (var value in values)
        {
            if (From(value, header, positionMethod) is not { } e) continue;
            if (!events.Exists(x => x.EventId == e.EventId))
                events.Add(e);
        }
    }

    /// <summary>The event for one reading, or null when its type has no canonical event.</summary>
    public static CanonicalEvent? From(DecodedValue value, EventHeader header, string positionMethod)
    {
        while (value is DecodedAt or DecodedInvalid)
        {
            if (value is DecodedAt stamped)
            {
                header = header.At(ResolvedTime.ExplicitUtc(stamped.At));
                if (stamped.SourceInvalid) header = header.WithFlag(EventFlags.SourceInvalid);
                value = stamped.Value;
            }
            else if (value is DecodedInvalid invalid)
            {
                header = header.WithFlag(EventFlags.SourceInvalid);
                value = invalid.Value;
            }
        }
        return value switch
        {
            DecodedMeasurement m when MeasurementTypes.All.Contains(m.Type) => header.Measurement(Measurement(m)),
            DecodedPosition p => header.Position(new PositionDetail(p.Lat, p.Lon, p.AccuracyM, positionMethod)
            {
                AltitudeM = p.AltitudeM, SpeedKmh = p.SpeedKmh, HeadingDeg = p.HeadingDeg,
            }),
            DecodedAlarm a => header.Alarm(new AlarmDetail(a.Type, a.Channel, a.Value, a.Unit, a.Description)),
            _ => null,
        };
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
