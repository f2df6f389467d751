using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.Sdk;

/// <summary>
/// The fields every canonical event shares — when (resolved time), received, source, references, place, flags — and
/// the one place that turns them into events. Each factory returns the event with its id derived from the natural key
/// and with the clock flags of <see cref="ClockChecks"/> (a time before 2000, a GPS week rollover, more than 25 h
/// ahead of reception) followed by <see cref="Flags"/>. Estimated and planned milestones lie in the future by nature:
/// they get no clock flags.
/// </summary>
/// <example><code>
/// var header = EventHeader.For(context, time, refs, sourceCode: "DEPA") with { Location = place };
/// events.Add(header.Milestone(MilestoneCodes.Departed, TimeClassifier.ACT));
/// </code></example>
public sealed record EventHeader(ResolvedTime Time, Instant ReceivedAt, EventSource Source, IReadOnlyList<Reference> Refs)
{
    public Location? Location { get; init; }

    /// <summary>Conditions the adapter found besides the clock checks (e.g. <see cref="EventFlags.SourceInvalid"/>).</summary>
    public IReadOnlyList<string> Flags { get; init; } = [];

    /// <summary>A header with the context's receive time and a source naming the adapter, carrier, raw hash and the source's code.</summary>
    public static EventHeader For(TranslationContext context, ResolvedTime time, IReadOnlyList<Reference> refs,
        string? sourceCode = null, string? sourceEventId = null) =>
        new(time, context.ReceivedAt, context.SourceFor(sourceCode, sourceEventId), refs);

    /// <summary>This header at another time (a reading with its own timestamp).</summary>
    public EventHeader At(ResolvedTime time) => this with { Time = time };

    /// <summary>This header with one more flag (kept once).</summary>
    public EventHeader WithFlag(string flag) => Flags.Contains(flag) ? this : this with { Flags = [.. Flags, flag] };

    public MilestoneEvent Milestone(string code, TimeClassifier classifier) => Derive(new MilestoneEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = EventFlagsFor(classifier == TimeClassifier.ACT),
        Milestone = new MilestoneDetail(code, classifier),
    });

    public MeasurementEvent Measurement(MeasurementDetail detail) => Derive(new MeasurementEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = EventFlagsFor(actual: true),
        Measurement = detail,
    });

    /// <summary>
    /// A position fix. One at exactly 0°, 0° ("null island", in the Gulf of Guinea) is flagged
    /// <see cref="EventFlags.SourceInvalid"/>: it is what trackers without a GNSS lock report in formats that carry no
    /// validity bit (Cayenne LPP, most JSON decoders), not a place a shipment is.
    /// </summary>
    public PositionEvent Position(PositionDetail detail) => Derive(new PositionEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location,
        Flags = (IsNullIsland(detail) ? WithFlag(EventFlags.SourceInvalid) : this).EventFlagsFor(actual: true),
        Position = detail,
    });

    static bool IsNullIsland(PositionDetail p) => p.Lat == 0 && p.Lon == 0;

    public AlarmEvent Alarm(AlarmDetail detail) => Derive(new AlarmEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = EventFlagsFor(actual: true),
        Alarm = detail,
    });

    /// <summary>An association; its refs are the parent and the child, whatever the header's refs.</summary>
    public AssociationEvent Association(AssociationDetail detail) => Derive(new AssociationEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = [detail.Parent, detail.Child], Location = Location, Flags = EventFlagsFor(actual: true),
        Association = detail,
    });

    public RetractionEvent Retraction(RetractionDetail detail) => Derive(new RetractionEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = EventFlagsFor(actual: true),
        Retraction = detail,
    });

    IReadOnlyList<string> EventFlagsFor(bool actual)
    {
        if (!actual) return Flags;
        var clock = ClockChecks.Flags(Time.Utc, ReceivedAt);
        return clock.Count == 0 ? Flags : Flags.Count == 0 ? clock : [.. clock, .. Flags.Where(f => !clock.Contains(f))];
    }

    static T Derive<T>(T e) where T : CanonicalEvent => (T)e.WithDerivedId();
}
