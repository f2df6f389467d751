using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.ChirpstackV4;

/// <summary>
/// The <c>status</c> and <c>location</c> events, at their <c>time</c>.
/// <list type="bullet">
/// <item><c>status</c> (<c>StatusEvent</c>, the device's DevStatusAns MAC answer): <c>batteryLevel</c> in percent becomes a battery
/// measurement (sensor <c>devstatus</c>), unless the device is on an external power source or says its level is unavailable —
/// then there is no reading. <c>margin</c> (the demodulation SNR) is link quality, not a reading.</item>
/// <item><c>location</c> (<c>LocationEvent</c>, a geolocation resolver's answer): a position with the resolver's
/// <c>accuracy</c> in metres and a method from its <c>source</c> (status-map.json <c>locationSources</c>; a CONFIG location is the one
/// typed into the device's settings, not an observation, and gives no event).</item>
/// </list>
/// </summary>
internal static class ChirpstackDeviceEvents
{
    const string DevStatusSensor = "devstatus";
    static readonly StatusMap Map = StatusMap.Load("ChirpstackV4");

    public static TranslationResult Status(JObject status, EventHeader? header, JsonInput json)
    {
        if (header is null) return json.Rejected();
        var external = json.Boolean(status, "externalPowerSource");
        var unavailable = json.Boolean(status, "batteryLevelUnavailable");
        var level = json.Number(status, "batteryLevel");
        if (json.Failed) return json.Rejected();
        if (external || unavailable || level is null) return TranslationResult.Of([]);
        if (level is < 0 or > 100) return json.RejectAt(status["batteryLevel"]!, "a battery level in percent (0..100)");
        return TranslationResult.Of([header.Measurement(new MeasurementDetail(MeasurementTypes.Battery, level.Value, "P1", level.Value, "P1", DevStatusSensor))]);
    }

    public static TranslationResult Location(JObject root, EventHeader? header, JsonInput json)
    {
        if (header is null) return json.Rejected();
        if (json.Object(root, "location") is not { } location)
            return json.Failed ? json.Rejected() : json.RejectMissing(root, "location", "the resolved location");
        var lat = json.Number(location, "latitude");
        var lon = json.Number(location, "longitude");
        var altitude = json.Number(location, "altitude");
        var accuracy = json.Number(location, "accuracy");
        if (json.Failed) return json.Rejected();
        if (lat is not { } la) return json.RejectMissing(location, "latitude", "the latitude");
        if (lon is not { } lo) return json.RejectMissing(location, "longitude", "the longitude");
        if (la is < -90 or > 90) return json.RejectAt(location["latitude"]!, "a latitude within ±90°");
        if (lo is < -180 or > 180) return json.RejectAt(location["longitude"]!, "a longitude within ±180°");

        var source = JsonInput.Member(location, "source");
        var sourceCode = source is null ? "UNKNOWN" : json.Text(source);
        if (json.Failed) return json.Rejected();
        if (sourceCode is null || !Map.Section("locationSources").TryGetValue(sourceCode, out var method))
            return json.RejectAt(source!, "a location source listed in chirpstack-v4 status-map.json (GPS, GEO_RESOLVER_TDOA, …)");
        if (method.Length == 0) return TranslationResult.Of([]);
        return TranslationResult.Of([header.Position(new PositionDetail(la, lo, accuracy is > 0 ? accuracy : null, method) { AltitudeM = altitude })]);
    }
}
