using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// DCSA Track &amp; Trace: T&amp;T 2.2 events, event domain 3.1 <c>{metadata, payload}</c> events (with the Reefer and IoT
/// 1.0 betas) and T&amp;T 3.0 events. A body is one event, an array of events (GET responses and 2.x/3.1 callbacks) or
/// <c>{"events": [...]}</c> (3.0 POST/GET). TRANSPORT, EQUIPMENT, SHIPMENT and IOT events become milestones through
/// <c>status-map.json</c> (keys <c>TYPE/CODE</c>); REEFER events become measurements (<see cref="DcsaReefer"/>);
/// retracted events become retractions naming the withdrawn eventID.
/// </summary>
public sealed class DcsaTntAdapter : IAdapter
{
    static readonly StatusMap Map = StatusMap.Load("DcsaTnt");

    public AdapterInfo Info { get; } = new("dcsa-tnt", AdapterFamilies.Ocean, ["MAEU", "MSCU", "CMDU", "HLCU", "ONEY", "EGLV"],
        InboundModes.Webhook | InboundModes.Poll,
        "DCSA Track & Trace 2.2 / 3.x events (transport, equipment, shipment, reefer, IoT) from ocean carriers");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        JToken root;
        try
        {
            root = DcsaJson.Parse(raw.Span);
        }
        catch (JsonReaderException ex)
        {
            // Binary garbage puts control characters in the parser's message; the rejection must stay one printable line.
            var sentence = new string(ex.Message.Split(". Path", 2)[0].Select(c => char.IsControl(c) ? '?' : c).ToArray());
            return TranslationResult.Reject($"{DcsaJson.PathOf(ex.Path ?? "")} (line {ex.LineNumber}, position {ex.LinePosition})", "well-formed JSON", sentence);
        }

        try
        {
            var output = new List<CanonicalEvent>();
            foreach (var item in Events(root))
                TranslateEvent(DcsaEventView.Read(item), context, output);
            return TranslationResult.Of(output);
        }
        catch (DcsaInputException ex)
        {
            return TranslationResult.Reject(ex.Position, ex.Expected, ex.Found);
        }
    }

    static IEnumerable<JObject> Events(JToken root)
    {
        JArray list;
        switch (root)
        {
            case JArray array:
                list = array;
                break;
            case JObject o when o["events"] is not null:
                list = DcsaJson.Arr(o, "events") ?? [];
                break;
            case JObject o when o["eventID"] is not null || o["metadata"] is not null || o["eventType"] is not null || o["eventClassification"] is not null:
                return [o];
            default:
                throw new DcsaInputException("$", "a DCSA event, an array of events or {\"events\": [...]}", DcsaJson.Describe(root));
        }
        var events = new List<JObject>(list.Count);
        foreach (var item in list)
            events.Add(item as JObject ?? throw new DcsaInputException(DcsaJson.PathOf(item), "a DCSA event object", DcsaJson.Describe(item)));
        return events;
    }

    static void TranslateEvent(DcsaEventView view, TranslationContext context, List<CanonicalEvent> output)
    {
        if (view.RetractedEventId is { } retracted)
        {
            output.Add(Retraction(view, retracted, context));
            return;
        }

        var (code, codeHolder, codeName) = view.TypeCode();
        // Paths are built only for a rejection: JToken.Path walks the tree and would dominate the happy path.
        if (code is null)
            throw new DcsaInputException(DcsaJson.PathOf(codeHolder, codeName), $"the {view.EventType} event type code", "nothing");
        var key = view.EventType + "/" + code;
        var classifier = Classifier(view);
        var frame = Frame(view, key, context, classifier);

        if (view.EventType == "REEFER")
        {
            DcsaReefer.Translate(view, code, () => DcsaJson.PathOf(codeHolder, codeName), frame, output);
            return;
        }
        if (!Map.TryMap(key, out var milestone))
            throw new DcsaInputException(DcsaJson.PathOf(codeHolder, codeName), $"a code for {view.EventType} events listed in dcsa-tnt status-map.json", $"'{code}'");
        output.Add(frame.Milestone(milestone, classifier));
    }

    static EventFrame Frame(DcsaEventView view, string sourceCode, TranslationContext context, TimeClassifier classifier)
    {
        var location = DcsaSubject.LocationOf(view.Body);
        var time = DcsaTime.Resolve(view.Body, "eventDateTime", location?.Unlocode);
        var refs = DcsaSubject.Refs(view.Body);
        if (refs.Count == 0)
            throw new DcsaInputException(DcsaJson.PathOf(view.Item), "an event naming an equipment, booking, transport document or vessel IMO number", "none of them");
        // Estimates and plans lie in the future by nature; only actual times are checked against the clock.
        var flags = classifier == TimeClassifier.ACT ? ClockChecks.Flags(time.Utc, context.ReceivedAt) : [];
        return new EventFrame(time, context.ReceivedAt, context.SourceFor(sourceCode, view.EventId), refs, location, flags);
    }

    static CanonicalEvent Retraction(DcsaEventView view, string retractedId, TranslationContext context)
    {
        var (parent, name) = view.RetractionTime!.Value;
        var time = DcsaTime.Resolve(parent, name, null);
        var refs = DcsaSubject.Refs(view.Body);
        if (refs.Count == 0) refs.Add(new Reference(DcsaSubject.SourceEventScheme, retractedId));
        var frame = new EventFrame(time, context.ReceivedAt, context.SourceFor(null, view.EventId), refs,
            DcsaSubject.LocationOf(view.Body), ClockChecks.Flags(time.Utc, context.ReceivedAt));
        return frame.Retraction(new RetractionDetail(retractedId, DcsaJson.Str(view.Body, "reason")));
    }

    /// <summary>ACT/EST/PLN (2.2, 3.1) or ACTUAL/ESTIMATED/PLANNED (3.0). Shipment, reefer and IoT events are actual by definition.</summary>
    static TimeClassifier Classifier(DcsaEventView view)
    {
        var (code, holder, name) = view.ClassifierCode();
        return code switch
        {
            "ACT" or "ACTUAL" => TimeClassifier.ACT,
            "EST" or "ESTIMATED" => TimeClassifier.EST,
            "PLN" or "PLANNED" => TimeClassifier.PLN,
            null when view.EventType is "SHIPMENT" or "REEFER" or "IOT" => TimeClassifier.ACT,
            _ => throw new DcsaInputException(DcsaJson.PathOf(holder, name), "an eventClassifierCode of ACT, EST or PLN", code is null ? "nothing" : $"'{code}'"),
        };
    }
}
