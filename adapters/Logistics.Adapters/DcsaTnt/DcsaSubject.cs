using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>What a DCSA event is about (references) and where it happened (location), read from every layout.</summary>
static class DcsaSubject
{
    /// <summary>
    /// Scheme for a retraction that carries nothing but the id of the event it withdraws (event domain 3.1 sends no payload):
    /// the retraction is then about that source event. Not yet in <see cref="RefSchemes"/>; see the adapter's notes.
    /// </summary>
    public const string SourceEventScheme = "sourceEvent";

    /// <summary>References in a fixed order: container, booking, bill of lading, vessel; duplicates dropped.</summary>
    public static List<Reference> Refs(JObject body)
    {
        var refs = new List<Reference>(4);
        Add(refs, RefSchemes.Container, DcsaJson.Str(body, "equipmentReference"));
        Add(refs, RefSchemes.Container, DcsaJson.Str(DcsaJson.Obj(body, "equipmentDetails"), "equipmentReference"));

        // The shipment event's own document: v2.2 documentTypeCode + documentID, v3.1 documentTypeCode + documentReference.
        if (DcsaJson.Str(body, "documentTypeCode") is { } ownType)
            AddDocument(refs, ownType, DcsaJson.Str(body, "documentID")
                ?? (body["documentReference"]?.Type == JTokenType.String ? DcsaJson.Str(body, "documentReference") : null));

        foreach (var d in Items(body, "documentReferences")) // v2.2
            AddDocument(refs, DcsaJson.Str(d, "documentReferenceType"), DcsaJson.Str(d, "documentReferenceValue"));
        foreach (var d in Items(body, "relatedDocumentReferences")) // v3.1
            AddDocument(refs, DcsaJson.Str(d, "type"), DcsaJson.Str(d, "value"));
        if (DcsaJson.Obj(body, "shipmentDetails") is { } shipment) // T&T 3.0
        {
            if (DcsaJson.Obj(shipment, "documentReference") is { } primary)
                AddDocument(refs, DcsaJson.Str(primary, "typeCode") ?? DcsaJson.Str(primary, "type"), DcsaJson.Str(primary, "reference"));
            foreach (var d in Items(shipment, "additionalDocumentReferences"))
                AddDocument(refs, DcsaJson.Str(d, "typeCode") ?? DcsaJson.Str(d, "type"), DcsaJson.Str(d, "reference"));
            foreach (var r in Items(shipment, "shipmentReferences"))
                AddShipperReference(refs, DcsaJson.Str(r, "typeCode") ?? DcsaJson.Str(r, "type"), DcsaJson.Str(r, "reference"));
        }
        foreach (var r in Items(body, "references")) // v2.2 referenceType/Value, v3.1 type/value
            AddShipperReference(refs, DcsaJson.Str(r, "referenceType") ?? DcsaJson.Str(r, "type"), DcsaJson.Str(r, "referenceValue") ?? DcsaJson.Str(r, "value"));

        var call = TransportCall(body);
        Add(refs, RefSchemes.Vessel, DcsaJson.Str(DcsaJson.Obj(call, "vessel"), "vesselIMONumber")
            ?? DcsaJson.Str(DcsaJson.Obj(call, "vesselTransport"), "vesselIMONumber")
            ?? DcsaJson.Str(DcsaJson.Obj(call, "barge"), "vesselIMONumber"));

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

    static IEnumerable<JObject> Items(JObject? parent, string name)
    {
        if (DcsaJson.Arr(parent, name) is not { } array) yield break;
        foreach (var item in array)
        {
            if (item is JObject o) yield return o;
            else if (item.Type != JTokenType.Null)
                throw new DcsaInputException(DcsaJson.PathOf(item), $"an object in '{name}'", DcsaJson.Describe(item));
        }
    }

    static JObject? TransportCall(JObject body) =>
        DcsaJson.Obj(body, "transportCall") ?? DcsaJson.Obj(DcsaJson.Obj(body, "transportDetails"), "transportCall");

    /// <summary>
    /// The place: UN/LOCODE, name and coordinates from <c>eventLocation</c> (with its v3 <c>geoCoordinate</c>), the
    /// reefer/IoT <c>geoLocation</c>, or the transport call and its <c>location</c>. Null when the event names no place.
    /// </summary>
    public static Location? LocationOf(JObject body)
    {
        var eventLocation = DcsaJson.Obj(body, "eventLocation");
        var call = TransportCall(body);
        var callLocation = DcsaJson.Obj(call, "location");

        var unlocode = DcsaJson.Str(eventLocation, "UNLocationCode") ?? DcsaJson.Str(callLocation, "UNLocationCode") ?? DcsaJson.Str(call, "UNLocationCode");
        var name = DcsaJson.Str(eventLocation, "locationName") ?? DcsaJson.Str(callLocation, "locationName");
        var point = LatLon(eventLocation) ?? LatLon(DcsaJson.Obj(eventLocation, "geoCoordinate")) ?? LatLon(DcsaJson.Obj(body, "geoLocation"))
            ?? LatLon(callLocation) ?? LatLon(DcsaJson.Obj(callLocation, "geoCoordinate"));

        if (unlocode is null && name is null && point is null) return null;
        return new Location(unlocode, name, point?.Lat, point?.Lon);
    }

    static (double Lat, double Lon)? LatLon(JObject? o)
    {
        if (o is null) return null;
        var lat = DcsaJson.Num(o, "latitude");
        var lon = DcsaJson.Num(o, "longitude");
        if (lat is null && lon is null) return null;
        if (lat is not { } la || la < -90 || la > 90)
            throw new DcsaInputException(DcsaJson.PathOf(o, "latitude"), "a latitude in decimal degrees between -90 and 90", Found(o["latitude"]));
        if (lon is not { } lo || lo < -180 || lo > 180)
            throw new DcsaInputException(DcsaJson.PathOf(o, "longitude"), "a longitude in decimal degrees between -180 and 180", Found(o["longitude"]));
        return (la, lo);
    }

    static string Found(JToken? t) => t is null ? "nothing" : DcsaJson.Describe(t);
}
