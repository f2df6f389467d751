using Logistics.Canonical.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Logistics.Host.Locations;

/// <summary>
/// The current location of a tracked asset (a device stream), kept by an inline projection in the same transaction
/// as the events. Only a newer fix moves it: a late or out-of-order position is counted, never applied backwards.
/// </summary>
public sealed record AssetLocation
{
    // Settable: Marten assigns the stream key as the document id.
    public string Id { get; set; } = "";
    public required double Lat { get; init; }
    public required double Lon { get; init; }
    public double? AccuracyM { get; init; }
    public required string Method { get; init; }
    public required Instant OccurredAt { get; init; }
    public required Instant ReceivedAt { get; init; }
    public required string EventId { get; init; }
    public required string Adapter { get; init; }
    public int FixCount { get; init; }
    /// <summary>Fixes that arrived after a newer one and so did not move the location.</summary>
    public int LateFixCount { get; init; }
}

public sealed class AssetLocationProjection : SingleStreamProjection<AssetLocation, string>
{
    public AssetLocation Create(PositionEvent e) => From(e, fixCount: 1, lateFixCount: 0, id: null);

    public AssetLocation Apply(PositionEvent e, AssetLocation current) =>
        e.OccurredAt >= current.OccurredAt
            ? From(e, current.FixCount + 1, current.LateFixCount, current.Id)
            : current with { FixCount = current.FixCount + 1, LateFixCount = current.LateFixCount + 1 };

    static AssetLocation From(PositionEvent e, int fixCount, int lateFixCount, string? id) => new()
    {
        Id = id ?? "",
        Lat = e.Position.Lat,
        Lon = e.Position.Lon,
        AccuracyM = e.Position.AccuracyM,
        Method = e.Position.Method,
        OccurredAt = e.OccurredAt,
        ReceivedAt = e.ReceivedAt,
        EventId = e.EventId,
        Adapter = e.Source.Adapter,
        FixCount = fixCount,
        LateFixCount = lateFixCount,
    };
}
