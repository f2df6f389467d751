using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// GS1 EPCIS 2.0 JSON-LD: an EPCISDocument, an EPCISQueryDocument, a bare array of events or a single event →
/// canonical events (see <see cref="EpcisEventReader"/> for the mapping and Epcis2/README.md for the judgement calls).
/// Pure and tolerant: unknown members are ignored, wrong types are rejected with their JSON path.
/// </summary>
public sealed class Epcis2Adapter : IAdapter
{
    public const string Id = "epcis2";
    const string Document = "an EPCIS 2.0 JSON-LD document";

    public AdapterInfo Info { get; } = new(Id, AdapterFamilies.Epcis, [], InboundModes.Webhook | InboundModes.File,
        "GS1 EPCIS 2.0 JSON-LD (ObjectEvent, AssociationEvent, AggregationEvent, TransactionEvent; sensor data) from any capturing party")
    {
        ContentTypes = ["application/ld+json", "application/json"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed || EventList(json.Root, json) is not { } events) return json.Rejected();
        var output = new List<CanonicalEvent>(events.Count * 2);
        var reader = new EpcisEventReader(context, json, output);
        foreach (var item in events)
        {
            if (item is not JObject evt)
            {
                json.Fail(item, "an EPCIS event object");
                return json.Rejected();
            }
            if (!reader.Read(evt)) return json.Rejected();
        }
        return TranslationResult.Of(output);
    }

    /// <summary>Finds the events: epcisBody.eventList, epcisBody.queryResults.resultsBody.eventList, a bare array, or one event.</summary>
    static IList<JToken>? EventList(JToken root, JsonInput json)
    {
        if (root is JArray array) return array;
        if (root is not JObject document)
            return json.Wrong<IList<JToken>>(root, "an EPCIS 2.0 JSON-LD document (EPCISDocument, EPCISQueryDocument or an event)");
        var type = document["type"] is { Type: JTokenType.String } t ? (string)t! : null;
        if (type is not null && type.EndsWith("Event", StringComparison.Ordinal) && document["epcisBody"] is null)
            return [document];
        if (type is not (null or "EPCISDocument" or "EPCISQueryDocument"))
            return json.Wrong<IList<JToken>>(document["type"]!, "EPCISDocument, EPCISQueryDocument or an EPCIS event type");
        if (document["epcisBody"] is not JObject body)
        {
            json.Fail(JsonInput.PathOf(document, "epcisBody"), "an object", JsonInput.Describe(document["epcisBody"]));
            return null;
        }
        var query = type == "EPCISQueryDocument" || (type is null && body["queryResults"] is not null);
        var list = query ? ((body["queryResults"] as JObject)?["resultsBody"] as JObject)?["eventList"] : body["eventList"];
        if (list is JArray items) return items;
        json.Fail(JsonInput.PathOf(body) + (query ? ".queryResults.resultsBody.eventList" : ".eventList"), "an array of EPCIS events", JsonInput.Describe(list));
        return null;
    }
}
