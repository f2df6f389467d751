using System.Collections.Frozen;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.X12_214;

/// <summary>
/// AT701 shipment status codes (X12 element 1650) and AT703 appointment codes → milestones, from
/// <c>status-map.json</c>; its <c>classifiers</c> section marks the codes that are estimates (AG, X2, …) or
/// appointments (plans), which keep the milestone they forecast with classifier EST or PLN; its <c>locationParty</c>
/// section names the header party (ship-from or ship-to) where a status without its own place happened.
/// </summary>
sealed class X12StatusCodes
{
    public static readonly X12StatusCodes Default = Load();

    readonly StatusMap _map;
    readonly FrozenDictionary<string, TimeClassifier> _classifiers;
    readonly FrozenDictionary<string, string[]> _locationParties;

    X12StatusCodes(StatusMap map, FrozenDictionary<string, TimeClassifier> classifiers, FrozenDictionary<string, string[]> locationParties) =>
        (_map, _classifiers, _locationParties) = (map, classifiers, locationParties);

    /// <summary>The N101 entity codes (e.g. SF, SH) of the header party where a status with this code takes place.</summary>
    public bool TryGetLocationParty(string code, out string[] entityCodes) => _locationParties.TryGetValue(code, out entityCodes!);

    public bool TryMap(string code, out string milestone, out TimeClassifier classifier)
    {
        classifier = _classifiers.TryGetValue(code, out var c) ? c : TimeClassifier.ACT;
        return _map.TryMap(code, out milestone);
    }

    static X12StatusCodes Load()
    {
        var map = StatusMap.Load("X12_214");
        return new X12StatusCodes(map,
            map.Section("classifiers").ToFrozenDictionary(p => p.Key, p => Enum.Parse<TimeClassifier>(p.Value), StringComparer.Ordinal),
            map.Section("locationParty").ToFrozenDictionary(p => p.Key, p => p.Value.Split(' '), StringComparer.Ordinal));
    }
}
