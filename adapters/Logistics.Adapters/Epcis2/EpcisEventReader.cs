using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Epcis2;

/// <summary>What every canonical event from one EPCIS event shares: its identifiers, place, time and source event id.</summary>
sealed record EventFrame(TranslationContext Context, List<Reference> Refs, Location? Location, GeoPoint? Geo,
    Instant Time, Offset Offset, string? SourceEventId)
{
    public EventSource Source(string? code) => Context.SourceFor(code, SourceEventId);

    public IReadOnlyList<string> FlagsAt(Instant time) => ClockChecks.Flags(time, Context.ReceivedAt);
}

/// <summary>
/// One EPCIS event → canonical events: associations (AssociationEvent/AggregationEvent ADD|DELETE, one per child),
/// a milestone when the bizStep maps, one measurement or alarm per sensorReport, and, for an ObjectEvent that gave
/// nothing else, a position from a geo readPoint. Our extension field then restores what EPCIS cannot carry.
/// </summary>
sealed class EpcisEventReader(TranslationContext context, EpcisJson json, List<CanonicalEvent> output)
{
    const string NoIdentifier = "at least one identifier (epcList, quantityList, parentID, childEPCs or sensorMetadata.deviceID)";

    public bool Read(JObject evt, string path)
    {
        var typeToken = evt["type"];
        if (typeToken is null || typeToken.Type != JTokenType.String)
            return json.Fail(path + ".type", "an EPCIS event type (ObjectEvent, AggregationEvent, TransactionEvent, AssociationEvent)", typeToken);
        var type = EpcisJson.Text(typeToken);
        var isAssociation = type is "AssociationEvent" or "AggregationEvent";
        // TransformationEvent and user-defined event types have no canonical meaning for a shipment: skipped, not rejected.
        if (!isAssociation && type is not ("ObjectEvent" or "TransactionEvent")) return true;

        if (!json.TryOffset(evt["eventTimeZoneOffset"], path + ".eventTimeZoneOffset", out var declared)) return false;
        if (!json.TryTime(evt["eventTime"], path + ".eventTime", declared, out var time, out var timeOffset)) return false;
        if (!json.TryOptionalString(evt, "eventID", path, out var eventId)) return false;
        if (!json.TryOptionalString(evt, "bizStep", path, out var bizStep)) return false;
        if (!json.TryOptionalString(evt, "action", path, out var action)) return false;
        if (!json.TryOptionalString(evt, "parentID", path, out var parentId)) return false;

        var uris = new List<string>();
        if (!json.TryStringArray(evt, "epcList", path, uris) || !TryQuantityClasses(evt, "quantityList", path, uris)) return false;
        var children = new List<string>();
        if (!json.TryStringArray(evt, "childEPCs", path, children) || !TryQuantityClasses(evt, "childQuantityList", path, children)) return false;
        var refs = new List<Reference>(uris.Count + children.Count + 2);
        foreach (var uri in uris) AddDistinct(refs, EpcisIdentifiers.ToReference(uri));
        if (parentId is not null) AddDistinct(refs, EpcisIdentifiers.ToReference(parentId));
        foreach (var uri in children) AddDistinct(refs, EpcisIdentifiers.ToReference(uri));
        if (!TryLocation(evt, path, out var location, out var geo)) return false;

        var frame = new EventFrame(context, refs, location, geo, time, declared ?? timeOffset, eventId);
        var start = output.Count;
        var shortStep = bizStep is null ? null : EpcisVocabulary.NormalizeBizStep(bizStep);

        if (isAssociation && action is "ADD" or "DELETE")
        {
            if (parentId is null) return json.Fail(path + ".parentID", $"the parent identifier of an {action}", null);
            var parent = EpcisIdentifiers.ToReference(parentId);
            foreach (var uri in children)
                output.Add(Association(frame, shortStep ?? type, action, parent, EpcisIdentifiers.ToReference(uri)));
        }
        if (shortStep is not null && EpcisVocabulary.BizSteps.TryMap(shortStep, out var milestone))
            output.Add(Milestone(frame, shortStep, milestone));
        if (!EpcisSensorReader.Read(evt, path, frame, json, output)) return false;
        if (!isAssociation && output.Count == start && geo is { } fix)
            output.Add(Position(frame, shortStep ?? type, fix));

        for (var i = start; i < output.Count; i++)
            if (output[i].Refs.Count == 0) return json.Fail(path, NoIdentifier, null);
        if (output.Count - start == 1 && CanonicalExtension.Find(evt) is { } extension)
        {
            // Only a one-to-one EPCIS event (what our export writes) can carry one event's identity back.
            if (!CanonicalExtension.TryApply(extension, path + "['" + CanonicalExtension.Property + "']", json, output[start], out var restored))
                return false;
            output[start] = restored;
        }
        return true;
    }

