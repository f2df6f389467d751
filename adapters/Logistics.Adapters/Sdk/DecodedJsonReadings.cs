using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// Readings a network server's own payload decoder already put in the message as JSON — TTS <c>decoded_payload</c>,
/// ChirpStack <c>object</c> — for devices without a codec of ours. Decoders are free-form, so only well-known keys are
/// read, each optionally suffixed with a channel (<c>temperature_0</c> → sensor "0"): temperature (°C), humidity /
/// relative_humidity (%), battery / battery_level (%), barometer / barometric_pressure / pressure (hPa), luminosity /
/// illuminance (lux), co2 (ppm), top-level latitude/longitude/altitude and LPP-style <c>gps_N</c> / <c>location</c>
/// objects. A <c>time</c> key with an offset is the device's own time and wins over the network's. Anything else is
/// ignored; a latitude/longitude out of range is a decoder bug and a rejection, not a place.
/// </summary>
public static class DecodedJsonReadings
{
    /// <param name="usedHeader">The header the readings used: with the device's own time when the object gave one.</param>
    /// <returns>The readings' events (possibly none), or a rejection recorded in <paramref name="json"/>.</returns>
    public static TranslationResult Translate(JObject decoded, EventHeader header, JsonInput json, out EventHeader usedHeader)
    {
        if (JsonInput.TryExplicitTime(decoded["time"], out var deviceTime))
            header = header.At(deviceTime);
        usedHeader = header;

        var values = new List<DecodedValue>();
        foreach (var p in decoded.Properties())
        {
            var (name, channel) = SplitChannel(p.Name);
            if (p.Value is JObject position && name is "gps" or "location")
            {
                if (!InRange(position, json)) return json.Rejected();
                if (ReadPosition(position, channel) is { } pos) values.Add(pos);
                continue;
            }
            if (Reading(name) is not var (type, unit) || !JsonInput.Finite(p.Value, out var value))
                continue;
            values.Add(new DecodedMeasurement(type, value, unit, channel));
        }
        if (decoded["latitude"] is not null)
        {
            if (!InRange(decoded, json)) return json.Rejected();
            if (ReadPosition(decoded, null) is { } pos) values.Add(pos);
        }

        var events = new List<CanonicalEvent>(values.Count);
        ReadingEvents.AddAll(values, header, PositionMethods.Gnss, events);
        return TranslationResult.Of(events);
    }

    static (string Type, string Unit)? Reading(string name) => name.ToLowerInvariant() switch
    {
        "temperature" or "temp" => (MeasurementTypes.Temperature, "CEL"),
        "humidity" or "relative_humidity" => (MeasurementTypes.Humidity, "P1"),
        "battery" or "battery_level" => (MeasurementTypes.Battery, "P1"),
        "barometer" or "barometric_pressure" or "pressure" => (MeasurementTypes.Pressure, "A97"),
        "luminosity" or "illuminance" => (MeasurementTypes.Light, "LUX"),
        "co2" => (MeasurementTypes.Co2, "59"),
        _ => null,
    };

    /// <summary>False (rejected) when the object has a latitude/longitude pair out of range (a decoder bug, not a place).</summary>
    static bool InRange(JObject o, JsonInput json)
    {
        if (!Number(o, "latitude", out var lat) || !Number(o, "longitude", out var lon)) return true;
        if (lat is < -90 or > 90) return json.Fail(o["latitude"]!, "a latitude within ±90°");
        if (lon is < -180 or > 180) return json.Fail(o["longitude"]!, "a longitude within ±180°");
        return true;
    }

    static DecodedPosition? ReadPosition(JObject o, string? channel) =>
        Number(o, "latitude", out var lat) && Number(o, "longitude", out var lon)
            ? new DecodedPosition(lat, lon, Number(o, "altitude", out var alt) ? alt : null, channel)
            : null;

    /// <summary>A member that is a JSON number fitting a finite double (1e400 would be infinity, which no event may carry).</summary>
    public static bool Number(JObject o, string name, out double value)
    {
        value = 0;
        return o[name] is { } v && JsonInput.Finite(v, out value);
    }

    /// <summary><c>temperature_0</c> → (temperature, "0"); <c>temperature</c> → (temperature, null).</summary>
    static (string Name, string? Channel) SplitChannel(string key)
    {
        var underscore = key.LastIndexOf('_');
        if (underscore > 0 && underscore < key.Length - 1 && key.AsSpan(underscore + 1).IndexOfAnyExceptInRange('0', '9') < 0)
            return (key[..underscore], key[(underscore + 1)..]);
        return (key, null);
    }
}
