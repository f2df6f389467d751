using Logistics.Adapters.Sdk;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>The three DCSA event layouts we read.</summary>
enum DcsaShape
{
    /// <summary>T&amp;T 2.2: flat event with <c>eventType</c>, <c>eventClassifierCode</c> and the type code at top level.</summary>
    V2,
    /// <summary>Event domain 3.1 (Reefer/IoT 1.0 betas): <c>{metadata, payload}</c>; a retraction has no payload.</summary>
    V3Domain,
    /// <summary>T&amp;T 3.0: flat event with an <c>eventClassification</c> object and <c>*Details</c> objects.</summary>
    V3Tnt,
}

/// <summary>
/// One DCSA event seen through a single lens whatever its layout: where its business fields live (<see cref="Body"/>),
/// its classification, id, type and type code. The per-layout differences stop here.
/// </summary>
sealed class DcsaEventView
{
    public const string UnknownType = "UNKNOWN";

    public required JObject Item { get; init; }
    public required DcsaShape Shape { get; init; }

    /// <summary>The object holding the business attributes (the event itself, or the v3.1 <c>payload</c>).</summary>
    public required JObject Body { get; init; }

    /// <summary>T&amp;T 3.0 <c>eventClassification</c>; null for the other layouts.</summary>
    public JObject? Classification { get; init; }

    public string? EventId { get; init; }

    /// <summary>SHIPMENT, TRANSPORT, EQUIPMENT, REEFER or IOT.</summary>
    public required string EventType { get; init; }

    /// <summary>The id of the event this one withdraws, when it is a retraction.</summary>
    public string? RetractedEventId { get; init; }

    /// <summary>Where the retraction's own time is (v3.1 metadata.eventCreatedDateTime, T&amp;T 3.0 eventUpdatedDateTime).</summary>
    public (JObject Parent, string Name)? RetractionTime { get; init; }

    /// <summary>The view of one event; what is wrong with it is recorded in <paramref name="json"/>.</summary>
    public static DcsaEventView Read(JObject item, JsonInput json)
    {
        if (json.Object(item, "metadata") is { } metadata)
        {
            var retracted = json.Text(metadata, "retractedEventID");
            var payload = json.Object(item, "payload");
            if (payload is null && retracted is null)
                json.Missing(item, "payload", "a payload object (required unless metadata.retractedEventID is given)");
            payload ??= [];
            return new DcsaEventView
            {
                Item = item, Shape = DcsaShape.V3Domain, Body = payload,
                EventId = json.Text(metadata, "eventID"),
                EventType = json.Text(metadata, "eventType") ?? InferType(payload, null)
                    ?? (retracted is null ? Unknown(json, metadata, "eventType") : UnknownType),
                RetractedEventId = retracted,
                RetractionTime = (metadata, "eventCreatedDateTime"),
            };
        }

        // 3.0 events carry eventClassification; a 3.0 retraction may carry nothing but eventID and isRetracted.
        var classification = json.Object(item, "eventClassification");
        if (classification is not null || item["isRetracted"] is not null)
        {
            var id = json.Text(item, "eventID");
            var retracted = json.Boolean(item, "isRetracted");
            if (retracted && id is null)
                json.Missing(item, "eventID", "the eventID of the retracted event");
            var type = json.Text(classification, "eventTypeCode") ?? json.Text(classification, "eventType") ?? InferType(item, classification);
            return new DcsaEventView
            {
                Item = item, Shape = DcsaShape.V3Tnt, Body = item, Classification = classification,
                EventId = id,
                EventType = type ?? (retracted ? UnknownType : Unknown(json, classification ?? item, "eventTypeCode")),
                RetractedEventId = retracted ? id : null,
                RetractionTime = item["eventUpdatedDateTime"] is null ? (item, "eventDateTime") : (item, "eventUpdatedDateTime"),
            };
        }

        return new DcsaEventView
        {
            Item = item, Shape = DcsaShape.V2, Body = item,
            EventId = json.Text(item, "eventID"),
            EventType = json.Text(item, "eventType") ?? InferType(item, null) ?? Unknown(json, item, "eventType"),
        };
    }

    /// <summary>The event's type code (e.g. ARRI, LOAD, DRO) and where it is, looking where each layout keeps it; null when the type is unknown.</summary>
    public (string? Code, JObject Holder, string Name)? TypeCode(JsonInput json)
    {
        var (shortName, longName, detail) = EventType switch
        {
            "TRANSPORT" => ("transportEventTypeCode", "transportEventType", null),
            "EQUIPMENT" => ("equipmentEventTypeCode", "equipmentEventType", null),
            "SHIPMENT" => ("shipmentEventTypeCode", "shipmentEventType", null),
            "REEFER" => ("reeferEventTypeCode", "reeferEventType", null),
            // IoT: the specific code (DRO) is iotEventCode; iotEventTypeCode is only DETC (detected)
            "IOT" => ("iotEventCode", "iotEventType", "iotDetails"),
            _ => ((string?)null, (string?)null, (string?)null),
        };
        if (shortName is null || longName is null)
        {
            json.Fail(PositionOfType(), "an eventType of SHIPMENT, TRANSPORT, EQUIPMENT, REEFER or IOT", $"'{EventType}'");
            return null;
        }
        var detailObject = detail is null ? null : json.Object(Body, detail);
        foreach (var name in (string[])[shortName, longName])
            foreach (var place in (JObject?[])[Classification, Body, detailObject])
                if (json.Text(place, name) is { } code)
                    return (code, place!, name);
        return (null, Classification ?? Body, shortName);
    }

    string PositionOfType() => Shape switch
    {
        DcsaShape.V3Domain => JsonInput.PathOf(Item, "metadata") + ".eventType",
        DcsaShape.V3Tnt when Classification is not null => JsonInput.PathOf(Classification, "eventTypeCode"),
        DcsaShape.V3Tnt => JsonInput.PathOf(Item, "eventClassification"),
        _ => JsonInput.PathOf(Item, "eventType"),
    };

    /// <summary>The classifier code (ACT/EST/PLN or ACTUAL/ESTIMATED/PLANNED) and where it is.</summary>
    public (string? Code, JObject Holder, string Name) ClassifierCode(JsonInput json)
    {
        foreach (var place in (JObject?[])[Classification, Body])
            foreach (var name in (string[])["eventClassifierCode", "eventClassifier"])
                if (json.Text(place, name) is { } code)
                    return (code, place!, name);
        return (null, Classification ?? Body, "eventClassifierCode");
    }

    /// <summary>Layouts without an explicit type still say what they are through their type-code field.</summary>
    static string? InferType(JObject body, JObject? classification)
    {
        foreach (var o in (JObject?[])[classification, body])
        {
            if (o is null) continue;
            if (o["transportEventTypeCode"] is not null || o["transportEventType"] is not null) return "TRANSPORT";
            if (o["equipmentEventTypeCode"] is not null || o["equipmentEventType"] is not null) return "EQUIPMENT";
            if (o["shipmentEventTypeCode"] is not null || o["shipmentEventType"] is not null) return "SHIPMENT";
            if (o["reeferEventTypeCode"] is not null || o["reeferEventType"] is not null) return "REEFER";
            if (o["iotEventTypeCode"] is not null || o["iotEventCode"] is not null || o["iotEventType"] is not null) return "IOT";
        }
        return null;
    }

    static string Unknown(JsonInput json, JObject parent, string name)
    {
        json.Missing(parent, name, "an eventType (SHIPMENT, TRANSPORT, EQUIPMENT, REEFER or IOT)");
        return UnknownType;
    }
}
