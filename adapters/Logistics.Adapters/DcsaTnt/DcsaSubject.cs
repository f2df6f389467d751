using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>What a DCSA event is about (references) and where it happened (location), read from every layout.</summary>
static class DcsaSubject
{
    /// <summary>References in a fixed order: container, booking, bill of lading, vessel; duplicates dropped.</summary>
    public static List<Reference> Refs(JObject body, JsonInput json)
    {
        var refs = new List<Reference>(4);
        Add(refs, RefSchemes.Container, json.Text(body, "equipmentReference"));
        Add(refs, RefSchemes.Container, json.Text(json.Object(body, "equipmentDetails"), "equipmentReference"));

        // The shipment event's own document: v2.2 documentTypeCode + documentID, v3.1 documentTypeCode + documentReference.
        if (json.Text(body, "documentTypeCode") is { } ownType)
            AddDocument(refs, ownType, json.Text(body, "documentID")
                ?? (body["documentReference"]?.Type == JTokenType.String ? json.Text(body, "documentReference") : null));

        foreach (var d in json.Objects(body, "documentReferences")) // v2.2
            AddDocument(refs, json.Text(d, "documentReferenceType"), json.Text(d, "documentReferenceValue"));
        foreach (var d in json.Objects(body, "relatedDocumentReferences")) // v3.1
            AddDocument(refs, json.Text(d, "type"), json.Text(d, "value"));
        if (json.Object(body, "shipmentDetails") is { } shipment) // T&T 3.0
        {
            if (json.Object(shipment, "documentReference") is { } primary)
                AddDocument(refs, json.Text(primary, "typeCode") ?? json.Text(primary, "type"), json.Text(primary, "reference"));
            foreach (var d in json.Objects(shipment, "additionalDocumentReferences"))
                AddDocument(refs, json.Text(d, "typeCode") ?? json.Text(d, "type"), json.Text(d, "reference"));
            foreach (var r in json.Objects(shipment, "shipmentReferences"))
                AddShipperReference(refs, json.Text(r, "typeCode") ?? json.Text(r, "type"), json.Text(r, "reference"));
        }
        foreach (var r in json.Objects(body, "references")) // v2.2 referenceType/Value, v3.1 type/value
            AddShipperReference(refs, json.Text(r, "referenceType") ?? json.Text(r, "type"), json.Text(r, "referenceValue") ?? json.Text(r, "value"));

        var call = TransportCall(body, json);
        Add(refs, RefSchemes.Vessel, json.Text(json.Object(call, "vessel"), "vesselIMONumber")
            ?? json.Text(json.Object(call, "vesselTransport"), "vesselIMONumber")
            ?? json.Text(json.Object(call, "barge"), "vesselIMONumber"));

        refs.Sort((a, b) => Rank(a.Scheme).CompareTo(Rank(b.Scheme)));
        return refs;
    }

    static int Rank(string scheme) => scheme switch
    {
        RefSchemes.Container => 0,
        RefSchemes.Booking => 1,
        RefSchemes.Bol => 2,
        _ => 3,
    };

    static void AddDocument(List<Reference> refs, string? type, string? value)
    {
        switch (type)
        {
            case "BKG" or "BOOKING": Add(refs, RefSchemes.Booking, value); break;
            case "TRD" or "TRANSPORT_DOCUMENT": Add(refs, RefSchemes.Bol, value); break;
            // Other documents (shipping instructions, VGM, certificates…) are not identifiers we track by.
        }
    }

    static void AddShipperReference(List<Reference> refs, string? type, string? value)
    {
        // Shipper/forwarder references (FF, SI, PO, CR…) are customer keys, not ours; only EQ names a container.
        if (type is "EQ" or "EQUIPMENT_REFERENCE") Add(refs, RefSchemes.Container, value);
    }

    static void Add(List<Reference> refs, string scheme, string? value)
    {
        if (value is null) return;
        var r = new Reference(scheme, value);
        if (!refs.Contains(r)) refs.Add(r);
    }

    static JObject? TransportCall(JObject body, JsonInput json) =>
        json.Object(body, "transportCall") ?? json.Object(json.Object(body, "transportDetails"), "transportCall");

    /// <summary>
    /// The place: UN/LOCODE, name and coordinates from <c>eventLocation</c> (with its v3 <c>geoCoordinate</c>), the
    /// reefer/IoT <c>geoLocation</c>, or the transport call and its <c>location</c>. Null when the event names no place.
    /// </summary>
    public static Location? LocationOf(JObject body, JsonInput json)
    {
        var eventLocation = json.Object(body, "eventLocation");
        var call = TransportCall(body, json);
        var callLocation = json.Object(call, "location");

        var unlocode = json.Text(eventLocation, "UNLocationCode") ?? json.Text(callLocation, "UNLocationCode") ?? json.Text(call, "UNLocationCode");
        var name = json.Text(eventLocation, "locationName") ?? json.Text(callLocation, "locationName");
        var point = LatLon(eventLocation, json) ?? LatLon(json.Object(eventLocation, "geoCoordinate"), json) ?? LatLon(json.Object(body, "geoLocation"), json)
            ?? LatLon(callLocation, json) ?? LatLon(json.Object(callLocation, "geoCoordinate"), json);

        if (unlocode is null && name is null && point is null) return null;
        return new Location(unlocode, name, point?.Lat, point?.Lon);
    }

    static (double Lat, double Lon)? LatLon(JObject? o, JsonInput json)
    {
        if (o is null) return null;
        var lat = json.NumberOrString(o, "latitude");
        var lon = json.NumberOrString(o, "longitude");
        if (lat is null && lon is null) return null;
        if (lat is not { } la || la < -90 || la > 90)
            return Bad(json, o, "latitude", "a latitude in decimal degrees between -90 and 90");
        if (lon is not { } lo || lo < -180 || lo > 180)
            return Bad(json, o, "longitude", "a longitude in decimal degrees between -180 and 180");
        return (la, lo);
    }

    static (double, double)? Bad(JsonInput json, JObject o, string name, string expected)
    {
        json.Fail(JsonInput.PathOf(o, name), expected, JsonInput.Describe(JsonInput.Member(o, name)));
        return null;
    }
}
