using System.Text.Json;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;

namespace Logistics.Adapters.TtsV3;

/// <summary>
/// <c>uplink_message.locations</c>: positions TTS attaches to an uplink, keyed by service — <c>frm-payload</c> (taken from
/// the payload formatter's latitude/longitude), <c>user</c> (the device registry) and network/cloud solvers.
/// The method follows the location's <c>source</c>: GPS → gnss, Wi-Fi → wifi, LoRa RSSI/TDOA/combined → carrier.
/// Skipped: <c>user</c>/SOURCE_REGISTRY, a location typed in when the device was provisioned, not an observation; and
/// <c>frm-payload</c> when a codec decoded the payload itself (it is the same fix, read by our codec).
/// Locations add to an uplink's readings; alone they never make an unreadable payload acceptable.
/// </summary>
internal static class TtsLocations
{
    public static void Add(JsonElement up, ReadingEvents.Frame frame, bool payloadDecodedByCodec, List<CanonicalEvent> events)
    {
        if (!up.TryGetProperty("locations", out var locations) || locations.ValueKind != JsonValueKind.Object) return;
        foreach (var entry in locations.EnumerateObject())
        {
            var l = entry.Value;
            if (l.ValueKind != JsonValueKind.Object || entry.NameEquals("user") || (payloadDecodedByCodec && entry.NameEquals("frm-payload")))
                continue;
            var source = l.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            if (Method(source) is not { } method
                || !Number(l, "latitude", out var lat) || !Number(l, "longitude", out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
                continue;
            var position = new DecodedPosition(lat, lon, Number(l, "altitude", out var alt) ? alt : null, null);
            if (ReadingEvents.From(position, frame with { PositionMethod = method }) is not PositionEvent e) continue;
            if (Number(l, "accuracy", out var accuracy) && accuracy > 0)
                e = (PositionEvent)(e with { Position = e.Position with { AccuracyM = accuracy } }).WithDerivedId();
            if (!events.Exists(x => x.EventId == e.EventId))
                events.Add(e);
        }
    }

    static string? Method(string? source) => source switch
    {
        "SOURCE_GPS" => PositionMethods.Gnss,
        "SOURCE_WIFI_RSSI_GEOLOCATION" => PositionMethods.Wifi,
        "SOURCE_LORA_RSSI_GEOLOCATION" or "SOURCE_LORA_TDOA_GEOLOCATION" or "SOURCE_COMBINED_GEOLOCATION" => PositionMethods.Carrier,
        _ => null, // SOURCE_REGISTRY, SOURCE_IP_GEOLOCATION, SOURCE_BT_RSSI_GEOLOCATION, SOURCE_UNKNOWN: not a fix of this uplink
    };

    static bool Number(JsonElement o, string name, out double value)
    {
        value = 0;
        return o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out value) && double.IsFinite(value);
    }
}
