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

        CanonicalJson.WriteSource(w, e.Source);
        CanonicalJson.WriteRefs(w, e.Refs);
        w.WritePropertyName("location");
        CanonicalJson.WriteLocation(w, e.Location);
        CanonicalJson.WriteFlags(w, e.Flags);

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
                CanonicalJson.WriteNullableString(w, "sensor", me.Measurement.Sensor);
                w.WriteEndObject();
                break;
            case PositionEvent p:
                w.WriteStartObject("position");
                w.WriteString("method", p.Position.Method);
                CanonicalJson.WriteNullableNumber(w, "speedKmh", p.Position.SpeedKmh);
                CanonicalJson.WriteNullableNumber(w, "headingDeg", p.Position.HeadingDeg);
                w.WriteEndObject();
                break;
            case AlarmEvent a:
                w.WriteStartObject("alarm");
                w.WriteString("type", a.Alarm.Type);
                CanonicalJson.WriteNullableString(w, "sensor", a.Alarm.Sensor);
                CanonicalJson.WriteNullableString(w, "description", a.Alarm.Description);
                w.WriteEndObject();
                break;
        }
        w.WriteEndObject();
    }
}
