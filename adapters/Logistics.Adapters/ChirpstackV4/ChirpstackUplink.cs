using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.ChirpstackV4;

/// <summary>
/// An <c>up</c> event (<c>UplinkEvent</c>): one event per reading of the uplink.
/// <list type="bullet">
/// <item>Time: <c>time</c>, which ChirpStack sets to the receiving gateway's GPS time when it has one, else the gateway's
/// clock when it is within the allowed drift, else the network server's clock; without <c>time</c>, the first gateway's
/// <c>nsTime</c> (the network server's receive time), then its <c>gwTime</c>. <c>rxInfo</c> is needed for nothing else: an uplink
/// without it is read the same. A reading with its own time (a decoded <c>time</c>, history records) keeps it.</item>
/// <item>Payload: the device's codec (<see cref="TranslationContext.CodecFor"/>, the device profile or <c>?codec=</c>) decodes
/// <c>data</c> (base64 FRMPayload); without one, the readings ChirpStack's own device-profile codec put in <c>object</c>
/// (<see cref="DecodedJsonReadings"/>); with neither, a rejection — readings we cannot read are quarantined for replay once a
/// codec is set, never dropped. An uplink with neither <c>data</c> nor <c>object</c> (MAC commands only) has nothing to read.</item>
/// <item>A non-empty <c>joinServerContext</c> means ChirpStack did not hold the AppSKey: <c>data</c> is still encrypted, and
/// decoding it would turn ciphertext into readings, so it is rejected.</item>
/// </list>
/// Source code: <c>fPort N</c> (<c>uplink</c> without one).
/// </summary>
internal static class ChirpstackUplink
{
    const string DataPath = "$.data";

    public static TranslationResult Translate(JObject up, Reference[] refs, string? deduplicationId, TranslationContext context, JsonInput json)
    {
        if (FrameTime(up, json) is not { } time) return json.Rejected();
        int? fPort = null;
        if (JsonInput.Member(up, "fPort") is { } fp)
        {
            if (fp is not JValue { Type: JTokenType.Integer, Value: long port } || port is < 0 or > 255)
                return json.RejectAt(fp, "a LoRaWAN FPort, an integer 0..255");
            fPort = (int)port;
        }
        var header = EventHeader.For(context, time, refs,
            fPort is { } p ? $"fPort {p.ToString(CultureInfo.InvariantCulture)}" : "uplink", deduplicationId);

        byte[]? payload = null;
        if (JsonInput.Member(up, "data") is { } dataToken)
        {
            if (dataToken.Type != JTokenType.String || !PayloadText.TryBase64((string)dataToken!, out var bytes))
                return json.RejectAt(dataToken, "base64 (RFC 4648) FRMPayload bytes");
            payload = bytes;
        }
        var decoded = json.Object(up, "object");
        if (json.Failed) return json.Rejected();
        if (payload is not { Length: > 0 } && decoded is null)
            return TranslationResult.Of([]);
        if (json.Object(up, "joinServerContext") is { HasValues: true } e2e)
            return json.RejectAt(e2e, "an uplink ChirpStack decrypted (a joinServerContext means the AppSKey is held elsewhere and data is still encrypted)");

        var device = refs[0];
        if (context.CodecFor(device.ToString()) is { } codecId)
        {
            if (payload is null)
                return TranslationResult.Reject(DataPath, $"base64 data for the {codecId} codec", "none");
            var events = new List<CanonicalEvent>();
            return CodecReadings.Add(codecId, payload, fPort, header, PositionMethods.Gnss, events, DataPath,
                b => $"{DataPath} byte {b.ToString(CultureInfo.InvariantCulture)}") is { } rejection
                ? new Rejected(rejection)
                : TranslationResult.Of(events);
        }
        if (decoded is not null)
        {
            var fromObject = DecodedJsonReadings.Translate(decoded, header, json, out _);
            if (fromObject is Rejected || fromObject is Translated { Events.Count: > 0 }) return fromObject;
        }
        return TranslationResult.Reject(DataPath,
            $"a payload codec for device {device.Value} (set the device profile's codec, e.g. ?codec=milesight) or a ChirpStack device-profile codec's object with readings",
            decoded is null ? "no codec and no object" : "no codec and no readings in object");
    }

    /// <summary><c>time</c>, else the first gateway's <c>nsTime</c>, then <c>gwTime</c>; null (recorded) when none is there or readable.</summary>
    static ResolvedTime? FrameTime(JObject up, JsonInput json)
    {
        if (JsonInput.Member(up, "time") is { } t) return ChirpstackV4Adapter.Time(t, json);
        if (json.Array(up, "rxInfo") is { Count: > 0 } rx && rx[0] is JObject gateway)
        {
            if (JsonInput.Member(gateway, "nsTime") is { } ns) return ChirpstackV4Adapter.Time(ns, json);
            if (JsonInput.Member(gateway, "gwTime") is { } gw) return ChirpstackV4Adapter.Time(gw, json);
        }
        json.Missing(up, "time", "the uplink's time (RFC 3339), or an rxInfo[0].nsTime");
        return null;
    }
}
