using System.Globalization;
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

    public static void Translate(DcsaEventView view, string code, Func<string> codePosition, EventFrame frame, List<CanonicalEvent> output)
    {
        switch (code)
        {
            case "MEAS" or "MEASURED":
                foreach (var r in Readings(view.Body))
                    output.Add(frame.Measurement(r));
                break;
            case "ADJU" or "ADJUSTED":
                output.Add(frame.Alarm(Adjustment(view.Body)));
                break;
            default:
                throw new DcsaInputException(codePosition(), "a reefer event type code MEAS or ADJU", $"'{code}'");
        }
    }

    static List<MeasurementDetail> Readings(JObject body)
    {
        var list = new List<MeasurementDetail>(6);
        if (DcsaJson.Obj(body, "measurements") is { } m) // event domain 3.1
        {
            var unit = new Lazy<string>(() => TemperatureUnit(m));
            Temperature(list, m, "ambientTemperature", unit, "ambient");
            Temperature(list, m, "temperature", unit, null);
            Percent(list, m, "humidity", MeasurementTypes.Humidity);
            Percent(list, m, "o2", MeasurementTypes.O2);
            Percent(list, m, "co2", MeasurementTypes.Co2);
        }
        if (DcsaJson.Obj(body, "reeferDetails") is { } d) // T&T 3.0
        {
            var unit = new Lazy<string>(() => TemperatureUnit(d));
            Temperature(list, d, "ambientMeasuredTemperature", unit, "ambient");
            if (DcsaJson.Arr(d, "temperatureProbeMeasurements") is { } probes)
                for (var i = 0; i < probes.Count; i++)
                {
                    if (probes[i] is not JObject p)
                        throw new DcsaInputException(DcsaJson.PathOf(probes[i]), "a probe measurement object", DcsaJson.Describe(probes[i]));
                    Temperature(list, p, "measuredTemperatureValue", unit, ProbeName(p, i));
                }
            AirTemperature(list, DcsaJson.Obj(d, "supplyAirTemperatureMeasurement"), unit, "supply-air");
            AirTemperature(list, DcsaJson.Obj(d, "returnAirTemperatureMeasurement"), unit, "return-air");
            if (DcsaJson.Obj(d, "measuredParameters") is { } p2)
            {
                Percent(list, p2, "humidityPercentage", MeasurementTypes.Humidity);
                Percent(list, p2, "o2Percentage", MeasurementTypes.O2);
                Percent(list, p2, "co2Percentage", MeasurementTypes.Co2);
            }
        }
        return list;
    }

    /// <summary>USDA probe numbers are the shared vocabulary; COA keys and free labels come next.</summary>
    static string ProbeName(JObject probe, int index) =>
        DcsaJson.Num(probe, "USDAProbeNumber") is { } n ? "usda-probe-" + n.ToString(CultureInfo.InvariantCulture)
        : DcsaJson.Str(probe, "COAProbeUDMKey") ?? DcsaJson.Str(probe, "probeLabel") ?? "probe-" + (index + 1).ToString(CultureInfo.InvariantCulture);

    static void AirTemperature(List<MeasurementDetail> list, JObject? air, Lazy<string> unit, string sensor)
    {
        if (air is null) return;
        Temperature(list, air, "temperatureValue", unit, sensor);
        if (DcsaJson.Arr(air, "sensorReadings") is not { } readings) return;
        foreach (var r in readings)
        {
            if (r is not JObject o)
                throw new DcsaInputException(DcsaJson.PathOf(r), "a sensor reading object", DcsaJson.Describe(r));
            Temperature(list, o, "temperatureValue", unit, sensor + "/" + (DcsaJson.Str(o, "sensorLabel") ?? "sensor"));
        }
    }

    static void Temperature(List<MeasurementDetail> list, JObject o, string name, Lazy<string> unit, string? sensor)
    {
        if (DcsaJson.Num(o, name) is not { } value) return;
        var celsius = UnitConversion.ToCelsius(value, unit.Value);
        list.Add(new MeasurementDetail(MeasurementTypes.Temperature, celsius, "CEL", value, unit.Value, sensor));
    }

    static void Percent(List<MeasurementDetail> list, JObject o, string name, string type)
    {
        if (DcsaJson.Num(o, name) is { } value)
            list.Add(new MeasurementDetail(type, value, "P1", value, "P1", null));
    }

    /// <summary>The unit of every temperature of the object: CEL or FAH. Without it a temperature cannot be trusted.</summary>
    static string TemperatureUnit(JObject o) => DcsaJson.Str(o, "temperatureUnit") switch
    {
        "CEL" => "CEL",
        "FAH" => "FAH",
        var other => throw new DcsaInputException(DcsaJson.PathOf(o, "temperatureUnit"), "a temperatureUnit of CEL or FAH",
            other is null ? "nothing" : $"'{other}'"),
    };

    static AlarmDetail Adjustment(JObject body)
    {
        // 3.1 sends the adjusted values in setpoints; 3.0 in reeferDetails (internalSetpointTemperature, setpointParameters).
        var (holder, name) = DcsaJson.Obj(body, "setpoints") is { } s ? (s, "temperature")
            : DcsaJson.Obj(body, "reeferDetails") is { } d ? (d, "internalSetpointTemperature") : ((JObject?)null, "");
        if (holder is null || DcsaJson.Num(holder, name) is not { } value)
            return new AlarmDetail(SetpointAdjusted, null, null, null, "reefer setpoints adjusted");
        var unit = TemperatureUnit(holder);
        var celsius = UnitConversion.ToCelsius(value, unit);
        return new AlarmDetail(SetpointAdjusted, null, celsius, "CEL",
            string.Create(CultureInfo.InvariantCulture, $"temperature setpoint adjusted to {value} {unit}"));
    }
}
