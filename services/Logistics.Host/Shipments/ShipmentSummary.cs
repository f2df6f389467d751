using Logistics.Canonical.Events;
using Logistics.Host.Excursions;
using Logistics.Host.ShipmentReports;
using Marten;
using NodaTime;

namespace Logistics.Host.Shipments;

public sealed record MilestoneView(Instant At, string Code, string? Classifier, string? Carrier, TimelineLocation? Location, string EventId);

/// <summary>Where the shipment is: from one of its devices inside its window, else the carrier's last milestone location.</summary>
public sealed record ShipmentLocation(string Source, Instant At, double? Lat, double? Lon, string? Unlocode, string? Name, string? Device, string EventId);

/// <summary>The newest carrier estimate of arrival or delivery for the last leg that has one (<see cref="LegEtas"/>).</summary>
public sealed record Eta(Instant At, string Classifier, string Source, string Code, string? LegId);

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
    int? ReportVersion)
{
    /// <summary>The newest estimate of each (carrier, leg), in leg order; <see cref="Eta"/> is the last leg's.</summary>
    public IReadOnlyList<CarrierEta> Etas { get; init; } = [];
}

/// <summary>
/// Builds <see cref="ShipmentSummary"/> from the record, the timeline, the device positions, the live excursion state (kept
/// by the live excursion subscription: <c>excursionState</c>, <c>verdict</c>) and the report versions (<c>reportVersion</c>).
/// </summary>
public sealed class ShipmentSummaries(ShipmentTimeline timelines, ShipmentReadings readings, LegEtas legEtas, IDocumentStore store)
{
    static readonly string[] ExceptionCodes = [MilestoneCodes.Exception, MilestoneCodes.CustomsHold];

    public async Task<ShipmentSummary> BuildAsync(string tenantId, ShipmentRecord s, CancellationToken ct)
    {
        var timeline = await timelines.ReadAsync(tenantId, s.ShipmentId, ct);
        var milestones = ShipmentEta.Milestones(timeline);
        var actual = milestones.Where(e => e.Classifier == nameof(TimeClassifier.ACT)).ToList();
        var latest = actual.LastOrDefault();

        ShipmentExcursions? live;
        ShipmentReportLog? reports;
        await using (var session = store.QuerySession(tenantId))
        {
            live = await session.LoadAsync<ShipmentExcursions>(ShipmentStreams.Key(s.ShipmentId), ct);
            reports = await session.LoadAsync<ShipmentReportLog>(ShipmentStreams.Key(s.ShipmentId), ct);
        }
        var position = await readings.LatestPositionAsync(tenantId, s.ShipmentId, ct);
        var location = position is not null
            ? new ShipmentLocation("device", position.OccurredAt, position.Lat, position.Lon, null, null, position.Device, position.EventId)
            : actual.LastOrDefault(m => m.Location is not null) is { } m
                ? new ShipmentLocation("milestone", m.At, m.Location!.Lat, m.Location.Lon, m.Location.Unlocode, m.Location.Name, null, m.EventId)
                : null;

        var etas = legEtas.For(s, timeline);

        var status = actual.Any(e => e.Code == MilestoneCodes.Delivered) ? "delivered"
            : latest is not null && ExceptionCodes.Contains(latest.Code) ? "exception"
            : actual.Any(e => e.Code != MilestoneCodes.Booked) || live?.LastReadingAt is not null || position is not null ? "in-transit"
            : "planned";

        return new ShipmentSummary(s.ShipmentId, s.Reference, s.Refs, s.Product, s.Profile.Id ?? "inline", s.Consignee, s.Legs, s.From, s.To, status,
            s.CreatedAt, s.Devices,
            latest is null ? null : new MilestoneView(latest.At, latest.Code!, latest.Classifier, latest.Carrier, latest.Location, latest.EventId),
            location,
            etas.Final is { } eta ? new Eta(eta.At, eta.Classifier, eta.Carrier, eta.Code, eta.LegId) : null,
            live?.ExcursionState ?? "none",
            live?.LastReadingAt is null ? null : live.Verdict,
            ReportVersion: reports?.Newest?.Version)
        {
            Etas = etas.ByLeg,
        };
    }
}
