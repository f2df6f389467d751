using System.Text.Json;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;

namespace Logistics.Adapters.TtsV3;

/// <summary>
/// Readings from <c>uplink_message.decoded_payload</c>, the output of the application's TTS payload formatter.
/// Formatters are free-form, so only well-known keys are read, each optionally suffixed with a channel
/// (<c>temperature_0</c> → sensor "0"): temperature (°C), humidity / relative_humidity (%), battery (%),
/// barometer / barometric_pressure / pressure (hPa), luminosity / illuminance (lux), co2 (ppm), top-level
/// latitude/longitude/altitude and LPP-style <c>gps_N</c> objects. A <c>time</c> key with an offset is the device's
/// own time and wins over the network's. Anything else is ignored.
/// </summary>
internal static class TtsDecodedPayload
{
    const string Path = "$.uplink_message.decoded_payload";

    /// <param name="usedFrame">The frame the readings used: with the device's own time when the payload gave one.</param>
    public static TranslationResult Translate(JsonElement decoded, ReadingEvents.Frame frame, out ReadingEvents.Frame usedFrame)
    {
        if (decoded.TryGetProperty("time", out var t) && TtsV3Adapter.TryParseTime(t, out var deviceTime))
            frame = frame with { Time = deviceTime };
        usedFrame = frame;

        var values = new List<DecodedValue>();
        foreach (var p in decoded.EnumerateObject())
        {
            var (name, channel) = SplitChannel(p.Name);
            if (p.Value.ValueKind == JsonValueKind.Object && name is "gps" or "location")
            {
                if (Position(p.Value, $"{Path}.{p.Name}") is { } bad) return bad;
                if (ReadPosition(p.Value, channel) is { } pos) values.Add(pos);
                continue;
            }
            if (Reading(name) is not var (type, unit) || !Finite(p.Value, out var value))
                continue;
            values.Add(new DecodedMeasurement(type, value, unit, channel));
        }
        if (decoded.TryGetProperty("latitude", out _))
        {
            if (Position(decoded, Path) is { } bad) return bad;
            if (ReadPosition(decoded, null) is { } pos) values.Add(pos);
        }

        var events = new List<CanonicalEvent>(values.Count);
        ReadingEvents.AddAll(values, frame, events);
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

    /// <summary>A rejection when the object has a latitude/longitude pair out of range (a formatter bug, not a place).</summary>
    static TranslationResult? Position(JsonElement o, string path)
    {
        if (!Number(o, "latitude", out var lat) || !Number(o, "longitude", out var lon)) return null;
        if (lat is < -90 or > 90) return TranslationResult.Reject($"{path}.latitude", "a latitude within ±90°", lat.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        if (lon is < -180 or > 180) return TranslationResult.Reject($"{path}.longitude", "a longitude within ±180°", lon.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        return null;
    }

    static DecodedPosition? ReadPosition(JsonElement o, string? channel) =>
        Number(o, "latitude", out var lat) && Number(o, "longitude", out var lon)
            ? new DecodedPosition(lat, lon, Number(o, "altitude", out var alt) ? alt : null, channel)
            : null;

    static bool Number(JsonElement o, string name, out double value)
    {
        value = 0;
        return o.TryGetProperty(name, out var v) && Finite(v, out value);
    }

    /// <summary>A JSON number that fits a double (1e400 parses as infinity, which no event may carry).</summary>
    static bool Finite(JsonElement v, out double value)
    {
        value = 0;
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value) && double.IsFinite(value);
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
