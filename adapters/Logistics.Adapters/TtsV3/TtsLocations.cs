using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

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
    public static void Add(JObject up, EventHeader header, bool payloadDecodedByCodec, List<CanonicalEvent> events)
    {
        if (up["locations"] is not JObject locations) return;
        foreach (var entry in locations.Properties())
        {
            if (entry.Value is not JObject l || entry.Name == "user" || (payloadDecodedByCodec && entry.Name == "frm-payload"))
                continue;
            var source = l["source"] is { Type: JTokenType.String } s ? (string)s! : null;
            if (Method(source) is not { } method
                || !DecodedJsonReadings.Number(l, "latitude", out var lat) || !DecodedJsonReadings.Number(l, "longitude", out var lon)
                || lat is < -90 or > 90 || lon is < -180 or > 180)
                continue;
            double? accuracy = DecodedJsonReadings.Number(l, "accuracy", out var a) && a > 0 ? a : null;
            var e = header.Position(new PositionDetail(lat, lon, accuracy, method)
            {
                AltitudeM = DecodedJsonReadings.Number(l, "altitude", out var alt) ? alt : null,
            });
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
}
