namespace Logistics.Canonical.Events;

/// <summary>The <c>kind</c> of a canonical event; its wire name is the lower-case word.</summary>
public enum EventKind
{
    Milestone,
    Measurement,
    Position,
    Association,
    Alarm,
    Retraction,
}

/// <summary>Where the offset of <c>occurredAt</c> came from (CANONICAL.md, time resolution).</summary>
public enum OffsetSource
{
    /// <summary>The source wrote the offset (or the time in UTC) itself.</summary>
    Explicit,
    /// <summary>Local time without zone; the zone was inferred from the event's location.</summary>
    Inferred,
    /// <summary>Local time without zone and no usable location: taken as UTC.</summary>
    AssumedUtc,
}

/// <summary>Actual, estimated or planned: estimates and plans never count as the milestone having happened.</summary>
public enum TimeClassifier
{
    ACT,
    EST,
    PLN,
}

public static class WireNames
{
    public static string Of(EventKind kind) => kind switch
    {
        EventKind.Milestone => "milestone",
        EventKind.Measurement => "measurement",
        EventKind.Position => "position",
        EventKind.Association => "association",
        EventKind.Alarm => "alarm",
        EventKind.Retraction => "retraction",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(OffsetSource source) => source switch
    {
        OffsetSource.Explicit => "explicit",
        OffsetSource.Inferred => "inferred",
        OffsetSource.AssumedUtc => "assumed-utc",
        _ => throw new ArgumentOutOfRangeException(nameof(source)),
    };

    public static EventKind ParseKind(string s) => s switch
    {
        "milestone" => EventKind.Milestone,
        "measurement" => EventKind.Measurement,
        "position" => EventKind.Position,
        "association" => EventKind.Association,
        "alarm" => EventKind.Alarm,
        "retraction" => EventKind.Retraction,
        _ => throw new FormatException($"unknown event kind '{s}'"),
    };

    public static OffsetSource ParseOffsetSource(string s) => s switch
    {
        "explicit" => OffsetSource.Explicit,
        "inferred" => OffsetSource.Inferred,
        "assumed-utc" => OffsetSource.AssumedUtc,
        _ => throw new FormatException($"unknown offsetSource '{s}'"),
    };
}
