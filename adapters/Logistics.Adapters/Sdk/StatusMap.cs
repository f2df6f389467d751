using System.Collections.Frozen;
using System.Text.Json;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// A carrier's status codes → canonical milestone codes, kept as data (<c>status-map.json</c> beside the adapter), so a
/// mapping decision is reviewed as data, not hidden in code. Format:
/// <c>{"source": "where the codes are defined", "map": {"SOURCE_CODE": "MILESTONE_CODE", …}, "&lt;section&gt;": {…}, "notes": {…}}</c>.
/// Besides <c>map</c>, any object of strings is a named <see cref="Section"/> the adapter reads for its own tables
/// (x12-214: <c>classifiers</c>, <c>locationParty</c>; epcis2: <c>export</c>); keys starting with <c>_</c> are comments,
/// and <c>notes</c> is documentation only.
/// </summary>
public sealed class StatusMap
{
    public const string MapSection = "map";
    public const string NotesSection = "notes";

    readonly FrozenDictionary<string, FrozenDictionary<string, string>> _sections;

    StatusMap(string source, FrozenDictionary<string, string> map, FrozenDictionary<string, FrozenDictionary<string, string>> sections) =>
        (Source, Map, _sections) = (source, map, sections);

    /// <summary>Where the codes are defined, and which mappings are judgement.</summary>
    public string Source { get; }

    /// <summary>Source code → milestone code (the <c>map</c> section).</summary>
    public FrozenDictionary<string, string> Map { get; }

    /// <summary>The names of the sections besides <c>map</c> and <c>notes</c>.</summary>
    public IReadOnlyCollection<string> SectionNames => _sections.Keys;

    public bool TryMap(string sourceCode, out string milestoneCode) => Map.TryGetValue(sourceCode, out milestoneCode!);

    /// <summary>A named section (empty when the file has none by that name).</summary>
    public FrozenDictionary<string, string> Section(string name) =>
        _sections.TryGetValue(name, out var section) ? section : FrozenDictionary<string, string>.Empty;

    /// <summary>A map built from tables already read (a declarative mapping's code table).</summary>
    public static StatusMap Of(string source, IEnumerable<KeyValuePair<string, string>> map,
        IEnumerable<KeyValuePair<string, IEnumerable<KeyValuePair<string, string>>>>? sections = null) =>
        new(source, map.ToFrozenDictionary(StringComparer.Ordinal),
            (sections ?? []).ToFrozenDictionary(s => s.Key, s => s.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal));

    /// <summary>Loads <c>&lt;folder&gt;/status-map.json</c>, embedded from the adapter's folder (a build-time file: a missing or malformed one throws at start-up).</summary>
    public static StatusMap Load(string adapterFolder)
    {
        var name = $"{adapterFolder}/status-map.json";
        using var stream = typeof(StatusMap).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"no embedded status map '{name}'");
        using var doc = JsonDocument.Parse(stream);
        return Parse(doc.RootElement, name);
    }

    /// <summary>Reads a status map document; <paramref name="name"/> names it in the exception a malformed one throws.</summary>
    public static StatusMap Parse(JsonElement root, string name)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty(MapSection, out var map) || map.ValueKind != JsonValueKind.Object)
            throw new InvalidOperationException($"status map '{name}': expected an object with a \"map\" object");
        var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() ?? "" : "";
        var sections = new Dictionary<string, FrozenDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var p in root.EnumerateObject())
        {
            if (p.Name is MapSection or NotesSection || p.Value.ValueKind != JsonValueKind.Object) continue;
            sections[p.Name] = Strings(p.Value, name, p.Name);
        }
        return new StatusMap(source, Strings(map, name, MapSection), sections.ToFrozenDictionary(StringComparer.Ordinal));
    }

    static FrozenDictionary<string, string> Strings(JsonElement section, string name, string sectionName) =>
        section.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToFrozenDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String
                ? p.Value.GetString()!
                : throw new InvalidOperationException($"status map '{name}': {sectionName}.{p.Name} is not a string"), StringComparer.Ordinal);
}
