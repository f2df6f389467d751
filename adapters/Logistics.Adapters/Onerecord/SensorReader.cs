using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Units;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Onerecord;

/// <summary>
/// A <c>cargo:Sensor</c>'s measurements → one event each: a measurement (temperature in CEL, the original value and
/// unit kept) or, for a GEOLOCATION sensor, a position. The sensor type comes from <c>sensorType</c> (status-map.json
/// <c>sensorTypes</c>), or, when absent, from a temperature unit. References: the IoT device's serial number (else the
/// sensor's) as deviceId, then the sensor, its device and the object the device is attached to as logistics objects.
/// </summary>
static class SensorReader
{
    public static void Read(JObject sensor, JObject? device, JsonLd ld, OnerecordCodes codes, TranslationContext context, List<CanonicalEvent> output)
    {
        var json = ld.Json;
        device ??= ld.Cargo(sensor, "partOfIotDevice") as JObject;
        var typeToken = ld.Cargo(sensor, "sensorType");
        var typeIri = ld.Id(typeToken, "a SensorType");
        string? type = null;
        if (typeIri is not null && !codes.SensorTypes.TryGetValue(JsonLd.LocalName(typeIri), out type))
        {
            ld.Fail(typeToken!, "a SensorType listed in onerecord status-map.json (THERMOMETER, HUMIDITY, LIGHT, PRESSURE, ACCELEROMETER, GEOLOCATION)");
            return;
        }
        var name = ld.Text(ld.Cargo(sensor, "name"), "the sensor's name") ?? ld.Text(ld.Cargo(sensor, "serialNumber"), "the sensor's serial number");
        var refs = Refs(sensor, device, ld);
        if (json.Failed) return;

        foreach (var item in ld.CargoAll(sensor, "measurements"))
        {
            if (item is not JObject m)
            {
                json.Fail(item, "a cargo:Measurement object");
                return;
            }
            if (refs.Count == 0)
            {
                json.Missing(sensor, "cargo:serialNumber", "the sensor's (or its IoT device's) serial number or @id");
                return;
            }
            var stampToken = ld.Cargo(m, "measurementTimestamp");
            var stamp = ld.Text(stampToken, "an xsd:dateTime");
            if (json.Failed) return;
            if (stamp is null)
            {
                json.Missing(m, "cargo:measurementTimestamp", "the measurement's date and time (xsd:dateTime)");
                return;
            }
            if (SourceTime.ParseIso(stamp, ZoneHint.None) is not { } time)
            {
                json.Fail(stampToken!, "an xsd:dateTime, e.g. 2025-07-01T10:00:00Z");
                return;
            }
            var header = EventHeader.For(context, time, refs, type is null ? null : JsonLd.LocalName(typeIri!));
            if (type == "position") Position(m, header, ld, output);
            else Measurement(m, type, name, header, ld, output);
            if (json.Failed) return;
        }
    }

    static void Position(JObject m, EventHeader header, JsonLd ld, List<CanonicalEvent> output)
    {
        if (ld.Cargo(m, "recordedGeolocation") is not JObject geo)
        {
            ld.Json.Missing(m, "cargo:recordedGeolocation", "the geolocation a GEOLOCATION sensor recorded");
            return;
        }
        var lat = ld.Number(ld.Cargo(geo, "latitude"), "a latitude");
        var lon = ld.Number(ld.Cargo(geo, "longitude"), "a longitude");
        if (ld.Json.Failed) return;
        if (lat is not (>= -90 and <= 90))
        {
            ld.Json.Fail(ld.Cargo(geo, "latitude") ?? geo, "a latitude between -90 and 90");
            return;
        }
        if (lon is not (>= -180 and <= 180))
        {
            ld.Json.Fail(ld.Cargo(geo, "longitude") ?? geo, "a longitude between -180 and 180");
            return;
        }
        var elevation = ld.Cargo(geo, "elevation") is JObject value ? ld.Number(ld.Cargo(value, "numericalValue"), "a number") : null;
        output.Add(header.Position(new PositionDetail(lat.Value, lon.Value, null, PositionMethods.Gnss) { AltitudeM = elevation }));
    }

    static void Measurement(JObject m, string? type, string? sensor, EventHeader header, JsonLd ld, List<CanonicalEvent> output)
    {
        var json = ld.Json;
        if (ld.Cargo(m, "measurementValue") is not JObject value)
        {
            json.Missing(m, "cargo:measurementValue", "the measured value (a cargo:Value with numericalValue and unit)");
            return;
        }
        var numberToken = ld.Cargo(value, "numericalValue");
        var number = ld.Number(numberToken, "a number");
        var unitToken = ld.Cargo(value, "unit");
        var unitIri = ld.Id(unitToken, "a MeasurementUnitCode");
        if (json.Failed) return;
        if (number is null)
        {
            json.Missing(value, "cargo:numericalValue", "the measured number");
            return;
        }
        if (unitIri is null)
        {
            json.Missing(value, "cargo:unit", "the unit (MeasurementUnitCode, UN/CEFACT Rec 20: CEL, FAH, P1…)");
            return;
        }
        var unit = JsonLd.LocalName(unitIri);
        type ??= UnitConversion.IsTemperatureUnit(unit) ? MeasurementTypes.Temperature : null;
        if (type is null)
        {
            ld.Fail(unitToken!, "a sensorType on the sensor, or a temperature unit (CEL, FAH, KEL)");
            return;
        }
        if (!UnitConversion.TryToCanonical(type, number.Value, unit, out var canonical, out var original, out var error))
        {
            ld.Fail(unitToken!, $"a MeasurementUnitCode for {type} ({error})");
            return;
        }
        output.Add(header.Measurement(new MeasurementDetail(type, canonical.Value, canonical.Unit, number.Value, original, sensor)));
    }

    static List<Reference> Refs(JObject sensor, JObject? device, JsonLd ld)
    {
        var refs = new List<Reference>(4);
        var serial = (device is null ? null : ld.Text(ld.Cargo(device, "serialNumber"), "the device's serial number"))
            ?? ld.Text(ld.Cargo(sensor, "serialNumber"), "the sensor's serial number");
        if (serial is not null) refs.Add(new Reference(RefSchemes.DeviceId, serial));
        void Add(string? iri)
        {
            if (iri is not null && new Reference(RefSchemes.LogisticsObject, iri) is var r && !refs.Contains(r)) refs.Add(r);
        }
        Add(ld.Id(sensor["@id"], "the sensor's IRI"));
        if (device is not null)
        {
            Add(ld.Id(device["@id"], "the device's IRI"));
            foreach (var attached in ld.CargoAll(device, "attachedToObject")) Add(ld.Id(attached, "the object the device is attached to"));
        }
        return refs;
    }
}
