using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime.Text;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// The <c>lgx:canonical</c> extension field our EPCIS export writes on each event: what EPCIS has no place for, so that
/// reading our own export gives back the same canonical events. It carries identity and provenance (eventId,
/// receivedAt, offsetSource, source, flags), the exact refs and location, and kind details EPCIS cannot say
/// (classifier; originalValue/originalUnit/sensor; method/speed/heading; alarm type/sensor/description).
/// Time, milestone code, values, units, positions and association parent/child always come from the standard fields.
/// See Epcis2/README.md.
/// </summary>
public static class CanonicalExtension
{
    public const string Property = EpcisVocabulary.Prefix + ":canonical";
    public const string PropertyIri = EpcisVocabulary.Namespace + "canonical";

    public static JObject? Find(JObject evt) => (evt[Property] ?? evt[PropertyIri]) as JObject;

    internal static bool TryApply(JObject ext, JsonInput json, CanonicalEvent e, out CanonicalEvent result)
    {
        result = e;
        var kind = json.String(ext, "kind");
        if (json.Failed) return false;
        if (kind is not null && kind != WireNames.Of(e.Kind))
            return json.Fail(ext["kind"]!, $"{WireNames.Of(e.Kind)} (what the event's standard fields describe)");
        var eventId = json.String(ext, "eventId");
        var receivedAtText = json.String(ext, "receivedAt");
        var offsetSourceText = json.String(ext, "offsetSource");
        if (json.Failed) return false;

        var receivedAt = e.ReceivedAt;
        if (receivedAtText is not null)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(receivedAtText);
            if (!parsed.Success) return json.Fail(ext["receivedAt"]!, "an ISO-8601 UTC instant");
            receivedAt = parsed.Value;
        }
        var offsetSource = e.OffsetSource;
        if (offsetSourceText is not null)
        {
            if (offsetSourceText is not ("explicit" or "inferred" or "assumed-utc"))
                return json.Fail(ext["offsetSource"]!, "explicit, inferred or assumed-utc");
            offsetSource = WireNames.ParseOffsetSource(offsetSourceText);
        }
        if (!TrySource(ext, json, e.Source, out var source)
            || !TryRefs(ext, json, e.Refs, out var refs)
            || !TryLocation(ext, json, e.Location, out var location))
            return false;
        var flags = e.Flags;
        if (ext["flags"] is { } flagsToken)
        {
            var list = new List<string>();
            if (!json.Strings(ext, "flags", list, "a flag string")) return false;
            flags = flagsToken.Type == JTokenType.Null ? e.Flags : list;
        }

        var restored = e with
        {
            EventId = eventId ?? e.EventId, ReceivedAt = receivedAt, OffsetSource = offsetSource, Source = source,
            Refs = refs, Location = location, Flags = flags,
        };
        return CanonicalExtensionDetails.TryApply(ext, json, restored, out result);
    }

    static bool TrySource(JObject ext, JsonInput json, EventSource current, out EventSource source)
    {
        source = current;
        if (JsonInput.Member(ext, "source") is not { } token) return true;
        if (token is not JObject o) return json.Fail(token, "an object");
        var adapter = json.String(o, "adapter");
        var carrier = json.String(o, "carrier");
        var raw = json.String(o, "rawSha256");
        var code = json.String(o, "sourceCode");
        var sourceEventId = json.String(o, "sourceEventId");
        if (json.Failed) return false;
        // Nullable members are written explicitly (null included), so what is written is exactly what comes back.
        source = new EventSource(adapter ?? current.Adapter, carrier, raw ?? current.RawSha256, code) { SourceEventId = sourceEventId };
        return true;
    }

    static bool TryRefs(JObject ext, JsonInput json, IReadOnlyList<Reference> current, out IReadOnlyList<Reference> refs)
    {
        refs = current;
        if (JsonInput.Member(ext, "refs") is not { } token) return true;
        if (token is not JArray array) return json.Fail(token, "an array of {scheme, value}");
        var list = new List<Reference>(array.Count);
        foreach (var item in array)
        {
            if (item is not JObject o) return json.Fail(item, "a {scheme, value} object");
            var scheme = json.String(o, "scheme");
            var value = json.String(o, "value");
            if (json.Failed) return false;
            if (scheme is null || value is null) return json.Fail(o, "a {scheme, value} object with both strings");
            list.Add(new Reference(scheme, value));
        }
        refs = list;
        return true;
    }

    static bool TryLocation(JObject ext, JsonInput json, Location? current, out Location? location)
    {
        location = current;
        if (ext["location"] is not { } token) return true;
        location = null;
        if (token.Type == JTokenType.Null) return true;
        if (token is not JObject o) return json.Fail(token, "an object or null");
        var unlocode = json.String(o, "unlocode");
        var name = json.String(o, "name");
        var lat = json.Number(o, "lat");
        var lon = json.Number(o, "lon");
        if (json.Failed) return false;
        location = new Location(unlocode, name, lat, lon);
        return true;
    }
}
