using System.Collections.Frozen;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.Onerecord;

/// <summary>The tables of <c>status-map.json</c>: StatusCode → milestone, codes without a milestone, EventTimeType and SensorType.</summary>
sealed class OnerecordCodes
{
    public static readonly OnerecordCodes Default = new(StatusMap.Load("Onerecord"));

    readonly StatusMap _map;

    OnerecordCodes(StatusMap map)
    {
        _map = map;
        WithoutMilestone = map.Section("withoutMilestone");
        TimeTypes = map.Section("timeTypes").ToFrozenDictionary(p => p.Key, p => Enum.Parse<TimeClassifier>(p.Value), StringComparer.Ordinal);
        SensorTypes = map.Section("sensorTypes");
    }

    public FrozenDictionary<string, string> WithoutMilestone { get; }
    public FrozenDictionary<string, TimeClassifier> TimeTypes { get; }

    /// <summary>SensorType → canonical measurement type, or <c>position</c> for GEOLOCATION.</summary>
    public FrozenDictionary<string, string> SensorTypes { get; }

    public bool TryMilestone(string code, out string milestone) => _map.TryMap(code, out milestone);
}
