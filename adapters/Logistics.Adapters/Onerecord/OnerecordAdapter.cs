using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Onerecord;

/// <summary>
/// IATA ONE Record (API and data model 2.x, JSON-LD) as a ONE Record server hands it out: a <c>cargo:LogisticsEvent</c>
/// (<see cref="LogisticsEventReader"/>), an <c>api:Collection</c> of them (GET …/logistics-events), a <c>cargo:Sensor</c>
/// with its measurements or a <c>cargo:IotDevice</c> with its connected sensors (<see cref="SensorReader"/>), or a
/// <c>@graph</c> of any of these; compacted with prefixes, with cargo as the default vocabulary, or expanded
/// (<see cref="JsonLd"/>). A notification only names the changed object: the poller fetches the object and hands it here.
/// </summary>
public sealed class OnerecordAdapter : IAdapter
{
    const string Document = "a ONE Record LogisticsEvent, a Collection of them, a Sensor or an IotDevice (JSON-LD)";

    public AdapterInfo Info { get; } = new("onerecord", AdapterFamilies.Air, [],
        InboundModes.Webhook | InboundModes.Poll,
        "IATA ONE Record logistics events (StatusCode milestones, planned and estimated times) and IoT sensor measurements (JSON-LD)")
    {
        ContentTypes = ["application/ld+json", "application/json"],
    };

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        var ld = JsonLd.For(json, root);
        var output = new List<CanonicalEvent>();
        foreach (var node in Nodes(root, ld))
        {
            Node(node, ld, context, output);
            if (json.Failed) return json.Rejected();
        }
        return json.Failed ? json.Rejected() : TranslationResult.Of(output);
    }

    static IEnumerable<JToken> Nodes(JObject root, JsonLd ld)
    {
        if (root["@graph"] is JArray graph) return graph;
        if (ld.Types(root).Contains("Collection")) return ld.ApiAll(root, "hasItem");
        return [root];
    }

    static void Node(JToken token, JsonLd ld, TranslationContext context, List<CanonicalEvent> output)
    {
        if (token is not JObject node)
        {
            ld.Json.Fail(token, "a ONE Record object");
            return;
        }
        var types = ld.Types(node).ToList();
        if (types.Contains("LogisticsEvent") || types.Contains("StatusUpdateEvent"))
            LogisticsEventReader.Read(node, ld, OnerecordCodes.Default, context, output);
        else if (types.Contains("Sensor"))
            SensorReader.Read(node, null, ld, OnerecordCodes.Default, context, output);
        else if (types.Contains("IotDevice"))
        {
            foreach (var sensor in ld.CargoAll(node, "connectedSensors"))
            {
                if (sensor is JObject s) SensorReader.Read(s, node, ld, OnerecordCodes.Default, context, output);
                else ld.Json.Fail(sensor, "an embedded cargo:Sensor with its measurements");
                if (ld.Json.Failed) return;
            }
        }
        else
            ld.Json.Fail(node["@type"] ?? node,
                "a cargo:LogisticsEvent, cargo:Sensor or cargo:IotDevice (a notification or another object only names what changed: fetch it)");
    }
}
