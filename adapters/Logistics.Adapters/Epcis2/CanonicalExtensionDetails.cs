using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;

namespace Logistics.Adapters.Epcis2;

/// <summary>The kind-specific part of <see cref="CanonicalExtension"/>: only what the standard EPCIS fields cannot say.</summary>
static class CanonicalExtensionDetails
{
    public static bool TryApply(JObject ext, string path, EpcisJson json, CanonicalEvent e, out CanonicalEvent result)
    {
        result = e;
        switch (e)
        {
            case MilestoneEvent m when Detail(ext, "milestone") is { } d:
                if (!json.TryOptionalString(d, "classifier", path + ".milestone", out var classifier)) return false;
                if (classifier is null) return true;
                if (!Enum.TryParse<TimeClassifier>(classifier, ignoreCase: false, out var c) || !Enum.IsDefined(c))
                    return json.Fail(path + ".milestone.classifier", "ACT, EST or PLN", d["classifier"]);
                result = m with { Milestone = m.Milestone with { Classifier = c } };
                return true;
            case MeasurementEvent me when Detail(ext, "measurement") is { } d:
                var mPath = path + ".measurement";
                if (!json.TryOptionalNumber(d, "originalValue", mPath, out var originalValue)
                    || !json.TryOptionalString(d, "originalUnit", mPath, out var originalUnit)
                    || !json.TryOptionalString(d, "sensor", mPath, out var sensor))
                    return false;
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
                var pPath = path + ".position";
                if (!json.TryOptionalString(d, "method", pPath, out var method)
                    || !json.TryOptionalNumber(d, "speedKmh", pPath, out var speed)
                    || !json.TryOptionalNumber(d, "headingDeg", pPath, out var heading))
                    return false;
                result = p with { Position = p.Position with { Method = method ?? p.Position.Method, SpeedKmh = speed, HeadingDeg = heading } };
                return true;
            case AlarmEvent a when Detail(ext, "alarm") is { } d:
                var aPath = path + ".alarm";
                if (!json.TryOptionalString(d, "type", aPath, out var type)
                    || !json.TryOptionalString(d, "sensor", aPath, out var alarmSensor)
                    || !json.TryOptionalString(d, "description", aPath, out var description))
                    return false;
                result = a with { Alarm = a.Alarm with { Type = type ?? a.Alarm.Type, Sensor = alarmSensor, Description = description } };
                return true;
            default:
                return true;
        }
    }

    static JObject? Detail(JObject ext, string name) => ext[name] as JObject;
}
