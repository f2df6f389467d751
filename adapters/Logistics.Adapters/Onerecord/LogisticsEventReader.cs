using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Identifiers;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Onerecord;

/// <summary>
/// One <c>cargo:LogisticsEvent</c> (or its subtype StatusUpdateEvent) → one milestone: eventCode through the status map,
/// eventTimeType as classifier, eventDate resolved by the eventLocation's code, the eventFor objects as references.
/// </summary>
static class LogisticsEventReader
{
    const string StatusCodeList = JsonLd.CodeLists + "StatusCode";

    public static void Read(JObject e, JsonLd ld, OnerecordCodes codes, TranslationContext context, List<CanonicalEvent> output)
    {
        var json = ld.Json;
        var codeToken = ld.Cargo(e, "eventCode");
        var code = Code(codeToken, ld);
        if (json.Failed) return;
        if (code is null)
        {
            json.Missing(e, "cargo:eventCode", "the event's status code (a StatusCode)");
            return;
        }
        if (codes.WithoutMilestone.ContainsKey(code)) return;
        if (!codes.TryMilestone(code, out var milestone))
        {
            ld.Fail(codeToken!, "a StatusCode listed in onerecord status-map.json (DEP, ARR, RCF, DLV, …)");
            return;
        }

        var classifier = TimeClassifier.ACT;
        if (ld.Cargo(e, "eventTimeType") is { } timeTypeToken)
        {
            var timeType = ld.Id(timeTypeToken, "an EventTimeType");
            if (timeType is not null && !codes.TimeTypes.TryGetValue(JsonLd.LocalName(timeType), out classifier))
            {
                ld.Fail(timeTypeToken, "an EventTimeType: ACTUAL, ESTIMATED, EXPECTED, PLANNED or REQUESTED");
                return;
            }
        }

        var (hint, location) = Places.Location(ld.Cargo(e, "eventLocation"), ld);
        var dateToken = ld.Cargo(e, "eventDate");
        var dateText = ld.Text(dateToken, "an xsd:dateTime");
        if (json.Failed) return;
        if (dateText is null)
        {
            json.Missing(e, "cargo:eventDate", "the event's date and time (xsd:dateTime)");
            return;
        }
        if (SourceTime.ParseIso(dateText, hint) is not { } time)
        {
            json.Fail(dateToken!, "an xsd:dateTime, e.g. 2023-04-01T10:38:01.000Z");
            return;
        }

        var eventId = ld.Id(e["@id"], "the event's IRI");
        var refs = Refs(e, eventId, ld);
        if (json.Failed) return;
        if (refs.Count == 0)
        {
            json.Missing(e, "cargo:eventFor", "the logistics object the event is about (eventFor, or an event IRI under /logistics-objects/{id}/)");
            return;
        }
        var header = EventHeader.For(context, time, refs, code, eventId) with { Location = location };
        output.Add(header.Milestone(milestone, classifier));
    }

    /// <summary>The StatusCode: the fragment of a code-list IRI, a CodeListElement's cargo:code, or a bare code.</summary>
    static string? Code(JToken? token, JsonLd ld)
    {
        if (token is null) return null;
        string? iri = token is JObject o && o["@id"] is null ? null : ld.Id(token, "a StatusCode");
        if (iri is null)
            return token is JObject element ? ld.Text(ld.Cargo(element, "code"), "a status code") : null;
        var hash = iri.IndexOf('#');
        if (hash < 0) return iri.Contains(':', StringComparison.Ordinal) ? JsonLd.LocalName(iri) : iri;
        var list = iri[..hash];
        if (list == StatusCodeList || list.EndsWith(":StatusCode", StringComparison.Ordinal)) return iri[(hash + 1)..];
        ld.Json.Fail(JsonInput.PathOf(token), "a code of the ONE Record StatusCode code list (https://onerecord.iata.org/ns/code-lists/StatusCode#…)", JsonInput.Describe(new JValue(iri)));
        return null;
    }

    static List<Reference> Refs(JObject e, string? eventId, JsonLd ld)
    {
        var refs = new List<Reference>(2);
        var objects = ld.CargoAll(e, "eventFor").Concat(ld.CargoAll(e, "linkedObject"));
        foreach (var target in objects)
        {
            if (target is JObject o && Waybill(o, ld) is { } awb && !refs.Contains(awb)) refs.Insert(0, awb);
            if (ld.Id(target, "a logistics object (@id)") is { } id && !refs.Contains(Lo(id))) refs.Add(Lo(id));
        }
        if (refs.Count == 0 && eventId is not null)
        {
            var cut = eventId.IndexOf("/logistics-events/", StringComparison.Ordinal);
            if (cut > 0) refs.Add(Lo(eventId[..cut]));
        }
        return refs;
    }

    static Reference Lo(string iri) => new(RefSchemes.LogisticsObject, iri);

    /// <summary>An embedded waybill (on a Shipment, or the object itself a Waybill): prefix and number, check digit verified.</summary>
    static Reference? Waybill(JObject o, JsonLd ld)
    {
        var waybill = ld.Cargo(o, "waybill") as JObject ?? (ld.Types(o).Contains("Waybill") ? o : null);
        if (waybill is null) return null;
        var prefix = ld.Text(ld.Cargo(waybill, "waybillPrefix"), "a 3-digit airline prefix");
        var number = ld.Text(ld.Cargo(waybill, "waybillNumber"), "an 8-digit waybill number");
        if (prefix is null || number is null) return null;
        if (!AirWaybillNumber.TryParse(prefix + number, out var awb, out var error))
        {
            ld.Json.Fail(ld.Cargo(waybill, "waybillNumber")!, $"an air waybill number with a valid check digit ({error})");
            return null;
        }
        return awb.ToReference();
    }
}

/// <summary>A ONE Record Location: its codes (IATA airport or UN/LOCODE) give the zone, its name and geolocation are kept.</summary>
static class Places
{
    public static (ZoneHint Hint, Location? Location) Location(JToken? token, JsonLd ld)
    {
        if (token is not JObject loc) return (ZoneHint.None, null);
        string? code = null;
        foreach (var c in ld.CargoAll(loc, "locationCodes"))
        {
            var text = c is JObject element && element["@id"] is null ? ld.Text(ld.Cargo(element, "code"), "a location code") : ld.Id(c, "a location code");
            if (text is not null) { code = JsonLd.LocalName(text); break; }
        }
        var name = ld.Text(ld.Cargo(loc, "locationName"), "a location name");
        double? lat = null, lon = null;
        if (ld.Cargo(loc, "geolocation") is JObject geo)
        {
            lat = ld.Number(ld.Cargo(geo, "latitude"), "a latitude");
            lon = ld.Number(ld.Cargo(geo, "longitude"), "a longitude");
        }
        var hint = code?.Length switch
        {
            3 => new ZoneHint(Iata: code),
            5 => new ZoneHint(Unlocode: code),
            _ => ZoneHint.None,
        };
        var unlocode = code?.Length == 5 ? code : null;
        return (hint, new Location(unlocode, name ?? code, lat, lon));
    }
}
