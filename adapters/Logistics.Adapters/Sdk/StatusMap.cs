using System.Collections.Frozen;
using System.Text.Json;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// A carrier's status codes → canonical milestone codes, kept as data (<c>status-map.json</c> beside the adapter),
/// so a mapping decision is reviewed as data, not hidden in code. Format:
/// <c>{"source": "where the codes are defined", "map": {"SOURCE_CODE": "MILESTONE_CODE", …}}</c>.
/// </summary>
public sealed class StatusMap
{
    public string Source { get; }
    public FrozenDictionary<string, string> Map { get; }

    StatusMap(string source, FrozenDictionary<string, string> map) => (Source, Map) = (source, map);

    public bool TryMap(string sourceCode, out string milestoneCode) => Map.TryGetValue(sourceCode, out milestoneCode!);

    /// <summary>Loads <c>&lt;folder&gt;/status-map.json</c>, embedded from the adapter's folder.</summary>
    public static StatusMap Load(string adapterFolder)
    {
        var name = $"{adapterFolder}/status-map.json";
        using var stream = typeof(StatusMap).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no embedded status map '{name}'");
        using var doc = JsonDocument.Parse(stream);
        var map = doc.RootElement.GetProperty("map").EnumerateObject()
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
        var source = doc.RootElement.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "";
        return new StatusMap(source, map);
    }
}
