using Logistics.Canonical.Events;

namespace Logistics.Host.Shipments;

/// <summary>
/// The one implementation of "the shipment's milestones" and "its ETA", read by the summary and by the notifications
/// subscription alike: milestones are the timeline's milestone entries not retracted; an estimate is an EST/PLN milestone
/// of DELIVERED, ARRIVED or AVAILABLE_FOR_DELIVERY; the newest is the one received last (the carrier's latest word), the
/// later event time among equals. Which leg an estimate is about is <see cref="LegEtas"/>.
/// </summary>
public static class ShipmentEta
{
    static readonly string[] EstimatedArrival = [MilestoneCodes.Delivered, MilestoneCodes.Arrived, MilestoneCodes.AvailableForDelivery];

    public static IReadOnlyList<TimelineEntry> Milestones(IReadOnlyList<TimelineEntry> timeline)
    {
        var retracted = timeline.Where(e => e.Kind == "retraction" && e.SourceEventId is not null).Select(e => e.SourceEventId!).ToHashSet(StringComparer.Ordinal);
        return timeline.Where(e => e.Kind == "milestone" && e.Code is not null && (e.SourceEventId is null || !retracted.Contains(e.SourceEventId))).ToList();
    }

    public static bool IsEstimate(TimelineEntry e) =>
        e.Classifier is nameof(TimeClassifier.EST) or nameof(TimeClassifier.PLN) && EstimatedArrival.Contains(e.Code);

    /// <summary>
    /// The newest estimate: received last; among estimates received together, the later estimated time, then the event id
    /// (so the choice never depends on the order the timeline was read in). An estimate that comes in late — translated
    /// after a newer one, but received before it (a replayed or republished message keeps its receive time) — is older.
    /// </summary>
    public static TimelineEntry? Newest(IEnumerable<TimelineEntry> milestones) =>
        milestones.Where(IsEstimate).OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.At)
            .ThenBy(e => e.EventId, StringComparer.Ordinal).FirstOrDefault();

    public static string Source(TimelineEntry e) => e.Carrier ?? e.Adapter ?? "unknown";
}
