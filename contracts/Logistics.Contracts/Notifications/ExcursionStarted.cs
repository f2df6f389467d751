using NodaTime;

namespace Logistics.Contracts.Notifications;

/// <summary>A logger of a shipment went out of a profile zone's range (webhook event <c>excursion</c>).</summary>
public sealed record ExcursionStarted : IShipmentNotification
{
    public required string NotificationId { get; init; }
    public required string TenantId { get; init; }
    public required string ShipmentId { get; init; }
    /// <summary>The first out-of-range reading.</summary>
    public required Instant OccurredAt { get; init; }
    public required string DeviceId { get; init; }
    public required string ZoneId { get; init; }
    public double? Celsius { get; init; }
    public string? LegId { get; init; }
    public string? Custodian { get; init; }
}
