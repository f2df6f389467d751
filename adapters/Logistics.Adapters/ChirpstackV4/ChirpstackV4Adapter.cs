using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.ChirpstackV4;

/// <summary>
/// ChirpStack v4 integration events: the JSON the HTTP integration POSTs (and the MQTT, AMQP… integrations publish), the
/// Protocol Buffers JSON mapping of <c>integration.proto</c>. The HTTP integration posts every event type to the same URL
/// and names it only in the <c>event</c> query parameter, which does not reach the adapter, so the type is told from the
/// body (<see cref="ChirpstackEvents"/>).
/// <list type="bullet">
/// <item><c>up</c>: readings of the uplink, see <see cref="ChirpstackUplink"/>.</item>
/// <item><c>status</c> and <c>location</c>: the device's reported battery level and a geolocation resolver's position,
/// see <see cref="ChirpstackDeviceEvents"/>.</item>
/// <item><c>join</c>, <c>ack</c>, <c>txack</c>, <c>log</c>, <c>integration</c>: no readings, so no events — they are not bad input
/// (one URL receives them all), and quarantining each join or downlink acknowledgement would bury the real rejects.</item>
/// </list>
/// Refs: <c>devEui</c> (<c>deviceInfo.devEui</c>, upper-case). Source event id: <c>deduplicationId</c>.
/// </summary>
public sealed class ChirpstackV4Adapter : IAdapter
{
    public const string AdapterId = "chirpstack-v4";
    const string Document = "a ChirpStack v4 integration event";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Lpwan, [], InboundModes.Webhook,
        "ChirpStack v4 integration events (HTTP/MQTT JSON): uplink data via the device's codec or ChirpStack's decoded object, status battery, location");

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
        var kind = ChirpstackEvents.KindOf(root);
        if (kind is null)
            return TranslationResult.Reject("$", "a ChirpStack v4 integration event (up, status, location, join, ack, txack, log or integration)",
                "an object with none of their members");
        if (kind.Value.CarriesNoReadings())
            return TranslationResult.Of([]);

        if (json.Object(root, "deviceInfo") is not { } deviceInfo)
            return json.Failed ? json.Rejected() : json.RejectMissing(root, "deviceInfo", "the device (deviceInfo with devEui)");
        var euiToken = JsonInput.Member(deviceInfo, "devEui");
        if (euiToken is null) return json.RejectMissing(deviceInfo, "devEui", "the device's DevEUI");
        // A DevEUI we cannot read must not be guessed: the readings would land in another device's stream.
        if (euiToken.Type != JTokenType.String || !DevEui.TryParse((string?)euiToken, out var devEui, out _))
            return json.RejectAt(euiToken, "a DevEUI of 16 hex digits");
        Reference[] refs = [devEui.ToReference()];
        var deduplicationId = json.Text(root, "deduplicationId");

        return kind switch
        {
            ChirpstackEventKind.Up => ChirpstackUplink.Translate(root, refs, deduplicationId, context, json),
            ChirpstackEventKind.Status => ChirpstackDeviceEvents.Status(root, Header(root, refs, "status", deduplicationId, context, json), json),
            _ => ChirpstackDeviceEvents.Location(root, Header(root, refs, "location", deduplicationId, context, json), json),
        };
    }

    /// <summary>The header at the event's <c>time</c>; null (recorded) when it is missing or unreadable.</summary>
    static EventHeader? Header(JObject root, Reference[] refs, string sourceCode, string? deduplicationId, TranslationContext context, JsonInput json) =>
        EventTime(root, json) is { } time ? EventHeader.For(context, time, refs, sourceCode, deduplicationId) : null;

    /// <summary>The event's <c>time</c> (RFC 3339 with offset); a missing or unreadable one is recorded in <paramref name="json"/>.</summary>
    internal static ResolvedTime? EventTime(JObject root, JsonInput json)
    {
        if (JsonInput.Member(root, "time") is not { } t)
        {
            json.Missing(root, "time", "the event time (RFC 3339)");
            return null;
        }
        return Time(t, json);
    }

    internal static ResolvedTime? Time(JToken t, JsonInput json) =>
        JsonInput.TryExplicitTime(t, out var time) ? time : json.Wrong<ResolvedTime?>(t, "an RFC 3339 time with offset (e.g. 2022-07-18T09:34:15.775023242+00:00)");
}
