using System.Text.Json.Serialization;
using NodaTime;

namespace Logistics.Canonical.Events;

/// <summary>
/// One canonical event (CANONICAL.md). One reading is one event. Each kind is a sealed record below;
/// <see cref="EventId"/> is derived from the natural key so a redelivered or resent message maps to the same id.
/// </summary>
public abstract record CanonicalEvent
{
    /// <summary>Deterministic id (a name-based UUID) over <see cref="NaturalKey"/>; see <see cref="EventIds"/>.</summary>
    public string EventId { get; init; } = "";

    public abstract EventKind Kind { get; }

    /// <summary>When it happened in the world, in UTC, after offset resolution.</summary>
    public required Instant OccurredAt { get; init; }

    /// <summary>The offset the source used, or the inferred one; zero for UTC sources.</summary>
    public required Offset OccurredAtOffset { get; init; }

    public required OffsetSource OffsetSource { get; init; }

    /// <summary>When we received the raw message. Not part of the natural key.</summary>
    public required Instant ReceivedAt { get; init; }

    public required EventSource Source { get; init; }

    public required IReadOnlyList<Reference> Refs { get; init; }

    public Location? Location { get; init; }

    /// <summary>Conditions kept instead of silently corrected (<see cref="EventFlags"/>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>
    /// The natural key: adapter, subject reference, kind-specific code, event time and value.
    /// Deliberately excludes receivedAt and the raw hash: a resent carrier snapshot is the same event.
    /// </summary>
    [JsonIgnore]
    public string NaturalKey =>
        string.Join('|', Source.Adapter, WireNames.Of(Kind), Refs.Count > 0 ? Refs[0].ToString() : "-",
            OccurredAt.ToUnixTimeTicks().ToString(System.Globalization.CultureInfo.InvariantCulture), KindKey());

    /// <summary>The kind-specific part of the natural key (code, value).</summary>
    protected abstract string KindKey();

    /// <summary>This event with <see cref="EventId"/> derived from its natural key.</summary>
    public CanonicalEvent WithDerivedId() => this with { EventId = EventIds.Derive(NaturalKey) };
}

public sealed record MilestoneEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Milestone;
    public required MilestoneDetail Milestone { get; init; }

    protected override string KindKey() =>
        $"{Milestone.Code}|{Milestone.Classifier}|{Location?.Unlocode}|{Source.SourceEventId}";
}

public sealed record MeasurementEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Measurement;
    public required MeasurementDetail Measurement { get; init; }

    protected override string KindKey() =>
        FormattableString.Invariant($"{Measurement.Type}|{Measurement.Sensor}|{Measurement.Value:R}|{Measurement.MinValue:R}|{Measurement.MaxValue:R}");
}

public sealed record PositionEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Position;
    public required PositionDetail Position { get; init; }

    protected override string KindKey() =>
        FormattableString.Invariant($"{Position.Method}|{Position.Lat:R}|{Position.Lon:R}");
}

public sealed record AssociationEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Association;
    public required AssociationDetail Association { get; init; }

    protected override string KindKey() => $"{Association.Action}|{Association.Parent}|{Association.Child}";
}

public sealed record AlarmEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Alarm;
    public required AlarmDetail Alarm { get; init; }

    protected override string KindKey() =>
        FormattableString.Invariant($"{Alarm.Type}|{Alarm.Sensor}|{Alarm.Value:R}");
}

public sealed record RetractionEvent : CanonicalEvent
{
    public override EventKind Kind => EventKind.Retraction;
    public required RetractionDetail Retraction { get; init; }

    protected override string KindKey() => Retraction.RetractedSourceEventId;
}
