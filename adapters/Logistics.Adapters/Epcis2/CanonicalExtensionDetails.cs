using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Epcis2;

/// <summary>The kind-specific part of <see cref="CanonicalExtension"/>: only what the standard EPCIS fields cannot say.</summary>
static class CanonicalExtensionDetails
{
    public static bool TryApply(JObject ext, JsonInput json, CanonicalEvent e, out CanonicalEvent result)
    {
        result = e;
        switch (e)
        {
            case MilestoneEvent m when Detail(ext, "milestone") is { } d:
                var classifier = json.String(d, "classifier");
                if (json.Failed) return false;
                if (classifier is null) return true;
                if (!Enum.TryParse<TimeClassifier>(classifier, ignoreCase: false, out var c) || !Enum.IsDefined(c))
                    return json.Fail(d["classifier"]!, "ACT, EST or PLN");
                result = m with { Milestone = m.Milestone with { Classifier = c } };
                return true;
            case MeasurementEvent me when Detail(ext, "measurement") is { } d:
                var originalValue = json.Number(d, "originalValue");
                var originalUnit = json.String(d, "originalUnit");
                var sensor = json.String(d, "sensor");
                if (json.Failed) return false;
                result = me with
                {
                    Measurement = me.Measurement with
                    {
                        OriginalValue = originalValue ?? me.Measurement.OriginalValue,
                        OriginalUnit = originalUnit ?? me.Measurement.OriginalUnit,
                        Sensor = sensor,
                    },
                };
                return true;
            case PositionEvent p when Detail(ext, "position") is { } d:
                var method = json.String(d, "method");
                var speed = json.Number(d, "speedKmh");
                var heading = json.Number(d, "headingDeg");
                if (json.Failed) return false;
                result = p with { Position = p.Position with { Method = method ?? p.Position.Method, SpeedKmh = speed, HeadingDeg = heading } };
                return true;
            case AlarmEvent a when Detail(ext, "alarm") is { } d:
                var type = json.String(d, "type");
                var alarmSensor = json.String(d, "sensor");
                var description = json.String(d, "description");
                if (json.Failed) return false;
                result = a with { Alarm = a.Alarm with { Type = type ?? a.Alarm.Type, Sensor = alarmSensor, Description = description } };
                return true;
            default:
                return true;
        }
    }

    static JObject? Detail(JObject ext, string name) => ext[name] as JObject;
}
