using System.Text.Json;
using Logistics.Canonical.Events;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Epcis2.Export;

/// <summary>
/// One canonical event → one EPCIS event. The standard fields say what happened in EPCIS terms (time and offset,
/// bizStep, identifiers, place, sensor reports, parent/child); <see cref="CanonicalExtensionWriter"/> adds the rest.
/// </summary>
static class EpcisEventWriter
{
    /// <summary>RFC 3339 with the source's offset written as ±HH:MM (never 'Z' or '+01', which some readers refuse).</summary>
    static readonly OffsetDateTimePattern EventTime =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss;FFFFFFFFFo<+HH:mm>");
    static readonly OffsetPattern OffsetFormat = OffsetPattern.CreateWithInvariantCulture("+HH:mm");

    public static bool TryWrite(Utf8JsonWriter w, CanonicalEvent e)
    {
        string? bizStep = null;
        if (e is RetractionEvent) return false;
        if (e is MilestoneEvent m && !EpcisVocabulary.ExportBizSteps.TryGetValue(m.Milestone.Code, out bizStep)) return false;

        w.WriteStartObject();
        w.WriteString("type", e is AssociationEvent ? "AssociationEvent" : "ObjectEvent");
        w.WriteString("eventTime", EventTime.Format(e.OccurredAt.WithOffset(e.OccurredAtOffset)));
        w.WriteString("eventTimeZoneOffset", OffsetFormat.Format(e.OccurredAtOffset));
        if (Guid.TryParse(e.EventId, out var id)) w.WriteString("eventID", "urn:uuid:" + id.ToString("D"));

        if (e is AssociationEvent a)
        {
            w.WriteString("action", a.Association.Action);
            w.WriteString("parentID", EpcisIdentifiers.ToUri(a.Association.Parent));
            w.WriteStartArray("childEPCs");
            w.WriteStringValue(EpcisIdentifiers.ToUri(a.Association.Child));
            w.WriteEndArray();
            WritePlace(w, e.Location, null);
        }
        else
        {
            w.WriteString("action", "OBSERVE");
            var device = e is MeasurementEvent or AlarmEvent ? SensorDevice(e.Refs) : null;
            WriteEpcList(w, e.Refs, device);
            if (e is MeasurementEvent or AlarmEvent) bizStep = EpcisVocabulary.SensorReporting;
            if (bizStep is not null) w.WriteString("bizStep", bizStep);
            WritePlace(w, e.Location, e is PositionEvent p ? p.Position : null);
            if (e is MeasurementEvent or AlarmEvent) EpcisSensorWriter.Write(w, e, device);
        }
        CanonicalExtensionWriter.Write(w, e);
        w.WriteEndObject();
        return true;
    }

    /// <summary>The device whose readings these are goes to sensorMetadata.deviceID when it is a URI, as EPCIS puts it.</summary>
    static Reference? SensorDevice(IReadOnlyList<Reference> refs)
    {
        foreach (var r in refs)
            if (r.Scheme == RefSchemes.DeviceId && Uri.IsWellFormedUriString(r.Value, UriKind.Absolute))
                return r;
        return null;
    }

    /// <summary>epcList is always written (possibly empty): the schema needs it, or quantityList, on an ObjectEvent.</summary>
    static void WriteEpcList(Utf8JsonWriter w, IReadOnlyList<Reference> refs, Reference? device)
    {
        w.WriteStartArray("epcList");
        var written = new HashSet<string>(refs.Count, StringComparer.Ordinal);
        foreach (var r in refs)
        {
            var uri = EpcisIdentifiers.ToUri(r);
            if (r != device && written.Add(uri)) w.WriteStringValue(uri);
        }
        w.WriteEndArray();
    }

    /// <summary>readPoint: a position's own fix, else the location's most precise id; bizLocation: the location's next id.</summary>
    static void WritePlace(Utf8JsonWriter w, Location? location, PositionDetail? fix)
    {
        string? readPoint = fix is null ? null : EpcisPlaces.FormatGeo(fix.Lat, fix.Lon, fix.AltitudeM, fix.AccuracyM);
        string? bizLocation = null;
        if (location is not null)
        {
            foreach (var id in EpcisPlaces.Ids(fix is null ? location : location with { Lat = null, Lon = null }))
            {
                if (readPoint is null) readPoint = id;
                else if (bizLocation is null) { bizLocation = id; break; }
            }
        }
        if (readPoint is not null) WriteId(w, "readPoint", readPoint);
        if (bizLocation is not null) WriteId(w, "bizLocation", bizLocation);
    }

    static void WriteId(Utf8JsonWriter w, string name, string id)
    {
        w.WriteStartObject(name);
        w.WriteString("id", id);
        w.WriteEndObject();
    }
}
