using Marten.Events.Aggregation;
using NodaTime;

namespace Logistics.Host.Shipments;

/// <summary>One device window of a shipment.</summary>
public sealed record DeviceWindow(string Device, Instant From, Instant? To, string Position);

/// <summary>
/// What was registered about a shipment and changed since (devices, shares): a Marten document kept inline from the
/// shipment stream, one per shipment, in its tenant. The live parts of the summary (milestones, location, ETA,
/// excursions) are read from the read-model tables through the identifier index (<see cref="ShipmentSummaries"/>).
/// </summary>
public sealed record ShipmentRecord
{
    /// <summary>The document id Marten gives it: the stream key <c>shipment:&lt;id&gt;</c>.</summary>
    public string Id { get; set; } = "";
    /// <summary>The shipment's own id (<c>shp_…</c>), as the API shows it.</summary>
    public required string ShipmentId { get; init; }
    public required string Reference { get; init; }
    public required IReadOnlyList<ShipmentRef> Refs { get; init; }
    public Product? Product { get; init; }
    public required ProfileSpec Profile { get; init; }
    public string? Consignee { get; init; }
    public IReadOnlyList<LegSpec> Legs { get; init; } = [];
    public Instant? From { get; init; }
    public Instant? To { get; init; }
    public required Instant CreatedAt { get; init; }
    public IReadOnlyList<DeviceWindow> Devices { get; init; } = [];
    public IReadOnlyList<string> SharedWith { get; init; } = [];
}

public sealed class ShipmentRecordProjection : SingleStreamProjection<ShipmentRecord, string>
{
    public ShipmentRecord Create(ShipmentRegistered e) => new()
    {
        Id = ShipmentStreams.Key(e.ShipmentId),
        ShipmentId = e.ShipmentId,
        Reference = e.Reference,
        Refs = e.Refs,
        Product = e.Product,
        Profile = e.Profile,
        Consignee = e.Consignee,
        Legs = e.Legs,
        From = e.From,
        To = e.To,
        CreatedAt = e.RegisteredAt,
    };

    public ShipmentRecord Apply(DeviceAttached e, ShipmentRecord current) =>
        current with { Devices = [.. current.Devices, new DeviceWindow(e.Device, e.From, e.To, e.Position)] };

    public ShipmentRecord Apply(DeviceWindowEnded e, ShipmentRecord current) =>
        current with { Devices = current.Devices.Select(d => d.Device == e.Device && d.From == e.WindowFrom ? d with { To = e.To } : d).ToList() };

    public ShipmentRecord Apply(ShipmentShared e, ShipmentRecord current) =>
        current.SharedWith.Contains(e.GranteeTenantId) ? current : current with { SharedWith = [.. current.SharedWith, e.GranteeTenantId] };
}
