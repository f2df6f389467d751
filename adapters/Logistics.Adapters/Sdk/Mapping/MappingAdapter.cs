using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Logistics.Canonical.Units;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>
/// The engine behind every data-only adapter: runs a <see cref="MappingDefinition"/> over a JSON document. Each rule's
/// selector finds the source events; each becomes one canonical event (a milestone through its code table, a
/// measurement, a position) with its time (format and zone rule), references and place. Pure, like every adapter; what
/// does not fit the mapping — a document without the events' container, a code its table does not list, a time not in
/// its format, a value of the wrong type, an event naming nothing — is a rejection with the JSON path, never an exception.
/// </summary>
public sealed class MappingAdapter(MappingDefinition definition) : IAdapter
{
    public AdapterInfo Info => definition.Info;

    public MappingDefinition Definition => definition;

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, definition.Document);
        if (json.Failed) return json.Rejected();
        var root = json.Root;
        if (context.Carrier is null && definition.Carrier is { } carrierSpec && Read(carrierSpec, root, root, json) is { Text: { } carrier })
            context = context with { Carrier = carrier };

        var events = new List<CanonicalEvent>();
        var applies = false;
        foreach (var rule in definition.Rules)
        {
            var matches = rule.Select.Select(root, root);
            applies |= matches.Count > 0 || (rule.Select.FixedPrefix() is { } prefix && prefix.First(root, root) is not null);
            foreach (var match in matches)
            {
                if (match is not JObject evt) return json.RejectAt(match, "an event object");
                if (Event(rule, root, evt, context, json) is { } e) events.Add(e);
                if (json.Failed) return json.Rejected();
            }
        }
        if (!applies)
        {
            var first = definition.Rules[0].Select;
            json.Fail((first.FixedPrefix() ?? first).Text, definition.Document, "nothing there");
            return json.Rejected();
        }
        return TranslationResult.Of(events);
    }

    CanonicalEvent? Event(EventRule rule, JToken root, JObject evt, TranslationContext context, JsonInput json)
    {
        var (location, zone) = Place(rule.Location, root, evt, json);
        var time = Time(rule.Time, root, evt, zone, json);
        var refs = Refs(rule.Refs, root, evt, json);
        var sourceEventId = rule.SourceEventId is { } idSpec ? Read(idSpec, root, evt, json)?.Text : null;
        if (json.Failed || time is not { } t) return null;
        if (refs.Count == 0)
        {
            json.Fail(JsonInput.PathOf(evt), $"an event naming its {string.Join(" or ", rule.Refs.Select(r => r.Scheme).Distinct())}", "none");
            return null;
        }

        switch (rule.Kind)
        {
            case RuleKind.Milestone:
                var code = Read(rule.Code!, root, evt, json, lookup: false);
                if (json.Failed) return null;
                if (code?.Text is not { } raw)
                {
                    json.Fail(rule.Code!.WhereMissing(evt), "the status code", "nothing");
                    return null;
                }
                var table = definition.Tables[rule.Code!.Table!];
                if (!table.TryGetValue(raw, out var milestone))
                {
                    json.Fail(code.At is { } at ? JsonInput.PathOf(at) : JsonInput.PathOf(evt),
                        $"a status code listed in {Info.Id} mapping.json tables.{rule.Code.Table}", "\"" + raw + "\"");
                    return null;
                }
                if (milestone is null) return null; // listed with no milestone: informational, deliberately not an event
                var classifier = rule.Classifier is { } c ? Read(c, root, evt, json)?.Text ?? "ACT" : "ACT";
                if (!Enum.TryParse<TimeClassifier>(classifier, out var k) || !Vocabulary.Classifiers.Contains(classifier))
                {
                    json.Fail(JsonInput.PathOf(evt), "a classifier ACT, EST or PLN", "\"" + classifier + "\"");
                    return null;
                }
                return Header(context, t, refs, raw, sourceEventId, location).Milestone(milestone, k);
            case RuleKind.Measurement:
                return Measurement(rule.Measurement!, root, evt, json) is { } m
                    ? Header(context, t, refs, m.Type, sourceEventId, location).Measurement(m)
                    : null;
            default:
                return Position(rule.Position!, root, evt, json) is { } p
                    ? Header(context, t, refs, null, sourceEventId, location).Position(p)
                    : null;
        }
    }

    static EventHeader Header(TranslationContext context, ResolvedTime time, IReadOnlyList<Reference> refs, string? code, string? sourceEventId, Location? location) =>
        EventHeader.For(context, time, refs, code, sourceEventId) with { Location = location };

    /// <summary>A read value: its text (after the table, if any) and the token it came from.</summary>
    sealed record Value(string? Text, JToken? At);

    /// <summary>
    /// The value of a spec: the constant, or the joined text of the first match of each path, then its table (unless
    /// <paramref name="lookup"/> is false); the default when nothing is there. Null when absent or rejected.
    /// </summary>
    Value? Read(ValueSpec spec, JToken root, JToken evt, JsonInput json, bool lookup = true)
    {
        if (spec.Constant is { } constant) return new Value(constant, null);
        string? text = null;
        JToken? at = null;
        foreach (var path in spec.Paths)
        {
            if (path.First(root, evt) is not { } token) continue;
            at ??= token;
            if (json.Text(token) is not { } raw || Matched(spec, raw) is not { } part) continue;
            text = text is null ? part : text + spec.Join + part;
            if (spec.FirstFound) break;
        }
        if (text is null) return spec.Default is { } d ? new Value(d, at) : null;
        return lookup ? Lookup(spec, text, at, json) : new Value(text, at);
    }

    /// <summary>The text, or the part of it the spec's regular expression picks (its first group); null when it does not match.</summary>
    static string? Matched(ValueSpec spec, string text)
    {
        if (spec.Match is not { } regex) return text;
        var m = regex.Match(text);
        if (!m.Success) return null;
        var value = (m.Groups.Count > 1 ? m.Groups[1].Value : m.Value).Trim();
        return value.Length == 0 ? null : value;
    }

    Value? Lookup(ValueSpec spec, string text, JToken? at, JsonInput json)
    {
        if (spec.Table is null) return new Value(text, at);
        if (definition.Tables[spec.Table].TryGetValue(text, out var mapped)) return new Value(mapped, at);
        if (spec.KeepUnknown) return new Value(text, at);
        json.Fail(at is null ? "$" : JsonInput.PathOf(at), $"a value listed in {Info.Id} mapping.json tables.{spec.Table}", "\"" + text + "\"");
        return null;
    }

    double? Number(ValueSpec spec, JToken root, JToken evt, JsonInput json)
    {
        if (spec.Constant is { } constant)
            return double.TryParse(constant, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var c) ? c : null;
        foreach (var path in spec.Paths)
            if (path.First(root, evt) is { } token)
                return json.NumberOrString(token);
        return spec.Default is { } d && double.TryParse(d, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;
    }

    List<Reference> Refs(IReadOnlyList<RefSpec> specs, JToken root, JObject evt, JsonInput json)
    {
        var refs = new List<Reference>(specs.Count);
        foreach (var spec in specs)
        {
            if (spec.Value.Constant is { } constant) Add(refs, new Reference(spec.Scheme, constant));
            var before = refs.Count;
            foreach (var path in spec.Value.Paths)
            {
                foreach (var token in path.Select(root, evt))
                    if (json.Text(token) is { } raw && Matched(spec.Value, raw) is { } text && Lookup(spec.Value, text, token, json)?.Text is { } value)
                        Add(refs, new Reference(spec.Scheme, value));
                if (spec.Value.FirstFound && refs.Count > before) break;
            }
        }
        return refs;
    }

    static void Add(List<Reference> refs, Reference r)
    {
        if (!refs.Contains(r)) refs.Add(r);
    }

    (Location? Location, ZoneHint Zone) Place(LocationSpec? spec, JToken root, JObject evt, JsonInput json)
    {
        if (spec is null) return (null, ZoneHint.None);
        string? Text(ValueSpec? v) => v is null ? null : Read(v, root, evt, json)?.Text;
        var unlocode = Text(spec.Unlocode);
        var iata = Text(spec.Iata);
        var name = Text(spec.Name);
        var zone = new ZoneHint(unlocode, iata, Text(spec.City), Text(spec.Region), Text(spec.Country));
        var lat = spec.Lat is null ? null : Number(spec.Lat, root, evt, json);
        var lon = spec.Lon is null ? null : Number(spec.Lon, root, evt, json);
        if (lat is < -90 or > 90 || lon is < -180 or > 180 || (lat is null != lon is null))
        {
            json.Fail(JsonInput.PathOf(evt), "a place with both latitude (-90..90) and longitude (-180..180), or neither",
                $"{lat?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no latitude"}, {lon?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no longitude"}");
            return (null, zone);
        }
        return unlocode is null && name is null && lat is null ? (null, zone) : (new Location(unlocode, name, lat, lon), zone);
    }

    ResolvedTime? Time(TimeSpec spec, JToken root, JObject evt, ZoneHint zone, JsonInput json)
    {
        var value = Read(spec.Value, root, evt, json);
        if (json.Failed) return null;
        if (value?.Text is not { } text)
        {
            json.Fail(spec.Value.WhereMissing(evt), $"the event time ({spec.FormatText})", "nothing");
            return null;
        }
        Offset? offset = null;
        if (spec.Offset is { } offsetSpec && Read(offsetSpec, root, evt, json) is { Text: { } offsetText } written)
        {
            if (!MappingTime.TryOffset(offsetText, out var o))
            {
                json.Fail(written.At is { } bad ? JsonInput.PathOf(bad) : JsonInput.PathOf(evt), "a UTC offset such as -06:00, +0100 or Z", "\"" + offsetText + "\"");
                return null;
            }
            offset = o;
        }
        var resolved = MappingTime.Parse(spec, text, offset, zone);
        if (resolved is null && !json.Failed)
            json.Fail(value.At is { } at ? JsonInput.PathOf(at) : JsonInput.PathOf(evt), $"a time in the format {spec.FormatText}", "\"" + text + "\"");
        return resolved;
    }

    MeasurementDetail? Measurement(MeasurementSpec spec, JToken root, JObject evt, JsonInput json)
    {
        var type = Read(spec.Type, root, evt, json);
        var value = Number(spec.Value, root, evt, json);
        var unit = Read(spec.Unit, root, evt, json);
        var sensor = spec.Sensor is { } s ? Read(s, root, evt, json)?.Text : null;
        if (json.Failed) return null;
        if (type?.Text is not { } t || !MeasurementTypes.All.Contains(t))
        {
            json.Fail(type?.At is { } at ? JsonInput.PathOf(at) : spec.Type.WhereMissing(evt), $"a measurement type ({string.Join(", ", MeasurementTypes.All)})", type?.Text is { } x ? "\"" + x + "\"" : "nothing");
            return null;
        }
        if (value is not { } v)
        {
            json.Fail(spec.Value.WhereMissing(evt), "the reading's value", "nothing");
            return null;
        }
        var error = "nothing";
        if (unit?.Text is not { } u || !UnitConversion.TryToCanonical(t, v, u, out var canonical, out var originalUnit, out error))
        {
            json.Fail(unit?.At is { } at ? JsonInput.PathOf(at) : spec.Unit.WhereMissing(evt), $"the unit of a {t} reading", error);
            return null;
        }
        return new MeasurementDetail(t, canonical.Value, canonical.Unit, v, originalUnit, sensor);
    }

    PositionDetail? Position(PositionSpec spec, JToken root, JObject evt, JsonInput json)
    {
        var lat = Number(spec.Lat, root, evt, json);
        var lon = Number(spec.Lon, root, evt, json);
        var accuracy = spec.Accuracy is { } a ? Number(a, root, evt, json) : null;
        if (json.Failed) return null;
        if (lat is not (>= -90 and <= 90) || lon is not (>= -180 and <= 180))
        {
            json.Fail(spec.Lat.WhereMissing(evt), "a latitude (-90..90) and a longitude (-180..180) in decimal degrees",
                FormattableString.Invariant($"{lat?.ToString() ?? "no latitude"}, {lon?.ToString() ?? "no longitude"}"));
            return null;
        }
        return new PositionDetail(lat.Value, lon.Value, accuracy is > 0 ? accuracy : null, spec.Method);
    }
}
