using System.Collections.Frozen;
using Logistics.Canonical.Events;
using Newtonsoft.Json.Linq;
using NodaTime;
using NodaTime.Text;

namespace Logistics.Adapters.Sdk.Mapping;

/// <summary>A loaded, checked <c>mapping.json</c>: what the adapter is, and the rules that turn a document into events.</summary>
public sealed record MappingDefinition(AdapterInfo Info, string Document, ValueSpec? Carrier, IReadOnlyList<EventRule> Rules,
    FrozenDictionary<string, FrozenDictionary<string, string?>> Tables)
{
    /// <summary>Where the carrier documents the format (the mapping's <c>docs</c>).</summary>
    public string? Docs { get; init; }
}

/// <summary>What one rule makes of each object its selector finds.</summary>
public enum RuleKind
{
    Milestone,
    Measurement,
    Position,
}

/// <summary>
/// One rule: the objects <see cref="Select"/> finds are source events; each becomes one canonical event of
/// <see cref="Kind"/> with the header read from <see cref="Time"/>, <see cref="Refs"/>, <see cref="Location"/>.
/// </summary>
public sealed record EventRule(string MappingPath, JsonSelector Select, RuleKind Kind, TimeSpec Time, IReadOnlyList<RefSpec> Refs)
{
    public LocationSpec? Location { get; init; }

    /// <summary>Milestones: the source's status code, looked up in its table (value null in the table: known, no milestone).</summary>
    public ValueSpec? Code { get; init; }

    /// <summary>Milestones: ACT/EST/PLN, a constant or looked up; ACT when absent.</summary>
    public ValueSpec? Classifier { get; init; }

    public ValueSpec? SourceEventId { get; init; }

    public MeasurementSpec? Measurement { get; init; }

    public PositionSpec? Position { get; init; }
}

/// <summary>
/// A value read from the document: a constant, or the text of one or more selectors joined (<see cref="Join"/>) — or,
/// with <see cref="FirstFound"/>, the first selector that finds something — then optionally looked up in a table.
/// <see cref="KeepUnknown"/>: a value the table does not list is kept as read instead of rejected.
/// </summary>
public sealed record ValueSpec(string MappingPath, IReadOnlyList<JsonSelector> Paths, string? Constant)
{
    public string Join { get; init; } = " ";

    /// <summary>The paths are alternatives (<c>"first": [...]</c>): the first that finds a value wins.</summary>
    public bool FirstFound { get; init; }

    /// <summary>
    /// A regular expression the text must match; its first group (or the whole match) is the value (<c>"Amman, Jordan"</c>
    /// with <c>", ([^,]+)$"</c> → <c>Jordan</c>). No match: no value. Non-backtracking, so a hostile input cannot stall it.
    /// </summary>
    public System.Text.RegularExpressions.Regex? Match { get; init; }

    public string? Table { get; init; }

    public bool KeepUnknown { get; init; }

    public string? Default { get; init; }

    /// <summary>The path a missing value would have had, for the rejection that names it.</summary>
    public string WhereMissing(JToken evt)
    {
        if (Paths.Count == 0) return JsonInput.PathOf(evt);
        var p = Paths[0];
        return p.Root == SelectorRoot.Document ? p.Text : JsonInput.PathOf(evt) + p.Text[1..];
    }
}

/// <summary>A reference: its scheme (CANONICAL.md) and where its values are (each match is one reference).</summary>
public sealed record RefSpec(string Scheme, ValueSpec Value);

/// <summary>
/// Where the event happened. The UN/LOCODE, airport, city, region and country also give the zone of a local time
/// (CANONICAL.md's zone rule); <see cref="Name"/> joins its parts with ", ".
/// </summary>
public sealed record LocationSpec(ValueSpec? Unlocode, ValueSpec? Iata, ValueSpec? Name, ValueSpec? City, ValueSpec? Region,
    ValueSpec? Country, ValueSpec? Lat, ValueSpec? Lon);

/// <summary>A reading: its canonical type, value, unit (a Rec 20 code or a spelling like °F) and sensor.</summary>
public sealed record MeasurementSpec(ValueSpec Type, ValueSpec Value, ValueSpec Unit, ValueSpec? Sensor);

/// <summary>A position fix: latitude, longitude (decimal degrees), accuracy in metres, method.</summary>
public sealed record PositionSpec(ValueSpec Lat, ValueSpec Lon, ValueSpec? Accuracy, string Method);

/// <summary>How a source time is written.</summary>
public enum TimeFormat
{
    /// <summary>ISO-8601 / RFC 3339, with or without an offset.</summary>
    Iso,
    /// <summary>Unix seconds (UTC).</summary>
    UnixSeconds,
    /// <summary>Unix milliseconds (UTC).</summary>
    UnixMilliseconds,
    /// <summary>Microsoft JSON dates: <c>/Date(1499148000000+0300)/</c>.</summary>
    MicrosoftJson,
    /// <summary>A NodaTime pattern; with an offset field (<c>o&lt;…&gt;</c>) the time is explicit, else local.</summary>
    Pattern,
}

/// <summary>One way a time may be written: the format and, for a pattern, the compiled NodaTime pattern.</summary>
public sealed record TimeFormatSpec(TimeFormat Format, string Text)
{
    public LocalDateTimePattern? LocalPattern { get; init; }

    public OffsetDateTimePattern? OffsetPattern { get; init; }
}

/// <summary>
/// The event time: where it is (one or more selectors joined with a space: a date and a time field), the formats it
/// may be written in (tried in order), and, for a local time, where its zone comes from — an <see cref="Offset"/>
/// field, a fixed documented <see cref="Zone"/>, else the event's place.
/// </summary>
public sealed record TimeSpec(ValueSpec Value, IReadOnlyList<TimeFormatSpec> Formats)
{
    /// <summary>The formats as the mapping names them, for rejections ("iso or ms-json").</summary>
    public string FormatText => string.Join(" or ", Formats.Select(f => f.Text));

    /// <summary>A field holding the offset (<c>+01:00</c>, <c>-0500</c>, <c>Z</c>) of a local time.</summary>
    public ValueSpec? Offset { get; init; }

    /// <summary>The zone the carrier documents its local times in (e.g. Europe/Amsterdam), when it is one zone.</summary>
    public DateTimeZone? Zone { get; init; }
}

/// <summary>The canonical vocabulary a mapping's values are checked against when it loads.</summary>
static class Vocabulary
{
    public static readonly IReadOnlySet<string> Classifiers = new HashSet<string>(StringComparer.Ordinal) { "ACT", "EST", "PLN" };

    public static bool IsMilestone(string code) => MilestoneCodes.IsKnown(code);
}
