using Logistics.Canonical.Events;
using Logistics.Canonical.Time;
using NodaTime;

namespace Logistics.Adapters.DcsaTnt;

/// <summary>The fields every canonical event of one DCSA event shares; each factory returns the event with its derived id.</summary>
sealed record EventFrame(ResolvedTime Time, Instant ReceivedAt, EventSource Source, IReadOnlyList<Reference> Refs, Location? Location, IReadOnlyList<string> Flags)
{
    public CanonicalEvent Milestone(string code, TimeClassifier classifier) => new MilestoneEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = Flags,
        Milestone = new MilestoneDetail(code, classifier),
    }.WithDerivedId();

    public CanonicalEvent Measurement(MeasurementDetail detail) => new MeasurementEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = Flags,
        Measurement = detail,
    }.WithDerivedId();

    public CanonicalEvent Alarm(AlarmDetail detail) => new AlarmEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = Flags,
        Alarm = detail,
    }.WithDerivedId();

    public CanonicalEvent Retraction(RetractionDetail detail) => new RetractionEvent
    {
        OccurredAt = Time.Utc, OccurredAtOffset = Time.Offset, OffsetSource = Time.Source, ReceivedAt = ReceivedAt,
        Source = Source, Refs = Refs, Location = Location, Flags = Flags,
        Retraction = detail,
    }.WithDerivedId();
}
