using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Sigfox;

/// <summary>A Sigfox computed location (Atlas): WGS84 and the radius of its circle in metres.</summary>
internal sealed record SigfoxFix(double Lat, double Lon, double? RadiusM);

/// <summary>What a callback says: the device, reception time, payload, sequence number and computed location.</summary>
internal sealed record SigfoxCallback(Reference Device, long Time, byte[]? Payload, string? SeqNumber, SigfoxFix? ComputedLocation, bool Advanced)
{
    public const string DataPath = "$.data";
    const int MaxDeviceIdDigits = 8;

    /// <summary>
    /// Reads a callback body. Templates name the device <c>device</c> (Sigfox's variable), <c>deviceId</c> or <c>id</c>, and
    /// may quote numbers (<c>"time": "{time}"</c>), so numbers are read from JSON numbers or decimal strings. The device id is
    /// hex, up to 8 digits; <c>time</c> epoch seconds; <c>data</c> hex. Null (recorded in <paramref name="json"/>) when a required
    /// member is missing or unreadable.
    /// </summary>
    public static SigfoxCallback? Read(JObject root, JsonInput json)
    {
        var idName = root.ContainsKey("device") ? "device" : root.ContainsKey("deviceId") ? "deviceId" : "id";
        var id = json.Text(root, idName);
        if (json.Failed) return null;
        if (id is null) return Missing(json, root, "device", "the Sigfox device id ({device})");
        if (id.Length > MaxDeviceIdDigits || id.AsSpan().IndexOfAnyExcept(HexDigits) >= 0)
            return Wrong(json, root[idName]!, "a Sigfox device id (up to 8 hex digits)");

        if (JsonInput.Member(root, "time") is not { } timeToken) return Missing(json, root, "time", "the reception time ({time}, epoch seconds)");
        if (!EpochSeconds(timeToken, out var time)) return Wrong(json, timeToken, "epoch seconds ({time})");

        byte[]? payload = null;
        if (JsonInput.Member(root, "data") is { } dataToken)
        {
            if (dataToken.Type != JTokenType.String || !PayloadText.TryHex(((string)dataToken!).Trim(), out var bytes))
                return Wrong(json, dataToken, "the payload in hex ({data})");
            payload = bytes;
        }
        var seq = json.Text(root, "seqNumber");
        var fix = ComputedFix(json.Object(root, "computedLocation"), json);
        if (json.Failed) return null;
        var advanced = root.ContainsKey("computedLocation") || root.ContainsKey("duplicates") || root.ContainsKey("lqi") || root.ContainsKey("linkQuality");
        return new SigfoxCallback(new Reference(RefSchemes.DeviceId, id.ToUpperInvariant()), time, payload, seq, fix, advanced);
    }

    /// <summary>
    /// <c>computedLocation</c> {lat, lng, radius, source, status}: a position when status is 1 (located) or absent with a lat/lng;
    /// another status (<c>{"status": 0}</c>: no location computed) is no position, not an error. Coordinates out of range are.
    /// </summary>
    static SigfoxFix? ComputedFix(JObject? location, JsonInput json)
    {
        if (location is null) return null;
        var status = json.Text(location, "status");
        var lat = json.NumberOrString(location, "lat");
        var lng = json.NumberOrString(location, "lng");
        var radius = json.NumberOrString(location, "radius");
        if (json.Failed || (status is not null and not "1") || lat is null || lng is null) return null;
        if (lat is < -90 or > 90) return Wrong<SigfoxFix>(json, location["lat"]!, "a latitude within ±90°");
        if (lng is < -180 or > 180) return Wrong<SigfoxFix>(json, location["lng"]!, "a longitude within ±180°");
        return new SigfoxFix(lat.Value, lng.Value, radius is > 0 ? radius : null);
    }

    static bool EpochSeconds(JToken token, out long seconds)
    {
        seconds = 0;
        return token switch
        {
            JValue { Type: JTokenType.Integer, Value: long l } => (seconds = l) >= 0 && l < MaxEpochSeconds,
            { Type: JTokenType.String } => long.TryParse(((string)token!).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seconds) && seconds < MaxEpochSeconds,
            _ => false,
        };
    }

    /// <summary>Year 9999: beyond it NodaTime has no instant (a corrupted time is a rejection, not an overflow).</summary>
    const long MaxEpochSeconds = 253_402_300_799;

    static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdefABCDEF");

    static SigfoxCallback? Missing(JsonInput json, JObject root, string name, string expected)
    {
        json.Missing(root, name, expected);
        return null;
    }

    static SigfoxCallback? Wrong(JsonInput json, JToken token, string expected) => Wrong<SigfoxCallback>(json, token, expected);

    static T? Wrong<T>(JsonInput json, JToken token, string expected) where T : class
    {
        json.Fail(token, expected);
        return null;
    }
}
