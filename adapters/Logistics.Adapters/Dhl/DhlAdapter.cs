using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Dhl;

/// <summary>
/// DHL Shipment Tracking - Unified API responses (<c>GET /track/shipments?trackingNumber=…</c>): <c>shipments[]</c>, each
/// shipment's <c>events[]</c> one milestone apiece by its statusCode, and its estimated time of delivery one estimate. An
/// error answer (problem details: <c>{"title", "status", "detail"}</c>) is rejected with its status and detail.
/// </summary>
public sealed class DhlAdapter : IAdapter
{
    public const string Carrier = "DHL";
    const string Document = "a DHL unified tracking response ({\"shipments\": [...]})";
    static readonly StatusMap Map = StatusMap.Load("Dhl");
    static readonly IReadOnlyDictionary<string, string> WithoutMilestone = Map.Section("withoutMilestone");

    public AdapterInfo Info { get; } = new("dhl", AdapterFamilies.Parcel, [Carrier], InboundModes.Poll,
        "DHL Shipment Tracking - Unified API responses (events, estimated delivery) for every DHL business unit");

    public TranslationResult Translate(ReadOnlyMemory<byte> raw, TranslationContext context)
    {
        var json = JsonInput.Parse(raw, Document);
        if (json.Failed) return json.Rejected();
        if (json.Root is not JObject root) return json.RejectAt(json.Root, Document);
        if (root["shipments"] is null && json.Text(root, "title") is { } title)
        {
            json.Fail("$", "a tracking response, not a DHL error", $"{json.Text(root, "status")} {title}: {json.Text(root, "detail")}");
            return json.Rejected();
        }
        var shipments = json.Array(root, "shipments");
        if (json.Failed) return json.Rejected();
        if (shipments is null) return json.RejectMissing(root, "shipments", Document);

        var carrierContext = context with { Carrier = context.Carrier ?? Carrier };
        var output = new List<CanonicalEvent>();
        foreach (var shipment in json.Objects(root, "shipments"))
        {
            var refs = Refs(shipment, json);
            if (json.Failed) return json.Rejected();
            if (refs.Count == 0) return json.RejectMissing(shipment, "id", "the shipment's tracking number");
            var events = json.Objects(shipment, "events").ToList();
            if (events.Count == 0 && json.Object(shipment, "status") is { } latest) events.Add(latest);
            foreach (var e in events)
            {
                Event(e, refs, carrierContext, json, output);
                if (json.Failed) return json.Rejected();
            }
            Estimate(shipment, refs, carrierContext, json, output);
            if (json.Failed) return json.Rejected();
        }
        return json.Failed ? json.Rejected() : TranslationResult.Of(output);
    }

    static void Event(JObject e, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var code = json.Text(e, "statusCode");
        if (json.Failed) return;
        if (code is null)
        {
            json.Missing(e, "statusCode", "the event's status code (pre-transit, transit, delivered, failure, unknown)");
            return;
        }
        if (WithoutMilestone.ContainsKey(code)) return;
        if (!Map.TryMap(code, out var milestone))
        {
            json.Fail(e["statusCode"]!, "a status code listed in dhl status-map.json (pre-transit, transit, delivered, failure, unknown)");
            return;
        }
        var (hint, location) = Place(json.Object(json.Object(e, "location"), "address"), json);
        if (Time(e, "timestamp", hint, json) is not { } time) return;
        var header = EventHeader.For(context, time, refs, code) with { Location = location };
        output.Add(header.Milestone(milestone, TimeClassifier.ACT));
    }

    static void Estimate(JObject shipment, List<Reference> refs, TranslationContext context, JsonInput json, List<CanonicalEvent> output)
    {
        var (holder, name) = JsonInput.Member(shipment, "estimatedTimeOfDelivery") is not null
            ? (shipment, "estimatedTimeOfDelivery")
            : (json.Object(shipment, "estimatedDeliveryTimeFrame"), "estimatedThrough");
        if (holder is null || JsonInput.Member(holder, name) is null) return;
        var (hint, location) = Place(json.Object(json.Object(shipment, "destination"), "address"), json);
        if (Time(holder, name, hint, json) is not { } time) return;
        var header = EventHeader.For(context, time, refs, name) with { Location = location };
        output.Add(header.Milestone(MilestoneCodes.Delivered, TimeClassifier.EST));
    }

    static ResolvedTime? Time(JObject holder, string name, ZoneHint hint, JsonInput json)
    {
        var text = json.Text(holder, name);
        if (json.Failed) return null;
        if (text is null)
        {
            json.Missing(holder, name, "a date-time (ISO-8601)");
            return null;
        }
        if (SourceTime.ParseIso(text, hint) is { } time) return time;
        json.Fail(holder[name]!, "an ISO-8601 date-time, e.g. 2018-03-02T07:53:47Z");
        return null;
    }

    /// <summary>An address: addressLocality and countryCode name it; the country (single-zone) gives the zone.</summary>
    static (ZoneHint, Location?) Place(JObject? address, JsonInput json)
    {
        var locality = json.Text(address, "addressLocality");
        var country = json.Text(address, "countryCode");
        var name = string.Join(", ", new[] { locality, country }.Where(s => s is not null));
        return name.Length == 0 ? (ZoneHint.None, null) : (new ZoneHint(Country: country), new Location(null, name, null, null));
    }

    static List<Reference> Refs(JObject shipment, JsonInput json)
    {
        var refs = new List<Reference>(2);
        void Add(string? value)
        {
            if (value is not null && new Reference(RefSchemes.Tracking, value) is var r && !refs.Contains(r)) refs.Add(r);
        }
        Add(json.Text(shipment, "id"));
        var pieces = new List<string>();
        json.Strings(json.Object(shipment, "details"), "pieceIds", pieces, "a piece id");
        foreach (var piece in pieces) Add(piece.Trim().Length > 0 ? piece.Trim() : null);
        return refs;
    }
}
