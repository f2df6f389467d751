using Logistics.Canonical.Events;
using Logistics.Gxp.Reports;
using NodaTime;

namespace Logistics.Host.Shipments;

public sealed record MilestoneView(Instant At, string Code, string? Classifier, string? Carrier, TimelineLocation? Location, string EventId);

/// <summary>Where the shipment is: from one of its devices inside its window, else the carrier's last milestone location.</summary>
public sealed record ShipmentLocation(string Source, Instant At, double? Lat, double? Lon, string? Unlocode, string? Name, string? Device, string EventId);

/// <summary>The newest carrier estimate of arrival or delivery.</summary>
public sealed record Eta(Instant At, string Classifier, string Source, string Code);

/// <summary>The summary of API.md: the registration, plus what the stored record says now.</summary>
public sealed record ShipmentSummary(
    string Id,
    string Reference,
    IReadOnlyList<ShipmentRef> Refs,
    Product? Product,
    string Profile,
    string? Consignee,
    IReadOnlyList<LegSpec> Legs,
    Instant? From,
    Instant? To,
    string Status,
    Instant CreatedAt,
    IReadOnlyList<DeviceWindow> Devices,
    MilestoneView? LatestMilestone,
    ShipmentLocation? Location,
    Eta? Eta,
    string ExcursionState,
    string? Verdict,
    int? ReportVersion);

/// <summary>Builds <see cref="ShipmentSummary"/> from the record, the timeline, the device positions and the assessment.</summary>
public sealed class ShipmentSummaries(ShipmentTimeline timelines, ShipmentReadings readings, ShipmentAssessments assessments)
{
    static readonly string[] EstimatedArrival = [MilestoneCodes.Delivered, MilestoneCodes.Arrived, MilestoneCodes.AvailableForDelivery];
    static readonly string[] ExceptionCodes = [MilestoneCodes.Exception, MilestoneCodes.CustomsHold];

    public async Task<ShipmentSummary> BuildAsync(string tenantId, ShipmentRecord s, CancellationToken ct)
    {
        var timeline = await timelines.ReadAsync(tenantId, s.ShipmentId, ct);
        var retracted = timeline.Where(e => e.Kind == "retraction" && e.SourceEventId is not null).Select(e => e.SourceEventId!).ToHashSet(StringComparer.Ordinal);
        var milestones = timeline.Where(e => e.Kind == "milestone" && e.Code is not null
                                             && (e.SourceEventId is null || !retracted.Contains(e.SourceEventId))).ToList();
        var actual = milestones.Where(e => e.Classifier == nameof(TimeClassifier.ACT)).ToList();
        var latest = actual.LastOrDefault();

        var assessment = await assessments.AssessAsync(tenantId, s, ct);
        var position = await readings.LatestPositionAsync(tenantId, s.ShipmentId, ct);
        var location = position is not null
            ? new ShipmentLocation("device", position.OccurredAt, position.Lat, position.Lon, null, null, position.Device, position.EventId)
            : actual.LastOrDefault(m => m.Location is not null) is { } m
                ? new ShipmentLocation("milestone", m.At, m.Location!.Lat, m.Location.Lon, m.Location.Unlocode, m.Location.Name, null, m.EventId)
                : null;

        // The newest estimate: the one received last (the carrier's latest word), the later event time among equals.
        var eta = milestones.Where(e => e.Classifier is nameof(TimeClassifier.EST) or nameof(TimeClassifier.PLN) && EstimatedArrival.Contains(e.Code))
            .OrderByDescending(e => e.ReceivedAt).ThenByDescending(e => e.At).FirstOrDefault();

        var status = actual.Any(e => e.Code == MilestoneCodes.Delivered) ? "delivered"
            : latest is not null && ExceptionCodes.Contains(latest.Code) ? "exception"
            : actual.Any(e => e.Code != MilestoneCodes.Booked) || assessment is not null || position is not null ? "in-transit"
            : "planned";

        return new ShipmentSummary(s.ShipmentId, s.Reference, s.Refs, s.Product, s.Profile.Id ?? "inline", s.Consignee, s.Legs, s.From, s.To, status,
            s.CreatedAt, s.Devices,
            latest is null ? null : new MilestoneView(latest.At, latest.Code!, latest.Classifier, latest.Carrier, latest.Location, latest.EventId),
            location,
            eta is null ? null : new Eta(eta.At, eta.Classifier!, eta.Carrier ?? eta.Adapter ?? "unknown", eta.Code!),
            ShipmentAssessments.ExcursionState(assessment),
            assessment is null ? null : GxpFormat.Name(assessment.Verdict),
            ReportVersion: null);
    }
}
