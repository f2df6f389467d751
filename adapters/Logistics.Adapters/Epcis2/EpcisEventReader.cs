using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Epcis2;

/// <summary>What every canonical event from one EPCIS event shares: its identifiers, place, time and source event id.</summary>
sealed record EventFrame(TranslationContext Context, List<Reference> Refs, Location? Location, GeoPoint? Geo,
    Instant Time, Offset Offset, string? SourceEventId)
{
    /// <summary>The readPoint id, else the bizLocation id: what a sensor report with no EPCs is about (a monitored place).</summary>
    public string? PlaceId { get; init; }

    /// <summary>The header of an event at <paramref name="time"/> (a sensor report's own time, or the event's) with the source's code.</summary>
    public EventHeader Header(string? code, Instant time, IReadOnlyList<Reference>? refs = null) =>
        EventHeader.For(Context, new(time, Offset, OffsetSource.Explicit), refs ?? Refs, code, SourceEventId) with { Location = Location };
}

/// <summary>
/// One EPCIS event → canonical events: associations (AssociationEvent/AggregationEvent ADD|DELETE, one per child),
/// a milestone when the bizStep maps, one measurement or alarm per sensorReport, and, for an ObjectEvent that gave
/// nothing else, a position from a geo readPoint. Our extension field then restores what EPCIS cannot carry.
/// </summary>
sealed class EpcisEventReader(TranslationContext context, JsonInput json, List<CanonicalEvent> output)
{
    const string NoIdentifier = "at least one identifier (epcList, quantityList, parentID, childEPCs or sensorMetadata.deviceID)";

    public bool Read(JObject evt)
    {
        var typeToken = evt["type"];
        if (typeToken is null || typeToken.Type != JTokenType.String)
            return json.Fail(JsonInput.PathOf(evt, "type"), "an EPCIS event type (ObjectEvent, AggregationEvent, TransactionEvent, AssociationEvent)", JsonInput.Describe(typeToken));
        var type = (string)typeToken!;
        var isAssociation = type is "AssociationEvent" or "AggregationEvent";
        // TransformationEvent and user-defined event types have no canonical meaning for a shipment: skipped, not rejected.
        if (!isAssociation && type is not ("ObjectEvent" or "TransactionEvent")) return true;

        if (!EpcisTime.TryReadOffset(evt, json, out var declared)) return false;
        if (!EpcisTime.TryRead(evt, "eventTime", declared, json, out var time, out var timeOffset)) return false;
        var eventId = json.String(evt, "eventID");
        var bizStep = json.String(evt, "bizStep");
        var action = json.String(evt, "action");
        var parentId = json.String(evt, "parentID");
        if (json.Failed) return false;

        var uris = new List<string>();
        if (!json.Strings(evt, "epcList", uris, "an identifier URI string") || !TryQuantityClasses(evt, "quantityList", uris)) return false;
        var children = new List<string>();
        if (!json.Strings(evt, "childEPCs", children, "an identifier URI string") || !TryQuantityClasses(evt, "childQuantityList", children)) return false;
        var refs = new List<Reference>(uris.Count + children.Count + 2);
        foreach (var uri in uris) AddDistinct(refs, EpcisIdentifiers.ToReference(uri));
        if (parentId is not null) AddDistinct(refs, EpcisIdentifiers.ToReference(parentId));
        foreach (var uri in children) AddDistinct(refs, EpcisIdentifiers.ToReference(uri));
        if (!TryLocation(evt, out var location, out var geo, out var placeId)) return false;

        var frame = new EventFrame(context, refs, location, geo, time, declared ?? timeOffset, eventId) { PlaceId = placeId };
        var start = output.Count;
        var shortStep = bizStep is null ? null : EpcisVocabulary.NormalizeBizStep(bizStep);

        if (isAssociation && action is "ADD" or "DELETE")
        {
            if (parentId is null) return json.Missing(evt, "parentID", $"the parent identifier of an {action}");
            var parent = EpcisIdentifiers.ToReference(parentId);
            var header = frame.Header(shortStep ?? type, frame.Time);
            foreach (var uri in children)
                output.Add(header.Association(new AssociationDetail(action, parent, EpcisIdentifiers.ToReference(uri))));
        }
        if (shortStep is not null && EpcisVocabulary.BizSteps.TryMap(shortStep, out var milestone))
            output.Add(frame.Header(shortStep, frame.Time).Milestone(milestone, TimeClassifier.ACT));
        if (!EpcisSensorReader.Read(evt, frame, json, output)) return false;
        if (!isAssociation && output.Count == start && geo is { } fix)
            output.Add(Position(frame, shortStep ?? type, fix));

        for (var i = start; i < output.Count; i++)
            if (output[i].Refs.Count == 0) return json.Fail(JsonInput.PathOf(evt), NoIdentifier, "nothing");
        if (output.Count - start == 1 && CanonicalExtension.Find(evt) is { } extension)
        {
            // Only a one-to-one EPCIS event (what our export writes) can carry one event's identity back.
            if (!CanonicalExtension.TryApply(extension, json, output[start], out var restored))
                return false;
            output[start] = restored;
        }
        return true;
    }

    bool TryQuantityClasses(JObject evt, string name, List<string> into)
    {
        var token = JsonInput.Member(evt, name);
        if (token is null) return true;
        if (token is not JArray array) return json.Fail(token, "an array of quantity elements");
        foreach (var item in array)
        {
            if (item is not JObject element) return json.Fail(item, "a quantity element object");
            var epcClass = json.String(element, "epcClass");
            if (json.Failed) return false;
            if (epcClass is null) return json.Missing(element, "epcClass", "an EPC class URI");
            into.Add(epcClass);
        }
        return true;
    }

    /// <summary>readPoint first, then bizLocation: a geo URI gives lat/lon, our URN the UN/LOCODE, any other id the name.</summary>
    bool TryLocation(JObject evt, out Location? location, out GeoPoint? geo, out string? placeId)
    {
        (location, geo, placeId) = (null, null, null);
        string? unlocode = null, name = null;
        foreach (var member in (ReadOnlySpan<string>)["readPoint", "bizLocation"])
        {
            var token = JsonInput.Member(evt, member);
            if (token is null) continue;
            if (token is not JObject place) return json.Fail(token, "an object with an id");
            var id = json.String(place, "id");
            if (json.Failed) return false;
            if (id is null) return json.Missing(place, "id", "a location identifier URI");
            placeId ??= id;
            if (EpcisPlaces.TryParseGeo(id, out var point, out var inRange))
            {
                if (!inRange) return json.Fail(place["id"]!, "a geo URI with latitude -90..90 and longitude -180..180");
                geo ??= point;
            }
            else if (EpcisIdentifiers.TryUnlocode(id, out var code)) unlocode ??= code;
            else name ??= id;
        }
        if (geo is null && unlocode is null && name is null) return true;
        location = new Location(unlocode, name, geo?.Lat, geo?.Lon);
        return true;
    }

    static void AddDistinct(List<Reference> refs, Reference r)
    {
        if (!refs.Contains(r)) refs.Add(r);
    }

    /// <summary>The fix is the event itself, so the location keeps only what the geo URI does not say (UN/LOCODE, name).</summary>
    static PositionEvent Position(EventFrame f, string code, GeoPoint fix)
    {
        var header = f.Header(code, f.Time) with
        {
            Location = f.Location is null or { Unlocode: null, Name: null } ? null : f.Location with { Lat = null, Lon = null },
        };
        return header.Position(new PositionDetail(fix.Lat, fix.Lon, fix.AccuracyM, PositionMethods.Carrier) { AltitudeM = fix.AltitudeM });
    }
}
