using System.Globalization;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Logistics.Canonical.Units;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>
/// REEFER events. A measured event (MEAS) gives one measurement event per reading: temperatures (ambient, per probe,
/// supply/return air) in Celsius, humidity, O2 and CO2 in percent. Setpoints are targets, not readings, and are not
/// measurements. An adjusted event (ADJU) is a setpoint change, which can ruin a cargo: it becomes an alarm
/// <c>setpoint-adjusted</c> carrying the new temperature setpoint.
/// </summary>
static class DcsaReefer
{
    public const string SetpointAdjusted = "setpoint-adjusted";

    public static void Translate(DcsaEventView view, string code, Func<string> codePosition, EventHeader header, JsonInput json, List<CanonicalEvent> output)
    {
        switch (code)
        {
            case "MEAS" or "MEASURED":
                foreach (var r in Readings(view.Body, json))
                    output.Add(header.Measurement(r));
                break;
            case "ADJU" or "ADJUSTED":
                output.Add(header.Alarm(Adjustment(view.Body, json)));
                break;
            default:
                json.Fail(codePosition(), "a reefer event type code MEAS or ADJU", $"'{code}'");
                break;
        }
    }

    static List<MeasurementDetail> Readings(JObject body, JsonInput json)
    {
        var list = new List<MeasurementDetail>(6);
        if (json.Object(body, "measurements") is { } m) // event domain 3.1
        {
            var unit = new Lazy<string?>(() => TemperatureUnit(m, json));
            Temperature(list, m, "ambientTemperature", unit, "ambient", json);
            Temperature(list, m, "temperature", unit, null, json);
            Percent(list, m, "humidity", MeasurementTypes.Humidity, json);
            Percent(list, m, "o2", MeasurementTypes.O2, json);
            Percent(list, m, "co2", MeasurementTypes.Co2, json);
        }
        if (json.Object(body, "reeferDetails") is { } d) // T&T 3.0
        {
            var unit = new Lazy<string?>(() => TemperatureUnit(d, json));
            Temperature(list, d, "ambientMeasuredTemperature", unit, "ambient", json);
            if (json.Array(d, "temperatureProbeMeasurements") is { } probes)
                for (var i = 0; i < probes.Count; i++)
                {
                    if (probes[i] is not JObject p)
                    {
                        json.Fail(probes[i], "a probe measurement object");
                        continue;
                    }
                    Temperature(list, p, "measuredTemperatureValue", unit, ProbeName(p, i, json), json);
                }
            AirTemperature(list, json.Object(d, "supplyAirTemperatureMeasurement"), unit, "supply-air", json);
            AirTemperature(list, json.Object(d, "returnAirTemperatureMeasurement"), unit, "return-air", json);
            if (json.Object(d, "measuredParameters") is { } p2)
            {
                Percent(list, p2, "humidityPercentage", MeasurementTypes.Humidity, json);
                Percent(list, p2, "o2Percentage", MeasurementTypes.O2, json);
                Percent(list, p2, "co2Percentage", MeasurementTypes.Co2, json);
            }
        }
        return list;
    }

    /// <summary>USDA probe numbers are the shared vocabulary; COA keys and free labels come next.</summary>
    static string ProbeName(JObject probe, int index, JsonInput json) =>
        json.NumberOrString(probe, "USDAProbeNumber") is { } n ? "usda-probe-" + n.ToString(CultureInfo.InvariantCulture)
        : json.Text(probe, "COAProbeUDMKey") ?? json.Text(probe, "probeLabel") ?? "probe-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    static void AirTemperature(List<MeasurementDetail> list, JObject? air, Lazy<string?> unit, string sensor, JsonInput json)
    {
        if (air is null) return;
        Temperature(list, air, "temperatureValue", unit, sensor, json);
        if (json.Array(air, "sensorReadings") is not { } readings) return;
        foreach (var r in readings)
        {
            if (r is not JObject o)
            {
                json.Fail(r, "a sensor reading object");
                continue;
            }
            Temperature(list, o, "temperatureValue", unit, sensor + "/" + (json.Text(o, "sensorLabel") ?? "sensor"), json);
        }
    }

    static void Temperature(List<MeasurementDetail> list, JObject o, string name, Lazy<string?> unit, string? sensor, JsonInput json)
    {
        if (json.NumberOrString(o, name) is not { } value || unit.Value is not { } u) return;
        var celsius = UnitConversion.ToCelsius(value, u);
        list.Add(new MeasurementDetail(MeasurementTypes.Temperature, celsius, "CEL", value, u, sensor));
    }

    static void Percent(List<MeasurementDetail> list, JObject o, string name, string type, JsonInput json)
    {
        if (json.NumberOrString(o, name) is { } value)
            list.Add(new MeasurementDetail(type, value, "P1", value, "P1", null));
    }

    /// <summary>The unit of every temperature of the object: CEL or FAH (null, rejected, otherwise). Without it a temperature cannot be trusted.</summary>
    static string? TemperatureUnit(JObject o, JsonInput json)
    {
        var unit = json.Text(o, "temperatureUnit");
        if (unit is "CEL" or "FAH") return unit;
        json.Fail(JsonInput.PathOf(o, "temperatureUnit"), "a temperatureUnit of CEL or FAH", unit is null ? "nothing" : $"'{unit}'");
        return null;
    }

    static AlarmDetail Adjustment(JObject body, JsonInput json)
    {
        // 3.1 sends the adjusted values in setpoints; 3.0 in reeferDetails (internalSetpointTemperature, setpointParameters).
        var (holder, name) = json.Object(body, "setpoints") is { } s ? (s, "temperature")
            : json.Object(body, "reeferDetails") is { } d ? (d, "internalSetpointTemperature") : ((JObject?)null, "");
        if (holder is null || json.NumberOrString(holder, name) is not { } value || TemperatureUnit(holder, json) is not { } unit)
            return new AlarmDetail(SetpointAdjusted, null, null, null, "reefer setpoints adjusted");
        var celsius = UnitConversion.ToCelsius(value, unit);
        return new AlarmDetail(SetpointAdjusted, null, celsius, "CEL",
            string.Create(CultureInfo.InvariantCulture, $"temperature setpoint adjusted to {value} {unit}"));
    }
}
