using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.TtsV3;

/// <summary>
/// The Things Stack v3 uplink webhook (TTN community and TTS clusters). One event per reading of the uplink.
/// <list type="bullet">
/// <item>Refs: <c>devEui</c> (upper-case 16 hex) then <c>deviceId</c>.</item>
/// <item>Time: <c>uplink_message.received_at</c> (the network server's clock, always NTP-synced), then the top-level
/// <c>received_at</c>, then <c>rx_metadata[0].time</c> — gateway clocks without GPS drift (the traccar sample's gateway
/// is six minutes off), so they come last. A reading with its own time (history records, LPP time, a
/// <c>decoded_payload.time</c>) keeps it.</item>
/// <item>Payload: the device's codec (<see cref="TranslationContext.CodecFor"/>) decodes <c>frm_payload</c>; without one,
/// the readings TTS's payload formatter put in <c>decoded_payload</c>; with neither, a rejection — readings we cannot
/// read are quarantined for replay once the device profile names a codec, never silently dropped. An uplink with no
/// payload at all has nothing to read and gives no events.</item>
/// <item>Positions TTS attached (<c>uplink_message.locations</c>) are added, see <see cref="TtsLocations"/>.</item>
/// </list>
/// Non-uplink messages (join accepts, downlink events, location_solved) carry no readings and are rejected.
/// </summary>
public sealed class TtsV3Adapter : IAdapter
{
    public const string AdapterId = "tts-v3";
    const string Document = "a JSON object (The Things Stack v3 webhook body)";
    const string FrmPayloadPath = "$.uplink_message.frm_payload";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Lpwan, ["TTN", "TTS"], InboundModes.Webhook,
        "The Things Stack v3 (TTN / TTS) uplink webhook: frm_payload via the device's codec, or decoded_payload");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        var result = Translate(root, context, json);
        return json.Failed ? json.Rejected() : result;
    }

    static TranslationResult Translate(JObject root, TranslationContext context, JsonInput json)
    {
        if (root["end_device_ids"] is not JObject ids)
            return Reject(json, root, "end_device_ids", "an object naming the end device (device_id, dev_eui)");
        if (json.String(ids, "device_id") is not { Length: > 0 } deviceId)
            return Reject(json, ids, "device_id", "the device id");
        string? devEui = null;
        if (JsonInput.Member(ids, "dev_eui") is { } euiToken)
        {
            // A DevEUI we cannot read must not be skipped: the readings would land in another device's stream.
            if (euiToken.Type != JTokenType.String || !DevEui.TryParse((string?)euiToken, out var eui, out _))
                return json.RejectAt(euiToken, "a DevEUI of 16 hex digits");
            devEui = eui.Value;
        }
        if (root["uplink_message"] is not JObject up)
        {
            json.Fail(JsonInput.PathOf(root, "uplink_message"),
                "an uplink_message (join_accept, downlink and location_solved messages carry no readings)", MessageKind(root));
            return json.Rejected();
        }

        if (FrameTime(root, up, json) is not { } time) return json.Rejected();

        Reference[] refs = devEui is null
            ? [new(RefSchemes.DeviceId, deviceId)]
            : [new(RefSchemes.DevEui, devEui), new(RefSchemes.DeviceId, deviceId)];
        int? fPort = null;
        if (JsonInput.Member(up, "f_port") is { } fp)
        {
            if (fp is not JValue { Type: JTokenType.Integer, Value: long port } || port is < 0 or > 255)
                return json.RejectAt(fp, "a LoRaWAN FPort, an integer 0..255");
            fPort = (int)port;
        }
        context = context with { Carrier = context.Carrier ?? Carrier(up) };
        var header = EventHeader.For(context, time, refs,
            fPort is { } p ? $"fPort {p.ToString(CultureInfo.InvariantCulture)}" : "uplink", CorrelationId(root));

        byte[]? payload = null;
        if (up["frm_payload"] is { } payloadToken)
        {
            if (payloadToken.Type != JTokenType.String || !PayloadText.TryBase64((string)payloadToken!, out var bytes))
            {
                json.Fail(FrmPayloadPath, "base64 (RFC 4648) bytes", "text that is not base64");
                return json.Rejected();
            }
            payload = bytes;
        }

        var decoded = up["decoded_payload"] as JObject;
        if (payload is not { Length: > 0 } && decoded is null)
        {
            // An empty uplink (a confirmation, an ADR/link check) carries no readings: nothing to lose, nothing to quarantine.
            var none = new List<CanonicalEvent>();
            TtsLocations.Add(up, header, payloadDecodedByCodec: false, none);
            return TranslationResult.Of(none);
        }
        if ((context.CodecFor(refs[0].ToString()) ?? (refs.Length > 1 ? context.CodecFor(refs[1].ToString()) : null)) is { } codecId)
        {
            var fromCodec = FromCodec(payload, codecId, fPort, header);
            if (fromCodec is not Translated t) return fromCodec;
            var events = t.Events.ToList();
            TtsLocations.Add(up, header, payloadDecodedByCodec: true, events);
            return TranslationResult.Of(events);
        }
        if (decoded is not null)
        {
            var fromDecoded = DecodedJsonReadings.Translate(decoded, header, json, out var decodedHeader);
            if (fromDecoded is Translated { Events.Count: > 0 } t)
            {
                var events = t.Events.ToList();
                TtsLocations.Add(up, decodedHeader, payloadDecodedByCodec: false, events);
                return TranslationResult.Of(events);
            }
            if (fromDecoded is Rejected) return fromDecoded;
        }
        return TranslationResult.Reject(FrmPayloadPath,
            $"a payload codec for device {devEui ?? deviceId} (set the device profile's codec, or ?codec=cayenne-lpp|milesight)",
            "no codec and no decoded_payload readings");
    }

    static TranslationResult FromCodec(byte[]? payload, string codecId, int? fPort, EventHeader header)
    {
        if (payload is null)
            return AdapterRegistry.Codec(codecId) is null
                ? TranslationResult.Reject(FrmPayloadPath, "a known payload codec", $"'{codecId}'")
                : TranslationResult.Reject(FrmPayloadPath, $"a base64 FRMPayload for the {codecId} codec", "none");
        var events = new List<CanonicalEvent>();
        return CodecReadings.Add(codecId, payload, fPort, header, PositionMethods.Gnss, events, FrmPayloadPath,
            b => $"{FrmPayloadPath} byte {b.ToString(CultureInfo.InvariantCulture)}") is { } rejection
            ? new Rejected(rejection)
            : TranslationResult.Of(events);
    }

    /// <summary>The network server's receive time, else the top-level one, else the first gateway's; null (rejected) when none parses.</summary>
    static ResolvedTime? FrameTime(JObject root, JObject up, JsonInput json)
    {
        if (up["received_at"] is { } t) return ParseTime(t, json);
        if (root["received_at"] is { } top) return ParseTime(top, json);
        if (up["rx_metadata"] is JArray { Count: > 0 } rx && rx[0] is JObject first && first["time"] is { } gateway)
            return ParseTime(gateway, json);
        json.Missing(up, "received_at", "the network server's receive time (RFC 3339)");
        return null;
    }

    /// <summary>An RFC 3339 time with offset ('Z' included) → explicit; TTS writes UTC with nanoseconds.</summary>
    static ResolvedTime? ParseTime(JToken t, JsonInput json) =>
        JsonInput.TryExplicitTime(t, out var time) ? time : json.Wrong<ResolvedTime?>(t, "an RFC 3339 time with offset (e.g. 2023-05-19T05:33:35.6Z)");

    static TranslationResult Reject(JsonInput json, JObject parent, string name, string expected) =>
        parent[name] is { Type: not JTokenType.Null } present ? json.RejectAt(present, expected) : json.RejectMissing(parent, name, expected);

    /// <summary>TTN is the community network (tenant "ttn"); any other tenant is a The Things Stack deployment.</summary>
    static string? Carrier(JObject up) =>
        up["network_ids"] is JObject n
            ? (n["tenant_id"] is { Type: JTokenType.String } tenant && (string)tenant! == "ttn" ? "TTN" : "TTS")
            : null;

    /// <summary>The application server's uplink correlation id ("as:up:…"): TTS's own id for this uplink.</summary>
    static string? CorrelationId(JObject root)
    {
        if (root["correlation_ids"] is not JArray c) return null;
        foreach (var id in c)
            if (id.Type == JTokenType.String && (string)id! is { } s && s.StartsWith("as:up:", StringComparison.Ordinal))
                return s;
        return null;
    }

    static string MessageKind(JObject root)
    {
        foreach (var p in root.Properties())
            if (p.Name is not ("end_device_ids" or "correlation_ids" or "received_at" or "unique_id"))
                return $"'{p.Name}'";
        return "no message";
    }
}
