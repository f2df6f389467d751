using System.Collections.Frozen;
using Logistics.Adapters.Sdk;
using Logistics.Canonical.Events;

namespace Logistics.Adapters.EdifactIftsta;

/// <summary>The tables of <c>status-map.json</c>: STS status codes, DTM qualifiers (<c>dates</c>) and RFF qualifiers (<c>refQualifiers</c>).</summary>
sealed class IftstaCodes
{
    public static readonly IftstaCodes Default = new(StatusMap.Load("EdifactIftsta"));

    readonly StatusMap _map;

    IftstaCodes(StatusMap map)
    {
        _map = map;
        var dates = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (qualifier, role) in map.Section("dates"))
        {
            if (role == "status") dates[qualifier] = null;
            else if (role.StartsWith("EST ", StringComparison.Ordinal) && MilestoneCodes.IsKnown(role[4..])) dates[qualifier] = role[4..];
            else throw new InvalidOperationException($"edifact-iftsta status-map.json: dates.{qualifier} '{role}' is neither 'status' nor 'EST <milestone>'");
        }
        Dates = dates.ToFrozenDictionary(StringComparer.Ordinal);
        RefSchemes = map.Section("refQualifiers");
    }

    /// <summary>DTM qualifier → null for a date of the status itself, or the milestone an estimate forecasts.</summary>
    public FrozenDictionary<string, string?> Dates { get; }

    public FrozenDictionary<string, string> RefSchemes { get; }

    public bool TryMilestone(string code, out string milestone) => _map.TryMap(code, out milestone);
}
