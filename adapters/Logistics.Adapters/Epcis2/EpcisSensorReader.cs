using Logistics.Canonical.Events;
using Logistics.Canonical.Units;
using Newtonsoft.Json.Linq;
using NodaTime;

namespace Logistics.Adapters.Epcis2;

/// <summary>
/// sensorElementList → one canonical event per sensorReport: a measurement (value, or meanValue, or the midpoint of
/// min/max; min/max kept; temperatures in Celsius with the original kept), or an alarm when the report carries an
/// exception. The report's time, else sensorMetadata.time, else sensorMetadata.endTime, else eventTime, is when it happened.
/// </summary>
static class EpcisSensorReader
{
    public static bool Read(JObject evt, string path, EventFrame frame, EpcisJson json, List<CanonicalEvent> output)
    {
        var token = evt["sensorElementList"];
        if (token is null || token.Type == JTokenType.Null) return true;
        if (token is not JArray elements) return json.Fail(path + ".sensorElementList", "an array of sensor elements", token);
        for (var i = 0; i < elements.Count; i++)
        {
            var elementPath = EpcisJson.Index(path, "sensorElementList", i);
            if (elements[i] is not JObject element) return json.Fail(elementPath, "a sensor element object", elements[i]);
            var metaToken = element["sensorMetadata"];
            var metadata = metaToken as JObject;
            if (metaToken is not null && metaToken.Type != JTokenType.Null && metadata is null)
                return json.Fail(elementPath + ".sensorMetadata", "an object", metaToken);
            string? device = null;
            if (metadata is not null && !json.TryOptionalString(metadata, "deviceID", elementPath + ".sensorMetadata", out device)) return false;
            // One time per element (parsed once, not per report): its time, else the end of its interval, else eventTime.
            var elementTime = frame.Time;
            var metaTime = metadata?["time"] ?? metadata?["endTime"];
            var metaTimePath = elementPath + (metadata?["time"] is not null ? ".sensorMetadata.time" : ".sensorMetadata.endTime");
            if (metaTime is not null && !json.TryTime(metaTime, metaTimePath, frame.Offset, out elementTime, out _)) return false;
            if (element["sensorReport"] is not JArray reports)
                return json.Fail(elementPath + ".sensorReport", "an array of sensor reports", element["sensorReport"]);
            for (var j = 0; j < reports.Count; j++)
            {
                var reportPath = EpcisJson.Index(elementPath, "sensorReport", j);
                if (reports[j] is not JObject report) return json.Fail(reportPath, "a sensor report object", reports[j]);
                if (!ReadReport(report, reportPath, elementTime, device, frame, json, output)) return false;
            }
        }
        return true;
    }

    static bool ReadReport(JObject report, string path, Instant elementTime, string? metaDevice,
        EventFrame frame, EpcisJson json, List<CanonicalEvent> output)
    {
        if (report["type"] is not { Type: JTokenType.String } typeToken)
            return json.Fail(path + ".type", "a measurement type such as Temperature", report["type"]);
        var type = EpcisJson.Text(typeToken);
        if (!json.TryOptionalString(report, "exception", path, out var exception)
            || !json.TryOptionalString(report, "deviceID", path, out var reportDevice)
            || !json.TryOptionalString(report, "component", path, out var component)
            || !json.TryOptionalString(report, "chemicalSubstance", path, out var substance)
            || !json.TryOptionalString(report, "uom", path, out var uom)
            || !json.TryOptionalNumber(report, "value", path, out var value)
            || !json.TryOptionalNumber(report, "meanValue", path, out var mean)
            || !json.TryOptionalNumber(report, "minValue", path, out var min)
            || !json.TryOptionalNumber(report, "maxValue", path, out var max))
            return false;

        var time = elementTime;
        if (report["time"] is { } reportTime && !json.TryTime(reportTime, path + ".time", frame.Offset, out time, out _)) return false;
        var device = metaDevice ?? reportDevice;
        // A report's own deviceID under a device is its probe; x/y/z components of one reading are told apart the same way.
        var sensor = component ?? (metaDevice is not null ? reportDevice : null);
        var refs = frame.Refs;
        if (device is not null && !refs.Contains(new Reference(RefSchemes.DeviceId, device)))
            refs = [.. frame.Refs, new Reference(RefSchemes.DeviceId, device)];
        var mapped = EpcisVocabulary.TryCanonicalType(type, substance, out var canonicalType);

        if (exception is not null)
        {
            var detail = StringOrNull(report["uriValue"]) ?? StringOrNull(report["stringValue"])
                ?? (report["booleanValue"] is { Type: JTokenType.Boolean } b ? ((bool)b ? "true" : "false") : null);
            output.Add(new AlarmEvent
            {
                OccurredAt = time, OccurredAtOffset = frame.Offset, OffsetSource = OffsetSource.Explicit, ReceivedAt = frame.Context.ReceivedAt,
                Source = frame.Source(type), Refs = refs, Location = frame.Location, Flags = frame.FlagsAt(time),
                Alarm = new AlarmDetail(mapped ? canonicalType : EpcisVocabulary.AlarmType(type), sensor, value ?? mean, uom,
                    detail is null ? exception : exception + " " + detail),
            }.WithDerivedId());
            return true;
        }

        // Readings the canonical model has no type for (Speed, Length, …), or with no numeric value, are skipped.
        var reading = mean ?? value ?? (min is { } lo && max is { } hi ? Math.Round((lo + hi) / 2, 6) : min ?? max);
        if (!mapped || reading is not { } original) return true;
        var unit = uom ?? EpcisVocabulary.DefaultUnit(type);
        if (canonicalType == MeasurementTypes.Temperature && (unit is null || !UnitConversion.IsTemperatureUnit(unit)))
            return json.Fail(path + ".uom", "a temperature unit (CEL, FAH or KEL)", report["uom"]);
        if (unit is null) return json.Fail(path + ".uom", "a UN/CEFACT Rec 20 unit code", null);
        var canonical = UnitConversion.ToCanonical(canonicalType, original, unit);
        output.Add(new MeasurementEvent
        {
            OccurredAt = time, OccurredAtOffset = frame.Offset, OffsetSource = OffsetSource.Explicit, ReceivedAt = frame.Context.ReceivedAt,
            Source = frame.Source(type), Refs = refs, Location = frame.Location, Flags = frame.FlagsAt(time),
            Measurement = new MeasurementDetail(canonicalType, canonical.Value, canonical.Unit, original, unit, sensor)
            {
                MinValue = min is { } mn ? UnitConversion.ToCanonical(canonicalType, mn, unit).Value : null,
                MaxValue = max is { } mx ? UnitConversion.ToCanonical(canonicalType, mx, unit).Value : null,
            },
        }.WithDerivedId());
        return true;
    }

    static string? StringOrNull(JToken? token) => token is { Type: JTokenType.String } ? EpcisJson.Text(token) : null;
}
