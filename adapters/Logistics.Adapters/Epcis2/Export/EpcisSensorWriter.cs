using System.Text.Json;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Epcis2.Export;

/// <summary>A measurement or alarm → sensorElementList with one sensorReport, value in the canonical unit (CEL for temperature).</summary>
static class EpcisSensorWriter
{
    public static void Write(Utf8JsonWriter w, CanonicalEvent e, Reference? device)
    {
        w.WriteStartArray("sensorElementList");
        w.WriteStartObject();
        if (device is { } d)
        {
            w.WriteStartObject("sensorMetadata");
            w.WriteString("deviceID", d.Value);
            w.WriteEndObject();
        }
        w.WriteStartArray("sensorReport");
        w.WriteStartObject();
        if (e is MeasurementEvent me) WriteMeasurement(w, me.Measurement);
        else if (e is AlarmEvent a) WriteAlarm(w, a.Alarm);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
    }

    static void WriteMeasurement(Utf8JsonWriter w, MeasurementDetail m)
    {
        var (type, substance) = EpcisVocabulary.ToEpcisType(m.Type, m.Unit);
        w.WriteString("type", type);
        if (substance is not null) w.WriteString("chemicalSubstance", substance);
        w.WriteNumber("value", m.Value);
        if (m.MinValue is { } min) w.WriteNumber("minValue", min);
        if (m.MaxValue is { } max) w.WriteNumber("maxValue", max);
        w.WriteString("uom", m.Unit);
    }

    static void WriteAlarm(Utf8JsonWriter w, AlarmDetail alarm)
    {
        var (type, substance) = MeasurementTypes.All.Contains(alarm.Type)
            ? EpcisVocabulary.ToEpcisType(alarm.Type, alarm.Unit)
            : (EpcisVocabulary.OwnType(alarm.Type), null);
        w.WriteString("type", type);
        if (substance is not null) w.WriteString("chemicalSubstance", substance);
        // An error code the source gave stays an error; every other device alarm is an alarm condition.
        var error = alarm.Description?.StartsWith("ERROR_CONDITION", StringComparison.Ordinal) == true;
        w.WriteString("exception", error ? "ERROR_CONDITION" : "ALARM_CONDITION");
        if (alarm.Value is { } value) w.WriteNumber("value", value);
        if (alarm.Unit is not null) w.WriteString("uom", alarm.Unit);
    }
}