    bool TryQuantityClasses(JObject evt, string name, string path, List<string> into)
    {
        var token = evt[name];
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token is not JArray array) return json.Fail(path + "." + name, "an array of quantity elements", token);
        for (var i = 0; i < array.Count; i++)
        {
            var elementPath = EpcisJson.Index(path, name, i);
            if (array[i] is not JObject element) return json.Fail(elementPath, "a quantity element object", array[i]);
            if (!json.TryOptionalString(element, "epcClass", elementPath, out var epcClass)) return false;
            if (epcClass is null) return json.Fail(elementPath + ".epcClass", "an EPC class URI", null);
            into.Add(epcClass);
        }
        return true;
    }

    /// <summary>readPoint first, then bizLocation: a geo URI gives lat/lon, our URN the UN/LOCODE, any other id the name.</summary>
    bool TryLocation(JObject evt, string path, out Location? location, out GeoPoint? geo)
    {
        (location, geo) = (null, null);
        string? unlocode = null, name = null;
        foreach (var member in (ReadOnlySpan<string>)["readPoint", "bizLocation"])
        {
            var token = evt[member];
            if (token is null || token.Type == JTokenType.Null) continue;
            var memberPath = path + "." + member;
            if (token is not JObject place) return json.Fail(memberPath, "an object with an id", token);
            if (!json.TryOptionalString(place, "id", memberPath, out var id)) return false;
            if (id is null) return json.Fail(memberPath + ".id", "a location identifier URI", null);
            if (EpcisPlaces.TryParseGeo(id, out var point, out var inRange))
            {
                if (!inRange) return json.Fail(memberPath + ".id", "a geo URI with latitude -90..90 and longitude -180..180", place["id"]);
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

    static MilestoneEvent Milestone(EventFrame f, string bizStep, string code) => (MilestoneEvent)new MilestoneEvent
    {
        OccurredAt = f.Time, OccurredAtOffset = f.Offset, OffsetSource = OffsetSource.Explicit, ReceivedAt = f.Context.ReceivedAt,
        Source = f.Source(bizStep), Refs = f.Refs, Location = f.Location, Flags = f.FlagsAt(f.Time),
        Milestone = new MilestoneDetail(code, TimeClassifier.ACT),
    }.WithDerivedId();

    static AssociationEvent Association(EventFrame f, string code, string action, Reference parent, Reference child) => (AssociationEvent)new AssociationEvent
    {
        OccurredAt = f.Time, OccurredAtOffset = f.Offset, OffsetSource = OffsetSource.Explicit, ReceivedAt = f.Context.ReceivedAt,
        Source = f.Source(code), Refs = [parent, child], Location = f.Location, Flags = f.FlagsAt(f.Time),
        Association = new AssociationDetail(action, parent, child),
    }.WithDerivedId();

    /// <summary>The fix is the event itself, so the location keeps only what the geo URI does not say (UN/LOCODE, name).</summary>
    static PositionEvent Position(EventFrame f, string code, GeoPoint fix) => (PositionEvent)new PositionEvent
    {
        OccurredAt = f.Time, OccurredAtOffset = f.Offset, OffsetSource = OffsetSource.Explicit, ReceivedAt = f.Context.ReceivedAt,
        Source = f.Source(code), Refs = f.Refs, Flags = f.FlagsAt(f.Time),
        Location = f.Location is null or { Unlocode: null, Name: null } ? null : f.Location with { Lat = null, Lon = null },
        Position = new PositionDetail(fix.Lat, fix.Lon, fix.AccuracyM, PositionMethods.Carrier) { AltitudeM = fix.AltitudeM },
    }.WithDerivedId();
}
