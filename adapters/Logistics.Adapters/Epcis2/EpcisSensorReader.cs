using Logistics.Adapters.Sdk;
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
    public static bool Read(JObject evt, EventFrame frame, JsonInput json, List<CanonicalEvent> output)
    {
        var token = JsonInput.Member(evt, "sensorElementList");
        if (token is null) return true;
        if (token is not JArray elements) return json.Fail(token, "an array of sensor elements");
        foreach (var item in elements)
        {
            if (item is not JObject element) return json.Fail(item, "a sensor element object");
            var metadata = json.Object(element, "sensorMetadata");
            var device = json.String(metadata, "deviceID");
            if (json.Failed) return false;
            // One time per element (parsed once, not per report): its time, else the end of its interval, else eventTime.
            var elementTime = frame.Time;
            var timeName = metadata?["time"] is not null ? "time" : metadata?["endTime"] is not null ? "endTime" : null;
            if (timeName is not null && !EpcisTime.TryRead(metadata!, timeName, frame.Offset, json, out elementTime, out _)) return false;
            if (element["sensorReport"] is not JArray reports)
                return json.Fail(JsonInput.PathOf(element, "sensorReport"), "an array of sensor reports", JsonInput.Describe(element["sensorReport"]));
            foreach (var r in reports)
            {
                if (r is not JObject report) return json.Fail(r, "a sensor report object");
                if (!ReadReport(report, elementTime, device, frame, json, output)) return false;
            }
        }
        return true;
    }

    static bool ReadReport(JObject report, Instant elementTime, string? metaDevice, EventFrame frame, JsonInput json, List<CanonicalEvent> output)
    {
        if (report["type"] is not { Type: JTokenType.String } typeToken)
            return json.Fail(JsonInput.PathOf(report, "type"), "a measurement type such as Temperature", JsonInput.Describe(report["type"]));
        var type = (string)typeToken!;
        var exception = json.String(report, "exception");
        var reportDevice = json.String(report, "deviceID");
        var component = json.String(report, "component");
        var substance = json.String(report, "chemicalSubstance");
        var uom = json.String(report, "uom");
        var value = json.Number(report, "value");
        var mean = json.Number(report, "meanValue");
        var min = json.Number(report, "minValue");
        var max = json.Number(report, "maxValue");
        if (json.Failed) return false;

        var time = elementTime;
        if (report["time"] is not null && !EpcisTime.TryRead(report, "time", frame.Offset, json, out time, out _)) return false;
        var device = metaDevice ?? reportDevice;
        // A report's own deviceID under a device is its probe; x/y/z components of one reading are told apart the same way.
        var sensor = component ?? (metaDevice is not null ? reportDevice : null);
        IReadOnlyList<Reference> refs = frame.Refs;
        if (device is not null && !frame.Refs.Contains(new Reference(RefSchemes.DeviceId, device)))
            refs = [.. frame.Refs, new Reference(RefSchemes.DeviceId, device)];
        // A report about no object and no device is about its place (ambient monitoring at a read point).
        if (refs.Count == 0 && frame.PlaceId is { } placeId)
            refs = [EpcisIdentifiers.LocationReference(placeId)];
        var header = frame.Header(type, time, refs);
        var mapped = EpcisVocabulary.TryCanonicalType(type, substance, out var canonicalType);

        if (exception is not null)
        {
            var detail = StringOrNull(report["uriValue"]) ?? StringOrNull(report["stringValue"])
                ?? (report["booleanValue"] is { Type: JTokenType.Boolean } b ? ((bool)b ? "true" : "false") : null);
            output.Add(header.Alarm(new AlarmDetail(mapped ? canonicalType : EpcisVocabulary.AlarmType(type), sensor, value ?? mean, uom,
                detail is null ? exception : exception + " " + detail)));
            return true;
        }

        // Readings the canonical model has no type for (Speed, Length, …), or with no numeric value, are skipped.
        var reading = mean ?? value ?? (min is { } lo && max is { } hi ? Math.Round((lo + hi) / 2, 6) : min ?? max);
        if (!mapped || reading is not { } original) return true;
        var unit = uom ?? EpcisVocabulary.DefaultUnit(type);
        if (canonicalType == MeasurementTypes.Temperature && (unit is null || !UnitConversion.IsTemperatureUnit(unit)))
            return json.Fail(JsonInput.PathOf(report, "uom"), "a temperature unit (CEL, FAH or KEL)", JsonInput.Describe(report["uom"]));
        if (unit is null) return json.Missing(report, "uom", "a UN/CEFACT Rec 20 unit code");
        var canonical = UnitConversion.ToCanonical(canonicalType, original, unit);
        output.Add(header.Measurement(new MeasurementDetail(canonicalType, canonical.Value, canonical.Unit, original, unit, sensor)
        {
            MinValue = min is { } mn ? UnitConversion.ToCanonical(canonicalType, mn, unit).Value : null,
            MaxValue = max is { } mx ? UnitConversion.ToCanonical(canonicalType, mx, unit).Value : null,
        }));
        return true;
    }

    static string? StringOrNull(JToken? token) => token is { Type: JTokenType.String } ? (string)token! : null;
}
