using System.Text.Json;
using Logistics.Canonical.Events;
using Logistics.Canonical.Json;

namespace Logistics.Adapters.Epcis2.Export;

/// <summary>Writes the <see cref="CanonicalExtension"/> field (the reader's counterpart; same member names as CanonicalJson).</summary>
static class CanonicalExtensionWriter
{
    public static void Write(Utf8JsonWriter w, CanonicalEvent e)
    {
        w.WriteStartObject(CanonicalExtension.Property);
        w.WriteString("kind", WireNames.Of(e.Kind));
        w.WriteString("eventId", e.EventId);
        w.WriteString("receivedAt", CanonicalJson.FormatInstant(e.ReceivedAt));
        w.WriteString("offsetSource", WireNames.Of(e.OffsetSource));

        w.WriteStartObject("source");
        w.WriteString("adapter", e.Source.Adapter);
        NullableString(w, "carrier", e.Source.Carrier);
        w.WriteString("rawSha256", e.Source.RawSha256);
        NullableString(w, "sourceCode", e.Source.SourceCode);
        NullableString(w, "sourceEventId", e.Source.SourceEventId);
        w.WriteEndObject();

        w.WriteStartArray("refs");
        foreach (var r in e.Refs)
        {
            w.WriteStartObject();
            w.WriteString("scheme", r.Scheme);
            w.WriteString("value", r.Value);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (e.Location is { } l)
        {
            w.WriteStartObject("location");
            NullableString(w, "unlocode", l.Unlocode);
            NullableString(w, "name", l.Name);
            NullableNumber(w, "lat", l.Lat);
            NullableNumber(w, "lon", l.Lon);
            w.WriteEndObject();
        }
        else w.WriteNull("location");

        w.WriteStartArray("flags");
        foreach (var f in e.Flags) w.WriteStringValue(f);
        w.WriteEndArray();

        switch (e)
        {
            case MilestoneEvent m:
                w.WriteStartObject("milestone");
                w.WriteString("classifier", m.Milestone.Classifier.ToString());
                w.WriteEndObject();
                break;
            case MeasurementEvent me:
                w.WriteStartObject("measurement");
                w.WriteNumber("originalValue", me.Measurement.OriginalValue);
                w.WriteString("originalUnit", me.Measurement.OriginalUnit);
                NullableString(w, "sensor", me.Measurement.Sensor);
                w.WriteEndObject();
                break;
            case PositionEvent p:
                w.WriteStartObject("position");
                w.WriteString("method", p.Position.Method);
                NullableNumber(w, "speedKmh", p.Position.SpeedKmh);
                NullableNumber(w, "headingDeg", p.Position.HeadingDeg);
                w.WriteEndObject();
                break;
            case AlarmEvent a:
                w.WriteStartObject("alarm");
                w.WriteString("type", a.Alarm.Type);
                NullableString(w, "sensor", a.Alarm.Sensor);
                NullableString(w, "description", a.Alarm.Description);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }

    static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name); else w.WriteString(name, value);
    }

    static void NullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v) w.WriteNumber(name, v); else w.WriteNull(name);
    }
}
