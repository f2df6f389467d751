using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>A profile rule of a shipment triggered: a zone's delay crossed, MKT or a budget (webhook event <c>alarm</c>).</summary>
public sealed record AlarmRaised : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    /// <summary>The alarm's triggeredAt.</summary>
    public required Instant OccurredAt { get; init; }
    public required string DeviceId { get; init; }
    public required string ZoneId { get; init; }
    /// <summary>single, cumulative, mkt, budget…</summary>
    public required string AlarmType { get; init; }
    public string? LegId { get; init; }
    public string? Custodian { get; init; }
}
