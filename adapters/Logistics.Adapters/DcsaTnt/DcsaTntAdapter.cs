using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// DCSA Track &amp; Trace: T&amp;T 2.2 events, event domain 3.1 <c>{metadata, payload}</c> events (with the Reefer and IoT
/// 1.0 betas) and T&amp;T 3.0 events. A body is one event, an array of events (GET responses and 2.x/3.1 callbacks) or
/// <c>{"events": [...]}</c> (3.0 POST/GET). TRANSPORT, EQUIPMENT, SHIPMENT and IOT events become milestones through
/// <c>status-map.json</c> (keys <c>TYPE/CODE</c>); REEFER events become measurements (<see cref="DcsaReefer"/>);
/// retracted events become retractions naming the withdrawn eventID; IoT location updates (<c>IOT/LOC</c>, the
/// status map's <c>positions</c> section) become positions at the event location's coordinates.
/// </summary>
public sealed class DcsaTntAdapter : IAdapter
{
    const string Document = "a DCSA event, an array of events or {\"events\": [...]}";
    static readonly StatusMap Map = StatusMap.Load("DcsaTnt");

    public AdapterInfo Info { get; } = new("dcsa-tnt", AdapterFamilies.Ocean, ["MAEU", "MSCU", "CMDU", "HLCU", "ONEY", "EGLV"],
        InboundModes.Webhook | InboundModes.Poll,
        "DCSA Track & Trace 2.2 / 3.x events (transport, equipment, shipment, reefer, IoT) from ocean carriers");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        var output = new List<CanonicalEvent>();
        foreach (var item in Events(json.Root, json))
        {
            var view = DcsaEventView.Read(item, json);
            if (json.Failed) break;
            TranslateEvent(view, context, json, output);
            if (json.Failed) break;
        }
        return json.Failed ? json.Rejected() : TranslationResult.Of(output);
    }

    static List<JObject> Events(JToken root, JsonInput json)
    {
        JArray list;
        switch (root)
        {
            case JArray array:
                list = array;
                break;
            case JObject o when o["events"] is not null:
                list = json.Array(o, "events") ?? [];
                break;
            case JObject o when o["eventID"] is not null || o["metadata"] is not null || o["eventType"] is not null || o["eventClassification"] is not null:
                return [o];
            default:
                json.Fail(root, Document);
                return [];
        }
        var events = new List<JObject>(list.Count);
        foreach (var item in list)
        {
            if (item is JObject o) events.Add(o);
            else json.Fail(item, "a DCSA event object");
        }
        return events;
    }

    static void TranslateEvent(DcsaEventView view, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        if (view.RetractedEventId is { } retracted)
        {
            output.Add(Retraction(view, retracted, context, json));
            return;
        }

        if (view.TypeCode(json) is not { } typeCode) return;
        var (code, codeHolder, codeName) = typeCode;
        // Paths are built only for a rejection: JToken.Path walks the tree and would dominate the happy path.
        if (code is null)
        {
            json.Missing(codeHolder, codeName, $"the {view.EventType} event type code");
            return;
        }
        var key = view.EventType + "/" + code;
        var classifier = Classifier(view, json);
        var header = Header(view, key, context, json);
        if (json.Failed) return;

        if (view.EventType == "REEFER")
        {
            DcsaReefer.Translate(view, code, () => JsonInput.PathOf(codeHolder, codeName), header, json, output);
            return;
        }
        if (Map.Section("positions").TryGetValue(key, out var method))
        {
            if (header.Location is not { Lat: { } lat, Lon: { } lon })
            {
                json.Fail(JsonInput.PathOf(view.Body, "eventLocation"), $"the coordinates of the {key} (location update) event", "none");
                return;
            }
            // The fix is the event itself: the location keeps only what the coordinates do not say.
            var place = header.Location is { Unlocode: null, Name: null } ? null : header.Location with { Lat = null, Lon = null };
            output.Add((header with { Location = place }).Position(new PositionDetail(lat, lon, null, method)));
            return;
        }
        if (!Map.TryMap(key, out var milestone))
        {
            json.Fail(JsonInput.PathOf(codeHolder, codeName), $"a code for {view.EventType} events listed in dcsa-tnt status-map.json", $"'{code}'");
            return;
        }
        output.Add(header.Milestone(milestone, classifier));
    }

    static EventHeader Header(DcsaEventView view, string sourceCode, TranslationContext context, JsonInput json)
    {
        var location = DcsaSubject.LocationOf(view.Body, json);
        var time = DcsaTime.Resolve(view.Body, "eventDateTime", location?.Unlocode, json);
        var refs = DcsaSubject.Refs(view.Body, json);
        if (refs.Count == 0)
            json.Fail(JsonInput.PathOf(view.Item), "an event naming an equipment, booking, transport document or vessel IMO number", "none of them");
        return EventHeader.For(context, time, refs, sourceCode, view.EventId) with { Location = location };
    }

    static CanonicalEvent Retraction(DcsaEventView view, string retractedId, TranslationContext context, JsonInput json)
    {
        var (parent, name) = view.RetractionTime!.Value;
        var time = DcsaTime.Resolve(parent, name, null, json);
        var refs = DcsaSubject.Refs(view.Body, json);
        if (refs.Count == 0) refs.Add(new Reference(RefSchemes.SourceEvent, retractedId));
        var header = EventHeader.For(context, time, refs, sourceEventId: view.EventId) with { Location = DcsaSubject.LocationOf(view.Body, json) };
        return header.Retraction(new RetractionDetail(retractedId, json.Text(view.Body, "reason")));
    }

    /// <summary>ACT/EST/PLN (2.2, 3.1) or ACTUAL/ESTIMATED/PLANNED (3.0). Shipment, reefer and IoT events are actual by definition.</summary>
    static TimeClassifier Classifier(DcsaEventView view, JsonInput json)
    {
        var (code, holder, name) = view.ClassifierCode(json);
        switch (code)
        {
            case "ACT" or "ACTUAL": return TimeClassifier.ACT;
            case "EST" or "ESTIMATED": return TimeClassifier.EST;
            case "PLN" or "PLANNED": return TimeClassifier.PLN;
            case null when view.EventType is "SHIPMENT" or "REEFER" or "IOT": return TimeClassifier.ACT;
            default:
                json.Fail(JsonInput.PathOf(holder, name), "an eventClassifierCode of ACT, EST or PLN", code is null ? "nothing" : $"'{code}'");
                return TimeClassifier.ACT;
        }
    }
}
