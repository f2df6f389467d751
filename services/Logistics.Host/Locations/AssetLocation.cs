using JasperFx.Events;
using Logistics.Canonical.Events;
using Marten.Events.Aggregation;
using NodaTime;

namespace Logistics.Host.Locations;

/// <summary>
/// The current location of a tracked asset (a device stream), kept by an inline projection in the same transaction
/// as the events. Only a newer fix moves it: a late or out-of-order position is counted, never applied backwards, and a
/// flagged fix (<see cref="PositionFlags"/>) is counted and never applied at all.
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
    /// <summary>Fixes with a disqualifying flag (clock in the future, invalid source…): kept, never applied.</summary>
    public int FlaggedFixCount { get; init; }

    /// <summary>The entity tag of this representation: it changes whenever any field does.</summary>
    public string ETag() => $"\"{EventId}.{FixCount}.{LateFixCount}.{FlaggedFixCount}\"";
}

public sealed class AssetLocationProjection : SingleStreamProjection<AssetLocation, string>
{
    public override AssetLocation? Evolve(AssetLocation? snapshot, string id, IEvent e)
    {
        if (e.Data is not PositionEvent p) return snapshot;
        if (PositionFlags.Disqualifies(p.Flags))
            return snapshot is null ? null : snapshot with { FixCount = snapshot.FixCount + 1, FlaggedFixCount = snapshot.FlaggedFixCount + 1 };
        if (snapshot is null) return From(p, fixCount: 1, lateFixCount: 0, flagged: 0, id);
        return p.OccurredAt >= snapshot.OccurredAt
            ? From(p, snapshot.FixCount + 1, snapshot.LateFixCount, snapshot.FlaggedFixCount, snapshot.Id)
            : snapshot with { FixCount = snapshot.FixCount + 1, LateFixCount = snapshot.LateFixCount + 1 };
    }

    static AssetLocation From(PositionEvent e, int fixCount, int lateFixCount, int flagged, string id) => new()
    {
        Id = id,
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
        FlaggedFixCount = flagged,
    };
}
