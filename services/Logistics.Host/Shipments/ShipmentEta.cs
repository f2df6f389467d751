using Logistics.Canonical.Events;
using NodaTime;

namespace Logistics.Host.Shipments;

/// <summary>The newest estimate of one carrier (and the leg it carries, when a leg names it as custodian).</summary>
public sealed record CarrierEta(string Carrier, string? LegId, Instant At, string Classifier, string Code, Instant IssuedAt, string EventId);

/// <summary>
/// The one implementation of "the shipment's milestones" and "its ETA", read by the summary and by the notifications
/// subscription alike: milestones are the timeline's milestone entries not retracted; an estimate is an EST/PLN milestone
/// of DELIVERED, ARRIVED or AVAILABLE_FOR_DELIVERY; the newest is the one received last (the carrier's latest word), the
/// later event time among equals.
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

    public static TimelineEntry? Newest(IEnumerable<TimelineEntry> milestones) =>
        milestones.Where(IsEstimate).OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.At).FirstOrDefault();

    public static string Source(TimelineEntry e) => e.Carrier ?? e.Adapter ?? "unknown";

    /// <summary>The newest estimate per carrier, with the leg whose custodian that carrier is.</summary>
    public static IReadOnlyList<CarrierEta> ByCarrier(IEnumerable<TimelineEntry> milestones, IReadOnlyList<LegSpec> legs) =>
        milestones.Where(IsEstimate).GroupBy(Source, StringComparer.Ordinal)
            .Select(g => Newest(g)!)
            .Select(e => new CarrierEta(Source(e), legs.FirstOrDefault(l => string.Equals(l.Custodian, Source(e), StringComparison.OrdinalIgnoreCase))?.Id,
                e.At, e.Classifier!, e.Code!, e.ReceivedAt, e.EventId))
            .OrderBy(e => e.At).ToList();
}
