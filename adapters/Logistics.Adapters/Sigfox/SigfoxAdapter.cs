using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Sigfox;

/// <summary>
/// Sigfox backend callbacks with a JSON body: DATA (UPLINK/BIDIR) and SERVICE DATA_ADVANCED. A DATA body is a template the
/// customer writes in the Sigfox backend (<c>{"device": "{device}", "time": {time}, "data": "{data}", …}</c>), so names and
/// quoting vary; what is read, see <see cref="SigfoxCallback"/>.
/// <list type="bullet">
/// <item>Refs: <c>deviceId</c>, the Sigfox device id (hex, upper-case).</item>
/// <item>Time: <c>time</c>, the Sigfox "GMT timestamp corresponding to the message reception time" (epoch seconds): network
/// time. A reading with its own time (a codec's history record) keeps it.</item>
/// <item>Payload: <c>data</c> (hex, up to 12 bytes) is device-specific: the device's codec decodes it
/// (<see cref="TranslationContext.CodecFor"/> — the device profile, or <c>?codec=</c>; e.g. <c>sensit-v3</c>).</item>
/// <item><c>computedLocation</c> (DATA_ADVANCED, Sigfox Atlas): a position computed by the network, method <c>carrier</c>, accuracy
/// = <c>radius</c> in metres; only when its <c>status</c> is 1 (or absent with a lat/lng).</item>
/// <item>A duplicate (the same message through another base station: <c>duplicate: true</c>; or the <c>duplicates</c> list of
/// DATA_ADVANCED) is the same message: the events and their ids are the same, so the store keeps them once.</item>
/// <item>No codec: the computed location alone is emitted (the payload also arrives in the DATA callback, where it is rejected
/// until the device profile names a codec); with neither, a rejection naming the payload.</item>
/// </list>
/// The base station's <c>lat</c>/<c>lng</c> (rounded to whole degrees) and the device settings' <c>fixedLat</c>/<c>fixedLng</c> are not
/// observations of the device and are not read.
/// </summary>
public sealed class SigfoxAdapter : IAdapter
{
    public const string AdapterId = "sigfox";
    const string Document = "a Sigfox callback body";

    public AdapterInfo Info { get; } = new(AdapterId, AdapterFamilies.Lpwan, ["Sigfox"], InboundModes.Webhook,
        "Sigfox backend DATA and DATA_ADVANCED callbacks (JSON): data via the device's codec (sensit-v3, …), Atlas computedLocation");

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
        if (SigfoxCallback.Read(root, json) is not { } callback) return json.Rejected();
        context = context with { Carrier = context.Carrier ?? "Sigfox" };
        var time = ResolvedTime.ExplicitUtc(Instant.FromUnixTimeSeconds(callback.Time));
        var header = EventHeader.For(context, time, [callback.Device], callback.Advanced ? "data advanced" : "data",
            callback.SeqNumber is { } seq ? $"seq {seq}" : null);

        var events = new List<CanonicalEvent>(4);
        var codecId = context.CodecFor(callback.Device.ToString());
        if (codecId is not null && callback.Payload is { Length: > 0 } payload)
        {
            if (CodecReadings.Add(codecId, payload, null, header, PositionMethods.Gnss, events, SigfoxCallback.DataPath,
                    b => $"{SigfoxCallback.DataPath} byte {b.ToString(CultureInfo.InvariantCulture)}") is { } rejection)
                return new Rejected(rejection);
        }
        if (callback.ComputedLocation is { } fix)
            events.Add(header.Position(new PositionDetail(fix.Lat, fix.Lon, fix.RadiusM, PositionMethods.Carrier)));
        if (events.Count > 0 || (codecId is not null && callback.Payload is { Length: > 0 })) return TranslationResult.Of(events);

        return callback.Payload is { Length: > 0 }
            ? TranslationResult.Reject(SigfoxCallback.DataPath,
                $"a payload codec for Sigfox device {callback.Device.Value} (set the device profile's codec, e.g. ?codec=sensit-v3)",
                $"{callback.Payload.Length} bytes and no codec")
            : TranslationResult.Reject("$", "data (hex) or a computedLocation with a position", "neither");
    }
}
