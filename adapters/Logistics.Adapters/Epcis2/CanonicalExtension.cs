using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;
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

    internal static bool TryApply(JObject ext, string path, EpcisJson json, CanonicalEvent e, out CanonicalEvent result)
    {
        result = e;
        if (!json.TryOptionalString(ext, "kind", path, out var kind)) return false;
        if (kind is not null && kind != WireNames.Of(e.Kind))
            return json.Fail(path + ".kind", $"{WireNames.Of(e.Kind)} (what the event's standard fields describe)", ext["kind"]);
        if (!json.TryOptionalString(ext, "eventId", path, out var eventId)
            || !json.TryOptionalString(ext, "receivedAt", path, out var receivedAtText)
            || !json.TryOptionalString(ext, "offsetSource", path, out var offsetSourceText))
            return false;

        var receivedAt = e.ReceivedAt;
        if (receivedAtText is not null)
        {
            var parsed = InstantPattern.ExtendedIso.Parse(receivedAtText);
            if (!parsed.Success) return json.Fail(path + ".receivedAt", "an ISO-8601 UTC instant", ext["receivedAt"]);
            receivedAt = parsed.Value;
        }
        var offsetSource = e.OffsetSource;
        if (offsetSourceText is not null)
        {
            if (offsetSourceText is not ("explicit" or "inferred" or "assumed-utc"))
                return json.Fail(path + ".offsetSource", "explicit, inferred or assumed-utc", ext["offsetSource"]);
            offsetSource = WireNames.ParseOffsetSource(offsetSourceText);
        }
        if (!TrySource(ext, path, json, e.Source, out var source)
            || !TryRefs(ext, path, json, e.Refs, out var refs)
            || !TryLocation(ext, path, json, e.Location, out var location))
            return false;
        var flags = e.Flags;
        if (ext["flags"] is { } flagsToken)
        {
            var list = new List<string>();
            if (!json.TryStringArray(ext, "flags", path, list)) return false;
            flags = flagsToken.Type == JTokenType.Null ? e.Flags : list;
        }

        var restored = e with
        {
            EventId = eventId ?? e.EventId, ReceivedAt = receivedAt, OffsetSource = offsetSource, Source = source,
            Refs = refs, Location = location, Flags = flags,
        };
        return CanonicalExtensionDetails.TryApply(ext, path, json, restored, out result);
    }

    static bool TrySource(JObject ext, string path, EpcisJson json, EventSource current, out EventSource source)
    {
        source = current;
        if (ext["source"] is not { } token || token.Type == JTokenType.Null) return true;
        var sourcePath = path + ".source";
        if (token is not JObject o) return json.Fail(sourcePath, "an object", token);
        if (!json.TryOptionalString(o, "adapter", sourcePath, out var adapter)
            || !json.TryOptionalString(o, "carrier", sourcePath, out var carrier)
            || !json.TryOptionalString(o, "rawSha256", sourcePath, out var raw)
            || !json.TryOptionalString(o, "sourceCode", sourcePath, out var code)
            || !json.TryOptionalString(o, "sourceEventId", sourcePath, out var sourceEventId))
            return false;
        // Nullable members are written explicitly (null included), so what is written is exactly what comes back.
        source = new EventSource(adapter ?? current.Adapter, carrier, raw ?? current.RawSha256, code) { SourceEventId = sourceEventId };
        return true;
    }

    static bool TryRefs(JObject ext, string path, EpcisJson json, IReadOnlyList<Reference> current, out IReadOnlyList<Reference> refs)
    {
        refs = current;
        if (ext["refs"] is not { } token || token.Type == JTokenType.Null) return true;
        if (token is not JArray array) return json.Fail(path + ".refs", "an array of {scheme, value}", token);
        var list = new List<Reference>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var refPath = EpcisJson.Index(path, "refs", i);
            if (array[i] is not JObject o) return json.Fail(refPath, "a {scheme, value} object", array[i]);
            if (!json.TryOptionalString(o, "scheme", refPath, out var scheme) || !json.TryOptionalString(o, "value", refPath, out var value)) return false;
            if (scheme is null || value is null) return json.Fail(refPath, "a {scheme, value} object with both strings", o);
            list.Add(new Reference(scheme, value));
        }
        refs = list;
        return true;
    }

    static bool TryLocation(JObject ext, string path, EpcisJson json, Location? current, out Location? location)
    {
        location = current;
        if (ext["location"] is not { } token) return true;
        location = null;
        if (token.Type == JTokenType.Null) return true;
        var locationPath = path + ".location";
        if (token is not JObject o) return json.Fail(locationPath, "an object or null", token);
        if (!json.TryOptionalString(o, "unlocode", locationPath, out var unlocode)
            || !json.TryOptionalString(o, "name", locationPath, out var name)
            || !json.TryOptionalNumber(o, "lat", locationPath, out var lat)
            || !json.TryOptionalNumber(o, "lon", locationPath, out var lon))
            return false;
        location = new Location(unlocode, name, lat, lon);
        return true;
    }
}
